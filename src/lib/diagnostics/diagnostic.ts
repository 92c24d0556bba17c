import type { RuleId } from './rules.ts';

/**
 * `error` fails the run; `warning` fails it only with `--strict`; `notice` never fails it: a
 * suggestion the author may act on (a possible recurrence, a factor that reads like a declared one).
 */
export type Severity = 'error' | 'warning' | 'notice';

/** A 1-based position in the original file (BOM removed, CRLF counted as one line break). */
export interface Position {
  line: number;
  column: number;
}

/**
 * One problem found in one file. Diagnostics are values: every check returns them, nothing throws
 * them, so a run reports every problem in every file.
 */
export interface Diagnostic {
  /** Path of the file, as the caller named it (the CLI makes it relative to the working directory). */
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  rule: RuleId;
  severity: Severity;
  /** What is wrong and how to fix it, in one or two plain sentences. */
  message: string;
}

export interface Span {
  start: Position;
  end?: Position;
}

export function diagnostic(
  file: string,
  span: Span,
  rule: RuleId,
  severity: Severity,
  message: string,
): Diagnostic {
  const d: Diagnostic = { file, line: span.start.line, column: span.start.column, rule, severity, message };
  if (span.end) {
    d.endLine = span.end.line;
    d.endColumn = span.end.column;
  }
  return d;
}

/** File order, then position, then rule: the order every report uses, so output is stable. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number; notices: number } {
  let errors = 0, warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return { errors, warnings, notices: diagnostics.length - errors - warnings };
}
