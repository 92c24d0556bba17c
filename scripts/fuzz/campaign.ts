/**
 * A fuzz campaign: mutants of the bundled postmortems, each validated alone (timed), then all of
 * them through the validate CLI with `--format json`, the way CI runs it, then the valid ones
 * through the analyze CLI. What it checks is what a hostile or broken file must never do: make the
 * CLI fail (exit 2), vanish from the report, get a finding without a position, or take long.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_REQUIRED_SECTIONS, validateIncidentFile } from '../../src/lib/validate/incident-file.ts';
import { validateCatalogFile } from '../../src/lib/validate/catalog-file.ts';
import { createRng } from '../generate/random.ts';
import { mutate } from './mutate.ts';

const REPO = join(import.meta.dirname, '../..');
const INCIDENTS = join(REPO, 'incidents');
/** After every bundled postmortem, so none is reported as starting in the future. */
export const FUZZ_NOW = Date.parse('2026-11-01T00:00:00Z');
const AS_OF = '2026-11-01';

/** Runs the CLI with these arguments in `cwd`; in-process for the test, a real process for the script. */
export type CliRunner = (args: string[], cwd: string) => Promise<{ code: number; stdout: string; stderr: string }>;

export interface CampaignOptions {
  count: number;
  seed: string;
  /** The largest size of a hostile insertion (characters, lines or nesting levels). */
  scale: number;
  /** An empty folder to write the mutants in. */
  out: string;
  /** Mutants per CLI run. */
  batch: number;
  run: CliRunner;
}

export interface FileOutcome {
  file: string;
  kinds: string[];
  bytes: number;
  ms: number;
  valid: boolean;
}

export interface CampaignReport {
  mutants: number;
  runs: number;
  /** CLI runs that exited 2, and the mutants they held. */
  exit2Runs: number;
  exit2Mutants: number;
  /** Runs whose JSON `files` was not the number of files given (mutants and the catalog). */
  wrongFileCounts: number;
  /** Mutants with errors that the CLI report says nothing about. */
  missing: string[];
  /** Findings in the CLI reports without a line and column of at least 1. */
  lineless: number;
  /** Anything the CLI printed on stderr. */
  stderr: string[];
  /** Mutants with no error and no incident: dropped silently. */
  silent: string[];
  invalid: number;
  slowest: FileOutcome[];
  outcomes: FileOutcome[];
  /** The analyze CLI on each run's valid mutants: how long, and whether it refused or failed. */
  analyses: AnalysisOutcome[];
}

export interface AnalysisOutcome {
  dir: string;
  postmortems: number;
  ms: number;
  code: number;
  stderr: string;
}

export function bundledPostmortems(): { name: string; text: string }[] {
  return readdirSync(INCIDENTS, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md') && !f.split('/').pop()!.startsWith('_'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(INCIDENTS, f), 'utf8') }));
}

interface Finding { file: string; line: unknown; column: unknown; severity: string }

export async function runCampaign(options: CampaignOptions): Promise<CampaignReport> {
  const sources = bundledPostmortems();
  const rng = createRng(`fuzz:${options.seed}`);
  const catalogBytes = readFileSync(join(INCIDENTS, '_catalog.yaml'));
  const { vocabulary } = validateCatalogFile(catalogBytes, 'incidents/_catalog.yaml');
  const report: CampaignReport = {
    mutants: 0, runs: 0, exit2Runs: 0, exit2Mutants: 0, wrongFileCounts: 0, missing: [], lineless: 0, stderr: [], silent: [], invalid: 0, slowest: [], outcomes: [], analyses: [],
  };

  for (let start = 0; start < options.count; start += options.batch) {
    const size = Math.min(options.batch, options.count - start);
    const dir = join(options.out, `run-${String(report.runs).padStart(3, '0')}`);
    mkdirSync(join(dir, 'incidents'), { recursive: true });
    copyFileSync(join(INCIDENTS, '_catalog.yaml'), join(dir, 'incidents/_catalog.yaml'));
    const invalid = new Set<string>();
    for (let i = start; i < start + size; i++) {
      const source = rng.pick(sources);
      const mutant = mutate(source.text, rng, options.scale);
      const id = `mutant-${String(i).padStart(5, '0')}`;
      const file = `incidents/${id}.md`;
      writeFileSync(join(dir, file), mutant.bytes);
      const begin = performance.now();
      const result = validateIncidentFile(mutant.bytes, {
        file, id, vocabulary, catalogFile: 'incidents/_catalog.yaml', now: FUZZ_NOW, requiredSections: DEFAULT_REQUIRED_SECTIONS, buildIncident: true,
      });
      const ms = performance.now() - begin;
      const hasError = result.diagnostics.some((d) => d.severity === 'error');
      if (hasError) invalid.add(file);
      if (!hasError && !result.incident) report.silent.push(file);
      report.outcomes.push({ file: `${dir}/${file}`, kinds: [`from:${source.name}`, ...mutant.kinds], bytes: mutant.bytes.length, ms, valid: !!result.incident });
    }
    report.mutants += size;
    report.invalid += invalid.size;
    report.runs++;

    const cli = await options.run(['validate', '--incidents', 'incidents', '--format', 'json'], dir);
    if (cli.stderr) report.stderr.push(cli.stderr);
    if (cli.code === 2) {
      report.exit2Runs++;
      report.exit2Mutants += size;
    }
    let parsed: { files: number; findings: Finding[] } | undefined;
    try {
      parsed = JSON.parse(cli.stdout) as { files: number; findings: Finding[] };
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.files !== size + 1) report.wrongFileCounts++;
    const reported = new Set<string>();
    for (const finding of parsed?.findings ?? []) {
      const positioned = Number.isInteger(finding.line) && Number.isInteger(finding.column) && (finding.line as number) >= 1 && (finding.column as number) >= 1;
      if (!positioned) report.lineless++;
      else if (finding.severity === 'error') reported.add(finding.file);
    }
    for (const file of invalid) if (!reported.has(file)) report.missing.push(`${dir}/${file}`);

    // What the CLI found valid, alone in a folder, reaches the analysis: its text, factors and
    // timestamps are what the analysis reads, and it must stay linear in them too.
    const valid = readdirSync(join(dir, 'incidents')).filter((f) => f.endsWith('.md') && !reported.has(`incidents/${f}`));
    const analysed = join(dir, 'valid');
    mkdirSync(join(analysed, 'incidents'), { recursive: true });
    copyFileSync(join(INCIDENTS, '_catalog.yaml'), join(analysed, 'incidents/_catalog.yaml'));
    for (const f of valid) copyFileSync(join(dir, 'incidents', f), join(analysed, 'incidents', f));
    const begin = performance.now();
    const analysis = await options.run(['analyze', '--incidents', 'incidents', '--as-of', AS_OF], analysed);
    report.analyses.push({ dir: analysed, postmortems: valid.length, ms: performance.now() - begin, code: analysis.code, stderr: analysis.stderr });
  }
  report.slowest = [...report.outcomes].sort((a, b) => b.ms - a.ms).slice(0, 5);
  return report;
}
