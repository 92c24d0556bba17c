import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { github } from '../src/cli/formatters/github.ts';
import { json } from '../src/cli/formatters/json.ts';
import { pretty } from '../src/cli/formatters/pretty.ts';
import { actingCharacters, runCli, withoutColours } from './helpers.ts';

const REPO = join(import.meta.dirname, '..');
const FIXTURES = join(import.meta.dirname, 'fixtures/validate');

const run = (args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) => runCli(args, { ...options, cwd: options.cwd ?? FIXTURES });

describe('hindsight validate', () => {
  test('the JSON report counts and places every finding', async () => {
    const result = await run(['validate', '--format', 'json', '--incidents', 'mixed/incidents']);
    const report = JSON.parse(result.stdout);
    expect({ files: report.files, errors: report.errors, warnings: report.warnings }).toEqual({ files: 3, errors: 14, warnings: 0 });
    expect(report.findings[0]).toEqual({
      file: 'mixed/incidents/2025-03-09-bad.md',
      line: 2,
      column: 8,
      rule: 'invalid-value',
      severity: 'error',
      message: '`title` must be at least 5 characters, not `Bad`',
    });
    expect(report.findings.filter((f: { rule: string }) => f.rule === 'unknown-service')).toEqual([
      expect.objectContaining({ line: 10, column: 12, message: 'unknown service `paymnets-api`; did you mean `payments-api`?' }),
    ]);
  });

  test('named paths report only their own findings, cross-file ones included', async () => {
    const result = await run(['validate', '--format', 'json', '--incidents', 'cross-file/incidents', 'cross-file/incidents/2025/2025-06-04-dangling.md']);
    const report = JSON.parse(result.stdout);
    expect(report.files).toBe(2);
    expect(report.findings.map((f: { rule: string; line: number; column: number }) => `${f.line}:${f.column} ${f.rule}`)).toEqual([
      '13:11 unknown-incident', '13:29 self-reference', '13:50 unknown-incident',
    ]);
    const folder = await run(['validate', '--format', 'json', '--incidents', 'cross-file/incidents', 'cross-file/incidents/2026']);
    expect(JSON.parse(folder.stdout).findings.map((f: { file: string }) => f.file)).toEqual(['cross-file/incidents/2026/2025-06-06-dup.md']);
  });

  test('GITHUB_ACTIONS=true selects annotations', async () => {
    const result = await run(['validate', '--incidents', 'mixed/incidents'], { env: { GITHUB_ACTIONS: 'true' } });
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(15);
    expect(lines[0]).toBe('::error file=mixed/incidents/2025-03-09-bad.md,line=2,col=8,endLine=2,endColumn=11,title=invalid-value::`title` must be at least 5 characters, not `Bad`');
    expect(lines.at(-1)).toBe('14 errors, 0 warnings in 3 files');
  });

  test('a file over 1 MB is reported, not parsed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-'));
    cpSync(join(FIXTURES, 'mixed/incidents/_catalog.yaml'), join(dir, '_catalog.yaml'));
    writeFileSync(join(dir, '2025-01-01-huge.md'), `---\ntitle: Huge\n---\n${'x'.repeat(1024 * 1024)}`);
    const result = await run(['validate', '--format', 'json', '--incidents', dir], { cwd: dir });
    expect(JSON.parse(result.stdout).findings).toEqual([
      { file: '2025-01-01-huge.md', line: 1, column: 1, rule: 'file-too-large', severity: 'error', message: 'the file is 1.0 MB, over the 1 MB limit for a postmortem; move attachments and logs elsewhere and link to them' },
    ]);
  });

  test('a hostile value in a postmortem reaches the log as text, in every format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-'));
    cpSync(join(FIXTURES, 'valid/incidents'), dir, { recursive: true });
    const file = join(dir, '2025-08-01-published.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('severity: SEV2', 'severity: "SEVX\\n::error file=README.md,line=1::Injected\\e[2J\\a"'));
    const pretty = await run(['validate', '--incidents', '.', '--color'], { cwd: dir });
    const github = await run(['validate', '--incidents', '.', '--format', 'github'], { cwd: dir });
    for (const { stdout } of [pretty, github]) {
      expect(stdout.split('\n').filter((line) => line.startsWith('::') && !line.startsWith('::error file=2025-08-01-published.md,'))).toEqual([]);
      // The only escape sequences are the report's own colours.
      expect(actingCharacters(withoutColours(stdout))).toEqual([]);
    }
    expect(github.stdout.split('\n')[0]).toBe('::error file=2025-08-01-published.md,line=4,col=11,endLine=4,endColumn=65,title=unknown-severity::unknown severity `SEVX%0A::error file=README.md,line=1::Injected\\x1b[2J\\x07`: use one of `SEV1`, `SEV2`, `SEV3` or `SEV4`, or declare it in _catalog.yaml by adding `- { id: SEVX%0A::error file=README.md,line=1::Injected\\x1b[2J\\x07, label: … }` under `severities:`');
  });

  test('runs as a real process: exit code, report on stdout, nothing on stderr', () => {
    const child = spawnSync(process.execPath, [join(REPO, 'bin/hindsight.js'), 'validate', '--incidents', 'mixed/incidents'], { cwd: FIXTURES, encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(child.status).toBe(1);
    expect(child.stderr).toBe('');
    expect(child.stdout).toContain('mixed/incidents/2025-03-09-bad.md\n  2:8    error    `title` must be at least 5 characters');
    expect(child.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 14 errors, 0 warnings in 3 files');
  });
});

describe('formatters', () => {
  const diagnostics = [
    { file: 'a,b.md', line: 3, column: 1, rule: 'yaml-syntax' as const, severity: 'error' as const, message: '100% broken:\nsecond line\r' },
    { file: 'a,b.md', line: 12, column: 10, rule: 'missing-section' as const, severity: 'warning' as const, message: 'no summary' },
  ];

  test('github escapes data and properties', () => {
    expect(github({ diagnostics, files: 1 }, { color: false })).toBe(
      '::error file=a%2Cb.md,line=3,col=1,title=yaml-syntax::100%25 broken:%0Asecond line%0D\n' +
        '::warning file=a%2Cb.md,line=12,col=10,title=missing-section::no summary\n' +
        '1 error, 1 warning in 1 file\n',
    );
  });

  test('pretty aligns rows under their file, one row per finding', () => {
    expect(pretty({ diagnostics, files: 2 }, { color: false })).toMatchInlineSnapshot(`
      "a,b.md
        3:1    error    100% broken:\\nsecond line\\r  yaml-syntax
        12:10  warning  no summary  missing-section

      ✖ 1 error, 1 warning in 2 files
      "
    `);
    expect(pretty({ diagnostics: [], files: 36 }, { color: false })).toBe('✔ 0 errors, 0 warnings in 36 files\n');
  });

  test('no value or file name can send a terminal sequence or forge a workflow command', () => {
    const hostile = [{
      file: 'in\x1b[2Jcidents/a\n::error file=x::b.md', line: 1, column: 1, rule: 'unknown-severity' as const, severity: 'error' as const,
      message: 'unknown severity `SEVX\n::error file=README.md,line=1::Injected\x1b]8;;https://evil.example\x07\x9b31m\u202e\u2028`',
    }];
    expect(pretty({ diagnostics: hostile, files: 1 }, { color: false })).toBe(
      'in\\x1b[2Jcidents/a\\n::error file=x::b.md\n'
      + '  1:1  error    unknown severity `SEVX\\n::error file=README.md,line=1::Injected\\x1b]8;;https://evil.example\\x07\\x9b31m\\u202e\\u2028`  unknown-severity\n\n'
      + '✖ 1 error, 0 warnings in 1 file\n',
    );
    expect(github({ diagnostics: hostile, files: 1 }, { color: false })).toBe(
      '::error file=in\\x1b[2Jcidents/a%0A%3A%3Aerror file=x%3A%3Ab.md,line=1,col=1,title=unknown-severity::'
      + 'unknown severity `SEVX%0A::error file=README.md,line=1::Injected\\x1b]8;;https://evil.example\\x07\\x9b31m\\u202e\\u2028`\n'
      + '1 error, 0 warnings in 1 file\n',
    );
  });

  test('a notice is named as such, counted apart and never marks the run as failed', () => {
    const notice = { file: 'c.md', line: 7, column: 1, rule: 'missing-section' as const, severity: 'notice' as const, message: 'a suggestion' };
    expect(pretty({ diagnostics: [notice], files: 1 }, { color: false })).toBe('c.md\n  7:1  notice   a suggestion  missing-section\n\n✔ 0 errors, 0 warnings, 1 notice in 1 file\n');
    expect(github({ diagnostics: [notice], files: 1 }, { color: false })).toBe('::notice file=c.md,line=7,col=1,title=missing-section::a suggestion\n0 errors, 0 warnings, 1 notice in 1 file\n');
    expect(JSON.parse(json({ diagnostics: [notice], files: 1 }, { color: false }))).toMatchObject({ errors: 0, warnings: 0, notices: 1 });
  });
});

describe('hindsight.config.json', () => {
  const CONFIGS = join(import.meta.dirname, 'fixtures/config');

  test('sets the incidents folder and the required sections', async () => {
    const result = await run(['validate', '--format', 'json'], { cwd: join(CONFIGS, 'custom') });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).findings).toEqual([
      {
        file: 'postmortems/2025-09-01-short-form.md', line: 13, column: 1, rule: 'missing-section', severity: 'error',
        message: 'the body has no `## Follow-up` section, which every postmortem past `draft` must have',
      },
    ]);
  });

  test('sets where the catalog is, outside the incidents folder', async () => {
    const result = await run(['validate'], { cwd: join(CONFIGS, 'catalog-elsewhere') });
    expect(result).toMatchObject({ code: 0, stdout: '✔ 0 errors, 0 warnings in 2 files\n' });
  });

  test('working hours that end before they start, or on no day, are reported with positions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-config-'));
    cpSync(join(FIXTURES, 'valid/incidents'), join(dir, 'incidents'), { recursive: true });
    writeFileSync(join(dir, 'hindsight.config.json'), '{\n  "analysis": { "workingHours": { "start": "18:00", "end": "09:00", "days": ["mon", "fry"] } }\n}\n');
    const result = await run(['validate', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(result.stdout).findings.map((f: { line: number; column: number; message: string }) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '2:85 `analysis.workingHours.days[1]` must be `mon`, `tue`, `wed`, `thu`, `fri`, `sat` or `sun`, not `fry`; did you mean `fri`?',
    ]);
    writeFileSync(join(dir, 'hindsight.config.json'), '{\n  "analysis": { "workingHours": { "start": "18:00", "end": "09:00" } }\n}\n');
    const order = await run(['validate', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(order.stdout).findings.map((f: { line: number; column: number; message: string }) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '2:60 `analysis.workingHours.end` is `09:00`, which must be later than `start` (18:00): working hours end on the day they start',
    ]);
  });

  test('a broken config is reported with positions', async () => {
    const result = await run(['validate', '--format', 'json'], { cwd: join(CONFIGS, 'broken') });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).findings.map((f: { line: number; column: number; message: string }) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '3:3 unknown field `requiredSection`; did you mean `requiredSections`?',
      '4:35 `requiredSections[1]` must be a section name or a list of alternative names',
    ]);
  });
});

test.each(['validate', 'analyze', 'new', 'schema'])('`%s --help` prints that command’s usage and exits 0, whatever else is given', async (command) => {
  for (const args of [[command, '--help'], [command, '--incidents', 'nowhere', '-h'], [command, '--fast', '--help']]) {
    const result = await run(args);
    expect(result, args.join(' ')).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(new RegExp(`^Usage: hindsight ${command} \\[options\\]\\n\\n  ${command} `));
    expect(result.stdout).toContain('Exit codes: 0 valid');
  }
  // After `--`, `--help` is a path, not a request.
  expect((await run([command, '--', '--help'])).stdout).not.toMatch(/^Usage:/);
});
