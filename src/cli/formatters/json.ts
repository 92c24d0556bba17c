import { countBySeverity } from '../../lib/index.ts';
import type { Formatter } from './types.ts';

/** `{ files, errors, warnings, notices, findings: [{ file, line, column, rule, severity, message }] }`. */
export const json: Formatter = (report) => {
  const { errors, warnings, notices } = countBySeverity(report.diagnostics);
  const findings = report.diagnostics.map(({ file, line, column, rule, severity, message }) => ({ file, line, column, rule, severity, message }));
  return `${JSON.stringify({ files: report.files, errors, warnings, notices, findings }, null, 2)}\n`;
};
