import type { Analysis, PeriodUnit, TimeMetricAnalysis } from '../../lib/index.ts';
import type { ChartSpec } from '../chart-spec.ts';
import { severityTone } from '../severity.ts';

/** How a chart's data table prints a value. */
export type ValueFormat = 'count' | 'minutes' | 'percent';

export interface DashboardChart {
  title: string;
  note: string;
  spec: ChartSpec;
  format: ValueFormat;
}

/** The words for the analysis' period, so a quarterly dashboard never says "per month". */
export function periodWords(unit: PeriodUnit) {
  const one = unit === 'month' ? 'month' : 'quarter';
  return { one, many: `${one}s`, started: `${one === 'month' ? 'Month' : 'Quarter'} started`, title: one === 'month' ? 'Month' : 'Quarter' };
}

/** Below this many incidents in a period its points are shown without a line through them. */
const SMALL_PERIOD = 5;

/** The dashboard's trend charts: what each shows, over which periods, and what it leaves out. */
export function dashboardCharts(analysis: Analysis, severities: readonly string[]): DashboardChart[] {
  const { scope, recurrence, actionItems } = analysis;
  const words = periodWords(analysis.settings.period);
  const periods = scope.periods;
  const [detect, , resolve] = analysis.timeMetrics as [TimeMetricAnalysis, TimeMetricAnalysis, TimeMetricAnalysis];
  const leftOut = `near-misses (${scope.nearMisses}), game days (${scope.gameDays}) and drafts are not counted`;
  const missing = `${detect.missing.length} incidents without detected_at and ${resolve.missing.length} without resolved_at left out`;
  const small = `${words.many} with fewer than ${SMALL_PERIOD} incidents show points without a line`;
  return [
    {
      title: `Incidents per ${words.one}`,
      note: `By severity; ${leftOut}.`,
      format: 'count',
      spec: {
        kind: 'bar', stacked: true, xLabel: words.started, yLabel: 'Incidents', labels: periods,
        series: severities.map((s, i) => ({ label: s, color: severityTone(i), data: analysis.perPeriod.map((p) => p.bySeverity[s] ?? 0) })),
      },
    },
    {
      title: 'Time to detect and to resolve',
      note: `p50 and p90 per ${words.one}; ${small}; ${missing}.`,
      format: 'minutes',
      spec: {
        kind: 'line', unit: 'minutes', xLabel: words.started, yLabel: 'Duration (log scale)', labels: periods,
        series: [detect, resolve].flatMap((m) => (['p50', 'p90'] as const).map((q) => ({
          label: `${m.metric === 'detect' ? 'Detect' : 'Resolve'} ${q}`, color: m.metric === 'detect' ? 'accent' : 'sev-2', dashed: q === 'p90',
          data: m.perPeriod.map((p) => p[q]), noLineAt: m.perPeriod.map((p) => p.smallSample),
        }))),
      },
    },
    {
      title: 'How long incidents last',
      note: `Time to resolve of every incident, in bins of roughly doubling width; ${resolve.missing.length} without resolved_at left out.`,
      format: 'count',
      spec: {
        kind: 'bar', xLabel: 'Time to resolve', yLabel: 'Incidents', labels: resolve.histogram.map((b) => b.label),
        series: [{ label: 'Incidents', color: 'accent', data: resolve.histogram.map((b) => b.count) }],
      },
    },
    {
      title: 'Recurrence rate',
      note: `Recurrences (explicit or inferred) among each ${words.one}'s incidents; ${small}.`,
      format: 'percent',
      spec: {
        kind: 'line', unit: 'percent', xLabel: words.started, yLabel: 'Share of incidents that recur', labels: periods,
        series: [{ label: 'Recurrence rate', color: 'sev-1', data: recurrence.perPeriod.map((p) => p.rate), noLineAt: recurrence.perPeriod.map((p) => p.incidents < SMALL_PERIOD) }],
      },
    },
    {
      title: 'Action items',
      note: `Opened (by their incident's ${words.one}), closed (done, by completion ${words.one}) and overdue at each ${words.one}'s end.`,
      format: 'count',
      spec: {
        kind: 'bar', xLabel: words.title, yLabel: 'Action items', labels: periods,
        series: [
          { label: 'Opened', color: 'accent', data: actionItems.perPeriod.map((p) => p.opened) },
          { label: 'Closed', color: 'good', data: actionItems.perPeriod.map((p) => p.closed) },
          { label: `Overdue at ${words.one} end`, color: 'bad', type: 'line', data: actionItems.perPeriod.map((p) => p.overdueAtEnd) },
        ],
      },
    },
  ];
}
