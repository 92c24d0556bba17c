import { plural, type Pattern, type PreventableRecurrence } from '../../lib/index.ts';
import { heatLevel } from '../heat.ts';
import { chainView, type ChainView } from './chain.ts';
import type { PagedDimension } from './links.ts';
import { incidentLink, type SiteData } from './site-data.ts';

type Linked = { title: string; href: string | undefined };

export interface PatternView {
  parts: { label: string; href: string | undefined }[];
  explanation: string;
  score: string;
  count: string;
  /** The newest 20, newest first, and how many earlier ones are left out. */
  incidents: Linked[];
  earlier: number;
}

/** The incidents a pattern lists inline; the rest are counted. */
const PATTERN_INCIDENTS = 20;

export function patternView(data: SiteData, pattern: Pattern): PatternView {
  return {
    parts: pattern.parts.map((part) => ({
      label: part.label,
      href: part.dimension === 'contributing_factor' || part.dimension === 'tag' || part.dimension === 'detection' ? undefined : data.links.value(part.dimension as PagedDimension, part.value),
    })),
    explanation: pattern.explanation,
    score: pattern.score.toFixed(1),
    count: plural(pattern.count, 'incident'),
    incidents: pattern.incidents.slice(-PATTERN_INCIDENTS).reverse().map((id) => incidentLink(data, id)),
    earlier: Math.max(0, pattern.count - PATTERN_INCIDENTS),
  };
}

export interface PreventableView {
  recurrence: Linked;
  original: Linked;
  item: { title: string; priority: string; owner: string; status: string };
  /** `no due date`, `not yet due`, `12 days`. */
  overdueThen: string;
  overdueDays: number | null;
}

export function preventableView(data: SiteData, p: PreventableRecurrence): PreventableView {
  return {
    recurrence: incidentLink(data, p.recurrence),
    original: incidentLink(data, p.original),
    item: { title: p.item.title, priority: p.item.priority, owner: p.item.owner, status: p.item.completedAt ? `done only on ${p.item.completedAt}` : p.item.status },
    overdueThen: p.overdueDays === null ? 'no due date' : p.overdueDays > 0 ? plural(p.overdueDays, 'day') : 'not yet due',
    overdueDays: p.overdueDays,
  };
}

export interface PatternsView {
  patterns: PatternView[];
  heat: { columns: string[]; rows: { label: string; href: string; cells: { count: number; level: number }[] }[] };
  chains: ChainView[];
  chainsTotal: number;
  preventable: PreventableView[];
  preventableTotal: number;
  preventableAll: string;
  unlinked: { score: string; a: Linked; b: Linked; terms: string }[];
}

/** Lists are bounded: at 10,000 postmortems there are thousands of chains and preventable recurrences. */
const LIMITS = { patterns: 25, chains: 50, preventable: 100, unlinked: 50 };

export function patternsView(data: SiteData): PatternsView {
  const { analysis, catalog, links } = data;
  const matrix = analysis.coOccurrence.find((m) => m.rows === 'service' && m.columns === 'root_cause')!;
  const cells = new Map(matrix.cells.map((c) => [`${c.row} ${c.column}`, c.count]));
  const max = matrix.cells[0]?.count ?? 0;
  const causeLabel = new Map(catalog.root_causes.map((c) => [c.id, c.label]));
  const withIncidents = new Set(matrix.cells.map((c) => c.row));
  const { chains, preventable } = analysis.recurrence;
  return {
    patterns: analysis.patterns.slice(0, LIMITS.patterns).map((p) => patternView(data, p)),
    heat: {
      columns: matrix.columnValues.map((c) => causeLabel.get(c) ?? c),
      rows: matrix.rowValues.filter((r) => withIncidents.has(r)).map((row) => ({
        label: row,
        href: links.value('service', row),
        cells: matrix.columnValues.map((column) => {
          const count = cells.get(`${row} ${column}`) ?? 0;
          return { count, level: heatLevel(count, max) };
        }),
      })),
    },
    chains: chains.slice(0, LIMITS.chains).map((chain) => chainView(data, chain)),
    chainsTotal: chains.length,
    preventable: preventable.slice(0, LIMITS.preventable).map((p) => preventableView(data, p)),
    preventableTotal: preventable.length,
    preventableAll: links.incidents({ preventable: true }),
    unlinked: analysis.similarity.unlinkedPairs.slice(0, LIMITS.unlinked).map((pair) => ({
      score: pair.score.toFixed(2),
      a: incidentLink(data, pair.a),
      b: incidentLink(data, pair.b),
      terms: pair.terms.join(', '),
    })),
  };
}
