import type { Diagnostic } from '../../lib/index.ts';

/** What every formatter receives: the findings and how many files were checked. */
export interface Report {
  diagnostics: readonly Diagnostic[];
  files: number;
}

/** A formatter is a pure function from a report to the text to print. */
export type Formatter = (report: Report, options: { color: boolean }) => string;
