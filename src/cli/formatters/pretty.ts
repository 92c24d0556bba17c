import { styleText } from 'node:util';
import { countBySeverity, type Diagnostic } from '../../lib/index.ts';
import { printable } from './printable.ts';
import { summaryLine } from './summary.ts';
import type { Formatter } from './types.ts';

type Style = Parameters<typeof styleText>[0];

/**
 * Findings grouped by file, one aligned `line:column  severity  message  rule` row each, and a
 * summary line; in the manner of vfile-reporter. File names and messages carry values from the
 * files, so they are printed with every control character escaped: one finding, one row.
 */
export const pretty: Formatter = (report, { color }) => {
  const paint = (style: Style, text: string) => (color ? styleText(style, text, { validateStream: false }) : text);
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of report.diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);

  const blocks: string[] = [];
  for (const [file, diagnostics] of byFile) {
    const places = diagnostics.map((d) => `${d.line}:${d.column}`);
    const placeWidth = Math.max(...places.map((p) => p.length));
    const rows = diagnostics.map((d, i) => {
      const severity = d.severity === 'error' ? paint('red', 'error  ') : d.severity === 'warning' ? paint('yellow', 'warning') : paint('cyan', 'notice ');
      return `  ${paint('dim', places[i]!.padEnd(placeWidth))}  ${severity}  ${printable(d.message)}  ${paint('dim', d.rule)}`;
    });
    blocks.push([paint('underline', printable(file)), ...rows].join('\n'));
  }
  const { errors, warnings } = countBySeverity(report.diagnostics);
  const mark = errors ? paint('red', '✖') : warnings ? paint('yellow', '⚠') : paint('green', '✔');
  blocks.push(`${mark} ${summaryLine(report)}`);
  return `${blocks.join('\n\n')}\n`;
};
