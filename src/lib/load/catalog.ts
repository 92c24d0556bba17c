import { join, resolve } from 'node:path';
import { loadConfig } from '../config/load-config.ts';
import { compareDiagnostics } from '../diagnostics/diagnostic.ts';
import { validateCatalogFile, type CatalogResult } from '../validate/catalog-file.ts';
import { displayPath, readBytes } from './validate-files.ts';

export const CATALOG_FILE = '_catalog.yaml';

/** Where the catalog is: `catalog` (relative to `cwd`) when given, else `_catalog.yaml` in the incidents folder. */
export function catalogPath(options: { incidentsDir: string; cwd: string; catalog?: string | undefined }): string {
  return options.catalog ? resolve(options.cwd, options.catalog) : join(resolve(options.cwd, options.incidentsDir), CATALOG_FILE);
}

/** Reads and validates the catalog alone: what a command that needs only the vocabulary loads. */
export function loadCatalog(options: { incidentsDir: string; cwd: string; catalog?: string | undefined }): CatalogResult & { path: string; file: string } {
  const path = catalogPath(options);
  const file = displayPath(options.cwd, path);
  const bytes = readBytes(path);
  const result = validateCatalogFile(bytes instanceof Error ? undefined : bytes, file);
  return { ...result, diagnostics: [...result.diagnostics].sort(compareDiagnostics), path, file };
}

/** The catalog as `hindsight.config.json` in `cwd` places it. */
export function loadConfiguredCatalog(options: { cwd: string; incidentsDir?: string | undefined }): ReturnType<typeof loadCatalog> {
  const { config } = loadConfig(options.cwd);
  return loadCatalog({ cwd: options.cwd, incidentsDir: options.incidentsDir ?? config.incidents, catalog: config.catalog });
}
