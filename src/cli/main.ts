import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { countBySeverity, loadConfig, loadConfiguredProject, type ConfiguredLoadOptions } from '../lib/index.ts';
import { github } from './formatters/github.ts';
import { json } from './formatters/json.ts';
import { pretty } from './formatters/pretty.ts';
import type { Formatter } from './formatters/types.ts';

/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (colour on by default). */
  isTTY: boolean;
  /** "Now" in epoch ms; the default is the real clock. */
  now?: number;
}

export const EXIT = { ok: 0, invalid: 1, failure: 2 } as const;

const FORMATTERS: Record<string, Formatter> = { pretty, json, github };

const USAGE = `Usage: hindsight <command> [options]

Commands:
  validate [paths…]   Check postmortems and the catalog; report every problem with its position.

Options for validate:
  --incidents DIR     The incidents folder (default: incidents, or "incidents" in
                      hindsight.config.json). Its catalog is DIR/_catalog.yaml.
  --format NAME       pretty (default), json or github (default when GITHUB_ACTIONS=true).
  --strict            Warnings fail the run too.
  --color, --no-color Force colour on or off (default: on when stdout is a terminal).

Paths name files or folders inside the incidents folder: only their findings are reported, but
checks across files (duplicate ids, links, recurrence cycles) still see the whole folder.

Exit codes: 0 valid (warnings allowed), 1 problems found, 2 usage or internal error.
`;

async function validate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      incidents: { type: 'string' },
      format: { type: 'string' },
      strict: { type: 'boolean', default: false },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
    },
  });
  const format = values.format ?? (io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'pretty');
  const formatter = FORMATTERS[format];
  if (!formatter) {
    io.stderr(`hindsight: unknown format \`${format}\`; use pretty, json or github\n`);
    return EXIT.failure;
  }
  const incidents = values.incidents ?? loadConfig(io.cwd).config.incidents;
  const dir = resolve(io.cwd, incidents);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    io.stderr(`hindsight: the incidents folder \`${incidents}\` does not exist; create it or pass --incidents DIR\n`);
    return EXIT.failure;
  }

  // Each named path selects itself and, for a folder, every file below it.
  const selected: string[] = [];
  for (const arg of positionals) {
    const path = resolve(io.cwd, arg);
    if (!existsSync(path)) {
      io.stderr(`hindsight: \`${arg}\` does not exist\n`);
      return EXIT.failure;
    }
    const inside = relative(dir, path);
    if (inside.startsWith('..') || isAbsolute(inside)) {
      io.stderr(`hindsight: \`${arg}\` is not inside the incidents folder \`${incidents}\`; pass --incidents DIR to check another folder\n`);
      return EXIT.failure;
    }
    selected.push(path);
  }

  const options: ConfiguredLoadOptions = { incidentsDir: dir, cwd: io.cwd };
  if (io.now !== undefined) options.now = io.now;
  if (selected.length) options.only = (file) => selected.some((p) => file === p || file.startsWith(p + sep));
  const result = await loadConfiguredProject(options);

  const color = values['no-color'] ? false : (values.color ?? (io.isTTY && !io.env.NO_COLOR));
  io.stdout(formatter({ diagnostics: result.diagnostics, files: result.files }, { color: Boolean(color) }));
  const { errors, warnings } = countBySeverity(result.diagnostics);
  return errors > 0 || (values.strict && warnings > 0) ? EXIT.invalid : EXIT.ok;
}

/** Runs the CLI and returns its exit code. Never throws: bad input is a finding, a bug is exit 2. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate':
        return await validate(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return command === undefined ? EXIT.failure : EXIT.ok;
      default:
        io.stderr(`hindsight: unknown command \`${command}\`\n\n${USAGE}`);
        return EXIT.failure;
    }
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`hindsight: ${error.message}\n\n${USAGE}`);
      return EXIT.failure;
    }
    io.stderr(`hindsight: internal error: ${(error as Error).message}\nThis is a bug in Hindsight, not in your postmortems; please report it.\n`);
    if (io.env.HINDSIGHT_DEBUG) io.stderr(`${(error as Error).stack}\n`);
    return EXIT.failure;
  }
}
