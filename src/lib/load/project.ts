import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { compareDiagnostics, diagnostic } from '../diagnostics/diagnostic.ts';
import type { Incident } from '../model.ts';
import type { Catalog } from '../schema/catalog.ts';
import { validateCatalogFile } from '../validate/catalog-file.ts';
import { checkAcrossFiles } from '../validate/cross-file.ts';
import { DEFAULT_REQUIRED_SECTIONS, validateIncidentFile, type IncidentIndexEntry } from '../validate/incident-file.ts';
import { findIncidentFiles, incidentIdOf } from './files.ts';

export const CATALOG_FILE = '_catalog.yaml';

export interface LoadOptions {
  /** The incidents folder. */
  incidentsDir: string;
  /** Findings name files relative to this folder. */
  cwd: string;
  /** "Now", for the future-start check. Default: the current time. */
  now?: number;
  /** Required `##` sections; each entry lists alternative names. */
  requiredSections?: readonly (readonly string[])[];
  /**
   * Report the findings of the files this accepts (absolute paths) only. Cross-file checks still
   * run over the whole folder; their findings are kept when they concern an accepted file.
   */
  only?: (path: string) => boolean;
}

export interface LoadResult {
  /** The catalog, when it is valid. */
  catalog?: Catalog;
  /** Every postmortem without errors, in file order. */
  incidents: Incident[];
  /** Every finding, sorted by file and position. */
  diagnostics: Diagnostic[];
  /** How many files were checked (postmortems and the catalog). */
  files: number;
}

function readBytes(path: string): Uint8Array | Error {
  try {
    return readFileSync(path);
  } catch (error) {
    return error as Error;
  }
}

/** Reads, parses and validates an incidents folder: the one way every command loads postmortems. */
export function loadProject(options: LoadOptions): LoadResult {
  const dir = resolve(options.cwd, options.incidentsDir);
  const display = (path: string) => relative(options.cwd, path).split(sep).join('/');
  const now = options.now ?? Date.now();
  const reported = options.only ?? (() => true);

  const catalogPath = join(dir, CATALOG_FILE);
  const catalogBytes = readBytes(catalogPath);
  const catalogResult = validateCatalogFile(catalogBytes instanceof Error ? undefined : catalogBytes, display(catalogPath));
  const diagnostics: Diagnostic[] = [...catalogResult.diagnostics];

  const files = findIncidentFiles(dir);
  for (const path of files.ignored.filter(reported)) {
    diagnostics.push(diagnostic(display(path), { start: { line: 1, column: 1 } }, 'ignored-file', 'warning',
      'this file is not read as a postmortem: only `.md` files are. Rename it to end in `.md`, or start its name with `_` if it is not a postmortem'));
  }

  const incidents: Incident[] = [];
  const index: IncidentIndexEntry[] = [];
  for (const path of files.postmortems) {
    const file = display(path);
    const bytes = readBytes(path);
    if (bytes instanceof Error) {
      index.push({ id: incidentIdOf(path), file, links: [] });
      diagnostics.push(diagnostic(file, { start: { line: 1, column: 1 } }, 'file-unreadable', 'error', `the file could not be read (${bytes.message})`));
      continue;
    }
    const result = validateIncidentFile(bytes, {
      file,
      id: incidentIdOf(path),
      vocabulary: catalogResult.vocabulary,
      catalogFile: display(catalogPath),
      now,
      requiredSections: options.requiredSections ?? DEFAULT_REQUIRED_SECTIONS,
    });
    index.push(result.index);
    if (result.incident) incidents.push(result.incident);
    if (reported(path)) diagnostics.push(...result.diagnostics);
  }

  const crossFile = checkAcrossFiles(index);
  // A file with a cross-file error is invalid too: it must not reach analysis or the site.
  const invalid = new Set(crossFile.filter((d) => d.severity === 'error').map((d) => d.file));
  const reportedFiles = new Set(files.postmortems.filter(reported).map(display));
  diagnostics.push(...crossFile.filter((d) => reportedFiles.has(d.file)));
  const result: LoadResult = {
    incidents: incidents.filter((i) => !invalid.has(i.file)),
    diagnostics: diagnostics.sort(compareDiagnostics),
    files: reportedFiles.size + 1,
  };
  if (catalogResult.catalog) result.catalog = catalogResult.catalog;
  return result;
}
