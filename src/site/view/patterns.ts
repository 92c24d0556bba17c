import { DIMENSION_NAMES, plural, type Pattern, type RecurrenceWithItems } from '../../lib/index.ts';
import { heatLevel } from '../heat.ts';
import { chainView, type ChainView } from './chain.ts';
import type { PagedDimension } from './links.ts';
import { incidentLink, type SiteData } from './site-data.ts';

type Linked = { title: string; href: string | undefined };

export interface PatternView {
  /** Each value it is named by, with its dimension (`root cause`) and a link to its page if it has one. */
  parts: { dimension: string; label: string; href: string | undefined }[];
  explanation: string;
  score: string;
  count: string;
  /** `active`; `resolved, last 2025-08-05`; `quiet since 2025-09-08`. */
  status: { word: string; tone: 'bad' | 'good' | 'muted' };
  /** e.g. "3 open (1 overdue) · 2 done of 5 action items". */
  actionItems: string;
  /** The items still open, each linked to its incident. */
  toDo: { incident: Linked; index: number }[];
  /** Recurrence families with at least two of its incidents. */
  chains: ChainView[];
  /** The newest 20, newest first, and how many earlier ones are left out. */
  incidents: Linked[];
  earlier: number;
}


/** The incidents a pattern lists inline; the rest are counted. */
const PATTERN_INCIDENTS = 20;

export function patternView(data: SiteData, pattern: Pattern): PatternView {
  const a = pattern.actionItems;
  const chainBy = new Map(data.analysis.recurrence.families.map((f) => [f.origin, f]));
  return {
    parts: pattern.parts.map((part) => ({
      dimension: DIMENSION_NAMES[part.dimension],
      label: part.dimension === 'contributing_factor' ? part.label : part.value,
      href: part.dimension === 'contributing_factor' || part.dimension === 'tag' || part.dimension === 'detection' ? undefined : data.links.value(part.dimension as PagedDimension, part.value),
    })),
    explanation: pattern.explanation,
    score: pattern.score.toFixed(1),
    count: plural(pattern.count, 'incident'),
    status: pattern.status === 'active'
      ? { word: 'active', tone: 'bad' }
      : pattern.status === 'resolved' ? { word: `resolved, last ${pattern.lastSeen}`, tone: 'good' } : { word: `quiet since ${pattern.lastSeen}`, tone: 'muted' },
    actionItems: a.total ? `${a.open} open${a.overdue ? ` (${a.overdue} overdue)` : ''} · ${a.done} done of ${plural(a.total, 'action item')}` : 'no action items',
    toDo: a.toDo.map((item) => ({ incident: incidentLink(data, item.incident), index: item.index })),
    chains: pattern.chains.flatMap((first) => { const chain = chainBy.get(first); return chain ? [chainView(data, chain)] : []; }),
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

/** A preventable recurrence as rows: one for each prevent item of its origin that was overdue. */
export function preventableView(data: SiteData, p: RecurrenceWithItems): PreventableView[] {
  return p.items.map((item) => ({
    recurrence: incidentLink(data, p.id),
    original: incidentLink(data, p.origin),
    item: { title: item.title, priority: item.priority, owner: item.owner, status: item.completedAt ? `done only on ${item.completedAt}` : item.status },
    overdueThen: item.daysPastDue === null ? 'no due date' : item.daysPastDue > 0 ? plural(item.daysPastDue, 'day') : 'not yet due',
    overdueDays: item.daysPastDue,
  }));
}

export interface PatternsView {
  patterns: PatternView[];
  heat: { columns: string[]; rows: { label: string; href: string; cells: { count: number; level: number }[] }[] };
  chains: ChainView[];
  chainsTotal: number;
  /** Possible recurrences nobody confirmed: suggestions, shown apart from the families. */
  suggestions: { score: string; incident: Linked; origin: Linked; shared: string }[];
  suggestionsTotal: number;
  preventable: PreventableView[];
  preventableTotal: number;
  preventableAll: string;
  unlinked: { score: string; a: Linked; b: Linked; terms: string }[];
}

/** Lists are bounded: at 10,000 postmortems there are thousands of chains and preventable recurrences. */
const LIMITS = { patterns: 25, chains: 50, suggestions: 50, preventable: 100, unlinked: 50 };

export function patternsView(data: SiteData): PatternsView {
  const { analysis, catalog, links } = data;
  const matrix = analysis.coOccurrence.find((m) => m.rows === 'service' && m.columns === 'root_cause')!;
  const cells = new Map(matrix.cells.map((c) => [`${c.row} ${c.column}`, c.count]));
  const max = matrix.cells[0]?.count ?? 0;
  const causeLabel = new Map(catalog.root_causes.map((c) => [c.id, c.label]));
  const withIncidents = new Set(matrix.cells.map((c) => c.row));
  const { families: chains, preventable } = analysis.recurrence;
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
    suggestions: analysis.recurrence.suggestions.slice(0, LIMITS.suggestions).map((s) => ({
      score: s.score.toFixed(2),
      incident: incidentLink(data, s.to),
      origin: incidentLink(data, s.from),
      shared: [...s.shared.services, ...s.shared.rootCauses].join(', '),
    })),
    suggestionsTotal: analysis.recurrence.suggestions.length,
    preventable: preventable.slice(0, LIMITS.preventable).flatMap((p) => preventableView(data, p)),
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
