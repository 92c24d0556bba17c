import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { catalogPath, CONFIG_FILE, countBySeverity, DEFAULT_SETTINGS, loadConfig, loadConfiguredProject, PROFILED_UP_TO, programsPath, type ConfiguredLoadOptions } from '../../lib/index.ts';
import { changedFiles } from '../changed-files.ts';
import { github } from '../formatters/github.ts';
import { json } from '../formatters/json.ts';
import { pretty } from '../formatters/pretty.ts';
import type { Formatter } from '../formatters/types.ts';
import { EXIT, type Io } from '../io.ts';
import { COLOR_OPTIONS, incidentsFolder, useColor } from '../options.ts';

const FORMATTERS: Record<string, Formatter> = { pretty, json, github };

export const VALIDATE_USAGE = `  validate [paths…]   Check postmortems and the catalog; report every problem with its position.
    --incidents DIR     The incidents folder (default: incidents, or "incidents" in
                        hindsight.config.json). Its catalog is DIR/_catalog.yaml.
    --format NAME       pretty (default), json or github (default when GITHUB_ACTIONS=true).
    --strict            Warnings fail the run too.
    --changed REF       Report only on postmortems this branch changed since it left a git ref
                        (e.g. origin/main: compared with their merge base), committed or not;
                        every file if the catalog or config changed. Needs git.
    --color, --no-color Force colour on or off (default: on when stdout is a terminal).
    Paths name files or folders inside the incidents or programs folder: only their findings are
    reported, but checks across files (duplicate ids, links, recurrence cycles) still see the
    whole folder.
`;

export async function validate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      incidents: { type: 'string' },
      format: { type: 'string' },
      strict: { type: 'boolean', default: false },
      changed: { type: 'string' },
      ...COLOR_OPTIONS,
    },
  });
  const format = values.format ?? (io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'pretty');
  const formatter = FORMATTERS[format];
  if (!formatter) {
    io.stderr(`hindsight: unknown format \`${format}\`; use pretty, json or github\n`);
    return EXIT.failure;
  }
  const folder = incidentsFolder(values.incidents, io);
  if ('error' in folder) {
    io.stderr(folder.error);
    return EXIT.failure;
  }

  // Each named path selects itself and, for a folder, every file below it.
  const selected: string[] = [];
  const programs = programsPath({ incidentsDir: folder.dir, cwd: io.cwd, programs: loadConfig(io.cwd).config.programs });
  const within = (dir: string, path: string) => {
    const inside = relative(dir, path);
    return !inside.startsWith('..') && !isAbsolute(inside);
  };
  for (const arg of positionals) {
    const path = resolve(io.cwd, arg);
    if (!existsSync(path)) {
      io.stderr(`hindsight: \`${arg}\` does not exist\n`);
      return EXIT.failure;
    }
    if (!within(folder.dir, path) && !within(programs, path)) {
      io.stderr(`hindsight: \`${arg}\` is not inside the incidents folder \`${folder.name}\` or the programs folder \`${relative(io.cwd, programs) || '.'}\`; pass --incidents DIR to check another folder\n`);
      return EXIT.failure;
    }
    selected.push(path);
  }

  const options: ConfiguredLoadOptions = {
    incidentsDir: folder.dir,
    cwd: io.cwd,
    incidents: false,
    recurrenceWindowDays: loadConfig(io.cwd).config.analysis?.recurrenceWindowDays ?? DEFAULT_SETTINGS.recurrenceWindowDays,
  };
  if (io.now !== undefined) options.now = io.now;
  const filters: ((file: string) => boolean)[] = [];
  if (selected.length) filters.push((file) => selected.some((p) => file === p || file.startsWith(p + sep)));
  if (values.changed !== undefined) {
    const changed = changedFiles(values.changed, io.cwd, io.env);
    if ('error' in changed) {
      io.stderr(`hindsight: ${changed.error}\n`);
      return EXIT.failure;
    }
    // A changed catalog or config can break any postmortem: then every file is reported on.
    // git names files by their real path; the folder may have been reached through a symlink.
    const real = (path: string) => (existsSync(path) ? realpathSync(path) : path);
    const catalog = real(catalogPath({ incidentsDir: folder.dir, cwd: io.cwd, catalog: loadConfig(io.cwd).config.catalog }));
    const everything = changed.files.some((f) => f === catalog || f === real(resolve(io.cwd, CONFIG_FILE)));
    const files = new Set(changed.files);
    if (!everything) filters.push((file) => files.has(real(file)));
  }
  if (filters.length) options.only = (file) => filters.every((keep) => keep(file));
  const result = await loadConfiguredProject(options);

  io.stdout(formatter({ diagnostics: result.diagnostics, files: result.files }, { color: useColor(values, io) }));
  if (result.possibleRecurrences === 'skipped') {
    io.stderr(`hindsight: possible recurrences are not looked for in a folder of more than ${PROFILED_UP_TO.toLocaleString('en')} postmortems; \`hindsight analyze\` lists them\n`);
  }
  const { errors, warnings } = countBySeverity(result.diagnostics);
  return errors > 0 || (values.strict && warnings > 0) ? EXIT.invalid : EXIT.ok;
}
