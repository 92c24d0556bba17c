import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { FUZZ_NOW, runCampaign, type CampaignReport } from '../scripts/fuzz/campaign.ts';
import { DEFAULT_REQUIRED_SECTIONS } from '../src/lib/index.ts';
import { loadCatalog } from '../src/lib/load/catalog.ts';
import { validateFiles, type FileContext } from '../src/lib/load/validate-files.ts';
import { runCli, validateInWorker } from './helpers.ts';

/**
 * A seeded mutation fuzz of the bundled postmortems on every `npm test`; `npm run fuzz` runs
 * bigger, fresh campaigns. The per-file bound is generous on purpose: it catches a parser gone
 * quadratic (minutes), not a slow CI machine.
 */
const MUTANTS = 300;
const PER_FILE_MS = 5_000;
const out = mkdtempSync(join(tmpdir(), 'hindsight-fuzz-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

let report: CampaignReport;

test(`${MUTANTS} mutants: the validate CLI reports on every one, in time, and never fails`, async () => {
  report = await runCampaign({
    count: MUTANTS, seed: 'npm-test', scale: 20_000, out, batch: MUTANTS,
    run: (args, cwd) => runCli(args, { cwd }),
  });
  expect(report.exit2Runs).toBe(0);
  expect(report.stderr).toEqual([]);
  expect(report.wrongFileCounts).toBe(0);
  expect(report.missing).toEqual([]);
  expect(report.lineless).toBe(0);
  expect(report.silent).toEqual([]);
  for (const outcome of report.outcomes) expect(outcome.ms, `${outcome.file}: ${outcome.kinds.join(', ')}`).toBeLessThan(PER_FILE_MS);
  // The campaign exercised both outcomes, or it proved nothing.
  expect(report.invalid).toBeGreaterThan(MUTANTS / 2);
  expect(report.outcomes.filter((o) => o.valid).length).toBeGreaterThan(10);
  // The valid ones reach the analysis, which takes them.
  expect(report.analyses.map((a) => [a.code, a.stderr])).toEqual([[0, '']]);
  expect(report.analyses[0]!.postmortems).toBeGreaterThan(10);
}, 120_000);

test('a worker thread finds exactly what the main thread finds in every mutant', async () => {
  const dir = join(out, 'run-000');
  const paths = readdirSync(join(dir, 'incidents')).filter((f) => f.endsWith('.md')).sort().map((f) => join(dir, 'incidents', f));
  const catalog = loadCatalog({ incidentsDir: 'incidents', cwd: dir });
  const ctx: FileContext = {
    cwd: dir, vocabulary: catalog.vocabulary, catalogFile: catalog.file, now: FUZZ_NOW, requiredSections: DEFAULT_REQUIRED_SECTIONS, buildIncidents: false,
  };
  const main = validateFiles(paths, ctx);
  expect(main).toHaveLength(MUTANTS);
  expect(await validateInWorker(paths, ctx)).toEqual(main);
}, 60_000);
