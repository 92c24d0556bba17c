import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnostic } from '../diagnostics/diagnostic.ts';
import type { Program } from '../programs/model.ts';
import type { Vocabulary } from '../schema/vocabulary.ts';
import { validateProgramFile } from '../validate/program-file.ts';
import { findIncidentFiles, incidentIdOf } from './files.ts';
import { displayPath, readBytes } from './validate-files.ts';

export interface ProgramsOptions {
  /** The programs folder, absolute. */
  dir: string;
  /** Whether the folder was named in the config: then a missing folder is a finding, not "no programs". */
  configured: boolean;
  cwd: string;
  vocabulary: Vocabulary | undefined;
  catalogFile: string;
  /** Report only the files this accepts (absolute paths). */
  only: (path: string) => boolean;
}

export interface ProgramsResult {
  /** Every program file without errors, in file order. */
  programs: Program[];
  diagnostics: Diagnostic[];
  /** How many program files were checked. */
  files: number;
}

const FIRST_LINE = { start: { line: 1, column: 1 } };

/** Where the programs are: `programs` (relative to `cwd`) when given, else `programs` beside the incidents folder. */
export function programsPath(options: { incidentsDir: string; cwd: string; programs?: string | undefined }): string {
  return options.programs === undefined ? join(dirname(resolve(options.cwd, options.incidentsDir)), 'programs') : resolve(options.cwd, options.programs);
}

/** Reads and validates `programs/**\/*.md` (files starting with `_` are not programs). */
export function loadPrograms(options: ProgramsOptions): ProgramsResult {
  const display = (path: string) => displayPath(options.cwd, path);
  if (!existsSync(options.dir)) {
    return {
      programs: [],
      diagnostics: options.configured ? [diagnostic(display(options.dir), FIRST_LINE, 'file-unreadable', 'error', 'the programs folder named in hindsight.config.json does not exist; create it or remove `programs` from the config')] : [],
      files: 0,
    };
  }
  // Programs are found as postmortems are (links, hidden files, unreadable folders alike); the
  // findings say "program" where the walk says "postmortem".
  const found = findIncidentFiles(options.dir);
  const diagnostics: Diagnostic[] = [];
  const asProgram = (message: string) => message.replaceAll('postmortem', 'program').replaceAll('incidents folder', 'programs folder');
  for (const finding of found.findings.filter((f) => options.only(f.path))) {
    diagnostics.push(diagnostic(display(finding.path), FIRST_LINE, finding.rule, finding.severity, asProgram(finding.message)));
  }
  const byLowerId = new Map<string, string[]>();
  for (const path of found.postmortems) {
    const key = incidentIdOf(path).toLowerCase();
    byLowerId.set(key, [...(byLowerId.get(key) ?? []), display(path)]);
  }
  const programs: Program[] = [];
  const paths = found.postmortems.filter(options.only);
  for (const path of paths) {
    const file = display(path);
    const id = incidentIdOf(path);
    const bytes = readBytes(path);
    if (bytes instanceof Error) {
      diagnostics.push(diagnostic(file, FIRST_LINE, 'file-unreadable', 'error', `the file could not be read (${bytes.message})`));
      continue;
    }
    const result = validateProgramFile(bytes, { file, id, vocabulary: options.vocabulary, catalogFile: options.catalogFile });
    const others = byLowerId.get(id.toLowerCase())!.filter((f) => f !== file);
    if (others.length) {
      result.diagnostics.push(diagnostic(file, FIRST_LINE, 'duplicate-id', 'error', `the program id \`${id}\` is also used by ${others.join(', ')}; ids must be unique (ignoring case): rename one file`));
    }
    diagnostics.push(...result.diagnostics);
    if (result.program && !others.length) programs.push(result.program);
  }
  return { programs, diagnostics, files: paths.length };
}
