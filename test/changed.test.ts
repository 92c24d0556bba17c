import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { exampleNotices, runCli } from './helpers.ts';

const REPO = join(import.meta.dirname, '..');
const REBOOT = 'incidents/2025/2025-02-11-reboot-script-fleet-outage.md';
const LEAK = 'incidents/2025/2025-01-14-legacy-monolith-memory-leak.md';
let cwd: string;

function git(...args: string[]) {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
}

function edit(file: string, change: (text: string) => string) {
  const path = join(cwd, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

async function validate(...args: string[]) {
  const { code, stdout, stderr } = await runCli(['validate', '--format', 'json', ...args], { cwd });
  return { code, stderr, findings: stdout ? (JSON.parse(stdout).findings as { file: string; rule: string }[]).map((f) => `${f.file} ${f.rule}`) : [] };
}

/** A repository whose main already has a broken postmortem, the kind of debt a PR should not be blamed for. */
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'hindsight-changed-'));
  cpSync(join(REPO, 'incidents'), join(cwd, 'incidents'), { recursive: true });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'ci@example.com');
  git('config', 'user.name', 'CI');
  edit(LEAK, (t) => t.replace('services: [legacy-monolith]', 'services: [legacy-monolit]'));
  git('add', '.');
  git('commit', '-q', '-m', 'base');
});

describe('hindsight validate --changed', () => {
  test('reports only the postmortems changed since the ref, committed or not', async () => {
    edit(REBOOT, (t) => t.replace('severity: SEV1', 'severity: SEV9'));
    writeFileSync(join(cwd, 'incidents/2025/2025-02-11-reboot-again.md'), readFileSync(join(cwd, REBOOT), 'utf8').replace('title: reboot-stuck.py', 'title: Another reboot'));
    expect(await validate('--changed', 'main')).toEqual({
      code: 1,
      stderr: '',
      findings: ['incidents/2025/2025-02-11-reboot-again.md unknown-severity', 'incidents/2025/2025-02-11-reboot-script-fleet-outage.md unknown-severity'],
    });
    // Without --changed the old debt is reported too.
    expect((await validate()).findings).toContain(`${LEAK} unknown-service`);
  });

  test('nothing changed: nothing to report', async () => {
    expect(await validate('--changed', 'main')).toEqual({ code: 0, stderr: '', findings: [] });
  });

  test('checks across files still see the whole folder', async () => {
    git('checkout', '-q', '-b', 'feature');
    edit(REBOOT, (t) => t.replace('tags: [cron, reboot, batch]', 'tags: [cron, reboot, batch]\nrelated: [2025-01-01-nowhere]'));
    git('commit', '-q', '-am', 'link');
    expect((await validate('--changed', 'main')).findings).toEqual([`${REBOOT} unknown-incident`]);
  });

  test('a changed catalog reports on every postmortem', async () => {
    appendFileSync(join(cwd, 'incidents/_catalog.yaml'), '\n');
    // validate also suggests recurrences, which a project load leaves out.
    const notices = [...exampleNotices().map((d) => `${d.file} ${d.rule}`), 'incidents/2026/2026-06-16-config-push-token-audience-draft.md possible-recurrence'].sort();
    expect((await validate('--changed', 'main')).findings).toEqual([`${LEAK} unknown-service`, ...notices]);
  });

  test('compares with where the branch left the base: what the base did since is not the branch\'s', async () => {
    git('checkout', '-q', '-b', 'feature');
    edit(REBOOT, (t) => t.replace('severity: SEV1', 'severity: SEV9'));
    git('commit', '-q', '-am', 'feature work');
    // Meanwhile main fixes its old debt; the branch still has it, but did not change it.
    git('checkout', '-q', 'main');
    edit(LEAK, (t) => t.replace('services: [legacy-monolit]', 'services: [legacy-monolith]'));
    git('commit', '-q', '-am', 'fix on main');
    git('checkout', '-q', 'feature');
    expect(await validate('--changed', 'main')).toEqual({ code: 1, stderr: '', findings: [`${REBOOT} unknown-severity`] });
  });

  test('without git on the PATH, --changed says git is needed', async () => {
    const result = await runCli(['validate', '--changed', 'main'], { cwd, env: { PATH: join(cwd, 'no-such-folder') } });
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'hindsight: --changed needs git, which was not found on the PATH (ENOENT); install git or validate without --changed\n' });
  });

  test('a ref git does not know is a usage error', async () => {
    const result = await validate('--changed', 'no-such-branch');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('hindsight: cannot compare with `no-such-branch`: git does not know it (fetch it, or name a branch, tag or commit)\n');
  });
});
