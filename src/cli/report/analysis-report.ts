import { styleText } from 'node:util';
import { printable as show } from '../formatters/printable.ts';
import { bar, formatMinutes, percent, plural, type Analysis, type TimeMetricAnalysis } from '../../lib/index.ts';

type Style = Parameters<typeof styleText>[0];

const TOP_PATTERNS = 10;
const TOP_VALUES = 5;
const SLOWEST = 5;
/** How many chains, preventable recurrences and overdue items the report lists. */
const LISTED = 10;
/** A long chain shows its first and last few incidents. */
const CHAIN_ENDS = 3;

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
  out.push(`  recurrences       ${headline.recurrences} (${percent(recurrence.total.rate)} of incidents; ${recurrence.links.filter((l) => l.kind === 'inferred').length} inferred, not linked by their authors)`);
  out.push(`  preventable       ${paint(headline.preventableRecurrences ? 'red' : 'green', String(headline.preventableRecurrences))} recurrences happened while a prevent item of an earlier incident was not done`);
  out.push(`  action items      ${actionItems.totals.total} · ${headline.openActionItems} open · ${paint(headline.overdueActionItems ? 'red' : 'green', `${headline.overdueActionItems} overdue`)} · ${percent(actionItems.totals.completionRate)} done`);
  for (const metric of analysis.timeMetrics) out.push(timeLine(metric));

  out.push('', heading('Incidents per period'));
  const max = Math.max(...recurrence.perPeriod.map((p) => p.incidents));
  for (const p of recurrence.perPeriod) out.push(`  ${p.period}  ${String(p.incidents).padStart(3)} ${paint('cyan', bar(p.incidents, max))}${p.recurrences ? paint('dim', `  ${p.recurrences} recurring`) : ''}`);

  for (const dimension of ['service', 'root_cause'] as const) {
    const stats = analysis.dimensions.find((d) => d.dimension === dimension)!;
    out.push('', heading(dimension === 'service' ? 'Services with most incidents' : 'Most common root causes'));
    for (const v of stats.values.slice(0, TOP_VALUES).filter((v) => v.count)) {
      const worst = Object.entries(v.bySeverity).find(([, n]) => n > 0);
      out.push(`  ${String(v.count).padStart(3)}  ${show(v.value).padEnd(28)} worst ${show(worst?.[0] ?? '')}, ${v.recurrences} recurring, ${v.trend.direction} (${v.trend.recent} in the last ${settings.trendPeriods} ${settings.period}s, ${v.trend.previous} before)`);
    }
  }

  out.push('', heading(`Top patterns`));
  for (const [i, p] of analysis.patterns.slice(0, TOP_PATTERNS).entries()) out.push(`  ${String(i + 1).padStart(2)}. ${show(p.explanation)} ${paint('dim', `(score ${p.score.toFixed(1)})`)}`);

  out.push('', heading('Recurrence chains'));
  if (!recurrence.chains.length) out.push('  none');
  for (const chain of recurrence.chains.slice(0, LISTED)) {
    const step = (id: string, i: number) => (i === 0 ? show(id) : `${paint('dim', `+${Math.round(chain.gapsDays[i - 1]!)}d →`)} ${show(id)}`);
    const ends = chain.incidents.length > 2 * CHAIN_ENDS + 1;
    out.push(`  ${plural(chain.incidents.length, 'incident')} (${chain.explicit} linked, ${chain.inferred} inferred):`);
    chain.incidents.forEach((id, i) => {
      if (!ends || i < CHAIN_ENDS || i >= chain.incidents.length - CHAIN_ENDS) out.push(`    ${step(id, i)}`);
      else if (i === CHAIN_ENDS) out.push(paint('dim', `    … ${chain.incidents.length - 2 * CHAIN_ENDS} more …`));
    });
  }
  more(recurrence.chains.length, 'chain');

  out.push('', heading('Preventable recurrences'));
  if (!recurrence.preventable.length) out.push('  none');
  for (const p of recurrence.preventable.slice(0, LISTED)) {
    const when = p.overdueDays === null ? 'no due date' : p.overdueDays > 0 ? paint('red', `${plural(p.overdueDays, 'day')} overdue`) : p.overdueDays === 0 ? 'due that day' : `due ${plural(-p.overdueDays, 'day')} later`;
    const state = p.item.completedAt ? `done only on ${p.item.completedAt}` : p.item.status;
    out.push(`  ${show(p.recurrence)}`);
    out.push(`    recurred ${show(p.original)}${p.link === 'chain' ? ' (earlier in its chain)' : ''} while "${show(p.item.title)}" (${p.item.priority}, ${show(p.item.owner)}) was not done: ${when}, ${state}`);
  }

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
  return `  ${label}p50 ${formatMinutes(o.p50)} · p90 ${formatMinutes(o.p90)} · max ${formatMinutes(o.max)}${o.missing ? ` (${o.missing} without the timestamp)` : ''}`;
}
