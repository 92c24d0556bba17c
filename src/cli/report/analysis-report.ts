import { styleText } from 'node:util';
import { printable as show } from '../formatters/printable.ts';
import { bar, describeDurations, formatMinutes, percent, plural, trendWord, type Analysis, type TimeMetricAnalysis } from '../../lib/index.ts';
import { recurrenceSections } from './recurrence-report.ts';

type Style = Parameters<typeof styleText>[0];

const TOP_PATTERNS = 10;
const TOP_VALUES = 5;
const SLOWEST = 5;
/** How many families, recurrences and overdue items the report lists of each kind. */
const LISTED = 10;

/**
 * The terminal report of an analysis: headline numbers, then the findings leadership acts on.
 * It prints what the analysis computed and computes nothing of its own. Text from postmortems and
 * the catalog goes through `show`, so no title can act on the terminal.
 */
export function analysisReport(analysis: Analysis, { color }: { color: boolean }): string {
  const paint = (style: Style, text: string) => (color ? styleText(style, text, { validateStream: false }) : text);
  const heading = (text: string) => paint('bold', text);
  const { scope, headline, recurrence, actionItems, settings } = analysis;
  const out: string[] = [];
  // A terminal shows the first few of a long list; the JSON has every one.
  const more = (count: number, noun: string) => {
    if (count > LISTED) out.push(paint('dim', `  … and ${plural(count - LISTED, noun)} more: --json FILE lists them all`));
  };

  const leftOut = [
    scope.leftOut.draft.length ? plural(scope.leftOut.draft.length, 'draft') : '',
    scope.nearMisses ? plural(scope.nearMisses, 'near-miss', 'near-misses') : '',
    scope.gameDays ? plural(scope.gameDays, 'game day') : '',
    scope.leftOut['after-as-of'].length ? `${scope.leftOut['after-as-of'].length} after ${settings.asOf}` : '',
  ].filter(Boolean);
  out.push(heading(`Hindsight analysis as of ${settings.asOf}`));
  out.push(`${plural(headline.incidents, 'incident')}${scope.first ? ` from ${scope.first} to ${scope.last}` : ''}${leftOut.length ? ` (left out: ${leftOut.join(', ')})` : ''}`);
  if (!headline.incidents) return `${out.join('\n')}\n`;

  const severities = Object.entries(headline.bySeverity).map(([s, n]) => `${show(s)} ${n}`).join(' · ');
  out.push(`  by severity       ${severities}`);
  out.push(`  customer-facing   ${headline.customerFacing}`);
  out.push(`  recurrences       ${headline.recurrences} confirmed (${percent(recurrence.total.rate)} of incidents)${headline.suggestedRecurrences ? `; ${plural(headline.suggestedRecurrences, 'possible recurrence')} not yet confirmed` : ''}`);
  out.push(`  preventable       ${paint(headline.preventableRecurrences ? 'red' : 'green', plural(headline.preventableRecurrences, 'recurrence'))} happened while a prevent item of their origin was overdue`);
  out.push(`  action items      ${actionItems.totals.total} · ${headline.openActionItems} open · ${paint(headline.overdueActionItems ? 'red' : 'green', `${headline.overdueActionItems} overdue`)} · ${percent(actionItems.totals.completionRate)} done`);
  for (const metric of analysis.timeMetrics) out.push(timeLine(metric));
  const both = analysis.mitigateAndResolve;
  if (both.count) out.push(`  the same ${plural(both.count, 'incident')} with both: mitigate p50 ${formatMinutes(both.mitigate.p50)}, resolve p50 ${formatMinutes(both.resolve.p50)}`);

  out.push('', heading('Incidents per period'));
  const max = Math.max(...recurrence.perPeriod.map((p) => p.incidents));
  for (const p of recurrence.perPeriod) out.push(`  ${p.period}  ${String(p.incidents).padStart(3)} ${paint('cyan', bar(p.incidents, max))}${p.recurrences ? paint('dim', `  ${p.recurrences} recurring`) : ''}`);

  for (const dimension of ['service', 'root_cause'] as const) {
    const stats = analysis.dimensions.find((d) => d.dimension === dimension)!;
    out.push('', heading(dimension === 'service' ? 'Services with most incidents' : 'Most common root causes'));
    for (const v of stats.values.slice(0, TOP_VALUES).filter((v) => v.count)) {
      const worst = Object.entries(v.bySeverity).find(([, n]) => n > 0);
      out.push(`  ${String(v.count).padStart(3)}  ${show(v.value).padEnd(28)} worst ${show(worst?.[0] ?? '')}, ${v.recurrences} recurring, ${trendWord(v.trend)} (${v.trend.recent} in the last ${settings.trendPeriods} ${settings.period}s, ${v.trend.previous} before)`);
    }
  }

  out.push('', heading(`Top patterns`));
  for (const [i, p] of analysis.patterns.slice(0, TOP_PATTERNS).entries()) out.push(`  ${String(i + 1).padStart(2)}. ${show(p.explanation)} ${paint('dim', `(score ${p.score.toFixed(1)})`)}`);

  const undeclared = analysis.factors.filter((g) => !g.declared && g.incidents >= 2).length;
  if (undeclared) out.push(paint('dim', `  ${plural(undeclared, 'group')} of free-text contributing factors ${undeclared === 1 ? 'is' : 'are'} shared by 2 or more incidents: \`hindsight catalog suggest\` lists them to declare.`));

  out.push(...recurrenceSections(recurrence, { heading, dim: (text) => paint('dim', text), red: (text) => paint('red', text) }, LISTED));

  more(recurrence.preventable.length, 'preventable recurrence');

  const overdue = actionItems.items.filter((i) => i.overdue && (i.priority === 'P0' || i.priority === 'P1'));
  out.push('', heading('Overdue P0/P1 action items'));
  if (!overdue.length) out.push('  none');
  for (const item of overdue.slice(0, LISTED)) out.push(`  ${item.priority} ${paint('red', `${item.overdueDays} days overdue`)}  "${show(item.title)}" (${show(item.owner)}) from ${show(item.incident)}`);
  more(overdue.length, 'overdue P0/P1 item');

  const detect = analysis.timeMetrics.find((m) => m.metric === 'detect')!;
  out.push('', heading('Slowest to detect'));
  for (const s of detect.slowest.slice(0, SLOWEST)) out.push(`  ${formatMinutes(s.minutes).padStart(12)}  ${show(s.id)}`);

  const unlinked = analysis.similarity.unlinkedPairs.slice(0, TOP_VALUES);
  if (unlinked.length) {
    out.push('', heading('Similar incidents nobody linked'));
    for (const pair of unlinked) out.push(`  ${pair.score.toFixed(2)}  ${show(pair.a)} ~ ${show(pair.b)}  ${paint('dim', `(${show(pair.terms.join(', '))})`)}`);
  }
  return `${out.join('\n')}\n`;
}

function timeLine(metric: TimeMetricAnalysis): string {
  const o = metric.overall;
  const label = `time to ${metric.metric}`.padEnd(18);
  const field = metric.span.split(' → ')[1];
  const leftOut = [o.missing ? `${o.missing} without ${field}` : '', o.approximate ? `${o.approximate} approximate` : ''].filter(Boolean);
  return `  ${label}${describeDurations(o)}${leftOut.length ? `; left out: ${leftOut.join(', ')}` : ''}`;
}
