import type { Position } from '../diagnostics/diagnostic.ts';
import type { ProgramFrontmatter } from '../schema/program.ts';

/**
 * One valid program file (`programs/<id>.md`): a code yellow, code red or initiative, and the
 * criteria that end it. Plain, JSON-serialisable data like an Incident.
 */
export interface Program {
  /** The file name without `.md`. */
  id: string;
  /** The file's path, relative to the working directory of the run that loaded it. */
  file: string;
  frontmatter: ProgramFrontmatter;
  /** Where each exit criterion's `id` is written, in the order of `exit_criteria`. */
  criteria: Position[];
  body: {
    /** The Markdown after the frontmatter: why the program exists, what it covers. */
    markdown: string;
    /** 1-based line of the file on which `markdown` starts. */
    line: number;
  };
}
