import { countBySeverity, loadConfiguredProject, type Catalog, type ConfiguredLoadOptions, type LoadResult } from '../lib/index.ts';
import { pretty } from './formatters/pretty.ts';
import { EXIT, type Io } from './io.ts';

export type ValidProject = LoadResult & { catalog: Catalog };

/**
 * Loads the folder a command reports on, or prints its findings and says why the command stops:
 * a report on a folder with broken postmortems would silently leave them out.
 *
 * @param refusal what the command cannot do on an invalid folder, e.g. "the analysis only runs on a valid folder".
 */
export async function loadValidProject(
  io: Io,
  options: Omit<ConfiguredLoadOptions, 'cwd' | 'now'> & { color: boolean; refusal: string },
): Promise<{ project: ValidProject } | { exit: number }> {
  const { color, refusal, ...rest } = options;
  const load: ConfiguredLoadOptions = { ...rest, cwd: io.cwd };
  if (io.now !== undefined) load.now = io.now;
  const project = await loadConfiguredProject(load);
  if (countBySeverity(project.diagnostics).errors > 0 || !project.catalog) {
    io.stderr(pretty({ diagnostics: project.diagnostics, files: project.files }, { color }));
    io.stderr(`hindsight: fix these errors first; ${refusal}\n`);
    return { exit: EXIT.invalid };
  }
  return { project: project as ValidProject };
}
