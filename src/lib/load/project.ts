import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { compareDiagnostics, diagnostic } from '../diagnostics/diagnostic.ts';
import type { Incident } from '../model.ts';
import type { Catalog } from '../schema/catalog.ts';
import { checkAcrossFiles } from '../validate/cross-file.ts';
import { DEFAULT_REQUIRED_SECTIONS, readIndexEntry, readProfile, type IncidentIndexEntry, type ProfiledFile } from '../validate/incident-file.ts';
import { possibleRecurrences } from '../validate/possible-recurrence.ts';
import { findIncidentFiles, incidentIdOf } from './files.ts';
import { frontmatterLocator } from './locate.ts';
import { validateInParallel } from './parallel.ts';
import { loadCatalog } from './catalog.ts';
import { loadPlaceholders } from './template.ts';
import { loadPrograms, programsPath } from './programs.ts';
import type { Program } from '../programs/model.ts';
import { checkProgramExits } from '../programs/exit-check.ts';
import { displayPath, readBytes, type FileContext } from './validate-files.ts';


export interface LoadOptions {
  /** The incidents folder. */
  incidentsDir: string;
  /** The catalog, relative to `cwd`. Default: `_catalog.yaml` in the incidents folder. */
  catalog?: string;
  /** Findings name files relative to this folder. */
  cwd: string;
  /** "Now", for the future-start check. Default: the current time. */
  now?: number;
  /** Required `##` sections; each entry lists alternative names. */
  requiredSections?: readonly (readonly string[])[];
  /**
   * Validate and report only the files this accepts (absolute paths). Checks across files still
   * see the whole folder: other files are read as far as links lead.
   */
  only?: (path: string) => boolean;
  /**
   * Build the Incident models (default). Validating alone does not need them, and at 100,000
   * postmortems they are most of the memory a run takes.
   */
  incidents?: boolean;
  /** Threads to validate on. Default: one per core. */
  threads?: number;
  /**
   * The programs folder, relative to `cwd`; a missing one is then a finding. Default: `programs`
   * beside the incidents folder, where a missing one means no programs.
   */
  programs?: string;
  /**
   * Report a `possible-recurrence` notice on each reported postmortem that looks like a recurrence
   * of an earlier one within this many days.
   */
  recurrenceWindowDays?: number;
}

/**
 * Suggesting recurrences compares a postmortem with every other, so a check of some files reads
 * all the others too (about 0.2 ms each), and a check of all of them takes the memory of their
 * text. Beyond this many postmortems that costs more than a check while writing should, and the
 * check is skipped: `hindsight analyze` lists every suggestion.
 */
export const PROFILED_UP_TO = 5_000;

export interface LoadResult {
  /** The catalog, when it is valid. */
  catalog?: Catalog;
  /** Every validated postmortem without errors, in file order (none when `incidents: false`). */
  incidents: Incident[];
  /** Every program without errors, in file order. */
  programs: Program[];
  /** Every finding, sorted by file and position. */
  diagnostics: Diagnostic[];
  /** How many files were checked (postmortems and the catalog). */
  files: number;
  /** With `recurrenceWindowDays`: whether possible recurrences were looked for, or skipped (see PROFILED_UP_TO). */
  possibleRecurrences?: 'checked' | 'skipped';
}

/** Why `dir` cannot be the incidents folder, or undefined when it can. */
export function folderProblem(dir: string): string | undefined {
  let isFolder: boolean;
  try {
    isFolder = statSync(dir).isDirectory();
  } catch {
    return 'the incidents folder does not exist; create it with a `_catalog.yaml` and your postmortems';
  }
  return isFolder ? undefined : 'the incidents folder is a file, not a folder; name the folder that holds the postmortems';
}

/** Reads, parses and validates an incidents folder: the one way every command loads postmortems. */
export async function loadProject(options: LoadOptions): Promise<LoadResult> {
  const dir = resolve(options.cwd, options.incidentsDir);
  const display = (path: string) => displayPath(options.cwd, path);
  const selected = options.only ?? (() => true);

  const missing = folderProblem(dir);
  if (missing) return { incidents: [], programs: [], diagnostics: [diagnostic(display(dir), { start: { line: 1, column: 1 } }, 'file-unreadable', 'error', missing)], files: 0 };
  const catalog = loadCatalog(options);
  const diagnostics: Diagnostic[] = [...catalog.diagnostics];

  const files = findIncidentFiles(dir);
  for (const finding of files.findings.filter((f) => selected(f.path))) {
    diagnostics.push(diagnostic(display(finding.path), { start: { line: 1, column: 1 } }, finding.rule, finding.severity, finding.message));
  }

  const programs = loadPrograms({
    dir: programsPath(options),
    configured: options.programs !== undefined,
    cwd: options.cwd,
    vocabulary: catalog.vocabulary,
    catalogFile: catalog.file,
    only: selected,
  });
  diagnostics.push(...programs.diagnostics);

  const ctx: FileContext = {
    cwd: options.cwd,
    vocabulary: catalog.vocabulary,
    catalogFile: catalog.file,
    now: options.now ?? Date.now(),
    requiredSections: options.requiredSections ?? DEFAULT_REQUIRED_SECTIONS,
    placeholders: loadPlaceholders(dir),
    // An exited program is checked against the incidents, so their models are needed then.
    buildIncidents: (options.incidents ?? true) || programs.programs.some((p) => p.frontmatter.exited_at !== undefined),
    buildProfiles: options.recurrenceWindowDays !== undefined && files.postmortems.length <= PROFILED_UP_TO,
  };
  const paths = files.postmortems.filter(selected);
  const results = await validateInParallel(paths, ctx, options.threads);

  const entries = new Map<string, IncidentIndexEntry>(results.map((r) => [r.index.id, r.index]));
  const pathById = new Map(files.postmortems.map((path) => [incidentIdOf(path), path]));
  // Each file is read at most once more, however many findings it gets.
  const locators = new Map<string, ReturnType<typeof frontmatterLocator>>();
  const crossFile = checkAcrossFiles(results.map((r) => r.index), {
    files: files.postmortems.map((path) => ({ id: incidentIdOf(path), file: display(path) })),
    entry(id) {
      let entry = entries.get(id);
      const path = pathById.get(id);
      if (!entry && path) {
        const bytes = readBytes(path);
        entry = bytes instanceof Error ? { id, file: display(path), links: [] } : readIndexEntry(bytes, display(path), id);
        entries.set(id, entry);
      }
      return entry;
    },
  }, (entry, path) => {
    let locate = locators.get(entry.file);
    if (!locate) {
      locate = frontmatterLocator(readBytes(join(options.cwd, entry.file)), entry.file);
      locators.set(entry.file, locate);
    }
    return locate(path);
  });

  for (const result of results) diagnostics.push(...result.diagnostics);
  diagnostics.push(...crossFile);
  // A file with a cross-file error is invalid too: it must not reach analysis or the site.
  const invalid = new Set(crossFile.filter((d) => d.severity === 'error').map((d) => d.file));
  const incidents = results.flatMap((r) => (r.incident && !invalid.has(r.incident.file) ? [r.incident] : []));
  // Judged only on the whole folder: a part of it would make criteria look unmet.
  if (catalog.catalog && !options.only) diagnostics.push(...checkProgramExits(programs.programs, incidents, catalog.catalog));
  const loaded: LoadResult = {
    incidents: options.incidents === false ? [] : incidents,
    programs: programs.programs,
    diagnostics,
    files: paths.length + 1 + programs.files,
  };
  if (options.recurrenceWindowDays !== undefined) {
    const others = files.postmortems.filter((path) => !selected(path));
    if (files.postmortems.length > PROFILED_UP_TO) loaded.possibleRecurrences = 'skipped';
    else {
      const profiled: ProfiledFile[] = results.flatMap((r) => (r.profile && !invalid.has(r.profile.file) ? [r.profile] : []));
      const reported = new Set(profiled.map((p) => p.file));
      for (const path of others) {
        const bytes = readBytes(path);
        const profile = bytes instanceof Error ? undefined : readProfile(bytes, display(path), incidentIdOf(path));
        if (profile) profiled.push(profile);
      }
      const services = (file: string) => frontmatterLocator(readBytes(join(options.cwd, file)), file)(['services'], 'key');
      diagnostics.push(...possibleRecurrences(profiled, (file) => reported.has(file), options.recurrenceWindowDays, services));
      loaded.possibleRecurrences = 'checked';
    }
  }
  diagnostics.sort(compareDiagnostics);
  if (catalog.catalog) loaded.catalog = catalog.catalog;
  return loaded;
}
