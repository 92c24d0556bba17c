import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const REPO = join(import.meta.dirname, '..');

function build(incidents: string) {
  const outDir = join(mkdtempSync(join(tmpdir(), 'hindsight-site-')), 'dist');
  const child = spawnSync(process.execPath, [join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, HINDSIGHT_INCIDENTS: incidents, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  });
  return { ...child, outDir };
}

test('a build with an invalid postmortem prints the findings and publishes nothing', () => {
  const result = build('test/fixtures/validate/mixed/incidents');
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('test/fixtures/validate/mixed/incidents/2025-03-09-bad.md\n  2:8    error    `title` must be at least 5 characters');
  expect(result.stderr).toContain('✖ 14 errors, 0 warnings in 3 files');
  expect(existsSync(result.outDir)).toBe(false);
}, 120_000);

test('a valid folder builds, and the site lists its published postmortems only', () => {
  const result = build('test/fixtures/validate/valid/incidents');
  expect(result.status).toBe(0);
  const html = readFileSync(join(result.outDir, 'index.html'), 'utf8');
  expect(html).toContain('Checkout failed while orders-db was saturated');
  expect(html).not.toContain('Draft about the search outage');
}, 120_000);
