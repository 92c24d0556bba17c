import { countBySeverity } from '../../lib/index.ts';
import type { Report } from './types.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `2 errors, 1 warning in 36 files`. */
export function summaryLine(report: Report): string {
  const { errors, warnings } = countBySeverity(report.diagnostics);
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(report.files, 'file')}`;
}
