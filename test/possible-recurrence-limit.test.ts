import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { PROFILED_UP_TO } from '../src/lib/index.ts';
import { runCli } from './helpers.ts';

const REPO = join(import.meta.dirname, '..');
const FILLER = readFileSync(join(REPO, 'incidents/2025/2025-01-14-legacy-monolith-memory-leak.md'), 'utf8');
const ORIGIN = readFileSync(join(REPO, 'incidents/2025/2025-01-28-reports-disk-full.md'), 'utf8');
/** The same outage a week later, being written: validate suggests it repeats the first. */
const DRAFT = ORIGIN.replace('status: published', 'status: draft').replaceAll('2025-01-28T', '2025-02-04T');
const made = mkdtempSync(join(tmpdir(), 'hindsight-limit-'));
afterAll(() => rmSync(made, { recursive: true, force: true }));

/** A folder of `count` postmortems: an outage, the draft that repeats it, and copies of an unrelated one. */
function folder(count: number): string {
  const dir = join(made, String(count), 'incidents');
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(REPO, 'incidents/_catalog.yaml'), join(dir, '_catalog.yaml'));
  for (let i = 0; i < count - 2; i++) writeFileSync(join(dir, `2025-01-14-legacy-monolith-memory-leak-${i}.md`), FILLER);
  writeFileSync(join(dir, '2025-01-28-reports-disk-full.md'), ORIGIN);
  writeFileSync(join(dir, '2025-02-04-reports-disk-full-again.md'), DRAFT);
  return join(dir, '..');
}

test(`validate looks for possible recurrences in a folder of ${PROFILED_UP_TO.toLocaleString('en')} postmortems, and says when it does not beyond`, async () => {
  const at = await runCli(['validate', '--format', 'json'], { cwd: folder(PROFILED_UP_TO) });
  const found = JSON.parse(at.stdout) as { files: number; findings: { file: string; rule: string }[] };
  expect([at.code, at.stderr, found.files]).toEqual([0, '', PROFILED_UP_TO + 1]);
  expect(found.findings.map((f) => `${f.file} ${f.rule}`)).toEqual(['incidents/2025-02-04-reports-disk-full-again.md possible-recurrence']);

  const beyond = await runCli(['validate', '--format', 'json'], { cwd: folder(PROFILED_UP_TO + 1) });
  const skipped = JSON.parse(beyond.stdout) as { files: number; findings: unknown[] };
  expect([beyond.code, skipped.files, skipped.findings]).toEqual([0, PROFILED_UP_TO + 2, []]);
  expect(beyond.stderr).toBe('hindsight: possible recurrences are not looked for in a folder of more than 5,000 postmortems; `hindsight analyze` lists them\n');
}, 120_000);
