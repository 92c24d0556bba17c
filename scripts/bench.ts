/**
 * `npm run bench`: validation and analysis speed and memory at scale, on this machine.
 *
 * The corpus comes from the synthetic generator (`npm run generate`), so it has the real format,
 * planted recurrences and shared causes, with responders, labels and three programs added
 * (bench/corpus.ts). Each measurement runs in a fresh process, so start-up and peak memory are
 * those a user sees; the site is built from the same corpora up to 10,000. Prints a Markdown table
 * for the README.
 *
 *   npm run bench                          # 1,000, 10,000 and 100,000 postmortems
 *   npm run bench -- --sizes 1000,10000
 *   npm run bench -- --worst               # the worst single files under the size limit
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze, loadProject, type LoadOptions } from '../src/lib/index.ts';
import { benchWorst } from './bench/worst.ts';
import { benchCorpus, PROGRAMS } from './bench/corpus.ts';

const AS_OF = '2026-11-01';

interface Measurement {
  validateMs: number;
  analyzeMs?: number;
  /** The analysis again, with the programs judged too. */
  programsMs?: number;
  /** CPU time (user and system, all threads): what a busy machine does not inflate. */
  validateCpuMs: number;
  analyzeCpuMs?: number;
  files: number;
  errors: number;
  maxRssMb: number;
}

/** Runs in the child: load (and analyse) one folder, print the figures as JSON. */
async function measure(dir: string, mode: string, threads: number | undefined, only?: string) {
  const options: LoadOptions = { incidentsDir: dir, cwd: dir, now: Date.parse(`${AS_OF}T00:00:00Z`) };
  if (threads) options.threads = threads;
  if (only) options.only = (path) => path === only;
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1000;
  };
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = await loadProject(options);
  const validateMs = performance.now() - start;
  const m: Measurement = { validateMs, validateCpuMs: cpuMs(cpu), files: result.files, errors: result.diagnostics.filter((d) => d.severity === 'error').length, maxRssMb: 0 };
  if (mode === 'analyze') {
    const begin = performance.now();
    const analysisCpu = process.cpuUsage();
    const analysis = analyze(result.incidents, result.catalog!, { asOf: AS_OF });
    m.analyzeMs = performance.now() - begin;
    m.analyzeCpuMs = cpuMs(analysisCpu);
    // Keeps the analysis alive until measured, as a build would.
    if (!analysis.scope.incidents) throw new Error('nothing was analysed');
    // The peak of one analysis; the second, with the programs, is timed only.
    m.maxRssMb = process.resourceUsage().maxRSS / 1024;
    if (result.programs.length) {
      const again = performance.now();
      const judged = analyze(result.incidents, result.catalog!, { asOf: AS_OF }, result.programs);
      m.programsMs = performance.now() - again;
      if (judged.programs.length !== result.programs.length) throw new Error('a program was not judged');
    }
  }
  m.maxRssMb ||= process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify(m));
}

function run(dir: string, mode: 'validate' | 'analyze', threads: number, only?: string): Measurement {
  const args = [import.meta.filename, '--measure', dir, '--mode', mode, '--threads', String(threads), ...(only ? ['--only', only] : [])];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout) as Measurement;
}

const REPO = join(import.meta.dirname, '..');
/** The largest corpus the site is built from here: the build targets are set at 1,000 and 10,000. */
const SITE_UP_TO = 10_000;

/** Builds the site from a corpus in a fresh process; GNU time reports its peak memory. */
function buildSite(dir: string): { ms: number; maxRssMb: number | undefined; dashboardKb: number } {
  const out = mkdtempSync(join(tmpdir(), 'hindsight-bench-site-'));
  const astro = [process.execPath, join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out];
  const timed = existsSync('/usr/bin/time');
  const start = performance.now();
  const child = spawnSync(timed ? '/usr/bin/time' : astro[0]!, timed ? ['-f', 'maxrss=%M', ...astro] : astro.slice(1), {
    cwd: REPO,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: { ...process.env, HINDSIGHT_INCIDENTS: dir, HINDSIGHT_AS_OF: AS_OF, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const ms = performance.now() - start;
  if (child.status !== 0) throw new Error(`the site build failed:\n${child.stderr}`);
  // The page leadership opens: its size must not grow with the corpus.
  const dashboardKb = statSync(join(out, 'index.html')).size / 1024;
  rmSync(out, { recursive: true, force: true });
  const rss = /maxrss=(\d+)/.exec(child.stderr)?.[1];
  return { ms, maxRssMb: rss ? Number(rss) / 1024 : undefined, dashboardKb };
}

/** `npm run analyze -- --json FILE` end to end, as a user runs it: time, peak memory, JSON size. */
function analyzeCli(dir: string): { ms: number; maxRssMb: number | undefined; jsonMb: number } {
  const out = join(mkdtempSync(join(tmpdir(), 'hindsight-bench-json-')), 'analysis.json');
  const cli = [process.execPath, join(REPO, 'bin/hindsight.js'), 'analyze', '--incidents', dir, '--as-of', AS_OF, '--json', out];
  const timed = existsSync('/usr/bin/time');
  const start = performance.now();
  const child = spawnSync(timed ? '/usr/bin/time' : cli[0]!, timed ? ['-f', 'maxrss=%M', ...cli] : cli.slice(1), { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - start;
  if (child.status !== 0) throw new Error(`analyze failed:\n${child.stderr}`);
  const jsonMb = statSync(out).size / 1e6;
  rmSync(out, { force: true });
  const rss = /maxrss=(\d+)/.exec(child.stderr)?.[1];
  return { ms, maxRssMb: rss ? Number(rss) / 1024 : undefined, jsonMb };
}

/** The first postmortem of an incidents folder. */
function firstPostmortem(dir: string): string {
  const year = readdirSync(dir).filter((f) => !f.startsWith('_')).sort()[0]!;
  return join(dir, year, readdirSync(join(dir, year)).sort()[0]!);
}

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    measure: { type: 'string' },
    mode: { type: 'string', default: 'validate' },
    threads: { type: 'string', default: '0' },
    only: { type: 'string' },
    worst: { type: 'boolean', default: false },
  },
});

if (values.measure) {
  await measure(values.measure, values.mode, Number(values.threads) || undefined, values.only);
} else if (values.worst) {
  process.stdout.write(benchWorst(run, join(REPO, 'incidents')));
} else {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const perSecond = (count: number, ms: number) => Math.round(count / (ms / 1000)).toLocaleString('en');
  const rows = [
    `| postmortems | validate, all cores | files/s | validate, one thread | files/s | analysis, one thread | with ${Object.keys(PROGRAMS).length} programs judged | peak memory, validate + analysis | one file of them | site build | site build peak memory | dashboard HTML |`,
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const cliRows = [
    '| postmortems | `npm run analyze -- --json FILE` | peak memory | JSON written |',
    '|---|---|---|---|',
  ];
  for (const size of values.sizes.split(',').map(Number)) {
    const root = mkdtempSync(join(tmpdir(), `hindsight-bench-${size}-`));
    const generated = performance.now();
    const dir = benchCorpus(root, size);
    process.stderr.write(`${size}: generated in ${seconds(performance.now() - generated)}\n`);
    const all = run(dir, 'validate', 0);
    if (all.errors) throw new Error(`the corpus has ${all.errors} errors`);
    const one = run(dir, 'analyze', 1);
    const single = run(dir, 'validate', 0, firstPostmortem(dir));
    const site = size <= SITE_UP_TO ? buildSite(dir) : undefined;
    const cli = analyzeCli(dir);
    const mb = (value: number | undefined) => (value === undefined ? '—' : `${Math.round(value).toLocaleString('en')} MB`);
    const n = size.toLocaleString('en');
    cliRows.push(`| ${n} | ${seconds(cli.ms)} | ${mb(cli.maxRssMb)} | ${mb(cli.jsonMb)} |`);
    rows.push(`| ${n} | ${seconds(all.validateMs)} | ${perSecond(size, all.validateMs)} | ${seconds(one.validateMs)} | ${perSecond(size, one.validateMs)} | ${seconds(one.analyzeMs!)} | ${seconds(one.programsMs!)} | ${mb(one.maxRssMb)} | ${seconds(single.validateMs)} | ${site ? seconds(site.ms) : '—'} | ${mb(site?.maxRssMb)} | ${site ? `${Math.round(site.dashboardKb).toLocaleString('en')} KB` : '—'} |`);
    process.stderr.write(`${size}: measured\n`);
    rmSync(root, { recursive: true, force: true });
  }
  process.stdout.write(`${rows.join('\n')}\n\n${cliRows.join('\n')}\n`);
}
