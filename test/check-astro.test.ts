import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';

const REPO = join(import.meta.dirname, '..');

test('a renamed field or a wrong prop in an .astro file fails the check, at its line in that file', () => {
  const out = relative(REPO, mkdtempSync(join(REPO, 'node_modules/.astro-check-test-')));
  const result = spawnSync(process.execPath, ['scripts/check-astro.ts', '--src', 'test/fixtures/astro-check/src', '--out', out], { cwd: REPO, encoding: 'utf8' });
  rmSync(join(REPO, out), { recursive: true, force: true });
  expect(result.status, result.stderr).toBe(1);
  const errors = result.stdout.split('\n').filter((line) => line.includes(': error TS'));
  expect(errors.map((line) => line.replace(/: error (TS\d+): .*/, ' $1'))).toEqual([
    'test/fixtures/astro-check/src/components/Card.astro:9:25 TS2551',
    'test/fixtures/astro-check/src/pages/index.astro:6:7 TS2322',
  ]);
  expect(errors[0]).toContain("Property 'titel' does not exist on type 'CardView'. Did you mean 'title'?");
}, 60_000);
