import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze, didYouMean, fileLocator, loadConfig, optionsFromConfig, plural } from '../../lib/index.ts';
import { printable } from '../formatters/printable.ts';
import { EXIT, type Io } from '../io.ts';
import { COLOR_OPTIONS, reportTarget, useColor } from '../options.ts';
import { programReport } from '../report/programs-report.ts';
import { loadValidProject } from '../valid-project.ts';

export const PROGRAMS_USAGE = `  programs            Programs (code yellows, code reds, initiatives) and their exit criteria:
                      each met or not, with what blocks it at file:line. An active program is
                      judged on the analysis date, an exited one on its exit day.
    --incidents DIR     The incidents folder, as for validate.
    --programs DIR      The programs folder (default: programs beside the incidents folder).
    --as-of DATE        The analysis date, YYYY-MM-DD (default: today, UTC).
    --check ID          Report on program ID only; exit 1 while one of its exit criteria is
                        unmet, 0 once all are: a gate for CI.
    --color, --no-color Force colour on or off.
`;

/** `file:line` of a field of a postmortem; the file's first line when it cannot be read again. Each file is read once. */
function placer(cwd: string) {
  const locators = new Map<string, ReturnType<typeof fileLocator> | undefined>();
  return (file: string, path: readonly (string | number)[]) => {
    if (!locators.has(file)) {
      try {
        locators.set(file, fileLocator(readFileSync(resolve(cwd, file)), file));
      } catch {
        locators.set(file, undefined);
      }
    }
    const locate = locators.get(file);
    return `${file}:${locate ? locate(path).start.line : 1}`;
  };
}

export async function programsCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { incidents: { type: 'string' }, programs: { type: 'string' }, 'as-of': { type: 'string' }, check: { type: 'string' }, ...COLOR_OPTIONS },
  });
  const target = reportTarget(values, io);
  if ('error' in target) {
    io.stderr(target.error);
    return EXIT.failure;
  }
  const color = useColor(values, io);
  const loaded = await loadValidProject(io, {
    incidentsDir: target.dir,
    ...(values.programs === undefined ? {} : { programs: values.programs }),
    color,
    refusal: 'programs are judged only on a valid folder',
  });
  if ('exit' in loaded) return loaded.exit;
  const { project } = loaded;
  const analysis = analyze(project.incidents, project.catalog, optionsFromConfig(loadConfig(io.cwd).config.analysis, target.date), project.programs);
  const options = { color, place: placer(io.cwd) };

  if (values.check !== undefined) {
    const id = values.check;
    const evaluation = analysis.programs.find((p) => p.id === id);
    if (evaluation) {
      io.stdout(programReport(evaluation, options));
      return evaluation.met === evaluation.total ? EXIT.ok : EXIT.invalid;
    }
    const later = project.programs.find((p) => p.id === id);
    if (later) {
      io.stdout(`${printable(later.frontmatter.title)}\n  ${id} is declared on ${later.frontmatter.declared_at}, after ${target.date}: none of its exit criteria can be met yet.\n`);
      return EXIT.invalid;
    }
    const ids = project.programs.map((p) => p.id);
    io.stderr(`hindsight: there is no program \`${id}\`${didYouMean(id, ids) || (ids.length ? `; the programs are ${ids.join(', ')}` : '; there are no programs')}\n`);
    return EXIT.failure;
  }

  if (!project.programs.length) {
    io.stdout('No programs. A program is a Markdown file in programs/: docs/programs.md shows how to write one.\n');
    return EXIT.ok;
  }
  const active = analysis.programs.filter((p) => p.state === 'active').length;
  const blocks = [`${plural(analysis.programs.length, 'program')} as of ${target.date}: ${active} active, ${analysis.programs.length - active} exited.\n`];
  blocks.push(...analysis.programs.map((p) => programReport(p, options)));
  const later = project.programs.filter((p) => p.frontmatter.declared_at > target.date);
  if (later.length) blocks.push(`Declared after ${target.date}, not judged: ${later.map((p) => `${p.id} (${p.frontmatter.declared_at})`).join(', ')}.\n`);
  io.stdout(blocks.join('\n'));
  return EXIT.ok;
}
