import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

const REPO = join(import.meta.dirname, '..');
const WORKFLOWS = join(REPO, '.github/workflows');
const SCRIPTS = Object.keys(JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).scripts as Record<string, string>);

interface Step { run?: string; uses?: string; env?: Record<string, string> }
type Permissions = Record<string, 'read' | 'write' | 'none'> | 'read-all' | 'write-all';
type Workflow = { on: unknown; permissions?: Permissions; jobs: Record<string, { permissions?: Permissions; steps?: Step[] }> };

const workflows = readdirSync(WORKFLOWS).filter((f) => f.endsWith('.yml')).sort();
const read = (file: string) => parse(readFileSync(join(WORKFLOWS, file), 'utf8'), { prettyErrors: true }) as Workflow;
const steps = (file: string) => Object.values(read(file).jobs).flatMap((job) => job.steps ?? []);

/** What a checkout holds of this tree: not what is installed, built or git's own. */
const NOT_CHECKED_OUT = new Set(['node_modules', 'dist', '.astro', '.git', 'scratch', 'coverage']);

/**
 * Where the commands run: a repository made from this tree, as actions/checkout makes one (with
 * an `origin` to compare with), sharing this tree's installed dependencies. Made by copying, not
 * cloning: the tests must pass from a release tarball too, which has no `.git` to clone.
 */
function checkout(): { dir: string; base: string } {
  const dir = join(mkdtempSync(join(tmpdir(), 'hindsight-workflow-')), 'repo');
  cpSync(REPO, dir, { recursive: true, filter: (source) => source === REPO || !NOT_CHECKED_OUT.has(relative(REPO, source).split(sep)[0]!) });
  const git = (...args: string[]) => {
    const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  };
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.name=CI', '-c', 'user.email=ci@example.com', 'commit', '-q', '-m', 'checkout');
  // The pull request's base: this commit, under a name of its own.
  const base = 'workflow-test-base';
  git('update-ref', `refs/remotes/origin/${base}`, 'HEAD');
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
  return { dir, base };
}

/** The values GitHub would put in `${{ … }}` for a pull request into the checked-out branch. */
let CONTEXT: Record<string, string> = {};
const substitute = (command: string) => command.replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_, key: string) => {
  if (!(key in CONTEXT)) throw new Error(`no value for \${{ ${key} }}`);
  return CONTEXT[key]!;
});

describe('GitHub workflows', () => {
  test('are the three expected, valid YAML', () => {
    expect(workflows).toEqual(['deploy.yml', 'digest.yml', 'validate.yml']);
    for (const file of workflows) expect(Object.keys(read(file).jobs).length, file).toBeGreaterThan(0);
  });

  test.each(workflows)('%s runs only npm scripts that exist', (file) => {
    for (const step of steps(file)) {
      for (const [, script] of (step.run ?? '').matchAll(/npm run (\S+)/g)) expect(SCRIPTS, `${file}: npm run ${script}`).toContain(script);
    }
  });

  test('deploy.yml: the build reads only; only the deploy job, which runs none of our code, writes', () => {
    const workflow = read('deploy.yml');
    expect(workflow.permissions).toEqual({});
    expect(workflow.jobs.build!.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect((workflow.jobs.deploy!.steps ?? []).map((s) => s.run ?? s.uses)).toEqual(['actions/deploy-pages@v4']);
  });

  test.each(workflows)('%s: no job that runs commands holds a token that can write', (file) => {
    const workflow = read(file);
    for (const [name, job] of Object.entries(workflow.jobs)) {
      if (!(job.steps ?? []).some((s) => s.run)) continue;
      // A job without its own permissions gets the workflow's, and without those, the repository's default (often write).
      const permissions = job.permissions ?? workflow.permissions;
      expect(permissions, `${file}: ${name}`).toBeTypeOf('object');
      expect(Object.entries(permissions as object).filter(([, level]) => level === 'write'), `${file}: ${name}`).toEqual([]);
    }
  });

  test('validate.yml runs on pull requests that touch incidents/ or programs/', () => {
    expect(read('validate.yml').on).toEqual({ pull_request: { paths: ['incidents/**', 'programs/**', 'hindsight.config.json'] } });
  });

  test('digest.yml runs every week and by hand, reading the repository only', () => {
    const digest = read('digest.yml');
    expect(digest.on).toEqual({ schedule: [{ cron: '0 7 * * 1' }], workflow_dispatch: null });
    expect(digest.permissions).toEqual({ contents: 'read' });
    expect(readFileSync(join(WORKFLOWS, 'digest.yml'), 'utf8')).not.toMatch(/secrets\./);
  });

  // The workflows' own commands, as a shell script: what CI runs cannot drift from what works here.
  test.each(workflows)('%s: its commands pass', (file) => {
    const { dir, base } = checkout();
    const summary = join(dir, '..', 'step-summary.md');
    CONTEXT = {
      'github.base_ref': base, 'github.event.repository.name': 'hindsight',
      'github.server_url': 'https://github.com', 'github.repository': 'acme/postmortems', 'github.sha': 'HEAD',
    };
    const commands = steps(file).flatMap((step) => (step.run && !step.run.startsWith('npm ci') ? [{ run: substitute(step.run), env: step.env ?? {} }] : []));
    expect(commands.length).toBeGreaterThan(0);
    for (const { run, env } of commands) {
      const result = spawnSync('bash', ['-euo', 'pipefail', '-c', run], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, ...env, HINDSIGHT_AS_OF: '2026-06-30', NODE_ENV: 'production', GITHUB_STEP_SUMMARY: summary },
      });
      expect(result.status, `${file}: ${run}\n${result.stdout}\n${result.stderr}`).toBe(0);
    }
    if (file === 'digest.yml') {
      // The summary GitHub shows: a Markdown digest whose postmortems link to the repository.
      const text = readFileSync(summary, 'utf8');
      expect(text).toMatch(/^# Action items, \d{4}-\d\d-\d\d\n/);
      expect(text).toContain('](https://github.com/acme/postmortems/blob/HEAD/incidents/');
    }
  }, 180_000);
});
