import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { findIncidentFiles, NODE_FILE_SYSTEM } from '../src/lib/load/files.ts';
import { loadProject } from '../src/lib/index.ts';
import { NOW, runCli } from './helpers.ts';

const REPO = join(import.meta.dirname, '..');
const VALID = join(import.meta.dirname, 'fixtures/validate/valid/incidents');
const PUBLISHED = '2025-08-01-published.md';

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'hindsight-files-'));
  cpSync(VALID, join(cwd, 'incidents'), { recursive: true });
});

async function load() {
  const result = await loadProject({ incidentsDir: 'incidents', cwd, now: NOW });
  return {
    files: result.files,
    valid: result.incidents.map((i) => i.file),
    findings: result.diagnostics.map((d) => `${d.file} ${d.severity} ${d.rule}: ${d.message}`),
  };
}

describe('which files are postmortems', () => {
  test('a link to a postmortem in the folder is read once, where the file is', async () => {
    mkdirSync(join(cwd, 'incidents/latest'));
    symlinkSync(join('..', PUBLISHED), join(cwd, 'incidents/latest/current.md'));
    symlinkSync(PUBLISHED, join(cwd, 'incidents/alias.md'));
    expect(await load()).toEqual({ files: 3, valid: ['incidents/2025-08-01-published.md', 'incidents/2025-08-02-draft.md'], findings: [] });
  });

  test('a folder linked to itself is not followed: each postmortem counted once', async () => {
    symlinkSync('.', join(cwd, 'incidents/loop'));
    mkdirSync(join(cwd, 'incidents/2025'));
    symlinkSync('..', join(cwd, 'incidents/2025/up'));
    symlinkSync('2025', join(cwd, 'incidents/this-year'));
    expect(await load()).toEqual({
      files: 3,
      valid: ['incidents/2025-08-01-published.md', 'incidents/2025-08-02-draft.md'],
      findings: [
        'incidents/2025/up warning symlink-loop: this symbolic link leads back to `..`, a folder that contains it, so it is not followed; its postmortems are read where they are. Remove the link',
        'incidents/loop warning symlink-loop: this symbolic link leads back to `.`, a folder that contains it, so it is not followed; its postmortems are read where they are. Remove the link',
      ],
    });
  });

  test('links leading outside the folder are findings, never followed', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'hindsight-outside-'));
    cpSync(join(VALID, PUBLISHED), join(outside, '2025-09-01-outside.md'));
    symlinkSync(outside, join(cwd, 'incidents/docs'));
    symlinkSync(join(outside, '2025-09-01-outside.md'), join(cwd, 'incidents/2025-09-01-outside.md'));
    symlinkSync(join(outside, 'logo.png'), join(cwd, 'incidents/logo.png'));
    symlinkSync('nowhere.md', join(cwd, 'incidents/2025-09-02-dangling.md'));
    symlinkSync('circle-b.md', join(cwd, 'incidents/circle-a.md'));
    symlinkSync('circle-a.md', join(cwd, 'incidents/circle-b.md'));
    expect(await load()).toEqual({
      files: 3,
      valid: ['incidents/2025-08-01-published.md', 'incidents/2025-08-02-draft.md'],
      findings: [
        `incidents/2025-09-01-outside.md error symlink-outside: this symbolic link leads to \`${outside}/2025-09-01-outside.md\`, outside the incidents folder, so it is not followed: postmortems must be in the folder itself. Move the file here or remove the link`,
        'incidents/2025-09-02-dangling.md error file-unreadable: this symbolic link leads to `nowhere.md`, which does not exist; point it at the postmortem or remove it',
        'incidents/circle-a.md warning symlink-loop: this symbolic link (to `circle-b.md`) leads round in a circle, so it is not followed; remove it',
        'incidents/circle-b.md warning symlink-loop: this symbolic link (to `circle-a.md`) leads round in a circle, so it is not followed; remove it',
        `incidents/docs error symlink-outside: this symbolic link leads to \`${outside}\`, outside the incidents folder, so it is not followed: postmortems must be in the folder itself. Move the folder here or remove the link`,
      ],
    });
  });

  test('hidden files, pipes, node_modules and links to what is not a postmortem are reported as ignored', async () => {
    cpSync(join(VALID, PUBLISHED), join(cwd, 'incidents/.2025-09-01-hidden.md'));
    mkdirSync(join(cwd, 'incidents/.obsidian'));
    writeFileSync(join(cwd, 'incidents/.obsidian/workspace.json'), '{}');
    mkdirSync(join(cwd, 'incidents/.drafts'));
    cpSync(join(VALID, PUBLISHED), join(cwd, 'incidents/.drafts/2025-09-02-hidden.md'));
    mkdirSync(join(cwd, 'incidents/node_modules/pkg/docs'), { recursive: true });
    writeFileSync(join(cwd, 'incidents/node_modules/pkg/README.md'), '# pkg');
    writeFileSync(join(cwd, 'incidents/node_modules/pkg/docs/api.md'), '# api');
    expect(spawnSync('mkfifo', [join(cwd, 'incidents/2025-09-03-pipe.md')]).status).toBe(0);
    symlinkSync('_template.md', join(cwd, 'incidents/2025-09-04-template.md'));
    writeFileSync(join(cwd, 'incidents/_template.md'), '---\n---\n');
    expect(await load()).toEqual({
      files: 3,
      valid: ['incidents/2025-08-01-published.md', 'incidents/2025-08-02-draft.md'],
      findings: [
        'incidents/.2025-09-01-hidden.md warning ignored-file: this file is not read as a postmortem: its name starts with `.`, which hides it. Rename it without the dot, or start its name with `_` if it is not a postmortem',
        'incidents/.drafts warning ignored-file: this folder is hidden (its name starts with `.`), so it is not read: the Markdown file in it is not checked as a postmortem. Move any postmortem out of it',
        'incidents/2025-09-03-pipe.md warning ignored-file: this is not a regular file (a named pipe, socket or device), so it is not read; replace it with the postmortem\'s text or remove it',
        'incidents/2025-09-04-template.md warning ignored-file: this symbolic link leads to `_template.md`, which is not read as a postmortem; link to a `.md` postmortem in the folder or remove the link',
        'incidents/node_modules warning ignored-file: this folder holds dependencies, so it is not read: its 2 Markdown files are not checked as postmortems. Move any postmortem out of it',
      ],
    });
  });

  test('a folder that cannot be listed is file-unreadable, and the rest is still checked', () => {
    const failing = {
      ...NODE_FILE_SYSTEM,
      readdir: (path: string): Dirent[] => {
        if (path.endsWith('locked')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        return NODE_FILE_SYSTEM.readdir(path);
      },
    };
    mkdirSync(join(cwd, 'incidents/locked'));
    expect(findIncidentFiles(join(cwd, 'incidents'), failing)).toEqual({
      postmortems: [join(cwd, 'incidents', PUBLISHED), join(cwd, 'incidents/2025-08-02-draft.md')],
      findings: [{
        path: join(cwd, 'incidents/locked'),
        rule: 'file-unreadable',
        severity: 'error',
        message: 'the folder could not be read (permission denied: EACCES), so the postmortems in it are not checked; make it readable',
      }],
    });
  });

  // Root reads every folder: as root, the run is made without the capabilities that override file
  // permissions (setpriv, from util-linux), so a folder no one may read is unreadable to it too.
  test('an unreadable subfolder is a finding, not a crash, in a real run', () => {
    mkdirSync(join(cwd, 'incidents/locked'));
    cpSync(join(VALID, PUBLISHED), join(cwd, 'incidents/locked/2025-09-05-locked.md'));
    chmodSync(join(cwd, 'incidents/locked'), 0o000);
    const cli = [process.execPath, join(REPO, 'bin/hindsight.js'), 'validate', '--format', 'json'];
    const command = process.getuid?.() === 0 ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search', ...cli] : cli;
    const child = spawnSync(command[0]!, command.slice(1), { cwd, encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(1);
    expect(JSON.parse(child.stdout)).toEqual({
      files: 3, errors: 1, warnings: 0, notices: 0,
      findings: [{ file: 'incidents/locked', line: 1, column: 1, rule: 'file-unreadable', severity: 'error', message: 'the folder could not be read (permission denied: EACCES), so the postmortems in it are not checked; make it readable' }],
    });
  });

  test('--incidents naming a file says it is a file', async () => {
    expect(await runCli(['validate', '--incidents', `incidents/${PUBLISHED}`], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: `hindsight: \`incidents/${PUBLISHED}\` is a file, not a folder; pass --incidents the folder that holds the postmortems\n`,
    });
  });
});
