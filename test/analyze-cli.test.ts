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
    expect(stdout).toContain([
      'Preventable recurrences (1): a prevent item of the origin was overdue',
      '  2025-02-15-b-capacity-again, a recurrence of 2025-01-10-a-capacity:',
      '    "Cap worker threads" (P0, ann) was 14 days overdue, open',
    ].join('\n'));
  });

  test('--json - prints exactly the analysis', async () => {
    const { code, stdout } = await run([...KNOWN, '--json', '-']);
    expect(code).toBe(0);
    const project = await loadProject({ incidentsDir: join(FIXTURES, 'analyze/known/incidents'), cwd: FIXTURES, now: NOW });
    expect(stdout).toBe(`${JSON.stringify(analyze(project.incidents, project.catalog!, { asOf: '2025-08-01' }), null, 2)}\n`);
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

  test('the reboot-script and orders-db families, as trees of the links their authors wrote', () => {
    const trees = analysis.recurrence.families.map((f) => f.members.map((m) => `${'  '.repeat(m.depth)}${m.id}`));
    expect(trees).toEqual([
      [
        '2025-03-18-orders-db-connection-exhaustion',
        '  2025-04-09-reports-query-storm-saturates-orders-db',
        '  2025-06-24-auth-outage-orders-db-connections',
        '    2025-08-05-checkout-timeouts-orders-db-saturated',
      ],
      ['2025-02-11-reboot-script-fleet-outage', '  2025-02-14-reboot-script-second-outage', '  2025-05-06-batch-fleet-rebooted-again'],
    ]);
    expect(analysis.recurrence.families.map((f) => f.status)).toEqual(['fixed', 'fixed']);
  });

  test('the fleet rebooted again while the cap was overdue; so did orders-db while PgBouncer was', () => {
    expect(analysis.recurrence.preventable.map((p) => [p.id, p.origin, p.items.map((i) => [i.title, i.daysPastDue])])).toEqual([
      ['2025-05-06-batch-fleet-rebooted-again', '2025-02-11-reboot-script-fleet-outage', [['Cap reboot-stuck.py at 2 hosts per run', 67], ['Replace reboot-stuck.py with job-level retries and quarantine', 6]]],
      ['2025-06-24-auth-outage-orders-db-connections', '2025-03-18-orders-db-connection-exhaustion', [['Put PgBouncer in front of orders-db', 24]]],
    ]);
    // Three days after the first outage the cap was not due yet: a recurrence, not a preventable one.
    expect(analysis.recurrence.recurredBeforeDue.map((r) => r.id)).toEqual(['2025-02-14-reboot-script-second-outage', '2025-04-09-reports-query-storm-saturates-orders-db']);
    expect(analysis.recurrence.recurredWithoutDueDate.map((r) => r.id)).toEqual(['2025-08-05-checkout-timeouts-orders-db-saturated']);
  });

  test('the migration incidents are no chain: they share a theme, not a failure', () => {
    const migration = ['2025-03-05-dual-write-inconsistency-orders', '2025-04-23-migration-locked-orders-table', '2025-07-15-backfill-overloads-inventory', '2025-09-10-schema-mismatch-drops-order-notes'];
    expect(analysis.recurrence.links.filter((l) => migration.includes(l.to))).toEqual([]);
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

describe('recurrences in the report', () => {
  const RECURRENCE = ['analyze', '--incidents', 'analyze/recurrence/incidents', '--as-of', '2025-09-01'];

  test('families as trees by status, suggestions apart, and the four kinds of recurrence', async () => {
    const { code, stdout } = await run(RECURRENCE);
    expect(code).toBe(0);
    expect(stdout).toContain('  recurrences       5 confirmed (11% of incidents); 1 possible recurrence not yet confirmed\n  preventable       1 recurrence happened while a prevent item of their origin was overdue\n');
    const from = stdout.indexOf('Recurrence families');
    expect(stdout.slice(from, stdout.indexOf('Overdue P0/P1'))).toBe(`Recurrence families (confirmed links)
  Active: recurred within the window (1)
    2025-01-10-orders-db-connections  (4 incidents, 2025-01-10 → 2025-04-10, last 144 days ago, 1 open prevent item)
      ├─ +10d 2025-01-20-orders-db-connections-again
      │  └─ +80d 2025-04-10-orders-db-connections-batch
      └─ +54d 2025-03-05-orders-db-connections-reports
  Quiet: no recurrence within the window (1)
    2024-10-01-safari-checkout-button  (2 incidents, 2024-10-01 → 2024-11-15, last 290 days ago)
      └─ +45d 2024-11-15-safari-checkout-button-again
  Fixed: every prevent item done, no recurrence since (1)
    2025-02-01-price-cache-stale-config  (2 incidents, 2025-02-01 → 2025-03-01, last 184 days ago)
      └─ +28d 2025-03-01-price-cache-stale-config-again

Possible recurrences not yet confirmed (1)
  0.61  2025-05-20-orders-db-connections-sale
        looks like 2025-03-05-orders-db-connections-reports (+76d; shared: orders-db, orders-api, capacity, missing-limits, traffic; terms: report, reportbuilder, builder, shard, job)
  Confirm one with \`recurrence_of\`, or dismiss it with \`not_recurrence_of\`, in the later postmortem.

Preventable recurrences (1): a prevent item of the origin was overdue
  2025-03-05-orders-db-connections-reports, a recurrence of 2025-01-10-orders-db-connections:
    "Put a connection pooler in front of orders-db" (P0, team-data) was 32 days overdue, done only on 2025-06-01

Recurred after the fix was done (1): the fix did not work
  2025-03-01-price-cache-stale-config-again, a recurrence of 2025-02-01-price-cache-stale-config:
    "Validate price cache config in CI" (P1, cai) done on 2025-02-10

Recurred before the fix was due (1)
  2025-01-20-orders-db-connections-again, a recurrence of 2025-01-10-orders-db-connections:
    "Put a connection pooler in front of orders-db" (P0, team-data) due 12 days later, done only on 2025-06-01

Recurred while a prevent item had no due date (1)
  2025-04-10-orders-db-connections-batch, a recurrence of 2025-01-20-orders-db-connections-again:
    "Per-role connection limits on orders-db" (P1, bob) in-progress

`);
  });

  test('--calibrate prints the blind check instead, and --json - carries it', async () => {
    const { code, stdout } = await run([...RECURRENCE, '--calibrate']);
    expect(code).toBe(0);
    expect(stdout).toBe(`Blind check: suggestions made with all 5 \`recurrence_of\` links hidden
  agreement          60%: the author's origin suggested for 3 of 5
  another origin     0
  nothing suggested  2
  other suggestions  1, for incidents nobody linked

Where inference disagreed:
  2025-03-05-orders-db-connections-reports: the author wrote 2025-01-10-orders-db-connections; inference suggested nothing
  2025-04-10-orders-db-connections-batch: the author wrote 2025-01-20-orders-db-connections-again; inference suggested nothing
`);
    const json = await run([...RECURRENCE, '--calibrate', '--json', '-']);
    expect(JSON.parse(json.stdout)).toMatchObject({ hidden: 5, agreed: 3, agreement: 0.6, otherSuggestions: 1 });
  });
});

describe('hindsight validate while writing', () => {
  const SALE = 'analyze/recurrence/incidents/2025-05-20-orders-db-connections-sale.md';
  const NOTICE = 'looks like a recurrence of 2025-03-05-orders-db-connections-reports (shared: orders-db, orders-api, capacity, missing-limits; text 0.61): add `recurrence_of: 2025-03-05-orders-db-connections-reports` if it is one, or `not_recurrence_of: [2025-03-05-orders-db-connections-reports]` if it is not';

  test('a possible recurrence is a notice on the services line, and never fails the run, even with --strict', async () => {
    const { code, stdout, stderr } = await run(['validate', '--strict', '--incidents', 'analyze/recurrence/incidents', SALE]);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toContain(`${SALE}\n  8:1  notice   ${NOTICE}  possible-recurrence\n`);
    expect(stdout).toContain('✔ 0 errors, 0 warnings, 1 notice in 2 files');
  });

  test('JSON and GitHub annotations carry it', async () => {
    const json = JSON.parse((await run(['validate', '--format', 'json', '--incidents', 'analyze/recurrence/incidents'])).stdout);
    expect(json.findings).toEqual([{ file: SALE, line: 8, column: 1, rule: 'possible-recurrence', severity: 'notice', message: NOTICE }]);
    const github = await run(['validate', '--format', 'github', '--incidents', 'analyze/recurrence/incidents', SALE]);
    expect(github.stdout).toContain(`::notice file=${SALE},line=8,col=1,endLine=8,endColumn=9,title=possible-recurrence::looks like a recurrence of`);
  });

  test('a dismissed candidate is not noticed again', async () => {
    const { stdout } = await run(['validate', '--incidents', 'analyze/recurrence/incidents', 'analyze/recurrence/incidents/2025-06-10-orders-db-connections-load-test.md']);
    expect(stdout).toContain('✔ 0 errors, 0 warnings in 2 files');
  });
});
