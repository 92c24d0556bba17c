import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyze, loadProject } from '../src/lib/index.ts';
import { NOW, runCli } from './helpers.ts';

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
    expect(lines).toContain('  time to resolve   p50 2 h · p90 10 h · max 10 h');
    expect(lines).toContain('  time to detect    p50 20 min · p90 1 h · max 1 h (2 without the timestamp)');
    expect(lines).toContain('   1. 3 incidents in 5 months: svc-a × capacity, 1 of them SEV1, 1 recurrence (score 24.6)');
    expect(lines).toContain('  P0 181 days overdue  "Cap worker threads" (ann) from 2025-01-10-a-capacity');
    expect(stdout).toContain('recurred 2025-01-10-a-capacity while "Cap worker threads" (P0, ann) was not done: 14 days overdue, open');
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

  test.each([
    { name: 'an invalid folder', args: ['analyze', '--incidents', 'validate/mixed/incidents'], code: 1, message: 'fix these errors first' },
    { name: 'a bad --as-of', args: [...KNOWN.slice(0, 3), '--as-of', '2025-02-30'], code: 2, message: '--as-of must be a date' },
    { name: 'a bad --period', args: [...KNOWN, '--period', 'week'], code: 2, message: '--period must be month or quarter' },
    { name: 'a bad --window', args: [...KNOWN, '--window', 'soon'], code: 2, message: '--window must be a whole number' },
    { name: 'an unwritable --json', args: [...KNOWN, '--json', 'no/such/dir/a.json'], code: 2, message: 'cannot write no/such/dir/a.json' },
  ])('$name → exit $code', async ({ args, code, message }) => {
    const result = await run(args);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
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
