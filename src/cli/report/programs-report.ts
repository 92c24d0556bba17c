import { styleText } from 'node:util';
import { printable as show } from '../formatters/printable.ts';
import { listOf, plural, type CriterionEvaluation, type ProgramEvaluation } from '../../lib/index.ts';

type Style = Parameters<typeof styleText>[0];

export interface ProgramsReportOptions {
  color: boolean;
  /** `file:line` of a field of a postmortem, for evidence a reader can open. */
  place: (file: string, path: readonly (string | number)[]) => string;
}

/** Evidence lines shown per criterion; `analyze --json` has every one. */
const MAX_EVIDENCE = 20;

const STATUS = { 'ready-to-exit': 'ready to exit', 'on-track': 'on track', 'at-risk': 'at risk' } as const;

function evidence(c: CriterionEvaluation, options: ProgramsReportOptions): string[] {
  const lines = [
    ...c.blockingItems.map((i) => `${options.place(i.file, i.path)}  ${i.priority} "${i.title}" (${i.owner}${i.due ? `, due ${i.due}` : ''}): ${i.why}${i.overdueDays === null ? '' : `, ${plural(i.overdueDays, 'day')} overdue`}`),
    ...(c.met ? [] : c.incidents.map((i) => `${options.place(i.file, i.path)}  ${i.date} ${i.severity} ${i.id}: ${i.detail}`)),
  ];
  if (lines.length <= MAX_EVIDENCE) return lines.map((line) => show(line));
  return [...lines.slice(0, MAX_EVIDENCE).map((line) => show(line)), `and ${lines.length - MAX_EVIDENCE} more (npm run analyze -- --json lists them all)`];
}

/**
 * One program as the terminal shows it: where it stands, each criterion with its verdict and, when
 * unmet, the items or incidents that block it at `file:line`. It prints what the analysis
 * computed and computes nothing of its own. Text from programs and postmortems goes through
 * `show`, painted or not, so no title or owner can act on the terminal.
 */
export function programReport(p: ProgramEvaluation, options: ProgramsReportOptions): string {
  const paint = (style: Style, text: string) => (options.color ? styleText(style, show(text), { validateStream: false }) : show(text));
  const facts = [p.id, p.kind, `owner ${p.owner}`, `declared ${p.declaredAt}`, ...(p.targetDate ? [`target ${p.targetDate}`] : []), ...(p.exitedAt && p.state === 'exited' ? [`exited ${p.exitedAt}`] : [])];
  const status = paint(p.status === 'at-risk' ? 'red' : p.status === 'ready-to-exit' ? 'green' : 'yellow', STATUS[p.status]);
  const out = [
    paint('bold', p.title),
    `  ${show(facts.join(' · '))}`,
    `  ${show(p.file)}`,
    `  Judged on ${p.evaluatedOn}${p.state === 'exited' ? ', its exit' : ''}: ${p.met} of ${plural(p.total, 'exit criterion', 'exit criteria')} met, ${status}.`,
  ];
  for (const risk of p.risks) out.push(`  ${paint('red', '!')} ${show(risk)}.`);
  if (p.met < p.total) {
    const parts = [p.projection.date ? `Projected exit ${p.projection.date}: the latest day on which what remains is due or clears` : 'No projected exit'];
    if (p.projection.undated) parts.push(`${plural(p.projection.undated, 'item')} without a due date`);
    const unprojected = p.projection.unprojected;
    if (unprojected.length) parts.push(`${listOf(unprojected, 'and')} cannot be projected`);
    out.push(`  ${show(parts.join('; '))}.`);
  }
  for (const c of p.criteria) {
    const mark = c.met ? paint('green', '✔') : paint('red', '✖');
    out.push('', `  ${mark} ${paint('bold', c.id)}  ${c.met ? `met on ${c.metOn}` : 'not met'}  ${paint('dim', `${p.file}:${c.line}`)}`);
    out.push(`      ${show(c.description)}`, `      ${show(c.summary)}`);
    for (const line of evidence(c, options)) out.push(`      ${paint('dim', '→')} ${line}`);
  }
  return `${out.join('\n')}\n`;
}
