import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from './helpers.ts';

/**
 * Every way a user runs the CLI and what they see, in the manner of markdownlint-cli2's tests:
 * one row per case, its exit code here and its whole stdout and stderr in a snapshot file of its
 * own (test/cli-cases/<name>.txt), so a change to any message shows in review. Cases run from
 * test/fixtures. `npx vitest run test/cli-cases.test.ts -u` rewrites the snapshots; read the diff.
 */
const FIXTURES = join(import.meta.dirname, 'fixtures');

interface Case {
  name: string;
  args: string[];
  /** Where it runs, under test/fixtures; default test/fixtures itself. */
  cwd?: string;
  env?: Record<string, string>;
  exitCode: 0 | 1 | 2;
}

const KNOWN = ['--incidents', 'analyze/known/incidents'];

const CASES: Case[] = [
  // validate: findings and exit codes
  { name: 'validate-valid', args: ['validate', '--incidents', 'validate/valid/incidents'], exitCode: 0 },
  { name: 'validate-warnings-only', args: ['validate', '--incidents', 'validate/body/incidents', 'validate/body/incidents/2025-07-01-draft-missing-sections.md'], exitCode: 0 },
  { name: 'validate-warnings-strict', args: ['validate', '--strict', '--incidents', 'validate/body/incidents', 'validate/body/incidents/2025-07-01-draft-missing-sections.md'], exitCode: 1 },
  { name: 'validate-errors', args: ['validate', '--incidents', 'validate/mixed/incidents'], exitCode: 1 },
  { name: 'validate-errors-json', args: ['validate', '--format', 'json', '--incidents', 'validate/mixed/incidents'], exitCode: 1 },
  { name: 'validate-errors-github', args: ['validate', '--format', 'github', '--incidents', 'validate/mixed/incidents'], exitCode: 1 },
  { name: 'validate-errors-github-by-default-in-actions', args: ['validate', '--incidents', 'validate/cross-file/incidents'], env: { GITHUB_ACTIONS: 'true' }, exitCode: 1 },
  { name: 'validate-file-problems', args: ['validate', '--incidents', 'validate/file-problems/incidents'], exitCode: 1 },
  { name: 'validate-one-file', args: ['validate', '--incidents', 'validate/cross-file/incidents', 'validate/cross-file/incidents/2025/2025-06-04-dangling.md'], exitCode: 1 },
  // the catalog and the config
  { name: 'catalog-errors', args: ['validate', '--incidents', 'cli/bad-catalog/incidents'], exitCode: 1 },
  { name: 'catalog-missing', args: ['validate', '--incidents', 'cli/no-catalog/incidents'], exitCode: 1 },
  { name: 'config-broken', args: ['validate'], cwd: 'config/broken', exitCode: 1 },
  { name: 'config-custom', args: ['validate'], cwd: 'config/custom', exitCode: 1 },
  { name: 'config-catalog-elsewhere', args: ['validate'], cwd: 'config/catalog-elsewhere', exitCode: 0 },
  // usage errors
  { name: 'usage-missing-folder', args: ['validate', '--incidents', 'nowhere'], exitCode: 2 },
  { name: 'usage-folder-is-a-file', args: ['validate', '--incidents', 'validate/valid/incidents/2025-08-01-published.md'], exitCode: 2 },
  { name: 'usage-missing-path', args: ['validate', '--incidents', 'validate/mixed/incidents', 'validate/mixed/incidents/nope.md'], exitCode: 2 },
  { name: 'usage-path-outside-folder', args: ['validate', '--incidents', 'validate/mixed/incidents', 'validate/body/incidents'], exitCode: 2 },
  { name: 'usage-unknown-format', args: ['validate', '--incidents', 'validate/mixed/incidents', '--format', 'xml'], exitCode: 2 },
  { name: 'usage-unknown-option', args: ['validate', '--fast'], exitCode: 2 },
  { name: 'usage-option-without-value', args: ['validate', '--incidents'], exitCode: 2 },
  { name: 'usage-flag-with-value', args: ['validate', '--strict=yes'], exitCode: 2 },
  { name: 'usage-analyze-given-a-file', args: ['analyze', ...KNOWN, 'analyze/known/incidents/2025-01-10-a-capacity.md'], exitCode: 2 },
  { name: 'usage-unknown-command', args: ['publish'], exitCode: 2 },
  { name: 'usage-no-command', args: [], exitCode: 2 },
  { name: 'help', args: ['--help'], exitCode: 0 },
  // analyze
  { name: 'analyze-known', args: ['analyze', ...KNOWN, '--as-of', '2025-08-01'], exitCode: 0 },
  { name: 'analyze-by-quarter', args: ['analyze', ...KNOWN, '--as-of', '2025-08-01', '--period', 'quarter'], exitCode: 0 },
  { name: 'analyze-recurrence', args: ['analyze', '--incidents', 'analyze/recurrence/incidents', '--as-of', '2025-09-01'], exitCode: 0 },
  { name: 'analyze-calibrate', args: ['analyze', '--incidents', 'analyze/recurrence/incidents', '--as-of', '2025-09-01', '--calibrate'], exitCode: 0 },
  { name: 'validate-possible-recurrence', args: ['validate', '--incidents', 'analyze/recurrence/incidents', 'analyze/recurrence/incidents/2025-05-20-orders-db-connections-sale.md'], exitCode: 0 },
  { name: 'analyze-invalid-folder', args: ['analyze', '--incidents', 'validate/mixed/incidents'], exitCode: 1 },
  { name: 'analyze-catalog-errors', args: ['analyze', '--incidents', 'cli/bad-catalog/incidents'], exitCode: 1 },
  { name: 'analyze-bad-as-of', args: ['analyze', ...KNOWN, '--as-of', '2025-02-30'], exitCode: 2 },
  { name: 'analyze-bad-period', args: ['analyze', ...KNOWN, '--period', 'week'], exitCode: 2 },
  { name: 'analyze-bad-window', args: ['analyze', ...KNOWN, '--window', 'soon'], exitCode: 2 },
  { name: 'analyze-json-into-a-folder', args: ['analyze', ...KNOWN, '--as-of', '2025-08-01', '--json', 'analyze'], exitCode: 2 },
  // catalog suggest
  { name: 'catalog-suggest', args: ['catalog', 'suggest', '--incidents', 'analyze/patterns/incidents'], exitCode: 0 },
  { name: 'catalog-suggest-configured-catalog', args: ['catalog', 'suggest', '--min', '1'], cwd: 'config/catalog-elsewhere', exitCode: 0 },
  { name: 'catalog-suggest-none', args: ['catalog', 'suggest', ...KNOWN, '--min', '4'], exitCode: 0 },
  { name: 'catalog-without-subcommand', args: ['catalog'], exitCode: 2 },
  { name: 'catalog-suggest-bad-min', args: ['catalog', 'suggest', ...KNOWN, '--min', 'many'], exitCode: 2 },
  { name: 'catalog-suggest-invalid-folder', args: ['catalog', 'suggest', '--incidents', 'validate/mixed/incidents'], exitCode: 1 },
  // programs and the digest
  { name: 'programs-check-unmet', args: ['programs', '--incidents', 'programs/criteria/incidents', '--check', '2025-03-code-yellow', '--as-of', '2025-04-15'], exitCode: 1 },
  { name: 'programs-check-met', args: ['programs', '--incidents', 'programs/criteria/incidents', '--check', '2025-03-code-yellow', '--as-of', '2025-09-30'], exitCode: 0 },
  { name: 'programs-check-unknown', args: ['programs', '--incidents', 'programs/criteria/incidents', '--check', '2025-03-code-yelow'], exitCode: 2 },
  { name: 'programs-all', args: ['programs', ...KNOWN, '--as-of', '2025-08-01'], exitCode: 0 },
  { name: 'programs-invalid-folder', args: ['programs', '--incidents', 'validate/programs/incidents'], exitCode: 1 },
  { name: 'programs-help', args: ['programs', '--help'], exitCode: 0 },
  { name: 'digest-known', args: ['digest', ...KNOWN, '--as-of', '2025-07-01', '--since', '2025-01-01'], exitCode: 0 },
  { name: 'digest-bad-link-base', args: ['digest', ...KNOWN, '--link-base', 'file:///etc/'], exitCode: 2 },
  { name: 'digest-unknown-option', args: ['digest', '--to', 'slack'], exitCode: 2 },
  // schema and new
  { name: 'schema-catalog-errors', args: ['schema', '--incidents', 'cli/bad-catalog/incidents'], exitCode: 1 },
  { name: 'schema-out-a-file', args: ['schema', ...KNOWN, '--out', 'analyze/known/incidents/_catalog.yaml'], exitCode: 2 },
  { name: 'new-without-title', args: ['new', ...KNOWN, '--services', 'svc-a'], exitCode: 2 },
  { name: 'new-unknown-values', args: ['new', ...KNOWN, 'Checkout broke', '--severity', 'SEV9', '--services', 'svc-x,svc-a', '--started-at', 'yesterday'], exitCode: 2 },
  { name: 'new-catalog-errors', args: ['new', '--incidents', 'cli/bad-catalog/incidents', 'Checkout broke'], exitCode: 1 },
];

describe('the CLI, case by case', () => {
  test('case names are unique', () => {
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  test.each(CASES)('$name → exit $exitCode', async ({ name, args, cwd, env, exitCode }) => {
    const result = await runCli(args, { cwd: join(FIXTURES, cwd ?? ''), env: env ?? {} });
    const shown = [`$ hindsight ${args.join(' ')}`, `exit ${result.code}`, '--- stdout', result.stdout, '--- stderr', result.stderr].join('\n');
    await expect(shown).toMatchFileSnapshot(`cli-cases/${name}.txt`);
    expect(result.code).toBe(exitCode);
  });
});
