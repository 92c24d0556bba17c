import { parseArgs } from 'node:util';
import { analyze, catalogPath, displayPath, loadConfig, optionsFromConfig } from '../../lib/index.ts';
import { EXIT, type Io } from '../io.ts';
import { incidentsFolder } from '../options.ts';
import { factorSuggestions } from '../report/factor-suggestions.ts';
import { loadValidProject } from '../valid-project.ts';

export const CATALOG_USAGE = `  catalog suggest     Contributing factors worth declaring in the catalog: free text that
                      several incidents share, grouped with its paraphrases, as entries to paste.
    --incidents DIR     The incidents folder, as for validate.
    --min N             Only groups at least N incidents share (default 2).
`;

export async function catalogCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'suggest') {
    io.stderr(`hindsight: \`catalog\` needs a subcommand: suggest\n\n${CATALOG_USAGE}`);
    return EXIT.failure;
  }
  const { values } = parseArgs({ args: rest, options: { incidents: { type: 'string' }, min: { type: 'string' } } });
  const min = values.min === undefined ? 2 : Number(values.min);
  if (!Number.isInteger(min) || min < 1) {
    io.stderr(`hindsight: --min must be a whole number of incidents, not \`${values.min}\`\n`);
    return EXIT.failure;
  }
  const folder = incidentsFolder(values.incidents, io);
  if ('error' in folder) {
    io.stderr(folder.error);
    return EXIT.failure;
  }
  const loaded = await loadValidProject(io, { incidentsDir: folder.dir, color: false, refusal: 'suggestions are only made from a valid folder' });
  if ('exit' in loaded) return loaded.exit;
  const { project } = loaded;
  const { config } = loadConfig(io.cwd);
  const asOf = new Date(io.now ?? Date.now()).toISOString().slice(0, 10);
  const analysis = analyze(project.incidents, project.catalog, optionsFromConfig(config.analysis, asOf));
  const catalogFile = displayPath(io.cwd, catalogPath({ incidentsDir: folder.dir, cwd: io.cwd, catalog: config.catalog }));
  io.stdout(factorSuggestions(analysis.factors, { min, catalogFile }));
  return EXIT.ok;
}
