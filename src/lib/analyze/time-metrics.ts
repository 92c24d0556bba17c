import type { Case, Population } from './cases.ts';
import { histogram, round, summarise } from './stats.ts';
import type { IncidentDurations, TimeMetric, TimeMetricAnalysis } from './types.ts';

/** Below this many durations a period's percentiles are shown but no trend is drawn through them. */
export const SMALL_SAMPLE = 5;

const SLOWEST = 10;

const METRICS: readonly { metric: TimeMetric; span: string; read: (c: Case) => number | null }[] = [
  { metric: 'detect', span: 'started_at → detected_at', read: (c) => c.detect },
  { metric: 'mitigate', span: 'started_at → mitigated_at', read: (c) => c.mitigate },
  { metric: 'resolve', span: 'started_at → resolved_at', read: (c) => c.resolve },
];

const minutes = (value: number | null) => (value === null ? null : round(value, 2));

export function incidentDurations(population: Population): IncidentDurations[] {
  return population.incidents.map((c) => ({ id: c.id, detect: minutes(c.detect), mitigate: minutes(c.mitigate), resolve: minutes(c.resolve) }));
}

export function analyseTimeMetrics(population: Population): TimeMetricAnalysis[] {
  return METRICS.map(({ metric, span, read }) => {
    const values: number[] = [];
    const measured: { id: string; minutes: number }[] = [];
    const missing: string[] = [];
    const byPeriod = new Map(population.scope.periods.map((p) => [p, { values: [] as number[], missing: 0 }]));
    for (const c of population.incidents) {
      const value = read(c);
      const bucket = byPeriod.get(c.period)!;
      if (value === null) {
        missing.push(c.id);
        bucket.missing++;
      } else {
        values.push(value);
        bucket.values.push(value);
        measured.push({ id: c.id, minutes: round(value, 2) });
      }
    }
    const round2 = (s: ReturnType<typeof summarise>) => ({ ...s, p50: minutes(s.p50), p90: minutes(s.p90), max: minutes(s.max) });
    return {
      metric,
      span,
      overall: round2(summarise(values, missing.length)),
      missing,
      perPeriod: [...byPeriod].map(([period, b]) => ({ period, ...round2(summarise(b.values, b.missing)), smallSample: b.values.length < SMALL_SAMPLE })),
      histogram: histogram(values),
      slowest: measured.sort((a, b) => b.minutes - a.minutes || (a.id < b.id ? -1 : 1)).slice(0, SLOWEST),
    };
  });
}
