import { loadConfig } from '../config/load-config.ts';
import { compareDiagnostics } from '../diagnostics/diagnostic.ts';
import { loadProject, type LoadOptions, type LoadResult } from './project.ts';

export type ConfiguredLoadOptions = Omit<LoadOptions, 'incidentsDir' | 'requiredSections'> & {
  /** Overrides the config's `incidents`. */
  incidentsDir?: string;
};

/**
 * Loads the project as `hindsight.config.json` in `cwd` describes it: what the CLI, the build and
 * the pages all call, so they can never disagree. The config's own findings come first.
 */
export async function loadConfiguredProject(options: ConfiguredLoadOptions): Promise<LoadResult> {
  const { config, diagnostics } = loadConfig(options.cwd);
  const loadOptions: LoadOptions = { ...options, incidentsDir: options.incidentsDir ?? config.incidents };
  if (config.requiredSections) loadOptions.requiredSections = config.requiredSections;
  if (config.catalog && !options.catalog) loadOptions.catalog = config.catalog;
  if (config.programs && !options.programs) loadOptions.programs = config.programs;
  const result = await loadProject(loadOptions);
  return { ...result, diagnostics: [...diagnostics, ...result.diagnostics].sort(compareDiagnostics) };
}
