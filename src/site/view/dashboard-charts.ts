import { formatMinutes, percent, type Analysis, type TimeMetricAnalysis } from '../../lib/index.ts';
import { displayValues, type ChartSpec } from '../chart-spec.ts';
import { severityTone } from './severity.ts';
import type { SiteData } from './site-data.ts';

export interface DashboardChart {
  title: string;
  /** What the chart covers and leaves out, and why it is by quarter when it is. */
  note: string;
  spec: ChartSpec;
}

/**
 * Whether monthly percentiles are too thin to draw: when most months hold fewer than 5 incidents
 * with a duration (the analysis' small sample), a line through them is noise, and the trend
 * charts go by quarter.
 */
export function tooThinByMonth(analysis: Analysis): boolean {
  if (analysis.settings.period !== 'month') return false;
  const resolve = analysis.timeMetrics.find((m) => m.metric === 'resolve')!;
  const small = resolve.perPeriod.filter((p) => p.smallSample).length;
  return resolve.perPeriod.length > 0 && small * 2 > resolve.perPeriod.length;
}

function metric(analysis: Analysis, name: TimeMetricAnalysis['metric']): TimeMetricAnalysis {
  return analysis.timeMetrics.find((m) => m.metric === name)!;
}

function unitWord(analysis: Analysis): { one: string; axis: string } {
  return analysis.settings.period === 'month' ? { one: 'month', axis: 'Month started' } : { one: 'quarter', axis: 'Quarter started' };
}

/**
 * The dashboard's trend charts. `trends` is the analysis by quarter when months are too thin
 * (`tooThinByMonth`), else the site's own analysis.
 */
export function dashboardCharts(data: SiteData, trends: Analysis): DashboardChart[] {
  const { analysis, catalog } = data;
  const { scope } = analysis;
  const period = unitWord(analysis);
  const trend = unitWord(trends);
  const byQuarter = trends !== analysis ? ` By quarter: most months have fewer than 5 incidents, too few to draw a line through.` : '';
  const detect = metric(trends, 'detect');
  const resolve = metric(trends, 'resolve');
  const allResolve = metric(analysis, 'resolve');
  const leftOut = `near-misses (${scope.nearMisses}), game days (${scope.gameDays}) and drafts are not counted`;
  const approximate = new Set([...metric(analysis, 'detect').approximate, ...allResolve.approximate]).size;
  const missing = `${metric(analysis, 'detect').missing.length} incidents without detected_at and ${allResolve.missing.length} without resolved_at left out${approximate ? `, and ${approximate} with approximate times` : ''}`;
  const durations = [detect, resolve].flatMap((m) => (['p50', 'p90'] as const).map((q) => {
    const values = m.perPeriod.map((p) => p[q]);
    // Each percentile with its n; a p90 below 10 durations is not computed, and says why.
    const display = m.perPeriod.map((p) => {
      if (!p.count) return '—';
      if (p[q] === null) return `— (n = ${p.count}, under 10)`;
      return `${formatMinutes(p[q])} (n = ${p.count})`;
    });
    return {
      label: `${m.metric === 'detect' ? 'Detect' : 'Resolve'} ${q}`,
      color: m.metric === 'detect' ? 'accent' : 'sev-2',
      dashed: q === 'p90',
      marker: q === 'p90' ? ('triangle' as const) : ('circle' as const),
      data: values,
      display,
      noLineAt: m.perPeriod.map((p) => p.smallSample),
    };
  }));
  const rates = trends.recurrence.perPeriod.map((p) => p.rate);
  return [
    {
      title: `Incidents per ${period.one}`,
      note: `By severity; ${leftOut}.`,
      spec: {
        kind: 'bar', stacked: true, xLabel: period.axis, yLabel: 'Incidents', labels: scope.periods,
        series: catalog.severities.map((s, i) => ({ label: s.id, color: severityTone(i), data: analysis.perPeriod.map((p) => p.bySeverity[s.id] ?? 0) })),
      },
    },
    {
      title: 'Time to detect and to resolve',
      note: `p50 (circles) and p90 (triangles, dashed) per ${trend.one}, each with its n in the tooltips and the data table; p90 only for a ${trend.one} with at least 10; a ${trend.one} with fewer than 5 incidents shows points without a line; ${missing}.${byQuarter}`,
      spec: { kind: 'line', unit: 'minutes', xLabel: trend.axis, yLabel: 'Duration (log scale)', labels: trends.scope.periods, series: durations },
    },
    {
      title: 'How long incidents last',
      note: `Time to resolve of every incident, in bins of roughly doubling width; ${allResolve.missing.length} without resolved_at left out.`,
      spec: {
        kind: 'bar', xLabel: 'Time to resolve', yLabel: 'Incidents', labels: allResolve.histogram.map((b) => b.label),
        series: [{ label: 'Incidents', color: 'accent', data: allResolve.histogram.map((b) => b.count) }],
      },
    },
    {
      title: 'Recurrence rate',
      note: `Recurrences confirmed by their authors among each ${trend.one}'s incidents; a ${trend.one} with fewer than 5 incidents shows a point without a line.${byQuarter}`,
      spec: {
        kind: 'line', unit: 'percent', xLabel: trend.axis, yLabel: 'Share of incidents that recur', labels: trends.scope.periods,
        series: [{ label: 'Recurrence rate', color: 'sev-1', data: rates, display: displayValues(rates, percent), noLineAt: trends.recurrence.perPeriod.map((p) => p.incidents < 5) }],
      },
    },
    {
      title: 'Action items',
      note: `Opened (by their incident's ${period.one}), closed (done, by completion ${period.one}) and overdue at each ${period.one}'s end.`,
      spec: {
        kind: 'bar', xLabel: period.one === 'month' ? 'Month' : 'Quarter', yLabel: 'Action items', labels: scope.periods,
        series: [
          { label: 'Opened', color: 'accent', data: analysis.actionItems.perPeriod.map((p) => p.opened) },
          { label: 'Closed', color: 'good', data: analysis.actionItems.perPeriod.map((p) => p.closed) },
          { label: `Overdue at ${period.one} end`, color: 'bad', type: 'line', data: analysis.actionItems.perPeriod.map((p) => p.overdueAtEnd) },
        ],
      },
    },
  ];
}
