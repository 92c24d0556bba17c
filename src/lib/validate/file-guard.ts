import type { Diagnostic, Span } from '../diagnostics/diagnostic.ts';
import { internalParseError } from '../parse/internal-error.ts';
import { capFindings } from './finding-cap.ts';

const FIRST_LINE: Span = { start: { line: 1, column: 1 } };

/**
 * Validates one file so that it never throws and never reports more than the cap: a validation
 * that throws anyway is an `internal-parse-error` at the file's first line (`failed` makes the
 * result around it), and a file's findings past LIMITS.findingsPerFile are counted in one. The
 * one wrapper of every kind of file, postmortem or program.
 */
export function guardFile<R extends { diagnostics: Diagnostic[] }>(file: string, validate: () => R, failed: (finding: Diagnostic) => R): R {
  let result: R;
  try {
    result = validate();
  } catch (error) {
    result = failed(internalParseError(file, FIRST_LINE, 'Validating', error));
  }
  result.diagnostics = capFindings(file, result.diagnostics);
  return result;
}

/**
 * One step of a file's validation (checking the frontmatter against its schema): its result, or,
 * when it throws, undefined and an `internal-parse-error` at `span` added to `diagnostics`, so the
 * findings made so far are kept.
 */
export function guardStep<T>(diagnostics: Diagnostic[], file: string, span: Span, step: string, run: () => T): { ok: true; value: T } | { ok: false } {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    diagnostics.push(internalParseError(file, span, step, error));
    return { ok: false };
  }
}
