import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import {
  DEFAULT_REQUIRED_SECTIONS,
  findIncidentFiles,
  formatOffset,
  incidentIdOf,
  loadConfig,
  loadConfiguredCatalog,
  newPostmortem,
  parseTimestamp,
  REFERENCE_KINDS,
  unknownReferenceMessage,
  type Catalog,
  type NewPostmortem,
} from '../../lib/index.ts';
import { pretty } from '../formatters/pretty.ts';
import { EXIT, type Io } from '../io.ts';
import { incidentsFolder } from '../options.ts';

export const NEW_USAGE = `  new "Title"         Start a postmortem: incidents/<date>-<slug>.md from _template.md, as a draft.
    --severity ID       One of the catalog's severities (default: the least severe).
    --services A,B      Catalog service ids (asked for on a terminal; required otherwise).
    --started-at TIME   When impact began, with an offset (default: now, in this machine's zone).
    --author NAME       Default: git's user.name.
    On a terminal, whatever is not given is asked for, checked against the catalog.
`;

/** Now, to the minute, in this machine's zone: a timestamp with its offset, never a naive one. */
function localNow(now: number): string {
  const date = new Date(now);
  const offset = -date.getTimezoneOffset();
  const local = new Date(now + offset * 60_000).toISOString().slice(0, 16);
  return `${local}:00${formatOffset(offset)}`;
}

function gitUser(cwd: string): string | undefined {
  const git = spawnSync('git', ['config', 'user.name'], { cwd, encoding: 'utf8' });
  return git.status === 0 && git.stdout.trim() ? git.stdout.trim() : undefined;
}

/** Checks the given values against the catalog; a message per problem. */
function problems(values: Partial<NewPostmortem>, catalog: Catalog, catalogFile: string): string[] {
  const found: string[] = [];
  const severities = catalog.severities.map((s) => s.id);
  if (values.severity !== undefined && !severities.includes(values.severity)) found.push(unknownReferenceMessage(REFERENCE_KINDS.severity, values.severity, severities, catalogFile));
  const services = catalog.services.map((s) => s.id);
  for (const service of values.services ?? []) if (!services.includes(service)) found.push(unknownReferenceMessage(REFERENCE_KINDS.service, service, services, catalogFile));
  if (values.startedAt !== undefined) {
    const parsed = parseTimestamp(values.startedAt);
    if (!parsed.ok) found.push(`--started-at must be a date-time with an offset, such as 2025-03-04T14:02:00+01:00, not \`${values.startedAt}\``);
  }
  if (values.title !== undefined && (values.title.trim().length < 5 || values.title.length > 200)) found.push('the title must be 5 to 200 characters');
  return found;
}

export async function newCommand(args: string[], io: Io): Promise<number> {
  const { values: flags, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      incidents: { type: 'string' },
      severity: { type: 'string' },
      services: { type: 'string' },
      'started-at': { type: 'string' },
      author: { type: 'string' },
    },
  });
  const folder = incidentsFolder(flags.incidents, io);
  if ('error' in folder) {
    io.stderr(folder.error);
    return EXIT.failure;
  }
  // The vocabulary is all a new postmortem needs: the other postmortems are not validated here.
  const loaded = loadConfiguredCatalog({ cwd: io.cwd, incidentsDir: folder.dir });
  const catalog = loaded.catalog;
  if (!catalog) {
    io.stderr(pretty({ diagnostics: loaded.diagnostics, files: 1 }, { color: false }));
    io.stderr('hindsight: the catalog has errors; fix them first\n');
    return EXIT.invalid;
  }

  let values: Partial<NewPostmortem> = {};
  if (positionals.length) values.title = positionals.join(' ');
  if (flags.severity !== undefined) values.severity = flags.severity;
  if (flags.services !== undefined) values.services = flags.services.split(',').map((s) => s.trim()).filter(Boolean);
  if (flags['started-at'] !== undefined) values.startedAt = flags['started-at'];
  if (flags.author !== undefined) values.author = flags.author;
  const found = problems(values, catalog, loaded.file);
  if (found.length) {
    io.stderr(found.map((p) => `hindsight: ${p}\n`).join(''));
    return EXIT.failure;
  }

  if (io.interactive && (!values.title || !values.services?.length)) {
    const { askForMissing } = await import('../prompts/new-postmortem.ts');
    const answered = await askForMissing(values, catalog, localNow(io.now ?? Date.now()));
    if (!answered) {
      io.stderr('hindsight: cancelled; nothing was written\n');
      return EXIT.failure;
    }
    values = answered;
  }
  if (!values.title) {
    io.stderr(`hindsight: new needs a title: npm run new -- "What broke, for whom"\n`);
    return EXIT.failure;
  }
  if (!values.services?.length) {
    io.stderr(`hindsight: new needs --services, from the catalog: ${catalog.services.map((s) => s.id).join(', ')}\n`);
    return EXIT.failure;
  }

  const templatePath = join(folder.dir, '_template.md');
  const template = existsSync(templatePath) ? readFileSync(templatePath, 'utf8') : '---\n---\n';
  const ids = new Set(findIncidentFiles(folder.dir).postmortems.map((p) => incidentIdOf(p).toLowerCase()));
  const { config } = loadConfig(io.cwd);
  const { id, text } = newPostmortem(
    {
      title: values.title.trim(),
      startedAt: values.startedAt ?? localNow(io.now ?? Date.now()),
      severity: values.severity ?? catalog.severities.at(-1)!.id,
      services: values.services,
      author: values.author ?? gitUser(io.cwd) ?? 'your.name',
    },
    { template, requiredSections: config.requiredSections ?? DEFAULT_REQUIRED_SECTIONS, taken: (candidate) => ids.has(candidate.toLowerCase()) },
  );
  const path = join(folder.dir, `${id}.md`);
  writeFileSync(path, text, { flag: 'wx' });
  io.stdout(`${relative(io.cwd, path)}\n`);
  return EXIT.ok;
}
