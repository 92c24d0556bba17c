import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadProject } from '../src/lib/index.ts';

/**
 * Each folder in test/fixtures/validate/ is a case: an `incidents/` folder and `expected.json`,
 * the exact findings and the ids of the incidents that came out valid. `UPDATE=1 npm test`
 * rewrites the expectations; review the diff before committing it.
 */
const ROOT = join(import.meta.dirname, 'fixtures/validate');
import { NOW } from './helpers.ts';

describe('validation fixtures', () => {
  for (const name of readdirSync(ROOT).sort()) {
    test(name, async () => {
      const dir = join(ROOT, name);
      const result = await loadProject({ incidentsDir: join(dir, 'incidents'), cwd: dir, now: NOW });
      const actual = {
        files: result.files,
        valid: result.incidents.map((i) => i.id),
        findings: result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}: ${d.message}`),
      };
      const expectedFile = join(dir, 'expected.json');
      if (process.env.UPDATE) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
    });
  }
});
