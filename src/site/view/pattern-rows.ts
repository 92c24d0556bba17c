import { plural, type Pattern, type RecurrenceChain } from '../../lib/index.ts';

/** Dimensions with a page of their own (a contributing factor has none yet). */
const PAGED = new Set(['service', 'root_cause', 'trigger']);
const DIMENSION_WORD: Record<string, string> = { service: 'service', root_cause: 'root cause', trigger: 'trigger', contributing_factor: 'contributing factor' };
const SHOWN_INCIDENTS = 20;

export interface PatternRow {
  /** What the pattern is named by, each with whether it links to its value page. */
  parts: { dimension: string; value: string; text: string; paged: boolean }[];
  explanation: string;
  status: { word: string; tone: 'bad' | 'good' | 'muted' };
  /** e.g. "3 open (1 overdue) · 2 done of 5". */
  actionItems: string;
  toDo: { incident: string; index: number }[];
  chains: RecurrenceChain[];
  /** The latest incidents first, at most 20, and how many earlier ones are not listed. */
  incidents: string[];
  earlier: number;
}

/** The rows of a pattern list: what the page shows, computed here so the page only lays it out. */
export function patternRows(patterns: readonly Pattern[], chains: readonly RecurrenceChain[]): PatternRow[] {
  const chainBy = new Map(chains.map((c) => [c.incidents[0]!, c]));
  return patterns.map((p) => {
    const a = p.actionItems;
    return {
      parts: p.parts.map((part) => ({
        dimension: DIMENSION_WORD[part.dimension] ?? part.dimension,
        value: part.value,
        text: part.dimension === 'contributing_factor' ? part.label : part.value,
        paged: PAGED.has(part.dimension),
      })),
      explanation: p.explanation,
      status: p.status === 'active'
        ? { word: 'active', tone: 'bad' }
        : p.status === 'resolved' ? { word: `resolved, last ${p.lastSeen}`, tone: 'good' } : { word: `quiet since ${p.lastSeen}`, tone: 'muted' },
      actionItems: a.total ? `${a.open} open${a.overdue ? ` (${a.overdue} overdue)` : ''} · ${a.done} done of ${plural(a.total, 'action item')}` : 'no action items',
      toDo: a.toDo,
      chains: p.chains.flatMap((first) => chainBy.get(first) ?? []),
      incidents: p.incidents.slice(-SHOWN_INCIDENTS).reverse(),
      earlier: Math.max(0, p.count - SHOWN_INCIDENTS),
    };
  });
}
