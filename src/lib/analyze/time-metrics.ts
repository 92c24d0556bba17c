import type { Incident } from '../model.ts';
import type { Frontmatter } from '../schema/incident.ts';
import { minutesBetween, type Case, type Population } from './cases.ts';
import { histogram, round, summarise } from './stats.ts';
import type { DurationSummary, IncidentDurations, MitigateAndResolve, TimeMetric, TimeMetricAnalysis } from './types.ts';

/** Below this many durations a period's percentiles are shown but no trend is drawn through them. */
export const SMALL_SAMPLE = 5;

const SLOWEST = 10;

const METRICS: readonly { metric: TimeMetric; span: string; end: 'detected_at' | 'mitigated_at' | 'resolved_at' }[] = [
  { metric: 'detect', span: 'started_at → detected_at', end: 'detected_at' },
  { metric: 'mitigate', span: 'started_at → mitigated_at', end: 'mitigated_at' },
  { metric: 'resolve', span: 'started_at → resolved_at', end: 'resolved_at' },
];

/**
 * The durations whose timestamps the author marked approximate: all of them for
 * `times_approximate: true` or an approximate `started_at`, else those ending at a listed field.
 */
export function approximateMetrics(marked: Frontmatter['times_approximate']): TimeMetric[] {
  if (marked === true || (Array.isArray(marked) && marked.includes('started_at'))) return METRICS.map((m) => m.metric);
  if (!Array.isArray(marked)) return [];
  return METRICS.filter((m) => marked.includes(m.end)).map((m) => m.metric);
}

/** A duration fit for time metrics: measured, and not marked approximate. */
export function exactMinutes(c: Case, metric: TimeMetric): number | null {
  return c.approximate.includes(metric) ? null : c[metric];
}

const minutes = (value: number | null) => (value === null ? null : round(value, 2));

function summary(values: readonly number[], missing: number, approximate: number): DurationSummary {
  const s = summarise(values, missing, approximate);
  return { ...s, p50: minutes(s.p50), p90: minutes(s.p90), max: minutes(s.max) };
}

/**
 * A postmortem's own durations, minutes from `started_at` to each later timestamp (null when it
 * has none): what its page shows beside each time, whatever its kind or status.
 */
export function durationsOf(incident: Incident): IncidentDurations {
  const { startedAt, detectedAt, mitigatedAt, resolvedAt } = incident.times;
  const after = (end: number | undefined) => minutes(minutesBetween(startedAt, end));
  return { id: incident.id, detect: after(detectedAt), mitigate: after(mitigatedAt), resolve: after(resolvedAt) };
}

export function incidentDurations(population: Population): IncidentDurations[] {
  return population.incidents.map((c) => durationsOf(c.incident));
}

export function analyseTimeMetrics(population: Population): TimeMetricAnalysis[] {
  return METRICS.map(({ metric, span }) => {
    const values: number[] = [];
    const measured: { id: string; minutes: number }[] = [];
    const missing: string[] = [];
    const approximate: string[] = [];
    const byPeriod = new Map(population.scope.periods.map((p) => [p, { values: [] as number[], missing: 0, approximate: 0 }]));
    for (const c of population.incidents) {
      const bucket = byPeriod.get(c.period)!;
      if (c[metric] === null) {
        missing.push(c.id);
        bucket.missing++;
      } else if (c.approximate.includes(metric)) {
        approximate.push(c.id);
        bucket.approximate++;
      } else {
        values.push(c[metric]);
        bucket.values.push(c[metric]);
        measured.push({ id: c.id, minutes: round(c[metric], 2) });
      }
    }
    return {
      metric,
      span,
      overall: summary(values, missing.length, approximate.length),
      missing,
      approximate,
      perPeriod: [...byPeriod].map(([period, b]) => ({ period, ...summary(b.values, b.missing, b.approximate), smallSample: b.values.length < SMALL_SAMPLE })),
      histogram: histogram(values),
      slowest: measured.sort((a, b) => b.minutes - a.minutes || (a.id < b.id ? -1 : 1)).slice(0, SLOWEST),
    };
  });
}

/**
 * Time to mitigate and to resolve over the same incidents, so that the two can be read side by
 * side: computed separately, each over the incidents that have its timestamp, a p50 to mitigate
 * can come out longer than the p50 to resolve.
 */
export function mitigateAndResolve(population: Population): MitigateAndResolve {
  const mitigate: number[] = [], resolve: number[] = [];
  for (const c of population.incidents) {
    const m = exactMinutes(c, 'mitigate'), r = exactMinutes(c, 'resolve');
    if (m === null || r === null) continue;
    mitigate.push(m);
    resolve.push(r);
  }
  const left = population.incidents.length - mitigate.length;
  return { count: mitigate.length, mitigate: summary(mitigate, left, 0), resolve: summary(resolve, left, 0) };
}
