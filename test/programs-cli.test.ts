import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { actingCharacters, runCli, withoutColours } from './helpers.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const run = (args: string[]) => runCli(['programs', '--incidents', 'programs/criteria/incidents', ...args], { cwd: FIXTURES });

describe('hindsight programs', () => {
  test('--check exits 1 while a criterion is unmet, naming what blocks it at file:line', async () => {
    const { code, stdout, stderr } = await run(['--check', '2025-03-code-yellow', '--as-of', '2025-04-15']);
    expect([code, stderr]).toEqual([1, '']);
    const lines = stdout.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      'Code yellow on Service A',
      '  2025-03-code-yellow · code-yellow · owner ann · declared 2025-03-01 · target 2025-06-30',
      '  programs/criteria/programs/2025-03-code-yellow.md',
      '  Judged on 2025-04-15: 0 of 7 exit criteria met, at risk.',
      '  ! 1 item the criteria wait for is overdue.',
      '  Projected exit 2025-06-01: the latest day on which what remains is due or clears; `fast-detection` and `paging-rotation` cannot be projected.',
    ]);
    expect(lines).toContain('      → programs/criteria/incidents/2025-01-10-i1.md:16  P0 "Pool connections" (ann, due 2025-04-01): done only on 2025-05-20, 14 days overdue');
    expect(lines).toContain('      → programs/criteria/incidents/2025-02-20-i2.md:13  2025-02-20 SEV2 2025-02-20-i2: recurrence of 2025-01-10-i1');
    expect(lines).toContain('      → programs/criteria/incidents/2025-01-10-i1.md:14  2025-01-10 SEV1 2025-01-10-i1: ann');
  });

  test('--check exits 0 once every criterion is met, with the day each became met', async () => {
    const { code, stdout, stderr } = await run(['--check', '2025-03-code-yellow', '--as-of', '2025-09-30']);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout.split('\n').filter((l) => l.startsWith('  ✔') || l.startsWith('  ✖') || l.startsWith('  Judged'))).toEqual([
      '  Judged on 2025-09-30: 7 of 7 exit criteria met, ready to exit.',
      '  ✔ past-action-items  met on 2025-07-10  programs/criteria/programs/2025-03-code-yellow.md:10',
      '  ✔ pooling-and-limits  met on 2025-08-01  programs/criteria/programs/2025-03-code-yellow.md:15',
      '  ✔ no-severe-incidents  met on 2025-05-31  programs/criteria/programs/2025-03-code-yellow.md:19',
      '  ✔ no-recurrence  met on 2025-05-21  programs/criteria/programs/2025-03-code-yellow.md:24',
      '  ✔ fast-detection  met on 2025-06-30  programs/criteria/programs/2025-03-code-yellow.md:28',
      '  ✔ paging-rotation  met on 2025-09-07  programs/criteria/programs/2025-03-code-yellow.md:34',
      '  ✔ sign-off  met on 2025-06-01  programs/criteria/programs/2025-03-code-yellow.md:40',
    ]);
  });

  test('an exited program is judged on its exit day; one declared later cannot pass yet', async () => {
    const exited = await run(['--check', '2025-06-backups', '--as-of', '2026-01-01']);
    expect(exited.code).toBe(1);
    expect(exited.stdout).toContain('  Judged on 2025-07-01, its exit: 1 of 2 exit criteria met, on track.\n');
    const later = await run(['--check', '2025-06-backups', '--as-of', '2025-05-01']);
    expect(later).toEqual({ code: 1, stderr: '', stdout: 'Backups for Service B\n  2025-06-backups is declared on 2025-06-01, after 2025-05-01: none of its exit criteria can be met yet.\n' });
  });

  test('an unknown program or date is a usage error with a suggestion', async () => {
    expect(await run(['--check', '2025-03-code-yelow'])).toEqual({ code: 2, stdout: '', stderr: 'hindsight: there is no program `2025-03-code-yelow`; did you mean `2025-03-code-yellow`?\n' });
    expect(await run(['--check', 'x', '--as-of', '2025-02-30'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^hindsight: --as-of must be a date such as \d{4}-\d\d-\d\d, not `2025-02-30`\n$/) });
  });

  test('without --check, every program, then those declared later', async () => {
    const { code, stdout } = await run(['--as-of', '2025-04-15']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('1 program as of 2025-04-15: 1 active, 0 exited.');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('Declared after 2025-04-15, not judged: 2025-06-backups (2025-06-01).');
  });

  test('a folder with errors is not judged', async () => {
    const { code, stderr } = await runCli(['programs', '--incidents', 'validate/programs/incidents'], { cwd: FIXTURES });
    expect(code).toBe(1);
    expect(stderr).toContain('programs/2025-09-mistakes.md\n  2:8  ');
    expect(stderr.trimEnd().split('\n').at(-1)).toBe('hindsight: fix these errors first; programs are judged only on a valid folder');
  });
});

describe('the bundled examples', () => {
  const REPO = join(import.meta.dirname, '..');
  const check = (id: string) => runCli(['programs', '--check', id, '--as-of', '2026-07-01', '--no-color'], { cwd: REPO });

  test('the code yellow exited with its three criteria met: --check passes', async () => {
    const { code, stdout, stderr } = await check('2025-07-code-yellow-orders-db-and-batch');
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toBe([
      'Code yellow: orders-db and the batch fleet',
      '  2025-07-code-yellow-orders-db-and-batch · code-yellow · owner rachel.m · declared 2025-07-01 · target 2025-10-31 · exited 2025-11-20',
      '  programs/2025-07-code-yellow-orders-db-and-batch.md',
      '  Judged on 2025-11-20, its exit: 3 of 3 exit criteria met, ready to exit.',
      '',
      '  ✔ past-action-items  met on 2025-10-30  programs/2025-07-code-yellow-orders-db-and-batch.md:12',
      '      Every action item of an incident before the code yellow is done, or dropped with a written reason',
      "      All 22 items done (2 won't do, with a reason)",
      '',
      '  ✔ pooling-and-limits  met on 2025-08-20  programs/2025-07-code-yellow-orders-db-and-batch.md:16',
      '      Connection pooling in front of orders-db, and limits on connections and on the reboot script',
      '      `connection-pooling`: 2 of 2 items done; `limits`: 3 of 3 items done',
      '',
      '  ✔ paging-rotation  met on 2025-11-18  programs/2025-07-code-yellow-orders-db-and-batch.md:20',
      '      An engineering paging rotation, at least four people handling the incidents and none more than 40 % of them',
      '      6 people handled 3 incidents in the last 90 days; the busiest, fatima.h, 33% of them (at least 4 people, none over 40%)',
      '',
    ].join('\n'));
  });

  test('the active initiative is blocked by three items: --check fails, naming them', async () => {
    const { code, stdout, stderr } = await check('2026-03-edge-and-config-safety');
    expect([code, stderr]).toEqual([1, '']);
    const lines = stdout.split('\n');
    expect(lines.slice(3, 6)).toEqual([
      '  Judged on 2026-07-01: 3 of 5 exit criteria met, at risk.',
      '  ! 1 item the criteria wait for is overdue.',
      '  Projected exit 2026-09-30: the latest day on which what remains is due or clears.',
    ]);
    expect(lines.filter((l) => l.includes('→'))).toEqual([
      '      → incidents/2026/2026-03-10-config-push-breaks-auth.md:27  P0 "Stage config pushes per environment with automatic rollback on error rate" (lena.w, due 2026-04-30): open, 62 days overdue',
      '      → incidents/2026/2026-04-02-dns-provider-outage.md:26  P1 "Add a secondary DNS provider with zone transfer" (ahmed.r, due 2026-09-30): in progress',
      '      → incidents/2026/2026-05-05-config-service-rollback.md:26  P1 "Roll back config one key at a time, with a diff preview" (ahmed.r, due 2026-07-31): in progress',
      '      → incidents/2026/2026-03-10-config-push-breaks-auth.md:27  P0 "Stage config pushes per environment with automatic rollback on error rate" (lena.w, due 2026-04-30): open, 62 days overdue',
      '      → incidents/2026/2026-05-05-config-service-rollback.md:26  P1 "Roll back config one key at a time, with a diff preview" (ahmed.r, due 2026-07-31): in progress',
    ]);
  });
});

test('validate takes a program file as a path, and reports on it alone', async () => {
  const { code, stdout } = await runCli(['validate', '--format', 'json', '--incidents', 'programs/incidents', 'programs/programs/Code Yellow.md'], { cwd: join(FIXTURES, 'validate') });
  expect(code).toBe(1);
  expect(JSON.parse(stdout)).toEqual({
    files: 2, errors: 1, warnings: 0, notices: 0,
    findings: [{ file: 'programs/programs/Code Yellow.md', line: 1, column: 1, rule: 'invalid-id', severity: 'error', message: 'the file name `Code Yellow.md` is not a valid program id: use lowercase letters, digits and `-`, e.g. `code-yellow.md`' }],
  });
});

test('text from programs and postmortems cannot act on the terminal', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-programs-'));
  cpSync(join(FIXTURES, 'programs/criteria'), dir, { recursive: true });
  const edit = (file: string, from: string, to: string) => writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace(from, to));
  edit('programs/2025-03-code-yellow.md', 'title: Code yellow on Service A', 'title: "Code yellow\\e]0;pwned\\a on\\nService A\\u202e"');
  edit('programs/2025-03-code-yellow.md', 'owner: ann', 'owner: "ann\\e[2J"');
  edit('programs/2025-03-code-yellow.md', 'description: Connection pooling and limits are in place', 'description: "Pooling\\r\\e[1Adone"');
  edit('incidents/2025-01-10-i1.md', 'title: Pool connections, owner: ann,', 'title: "Pool\\u009b31m connections", owner: "ann\\u0007",');
  const { code, stdout, stderr } = await runCli(['programs', '--incidents', join(dir, 'incidents'), '--check', '2025-03-code-yellow', '--as-of', '2025-04-15', '--color'], { cwd: dir });
  expect([code, stderr]).toEqual([1, '']);
  expect(actingCharacters(withoutColours(stdout))).toEqual([]);
  const lines = withoutColours(stdout).split('\n');
  expect(lines.slice(0, 2)).toEqual([
    'Code yellow\\x1b]0;pwned\\x07 on\\nService A\\u202e',
    '  2025-03-code-yellow · code-yellow · owner ann\\x1b[2J · declared 2025-03-01 · target 2025-06-30',
  ]);
  expect(lines).toContain('      Pooling\\r\\x1b[1Adone');
  expect(lines).toContain('      → incidents/2025-01-10-i1.md:16  P0 "Pool\\x9b31m connections" (ann\\x07, due 2025-04-01): done only on 2025-05-20, 14 days overdue');
  edit('programs/2025-06-backups.md', 'title: Backups for Service B', 'title: "Backups\\e[2J for B"');
  const later = await runCli(['programs', '--incidents', join(dir, 'incidents'), '--check', '2025-06-backups', '--as-of', '2025-05-01'], { cwd: dir });
  expect(later.stdout).toBe('Backups\\x1b[2J for B\n  2025-06-backups is declared on 2025-06-01, after 2025-05-01: none of its exit criteria can be met yet.\n');
});
