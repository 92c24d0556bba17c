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
    expect(stdout).toContain([
      'Preventable recurrences (1): a prevent item of the origin was overdue',
      '  2025-02-15-b-capacity-again, a recurrence of 2025-01-10-a-capacity:',
      '    "Cap worker threads" (P0, ann) was 14 days overdue, open',
    ].join('\n'));
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
    const members = Array.from({ length: 20 }, (_, i) => ({ id: `i-${i}`, parent: i ? 'i-0' : null, depth: i ? 1 : 0, date: '2025-01-10', gapDays: i ? 2 : null }));
    const long = { ...analysis.recurrence.families[0]!, status: 'active' as const, members };
    analysis.recurrence.families = Array.from({ length: 12 }, () => long);
    analysis.recurrence.preventable = Array.from({ length: 13 }, () => analysis.recurrence.preventable[0]!);
    const lines = analysisReport(analysis, { color: false }).split('\n');
    const section = (title: string) => lines.slice(lines.indexOf(title) + 1, lines.indexOf('', lines.indexOf(title)));
    const families = section('Recurrence families (confirmed links)');
    expect(families.slice(0, 15)).toEqual([
      '  Active: recurred within the window (12)',
      '    i-0  (20 incidents, 2025-03-10 → 2025-07-01, last 31 days ago)',
      ...Array.from({ length: 11 }, (_, i) => `      ├─ +2d i-${i + 1}`),
      '      … 8 more',
      '    i-0  (20 incidents, 2025-03-10 → 2025-07-01, last 31 days ago)',
    ]);
    expect(families).toHaveLength(132);
    expect(families.at(-1)).toBe('  … and 2 families more: --json FILE lists them all');
    const preventable = section('Preventable recurrences (13): a prevent item of the origin was overdue');
    expect(preventable).toHaveLength(21);
    expect(preventable.at(-1)).toBe('  … and 3 recurrences more: --json FILE lists them all');
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

  test('the top 5 patterns name the connection-pooling and reboot-script stories; none restates one value', () => {
    const top = analysis.patterns.slice(0, 5).map((p) => p.parts.map((x) => `${x.dimension}:${x.value}`).join(' × '));
    expect(top).toContain('contributing_factor:no-connection-pooling');
    expect(top).toContain('contributing_factor:no-reboot-limit');
    for (const p of analysis.patterns) expect(new Set(p.parts.map((x) => x.value)).size).toBe(p.parts.length);
  });

  test('the README quotes a pattern the examples really produce', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    const quoted = /the top patterns \("(.+?)"\), \*\*recurrence families/.exec(readme)![1]!;
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
