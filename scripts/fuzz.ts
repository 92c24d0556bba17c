/**
 * `npm run fuzz -- --count 5000 --seed S [--scale 400000] [--batch 500] [--keep]`
 *
 * A fresh fuzz campaign against the validate CLI, run as CI runs it (a real process, JSON
 * output): mutants of the bundled postmortems (scripts/fuzz/mutate.ts), in folders of `--batch`,
 * then the analyze CLI on the valid ones of each folder. Prints what went wrong, if anything, and
 * the slowest files; exits 1 when a mutant made the CLI fail, vanished from its report, or got a
 * finding without a position, or when the analysis refused or failed. Without `--seed`, a new
 * seed is drawn and printed, so a campaign that finds something can be run again.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { bundledPostmortems, runCampaign, type CliRunner, type FileOutcome } from './fuzz/campaign.ts';

const REPO = join(import.meta.dirname, '..');

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    seed: { type: 'string' },
    scale: { type: 'string', default: '400000' },
    batch: { type: 'string', default: '500' },
    keep: { type: 'boolean', default: false },
  },
});
const count = Number(values.count), scale = Number(values.scale), batch = Number(values.batch);
for (const [name, value] of [['--count', count], ['--scale', scale], ['--batch', batch]] as const) {
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`fuzz: ${name} must be a whole number of at least 1\n`);
    process.exit(2);
  }
}
const seed = values.seed ?? String(Date.now());

const run: CliRunner = async (args, cwd) => {
  const child = spawnSync(process.execPath, [join(REPO, 'bin/hindsight.js'), ...args], {
    cwd, encoding: 'utf8', maxBuffer: 1 << 28, env: { PATH: process.env.PATH, NO_COLOR: '1' },
  });
  return { code: child.status ?? 2, stdout: child.stdout, stderr: child.stderr };
};

const out = mkdtempSync(join(tmpdir(), 'hindsight-fuzz-'));
const started = performance.now();
const report = await runCampaign({ count, seed, scale, batch, out, run });
const seconds = (performance.now() - started) / 1000;

const n = (x: number) => x.toLocaleString('en-US');
const failedAnalyses = report.analyses.filter((a) => a.code !== 0 || a.stderr);
const where = (o: FileOutcome) => `${relative(out, o.file)} (${n(Math.round(o.bytes / 1024))} KB: ${o.kinds.join(', ')})`;
const times = report.outcomes.map((o) => o.ms).sort((a, b) => a - b);
const quantile = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
const rows: [string, string][] = [
  ['mutants', `${n(report.mutants)} of ${bundledPostmortems().length} postmortems, ${n(report.invalid)} with errors`],
  ['CLI runs', `${n(report.runs)} (up to ${n(batch)} mutants each)`],
  ['exit 2', `${n(report.exit2Runs)} runs (${n(report.exit2Mutants)} mutants)`],
  ['JSON files ≠ files given', `${n(report.wrongFileCounts)} runs`],
  ['files missing from reports', n(report.missing.length)],
  ['findings without a line', n(report.lineless)],
  ['files dropped silently', n(report.silent.length)],
  ['runs with stderr output', n(report.stderr.length)],
  ['per file p50 / p99', `${quantile(0.5)} ms / ${quantile(0.99)} ms`],
  ['slowest file', `${report.slowest[0]!.ms.toFixed(0)} ms ${where(report.slowest[0]!)}`],
  ['analyze runs', `${n(report.analyses.length)} on ${n(report.analyses.reduce((sum, a) => sum + a.postmortems, 0))} valid mutants, ${n(failedAnalyses.length)} refused or failed`],
  ['slowest analyze run', `${(Math.max(...report.analyses.map((a) => a.ms)) / 1000).toFixed(1)} s (a process each, start-up included)`],
];
process.stdout.write(`Fuzz campaign, seed ${seed}, insertions up to ${n(scale)}, ${seconds.toFixed(0)} s\n\n`);
for (const [label, value] of rows) process.stdout.write(`  ${label.padEnd(28)} ${value}\n`);
process.stdout.write('\nSlowest files:\n');
for (const o of report.slowest) process.stdout.write(`  ${o.ms.toFixed(0).padStart(6)} ms  ${where(o)}\n`);
for (const file of report.missing.slice(0, 20)) process.stdout.write(`missing from the report: ${relative(out, file)}\n`);
for (const file of report.silent.slice(0, 20)) process.stdout.write(`dropped silently: ${relative(out, file)}\n`);
for (const text of report.stderr.slice(0, 5)) process.stdout.write(`stderr: ${text.slice(0, 2000)}\n`);
for (const a of failedAnalyses.slice(0, 5)) process.stdout.write(`analyze exited ${a.code} in ${relative(out, a.dir)}: ${a.stderr.slice(0, 2000)}\n`);

const failed = report.exit2Runs + report.wrongFileCounts + report.missing.length + report.lineless + report.silent.length + report.stderr.length + failedAnalyses.length > 0;
if (values.keep || failed) process.stdout.write(`\nThe mutants are in ${out}\n`);
else rmSync(out, { recursive: true, force: true });
process.exitCode = failed ? 1 : 0;
