/**
 * `npm run generate -- --count N --seed S --out DIR [--truth FILE] [--start 2021-01-01] [--months 36] [--force]`
 *
 * A synthetic incidents folder: DIR/_catalog.yaml and N postmortems in DIR/<YYYY>/<id>.md. The
 * same count and seed always give byte-identical files, so a corpus can be rebuilt instead of
 * stored. Patterns an analysis should find are planted on purpose: a few services and causes
 * dominate, about 15% of incidents repeat an earlier one (half of them without saying so), and many
 * repeats happened while the earlier incident's prevent item was still unfinished. Each repeat is
 * about its origin's component, which no unrelated incident names (`scripts/generate/names.ts`),
 * while services and causes keep recurring for unrelated reasons. `--truth` writes what was planted
 * (`scripts/generate/truth.ts`), which `npm run eval` measures the analysis against.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ActionItem } from './generate/actions.ts';
import { buildOrganisation, renderCatalog } from './generate/catalog.ts';
import { planIncidents } from './generate/plan.ts';
import { createRng } from './generate/random.ts';
import { renderIncident } from './generate/render.ts';
import { plantedTruth, renderTruth, type Truth } from './generate/truth.ts';
import { addMonths, dateOf, dayOf, LATEST_DAY } from './generate/time.ts';

export interface GenerateOptions {
  count: number;
  seed: string | number;
  out: string;
  /** First possible start date, `YYYY-MM-DD`. Default 2021-01-01. */
  start?: string;
  /** Length of the period incidents start in. Default 36. */
  months?: number;
}

/** The longest an incident can last, in days: starts stop this long before LATEST_DAY. */
const LONGEST_DAYS = 8;

/**
 * Writes the corpus into `out`, which should be empty, and returns what was planted in it. Throws an
 * Error with a one-line message on bad options.
 */
export function generateCorpus(options: GenerateOptions): { files: number; truth: Truth } {
  const { count, out } = options;
  const seed = String(options.seed);
  const start = options.start ?? '2021-01-01';
  const months = options.months ?? 36;
  if (!Number.isInteger(count) || count < 1) throw new Error(`--count must be a whole number of at least 1, not ${count}`);
  if (!Number.isInteger(months) || months < 1) throw new Error(`--months must be a whole number of at least 1, not ${months}`);
  const firstDay = dayOf(start);
  if (firstDay === undefined) throw new Error(`--start must be a date written YYYY-MM-DD, not ${start}`);
  const endDay = Math.min(addMonths(firstDay, months), LATEST_DAY - LONGEST_DAYS);
  if (endDay <= firstDay) throw new Error(`--start must be before ${dateOf(LATEST_DAY - LONGEST_DAYS)}: nothing may start after ${dateOf(LATEST_DAY)}`);

  const org = buildOrganisation(count, seed);
  const planned = planIncidents(org, { count, firstDay, endDay }, createRng(`${seed}:plan`));
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, '_catalog.yaml'), renderCatalog(org));

  const textRng = createRng(`${seed}:text`);
  const tickets = new Map<string, number>();
  const folders = new Set<string>();
  const items: ActionItem[][] = [];
  for (const p of planned) {
    const folder = join(out, p.id.slice(0, 4));
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    const rendered = renderIncident(p, planned, org, tickets, textRng);
    writeFileSync(join(folder, `${p.id}.md`), rendered.text);
    items.push(rendered.items);
  }
  return { files: planned.length, truth: plantedTruth(planned, items) };
}

/** Only what an earlier run writes: `_catalog.yaml` and the year folders. */
function clearEarlierRun(out: string): void {
  rmSync(join(out, '_catalog.yaml'), { force: true });
  for (const entry of readdirSync(out, { withFileTypes: true })) {
    if (entry.isDirectory() && /^\d{4}$/.test(entry.name)) rmSync(join(out, entry.name), { recursive: true, force: true });
  }
}

const OPTIONS = {
  count: { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string' },
  truth: { type: 'string' },
  start: { type: 'string', default: '2021-01-01' },
  months: { type: 'string', default: '36' },
  force: { type: 'boolean', default: false },
} as const;

function main(): number {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
  try {
    ({ values } = parseArgs({ options: OPTIONS }));
  } catch (error) {
    process.stderr.write(`generate: ${(error as Error).message.split('\n')[0]}\n`);
    return 2;
  }
  const missing = (['count', 'seed', 'out'] as const).filter((name) => values[name] === undefined);
  if (missing.length) {
    process.stderr.write(`generate: missing ${missing.map((m) => `--${m}`).join(', ')}; usage: npm run generate -- --count N --seed S --out DIR [--truth FILE] [--start YYYY-MM-DD] [--months M] [--force]\n`);
    return 2;
  }
  for (const name of ['count', 'months'] as const) {
    if (!/^\d+$/.test(values[name]!) || Number(values[name]) < 1) {
      process.stderr.write(`generate: --${name} must be a whole number of at least 1, not ${values[name]}\n`);
      return 2;
    }
  }
  const out = values.out!;
  // npm runs scripts from the package root; a relative --out means the folder the user was in.
  const base = process.env.INIT_CWD ?? process.cwd();
  const dir = resolve(base, out);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!values.force) {
      process.stderr.write(`generate: ${out} exists and is not empty; choose another --out or add --force to replace an earlier corpus there\n`);
      return 2;
    }
    clearEarlierRun(dir);
  }
  try {
    const { files, truth } = generateCorpus({
      count: Number(values.count),
      seed: values.seed!,
      out: dir,
      start: values.start,
      months: Number(values.months),
    });
    process.stdout.write(`wrote ${files} postmortems and the catalog to ${out}\n`);
    if (values.truth !== undefined) {
      writeFileSync(resolve(base, values.truth), renderTruth(truth));
      process.stdout.write(`wrote the planted truth to ${values.truth}: ${truth.recurrences.length} repeats, ${truth.preventable.length} of them preventable\n`);
    }
    return 0;
  } catch (error) {
    process.stderr.write(`generate: ${(error as Error).message}\n`);
    return 2;
  }
}

if (import.meta.main) process.exitCode = main();
