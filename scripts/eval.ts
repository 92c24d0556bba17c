/**
 * `npm run eval`: how far the recurrence and similar-incident claims of the analysis can be trusted,
 * measured against ground truth.
 *
 *   npm run eval                                   # synthetic corpora of 1,000 and 10,000, seed 1
 *   npm run eval -- --sizes 200,5000 --seed 7
 *   npm run eval -- --incidents DIR --truth FILE [--as-of YYYY-MM-DD]
 *   npm run eval -- … --json                       # the figures as JSON
 *
 * Synthetic corpora come from `npm run generate` with its truth, into a temporary folder removed
 * afterwards. Each folder is loaded and analysed through the core's public entry, as the site and
 * the CLI do. docs/analysis.md ("How the analysis is evaluated") defines every figure.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze, loadProject } from '../src/lib/index.ts';
import { evaluate, type Postmortem, type Report } from './eval/evaluate.ts';
import { formatReport } from './eval/report.ts';
import { readTruth, type EvalTruth } from './eval/truth.ts';
import { generateCorpus } from './generate.ts';

/** The analysis date of a synthetic corpus: nothing in one starts, ends or is completed later. */
const SYNTHETIC_AS_OF = '2026-11-01';

export interface FolderOptions {
  /** How the report names the corpus. */
  corpus: string;
  dir: string;
  truth: EvalTruth;
  asOf: string;
  /** "Now" for the check that nothing starts in the future. */
  now: number;
}

/** Loads, analyses and measures one incidents folder. */
export async function evaluateFolder(options: FolderOptions): Promise<Report> {
  const loaded = await loadProject({ incidentsDir: options.dir, cwd: options.dir, now: options.now });
  if (!loaded.catalog) throw new Error(`${options.dir} has no valid _catalog.yaml; run npm run validate on it to see why`);
  const analysis = analyze(loaded.incidents, loaded.catalog, { asOf: options.asOf });
  const postmortems: Postmortem[] = loaded.incidents.map((i) => ({
    id: i.id,
    rootCauses: i.frontmatter.root_causes ?? [],
    recurrenceOf: i.frontmatter.recurrence_of,
  }));
  const invalid = new Set(loaded.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file)).size;
  return evaluate({ corpus: options.corpus, analysis, postmortems, truth: options.truth, invalid });
}

/** Generates a corpus with its truth into a temporary folder, measures it, and removes the folder. */
export async function evaluateSynthetic(count: number, seed: string): Promise<Report> {
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-eval-'));
  try {
    const { truth } = generateCorpus({ count, seed, out: dir });
    return await evaluateFolder({
      corpus: `synthetic, ${count.toLocaleString('en')} postmortems, seed ${seed}`,
      dir,
      truth: readTruth(JSON.stringify(truth)),
      asOf: SYNTHETIC_AS_OF,
      now: Date.parse(`${SYNTHETIC_AS_OF}T00:00:00Z`),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Io {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Today, `YYYY-MM-DD`: the default analysis date of a folder. */
  today: string;
}

const USAGE = 'usage: npm run eval -- [--sizes 1000,10000] [--seed 1] | --incidents DIR --truth FILE [--as-of YYYY-MM-DD]; add --json for JSON';

const OPTIONS = {
  sizes: { type: 'string', default: '1000,10000' },
  seed: { type: 'string', default: '1' },
  incidents: { type: 'string' },
  truth: { type: 'string' },
  'as-of': { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

/** Exit code 0 when every corpus was measured, 2 when the options or a corpus were unusable. */
export async function main(args: string[], io: Io): Promise<number> {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
  try {
    ({ values } = parseArgs({ args, options: OPTIONS }));
  } catch (error) {
    io.stderr(`eval: ${(error as Error).message.split('\n')[0]}; ${USAGE}\n`);
    return 2;
  }
  if ((values.incidents === undefined) !== (values.truth === undefined)) {
    io.stderr(`eval: --incidents and --truth go together; ${USAGE}\n`);
    return 2;
  }
  const asOf = values['as-of'] ?? io.today;
  if (!/^\d{4}-\d\d-\d\d$/.test(asOf) || Number.isNaN(Date.parse(asOf))) {
    io.stderr(`eval: --as-of must be a date written YYYY-MM-DD, not ${asOf}\n`);
    return 2;
  }
  const sizes = values.sizes.split(',').map((s) => s.trim());
  if (values.incidents === undefined && !sizes.every((s) => /^\d+$/.test(s) && Number(s) >= 1)) {
    io.stderr(`eval: --sizes must be whole numbers of at least 1 separated by commas, not ${values.sizes}\n`);
    return 2;
  }

  const reports: Report[] = [];
  const emit = (report: Report) => {
    reports.push(report);
    if (!values.json) io.stdout(`${reports.length > 1 ? '\n' : ''}${formatReport(report)}`);
  };
  try {
    if (values.incidents !== undefined) {
      const truthFile = resolve(io.cwd, values.truth!);
      let text: string;
      try {
        text = readFileSync(truthFile, 'utf8');
      } catch (error) {
        throw new Error(`cannot read ${values.truth}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
      }
      const truth = readTruth(text);
      // Postmortems after the analysis date are left out of the analysis, not reported as errors.
      // biome-ignore lint/complexity/useMathMinMax: dates are `YYYY-MM-DD` strings, which Math.max cannot compare
      const now = Date.parse(`${asOf > io.today ? asOf : io.today}T23:59:59Z`);
      emit(await evaluateFolder({ corpus: values.incidents, dir: resolve(io.cwd, values.incidents), truth, asOf, now }));
    } else {
      for (const size of sizes.map(Number)) {
        io.stderr(`eval: generating and analysing ${size.toLocaleString('en')} postmortems (seed ${values.seed})\n`);
        emit(await evaluateSynthetic(size, values.seed));
      }
    }
  } catch (error) {
    io.stderr(`eval: ${(error as Error).message}\n`);
    return 2;
  }
  if (values.json) io.stdout(`${JSON.stringify(reports, null, 2)}\n`);
  return 0;
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2), {
    // npm runs scripts from the package root; relative paths mean the folder the user was in.
    cwd: process.env.INIT_CWD ?? process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    today: new Date().toISOString().slice(0, 10),
  });
}
