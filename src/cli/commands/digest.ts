import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { actionItemDigest, analyze, loadConfig, optionsFromConfig, shiftDays } from '../../lib/index.ts';
import { EXIT, type Io } from '../io.ts';
import { analysisDate, reportTarget } from '../options.ts';
import { writeOutput } from '../output-files.ts';
import { digestMarkdown } from '../report/digest-markdown.ts';
import { loadValidProject } from '../valid-project.ts';

export const DIGEST_USAGE = `  digest              Action items as Markdown, per team and per owner: overdue (most late
                      first), due in the next 14 days, and done since the last digest.
    --incidents DIR     The incidents folder, as for validate.
    --as-of DATE        The digest's date, YYYY-MM-DD (default: today, UTC).
    --since DATE        List items done after this day (default: 7 days before --as-of).
    --link-base URL     Link each postmortem as URL followed by its path, e.g.
                        https://github.com/acme/postmortems/blob/main/
    --out FILE          Write the digest to FILE (e.g. "$GITHUB_STEP_SUMMARY") instead of stdout.
`;

export async function digestCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { incidents: { type: 'string' }, 'as-of': { type: 'string' }, since: { type: 'string' }, 'link-base': { type: 'string' }, out: { type: 'string' } },
  });
  const target = reportTarget(values, io);
  if ('error' in target) {
    io.stderr(target.error);
    return EXIT.failure;
  }
  const since = analysisDate(values.since ?? shiftDays(target.date, -7), io, '--since');
  if ('error' in since) {
    io.stderr(since.error);
    return EXIT.failure;
  }
  const linkBase = values['link-base'];
  if (linkBase !== undefined && !/^https?:\/\/\S+$/.test(linkBase)) {
    io.stderr(`hindsight: --link-base must be an http(s) URL such as https://github.com/acme/postmortems/blob/main/, not \`${linkBase}\`\n`);
    return EXIT.failure;
  }
  const loaded = await loadValidProject(io, { incidentsDir: target.dir, color: false, refusal: 'the digest is made only from a valid folder' });
  if ('exit' in loaded) return loaded.exit;
  const { project } = loaded;
  const analysis = analyze(project.incidents, project.catalog, optionsFromConfig(loadConfig(io.cwd).config.analysis, target.date));
  const files = new Map(project.incidents.map((i) => [i.id, i.file]));
  const text = digestMarkdown(actionItemDigest(analysis.actionItems.items, { asOf: target.date, since: since.date }), { fileOf: (id) => files.get(id)!, linkBase });
  if (values.out === undefined) {
    io.stdout(text);
    return EXIT.ok;
  }
  const failed = writeOutput(resolve(io.cwd, values.out), values.out, [text]);
  if (failed) {
    io.stderr(`hindsight: --out: ${failed}\n`);
    return EXIT.failure;
  }
  io.stdout(`wrote the digest to ${values.out}\n`);
  return EXIT.ok;
}
