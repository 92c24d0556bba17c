import { printable } from './printable.ts';
import { summaryLine } from './summary.ts';
import type { Formatter } from './types.ts';

// Escaping as GitHub's own toolkit does it (actions/toolkit, packages/core/src/command.ts), after
// every other control character (ESC, BEL…) is shown as an escape: the toolkit's escaping keeps
// the annotation on one line, not the log free of terminal sequences.
const escapeData = (s: string) => printable(s, { lineBreaks: 'keep' }).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands: each finding becomes an annotation on its line. */
export const github: Formatter = (report) => {
  const lines = report.diagnostics.map((d) => {
    const props = [`file=${d.file}`, `line=${d.line}`, `col=${d.column}`];
    if (d.endLine !== undefined) props.push(`endLine=${d.endLine}`, `endColumn=${d.endColumn}`);
    props.push(`title=${d.rule}`);
    return `::${d.severity} ${props.map((p) => { const i = p.indexOf('='); return `${p.slice(0, i)}=${escapeProperty(p.slice(i + 1))}`; }).join(',')}::${escapeData(d.message)}`;
  });
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
};
