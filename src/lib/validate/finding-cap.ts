import type { Diagnostic, Severity } from '../diagnostics/diagnostic.ts';
import { compareDiagnostics, diagnostic } from '../diagnostics/diagnostic.ts';
import { LIMITS } from '../parse/limits.ts';

/**
 * At most LIMITS.findingsPerFile findings for one file, the first ones by position, then one that
 * counts the rest. A broken file can have 100,000 findings; a report of them would bury every
 * other file, and nobody fixes the 100th before the first.
 */
export function capFindings(file: string, diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= LIMITS.findingsPerFile) return diagnostics;
  const sorted = [...diagnostics].sort(compareDiagnostics);
  const kept = sorted.slice(0, LIMITS.findingsPerFile);
  const rest = sorted.slice(LIMITS.findingsPerFile);
  // The summary is as severe as the worst finding it stands for, so the run fails as it would have.
  const severity: Severity = rest.some((d) => d.severity === 'error') ? 'error' : rest.some((d) => d.severity === 'warning') ? 'warning' : 'notice';
  const first = rest[0]!;
  kept.push(diagnostic(file, { start: { line: first.line, column: first.column } }, 'too-many-findings', severity,
    `… and ${rest.length.toLocaleString('en-US')} more in this file, not shown: only the first ${LIMITS.findingsPerFile} findings of a file are reported; fix them and validate again`));
  return kept;
}
