import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { compareDiagnostics, diagnostic } from '../diagnostics/diagnostic.ts';
import type { Incident } from '../model.ts';
import type { Catalog } from '../schema/catalog.ts';
import { checkAcrossFiles } from '../validate/cross-file.ts';
import { DEFAULT_REQUIRED_SECTIONS, locateInFile, readIndexEntry, readProfile, type IncidentIndexEntry, type ProfiledFile } from '../validate/incident-file.ts';
import { possibleRecurrences } from '../validate/possible-recurrence.ts';
import { findIncidentFiles, incidentIdOf } from './files.ts';
import { validateInParallel } from './parallel.ts';
import { loadCatalog } from './catalog.ts';
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
   * Report a `possible-recurrence` notice on each reported postmortem that looks like a recurrence
   * of an earlier one within this many days.
   */
  recurrenceWindowDays?: number;
}

/**
 * When only some files are reported on, suggesting recurrences reads every other one too; beyond
 * this many postmortems that costs more than a check while writing should (seconds per 10,000),
 * and the check is skipped: `hindsight analyze` lists every suggestion.
 */
export const PROFILED_UP_TO = 5_000;

export interface LoadResult {
  /** The catalog, when it is valid. */
  catalog?: Catalog;
  /** Every validated postmortem without errors, in file order (none when `incidents: false`). */
  incidents: Incident[];
  /** Every finding, sorted by file and position. */
  diagnostics: Diagnostic[];
  /** How many files were checked (postmortems and the catalog). */
  files: number;
  /** With `recurrenceWindowDays`: whether possible recurrences were looked for, or skipped (see PROFILED_UP_TO). */
  possibleRecurrences?: 'checked' | 'skipped';
}

/** Reads, parses and validates an incidents folder: the one way every command loads postmortems. */
export async function loadProject(options: LoadOptions): Promise<LoadResult> {
  const dir = resolve(options.cwd, options.incidentsDir);
  const display = (path: string) => displayPath(options.cwd, path);
  const selected = options.only ?? (() => true);

  if (!existsSync(dir)) {
    return {
      incidents: [],
      diagnostics: [diagnostic(display(dir), { start: { line: 1, column: 1 } }, 'file-unreadable', 'error', 'the incidents folder does not exist; create it with a `_catalog.yaml` and your postmortems')],
      files: 0,
    };
  }
  const catalog = loadCatalog(options);
  const diagnostics: Diagnostic[] = [...catalog.diagnostics];

  const files = findIncidentFiles(dir);
  for (const path of files.ignored.filter(selected)) {
    diagnostics.push(diagnostic(display(path), { start: { line: 1, column: 1 } }, 'ignored-file', 'warning',
      'this file is not read as a postmortem: only `.md` files are. Rename it to end in `.md`, or start its name with `_` if it is not a postmortem'));
  }

  const ctx: FileContext = {
    cwd: options.cwd,
    vocabulary: catalog.vocabulary,
    catalogFile: catalog.file,
    now: options.now ?? Date.now(),
    requiredSections: options.requiredSections ?? DEFAULT_REQUIRED_SECTIONS,
    buildIncidents: options.incidents ?? true,
    buildProfiles: options.recurrenceWindowDays !== undefined,
  };
  const paths = files.postmortems.filter(selected);
  const results = await validateInParallel(paths, ctx, options.threads);

  const entries = new Map<string, IncidentIndexEntry>(results.map((r) => [r.index.id, r.index]));
  const pathById = new Map(files.postmortems.map((path) => [incidentIdOf(path), path]));
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
    const bytes = readBytes(join(options.cwd, entry.file));
    return bytes instanceof Error ? { start: { line: 1, column: 1 } } : locateInFile(bytes, entry.file, path);
  });

  for (const result of results) diagnostics.push(...result.diagnostics);
  diagnostics.push(...crossFile);
  // A file with a cross-file error is invalid too: it must not reach analysis or the site.
  const invalid = new Set(crossFile.filter((d) => d.severity === 'error').map((d) => d.file));
  const loaded: LoadResult = {
    incidents: results.flatMap((r) => (r.incident && !invalid.has(r.incident.file) ? [r.incident] : [])),
    diagnostics,
    files: paths.length + 1,
  };
  if (options.recurrenceWindowDays !== undefined) {
    const others = files.postmortems.filter((path) => !selected(path));
    if (others.length && files.postmortems.length > PROFILED_UP_TO) loaded.possibleRecurrences = 'skipped';
    else {
      const profiled: ProfiledFile[] = results.flatMap((r) => (r.profile && !invalid.has(r.profile.file) ? [r.profile] : []));
      const reported = new Set(profiled.map((p) => p.file));
      for (const path of others) {
        const bytes = readBytes(path);
        const profile = bytes instanceof Error ? undefined : readProfile(bytes, display(path), incidentIdOf(path));
        if (profile) profiled.push(profile);
      }
      diagnostics.push(...possibleRecurrences(profiled, (file) => reported.has(file), options.recurrenceWindowDays));
      loaded.possibleRecurrences = 'checked';
    }
  }
  diagnostics.sort(compareDiagnostics);
  if (catalog.catalog) loaded.catalog = catalog.catalog;
  return loaded;
}
