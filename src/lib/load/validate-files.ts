import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { diagnostic } from '../diagnostics/diagnostic.ts';
import type { Vocabulary } from '../schema/vocabulary.ts';
import { validateIncidentFile, type IncidentFileResult } from '../validate/incident-file.ts';
import type { Placeholders } from '../validate/placeholders.ts';
import { incidentIdOf } from './files.ts';

/** What validating a file needs besides the file: plain data, so it can be sent to a worker. */
export interface FileContext {
  cwd: string;
  vocabulary: Vocabulary | undefined;
  catalogFile: string;
  now: number;
  requiredSections: readonly (readonly string[])[];
  buildIncidents: boolean;
  buildProfiles?: boolean;
  /** The template's example text, from `_template.md` in the incidents folder. */
  placeholders?: Placeholders;
}

/** A path as findings show it: relative to the working directory, with `/`. */
export function displayPath(cwd: string, path: string): string {
  return relative(cwd, path).split(sep).join('/');
}

export function readBytes(path: string): Uint8Array | Error {
  try {
    return readFileSync(path);
  } catch (error) {
    return error as Error;
  }
}

/** Reads and validates each file; an unreadable file is a finding like any other. */
export function validateFiles(paths: readonly string[], ctx: FileContext): IncidentFileResult[] {
  return paths.map((path) => {
    const file = displayPath(ctx.cwd, path);
    const id = incidentIdOf(path);
    const bytes = readBytes(path);
    if (bytes instanceof Error) {
      return {
        index: { id, file, links: [] },
        diagnostics: [diagnostic(file, { start: { line: 1, column: 1 } }, 'file-unreadable', 'error', `the file could not be read (${bytes.message})`)],
      };
    }
    return validateIncidentFile(bytes, { ...ctx, file, id, buildIncident: ctx.buildIncidents, buildProfile: ctx.buildProfiles ?? false });
  });
}
