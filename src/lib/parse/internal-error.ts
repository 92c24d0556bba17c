import type { Diagnostic, Span } from '../diagnostics/diagnostic.ts';
import { diagnostic } from '../diagnostics/diagnostic.ts';

/**
 * The finding for a parser that threw on a file. Limits keep every known input from getting
 * here; this is the net under them, so that one file can never stop a run or hide the others.
 */
export function internalParseError(file: string, span: Span, step: string, error: unknown): Diagnostic {
  const reason = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).split('\n')[0]!;
  const shown = reason.length > 200 ? `${reason.slice(0, 200)}…` : reason;
  return diagnostic(file, span, 'internal-parse-error', 'error',
    `${step} failed on this file (${shown}), so it is not checked further; the rest of the run goes on. This is a bug in Hindsight: please report it with the file (see docs/security.md)`);
}
