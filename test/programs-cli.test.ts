import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from './helpers.ts';

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
