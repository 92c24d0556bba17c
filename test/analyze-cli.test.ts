import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analysisReport } from '../src/cli/report/analysis-report.ts';
import { analyze, loadProject } from '../src/lib/index.ts';
import { actingCharacters, NOW, runCli, withoutColours } from './helpers.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const REPO = join(import.meta.dirname, '..');

const run = (args: string[], cwd = FIXTURES) => runCli(args, { cwd });

const KNOWN = ['analyze', '--incidents', 'analyze/known/incidents', '--as-of', '2025-08-01'];

describe('hindsight analyze', () => {
  test('prints the headline numbers and the findings', async () => {
    const { code, stdout } = await run(KNOWN);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'Hindsight analysis as of 2025-08-01',
      '7 incidents from 2025-01-10 to 2025-07-05 (left out: 1 draft, 1 near-miss)',
      '  by severity       SEV1 1 · SEV2 2 · SEV3 3 · SEV4 1',
    ]);
    // Every percentile with its n; with n < 10 the maximum instead of a p90 that would equal it.
    expect(lines).toContain('  time to resolve   p50 2 h · max 10 h (n = 7)');
    expect(lines).toContain('  time to detect    p50 20 min · max 1 h (n = 5); left out: 2 without detected_at');
    expect(lines).toContain('  the same 2 incidents with both: mitigate p50 40 min, resolve p50 1 h');
    expect(lines).toContain('   1. 3 incidents in 5 months: contributing factor "No connection limits" (also service svc-a × root cause capacity), 1 of them SEV1, 1 recurrence (score 36.0)');
    expect(lines).toContain('  P0 181 days overdue  "Cap worker threads" (ann) from 2025-01-10-a-capacity');
    expect(stdout).toContain('recurred 2025-01-10-a-capacity while "Cap worker threads" (P0, ann) was not done: 14 days overdue, open');
  });

  test('text from postmortems cannot act on the terminal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-analysis-'));
    cpSync(join(FIXTURES, 'analyze/known/incidents'), dir, { recursive: true });
    const file = join(dir, '2025-01-10-a-capacity.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Cap worker threads', 'title: "Cap\\e]0;pwned\\a worker\\nthreads\\u202e"').replace('owner: ann', 'owner: "ann\\e[2J"'));
    const { code, stdout } = await run(['analyze', '--incidents', dir, '--as-of', '2025-08-01', '--color']);
    expect(code).toBe(0);
    expect(actingCharacters(withoutColours(stdout))).toEqual([]);
    expect(withoutColours(stdout)).toContain('  P0 181 days overdue  "Cap\\x1b]0;pwned\\x07 worker\\nthreads\\u202e" (ann\\x1b[2J) from 2025-01-10-a-capacity');
  });

  test('long lists are cut to their first ten, saying how many more the JSON has', async () => {
    const project = await loadProject({ incidentsDir: join(FIXTURES, 'analyze/known/incidents'), cwd: FIXTURES, now: NOW });
    const analysis = analyze(project.incidents, project.catalog!, { asOf: '2025-08-01' });
    const long = { ...analysis.recurrence.chains[0]!, explicit: 12, inferred: 7, links: 19, incidents: Array.from({ length: 20 }, (_, i) => `i-${i}`), gapsDays: Array.from({ length: 19 }, () => 2) };
    analysis.recurrence.chains = Array.from({ length: 12 }, () => long);
    analysis.recurrence.preventable = Array.from({ length: 13 }, () => analysis.recurrence.preventable[0]!);
    const lines = analysisReport(analysis, { color: false }).split('\n');
    const section = (title: string) => lines.slice(lines.indexOf(title) + 1, lines.indexOf('', lines.indexOf(title)));
    expect(section('Recurrence chains').slice(0, 9)).toEqual([
      '  20 incidents (12 linked, 7 inferred):', '    i-0', '    +2d → i-1', '    +2d → i-2', '    … 14 more …', '    +2d → i-17', '    +2d → i-18', '    +2d → i-19', '  20 incidents (12 linked, 7 inferred):',
    ]);
    expect(section('Recurrence chains')).toHaveLength(81);
    expect(section('Recurrence chains').at(-1)).toBe('  … and 2 chains more: --json FILE lists them all');
    expect(section('Preventable recurrences')).toHaveLength(21);
    expect(section('Preventable recurrences').at(-1)).toBe('  … and 3 preventable recurrences more: --json FILE lists them all');
  });

  test('--json - prints exactly the analysis', async () => {
    const { code, stdout } = await run([...KNOWN, '--json', '-']);
    expect(code).toBe(0);
    const project = await loadProject({ incidentsDir: join(FIXTURES, 'analyze/known/incidents'), cwd: FIXTURES, now: NOW });
    expect(stdout).toBe(`${JSON.stringify(analyze(project.incidents, project.catalog!, { asOf: '2025-08-01' }, project.programs), null, 2)}\n`);
  });

  test('--json FILE writes it and still prints the report', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'hindsight-analysis-')), 'analysis.json');
    const { code, stdout } = await run([...KNOWN, '--json', out]);
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).scope.incidents).toBe(7);
    expect(stdout).toContain(`The full analysis is in ${out}.`);
  });

  test('--period quarter counts by quarter', async () => {
    const { stdout } = await run([...KNOWN, '--period', 'quarter']);
    expect(stdout).toContain('  2025-Q1    4 ');
  });
});

describe('the analysis of the bundled examples tells their story', async () => {
  const project = await loadProject({ incidentsDir: join(REPO, 'incidents'), cwd: REPO, now: NOW });
  const analysis = analyze(project.incidents, project.catalog!, { asOf: '2026-11-25' });

  test('the reboot-script and database-saturation chains', () => {
    expect(analysis.recurrence.chains.map((c) => c.incidents)).toEqual(expect.arrayContaining([
      ['2025-02-11-reboot-script-fleet-outage', '2025-02-14-reboot-script-second-outage', '2025-05-06-batch-fleet-rebooted-again'],
      ['2025-03-18-orders-db-connection-exhaustion', '2025-04-09-reports-query-storm-saturates-orders-db', '2025-06-24-auth-outage-orders-db-connections', '2025-08-05-checkout-timeouts-orders-db-saturated'],
    ]));
  });

  test('the fleet rebooted again while the cap was overdue', () => {
    expect(analysis.recurrence.preventable).toEqual(expect.arrayContaining([
      expect.objectContaining({ original: '2025-02-11-reboot-script-fleet-outage', recurrence: '2025-05-06-batch-fleet-rebooted-again', overdueDays: 67, item: expect.objectContaining({ title: 'Cap reboot-stuck.py at 2 hosts per run' }) }),
    ]));
  });

  test('the top 5 patterns name the connection-pooling and reboot-script stories; none restates one value', () => {
    const top = analysis.patterns.slice(0, 5).map((p) => p.parts.map((x) => `${x.dimension}:${x.value}`).join(' × '));
    expect(top).toContain('contributing_factor:no-connection-pooling');
    expect(top).toContain('contributing_factor:no-reboot-limit');
    for (const p of analysis.patterns) expect(new Set(p.parts.map((x) => x.value)).size).toBe(p.parts.length);
  });

  test('the README quotes a pattern the examples really produce', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    const quoted = /the top patterns \("(.+?)"\), recurrence chains/.exec(readme)![1]!;
    expect(analysis.patterns.map((p) => p.explanation)).toContain(quoted);
  });

  test('orders-db and capacity exhaustion dominate', () => {
    const top = (dimension: string) => analysis.dimensions.find((d) => d.dimension === dimension)!.values[0]!.value;
    expect([top('service'), top('root_cause')]).toEqual(['orders-db', 'capacity-exhaustion']);
  });

  test('incidents drop after the stabilisation', () => {
    const per = analysis.recurrence.perPeriod;
    const sum = (from: string, to: string) => per.filter((p) => p.period >= from && p.period <= to).reduce((n, p) => n + p.incidents, 0);
    expect([sum('2025-01', '2025-06'), sum('2025-07', '2025-12'), sum('2026-01', '2026-06')]).toEqual([13, 8, 7]);
  });
});

describe('hindsight catalog suggest', () => {
  test('lists the free-text clusters to declare, as catalog entries, and the declared factors written in other words', async () => {
    const { code, stdout, stderr } = await run(['catalog', 'suggest', '--incidents', 'analyze/patterns/incidents']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(`Contributing factors worth declaring: free text that 2 or more incidents share (1)

  3 incidents  "No CPU alerting", written 3 ways
      "CPU alerting completely missing"
      "no alerts on CPU usage" (similarity 0.86)

Declare them in analyze/patterns/incidents/_catalog.yaml (and check each group: they were formed by similar words, not by meaning):

contributing_factors:
  - id: no-cpu-alerting
    label: "No CPU alerting"
    aliases: ["CPU alerting completely missing", "no alerts on CPU usage"]

Declared factors written in other words: add them as aliases, or write the id (1)
  no-canary: "No canary stage for deploys" in 1 postmortem
`);
  });

  test('--min raises the bar; a missing subcommand is a usage error', async () => {
    expect((await run(['catalog', 'suggest', '--incidents', 'analyze/patterns/incidents', '--min', '4'])).stdout).toContain('share (0)\n  none\n');
    const bad = await run(['catalog']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('`catalog` needs a subcommand: suggest');
  });

  test('the analysis report points to it', async () => {
    const { stdout } = await run(['analyze', '--incidents', 'analyze/patterns/incidents', '--as-of', '2025-12-31']);
    expect(stdout).toContain('  1 group of free-text contributing factors is shared by 2 or more incidents: `hindsight catalog suggest` lists them to declare.\n');
  });
});
