import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadProject } from '../src/lib/index.ts';
import { exampleNotices, NOW } from './helpers.ts';

const REPO = join(import.meta.dirname, '..');
const EXAMPLES = join(REPO, 'incidents');

/** A copy of the bundled examples in which one file's text is changed. */
function brokenCopy(file: string, change: (text: string) => string) {
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-examples-'));
  cpSync(EXAMPLES, dir, { recursive: true });
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(path, after);
  return { dir, text: after };
}

/** 1-based line and column of the first occurrence of `needle`. */
function positionOf(text: string, needle: string) {
  const offset = text.indexOf(needle);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

const published = readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.md') && !f.split('/').at(-1)!.startsWith('_'))
  .filter((f) => /^status: published$/m.test(readFileSync(join(EXAMPLES, f), 'utf8')))
  .sort();

describe('the bundled examples', () => {
  test('validate without errors or warnings', async () => {
    const result = await loadProject({ incidentsDir: EXAMPLES, cwd: REPO, now: NOW });
    expect(result.diagnostics).toEqual(exampleNotices());
    expect(result.files).toBeGreaterThanOrEqual(31);
    expect(published.length).toBeGreaterThan(20);
  });

  test('validating without building the models finds the same, and builds none', async () => {
    const { dir } = brokenCopy(published[0]!, (t) => t.replace(/^started_at: (.{16}).*$/m, 'started_at: $1'));
    const full = await loadProject({ incidentsDir: dir, cwd: dir, now: NOW });
    const lean = await loadProject({ incidentsDir: dir, cwd: dir, now: NOW, incidents: false });
    expect(full.diagnostics.length).toBeGreaterThan(0);
    expect(lean.diagnostics).toEqual(full.diagnostics);
    expect([full.incidents.length, lean.incidents.length]).toEqual([33, 0]);
  });

  test.each(published.slice(0, 5))('a typo in a service of %s is found at its line and column', async (file) => {
    const { dir, text } = brokenCopy(file, (t) => t.replace(/^(services: \[|services:\n {2}- )([a-z-]+)/m, '$1$2x'));
    const typo = /^(?:services: \[|services:\n {2}- )([a-z-]+x)/m.exec(text)![1]!;
    const result = await loadProject({ incidentsDir: dir, cwd: dir, now: NOW });
    expect(result.diagnostics.map(({ file: f, line, column, rule }) => ({ f, line, column, rule }))).toEqual([
      { f: file, ...positionOf(text, `${typo}`), rule: 'unknown-service' },
      ...exampleNotices('.').map(({ file: f, line, column, rule }) => ({ f: f.slice(2), line, column, rule })),
    ]);
  });

  test.each(published.slice(0, 5))('a timestamp without its offset in %s is found at its line and column', async (file) => {
    const { dir, text } = brokenCopy(file, (t) => t.replace(/^(started_at: "?\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?)(Z|[+-]\d\d:\d\d)/m, '$1'));
    const result = await loadProject({ incidentsDir: dir, cwd: dir, now: NOW });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors[0]).toMatchObject({ file, line: positionOf(text, '\nstarted_at: ').line + 1, column: 13, rule: 'timestamp-without-offset' });
  });
});

describe('the npm scripts a user runs', () => {
  // npm scripts run the package's own bin by path: npm links no bin of the root package.
  test.each([
    { script: 'validate', args: [], last: '✔ 0 errors, 0 warnings, 3 notices in 37 files' },
    { script: 'analyze', args: ['--as-of', '2026-11-25', '--no-color'], first: 'Hindsight analysis as of 2026-11-25' },
  ])('npm run $script works on the examples', ({ script, args, last, first }) => {
    const child = spawnSync('npm', ['run', '--silent', script, '--', ...args], { cwd: REPO, encoding: 'utf8' });
    expect(child.status).toBe(0);
    const lines = child.stdout.trimEnd().split('\n');
    if (last) expect(lines.at(-1)).toBe(last);
    if (first) expect(lines[0]).toBe(first);
  });
});

test('the complete example in docs/writing.md validates among the bundled incidents', async () => {
  const doc = readFileSync(join(REPO, 'docs/writing.md'), 'utf8');
  const example = /```markdown\n([\s\S]*?)\n```/.exec(doc)![1]!;
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-doc-example-'));
  cpSync(EXAMPLES, dir, { recursive: true });
  writeFileSync(join(dir, '2026-03-18-doc-example.md'), `${example}\n`);
  const result = await loadProject({ incidentsDir: dir, cwd: dir, now: NOW });
  expect(result.diagnostics).toEqual(exampleNotices('.').map((d) => ({ ...d, file: d.file.slice(2) })));
});
