import { countBySeverity } from '../../lib/index.ts';
import type { Report } from './types.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `2 errors, 1 warning in 36 files`; notices are named only when there are some. */
export function summaryLine(report: Report): string {
  const { errors, warnings, notices } = countBySeverity(report.diagnostics);
  const counts = [plural(errors, 'error'), plural(warnings, 'warning'), ...(notices ? [plural(notices, 'notice')] : [])];
  return `${counts.join(', ')} in ${plural(report.files, 'file')}`;
}
