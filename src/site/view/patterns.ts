import { DIMENSION_NAMES, plural, type Pattern } from '../../lib/index.ts';
import { heatLevel } from '../heat.ts';
import { familyTree, type FamilyTreeView } from './family-tree.ts';
import type { PagedDimension } from './links.ts';
import { RECURRENCES_PAGE, recurrenceSections, type RecurrenceSectionsView } from './recurrence-lists.ts';
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
  families: FamilyTreeView[];
  /** `7 incidents, 2 recurrence families, 3 action items to do`: what its details hold. */
  details: string;
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
    families: pattern.chains.flatMap((first) => { const family = chainBy.get(first); return family ? [familyTree(data, family)] : []; }),
    details: [
      plural(pattern.count, 'incident'),
      pattern.chains.length ? plural(pattern.chains.length, 'recurrence family', 'recurrence families') : '',
      a.toDo.length ? `${plural(a.toDo.length, 'action item')} to do` : '',
    ].filter(Boolean).join(', '),
    incidents: pattern.incidents.slice(-PATTERN_INCIDENTS).reverse().map((id) => incidentLink(data, id)),
    earlier: Math.max(0, pattern.count - PATTERN_INCIDENTS),
  };
}

export interface PatternsView {
  patterns: PatternView[];
  heat: { columns: string[]; rows: { label: string; href: string; cells: { count: number; level: number }[] }[] };
  /** Families by status, possible recurrences apart, and each kind of confirmed recurrence: the first of each. */
  recurrence: RecurrenceSectionsView;
  /** The page that lists every one. */
  allRecurrences: string;
  unlinked: { score: string; a: Linked; b: Linked; terms: string }[];
}

/** Lists are bounded: at 10,000 postmortems there are hundreds of families and of each kind of recurrence. */
const LIMITS = { patterns: 25, families: 20, suggestions: 20, kinds: 10, unlinked: 50 };

export function patternsView(data: SiteData): PatternsView {
  const { analysis, catalog, links } = data;
  const matrix = analysis.coOccurrence.find((m) => m.rows === 'service' && m.columns === 'root_cause')!;
  const cells = new Map(matrix.cells.map((c) => [`${c.row} ${c.column}`, c.count]));
  const max = matrix.cells[0]?.count ?? 0;
  const causeLabel = new Map(catalog.root_causes.map((c) => [c.id, c.label]));
  const withIncidents = new Set(matrix.cells.map((c) => c.row));
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
    recurrence: recurrenceSections(data, '/patterns/', LIMITS),
    allRecurrences: links.page(RECURRENCES_PAGE),
    unlinked: analysis.similarity.unlinkedPairs.slice(0, LIMITS.unlinked).map((pair) => ({
      score: pair.score.toFixed(2),
      a: incidentLink(data, pair.a),
      b: incidentLink(data, pair.b),
      terms: pair.terms.join(', '),
    })),
  };
}
