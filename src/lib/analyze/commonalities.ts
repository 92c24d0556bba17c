import type { Case, Population } from './cases.ts';
import type { DimensionReader } from './dimensions.ts';
import { compareCounts, median, round } from './stats.ts';
import { exactMinutes } from './time-metrics.ts';
import type { AnalysisSettings, CoOccurrence, CountChange, Dimension, DimensionStats, MatrixCell, ValueStats } from './types.ts';

export interface GroupContext {
  population: Population;
  settings: AnalysisSettings;
  recurrences: ReadonlySet<string>;
  periodIndex: ReadonlyMap<string, number>;
}

/** Incidents per severity: every catalog severity, worst first, zeros included. */
export function countSeverities(cases: readonly Case[], severities: readonly string[]): Record<string, number> {
  const counts = Object.fromEntries(severities.map((s) => [s, 0]));
  for (const c of cases) counts[c.severity] = (counts[c.severity] ?? 0) + 1;
  return counts;
}

/** What every group of incidents reports, whether a dimension's value or a pattern. */
export function describeGroup(cases: readonly Case[], ctx: GroupContext) {
  const durations: number[] = [];
  const perPeriod = new Array<number>(ctx.population.scope.periods.length).fill(0);
  let customerFacing = 0, recurrences = 0;
  for (const c of cases) {
    const resolve = exactMinutes(c, 'resolve');
    if (resolve !== null) durations.push(resolve);
    if (c.customerFacing) customerFacing++;
    if (ctx.recurrences.has(c.id)) recurrences++;
    perPeriod[ctx.periodIndex.get(c.period)!]!++;
  }
  return {
    count: cases.length,
    bySeverity: countSeverities(cases, ctx.population.severities),
    impactMinutes: { total: round(durations.reduce((a, b) => a + b, 0), 1), median: median(durations), missing: cases.length - durations.length },
    customerFacing,
    firstSeen: cases[0]?.date ?? null,
    lastSeen: cases.at(-1)?.date ?? null,
    recurrences,
    perPeriod,
    trend: trendOf(perPeriod, ctx.settings.trendPeriods),
    incidents: cases.map((c) => c.id),
  };
}

/**
 * The last n periods against the n before them (fewer when the history is shorter), tested for a
 * change beyond chance: a word only when the counts can carry it.
 */
export function trendOf(perPeriod: readonly number[], n: number): CountChange {
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  const recent = perPeriod.slice(-n);
  const previous = perPeriod.slice(Math.max(0, perPeriod.length - 2 * n), Math.max(0, perPeriod.length - n));
  return compareCounts(sum(recent), sum(previous), recent.length, previous.length);
}

const byCountThenValue = (a: { count: number; value: string }, b: { count: number; value: string }) =>
  b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

export function dimensionStats(reader: DimensionReader, groups: Map<string, Case[]>, ctx: GroupContext): DimensionStats {
  const values: ValueStats[] = [...groups].map(([value, cases]) => ({ value, label: reader.label(value), ...describeGroup(cases, ctx) }));
  return {
    dimension: reader.dimension,
    incidentsWithout: ctx.population.incidents.filter((c) => reader.values(c).length === 0).length,
    values: values.sort(byCountThenValue),
  };
}

/** The pairs of dimensions whose combination tells how things fail: "payments-api × capacity-exhaustion". */
export const CO_OCCURRING: readonly [Dimension, Dimension][] = [
  ['service', 'root_cause'],
  ['service', 'trigger'],
  ['root_cause', 'trigger'],
];

export function coOccurrence(rows: DimensionReader, columns: DimensionReader, cases: readonly Case[], order: Map<Dimension, string[]>): CoOccurrence {
  const cells = new Map<string, MatrixCell>();
  for (const c of cases) {
    for (const row of rows.values(c)) {
      for (const column of columns.values(c)) {
        const key = `${row}\u0000${column}`;
        let cell = cells.get(key);
        if (!cell) {
          cell = { row, column, count: 0, incidents: [] };
          cells.set(key, cell);
        }
        cell.count++;
        cell.incidents.push(c.id);
      }
    }
  }
  return {
    rows: rows.dimension,
    columns: columns.dimension,
    rowValues: order.get(rows.dimension) ?? [],
    columnValues: order.get(columns.dimension) ?? [],
    cells: [...cells.values()].sort((a, b) => b.count - a.count || (a.row < b.row ? -1 : a.row > b.row ? 1 : a.column < b.column ? -1 : a.column > b.column ? 1 : 0)),
  };
}
