import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadConfiguredProject } from '../src/lib/index.ts';
import { NOW } from './helpers.ts';

/**
 * Hostile and broken files, each folder a case like test/fixtures/validate/: an `incidents/`
 * folder (and maybe a `hindsight.config.json`) and `expected.json`, the exact findings.
 * `UPDATE=1 npm test` rewrites the expectations; review the diff before committing it.
 */
const ROOT = join(import.meta.dirname, 'fixtures/security');
const CASES = readdirSync(ROOT).sort();

const format = (d: { file: string; line: number; column: number; severity: string; rule: string; message: string }) =>
  `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}: ${d.message}`;

describe('hostile files', () => {
  for (const name of CASES) {
    test(name, async () => {
      const dir = join(ROOT, name);
      const result = await loadConfiguredProject({ cwd: dir, now: NOW });
      const actual = { files: result.files, valid: result.incidents.map((i) => i.id), findings: result.diagnostics.map(format) };
      const expectedFile = join(dir, 'expected.json');
      if (process.env.UPDATE) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
    });
  }
});
