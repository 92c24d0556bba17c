import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { generateCorpus } from '../scripts/generate.ts';
import { analyze, loadProject } from '../src/lib/index.ts';
import { NOW } from './helpers.ts';

const COUNT = 300;
const made: string[] = [];

function generate(seed: number): string {
  const out = mkdtempSync(join(tmpdir(), 'hindsight-generate-'));
  made.push(out);
  generateCorpus({ count: COUNT, seed, out, start: '2024-01-01', months: 30 });
  return out;
}

/** Every file of a folder by its relative path, in a stable order. */
function contents(dir: string): [string, string][] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md') || f.endsWith('.yaml'))
    .sort()
    .map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
}

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('the synthetic corpus generator', () => {
  const first = generate(7);
  const files = contents(first);

  test('writes postmortems that validate without errors', async () => {
    const result = await loadProject({ incidentsDir: first, cwd: first, now: NOW });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.files).toBe(COUNT + 1);
    expect(files.map(([f]) => f)).toContain('_catalog.yaml');
    expect(files.filter(([f]) => /^\d{4}\/\d{4}-\d\d-\d\d-[a-z0-9-]+\.md$/.test(f))).toHaveLength(COUNT);
  });

  test('gives byte-identical files for the same seed', () => {
    expect(contents(generate(7))).toEqual(files);
  });

  test('gives different files for another seed', () => {
    expect(contents(generate(8))).not.toEqual(files);
  });

  test('plants explicit recurrences of earlier incidents', () => {
    const ids = new Set(files.map(([f]) => f.split('/').at(-1)!.replace(/\.md$/, '')));
    const links = files.flatMap(([f, text]) => {
      const target = /^recurrence_of: (.+)$/m.exec(text)?.[1];
      return target ? [{ id: f.split('/').at(-1)!.replace(/\.md$/, ''), target }] : [];
    });
    expect(links.length).toBeGreaterThan(5);
    for (const { id, target } of links) {
      expect(ids.has(target)).toBe(true);
      expect(target.slice(0, 10) < id.slice(0, 10)).toBe(true);
    }
  });

  test('the analysis finds every planted explicit recurrence, and preventable ones', async () => {
    const result = await loadProject({ incidentsDir: first, cwd: first, now: NOW });
    const analysis = analyze(result.incidents, result.catalog!, { asOf: '2026-11-01' });
    const drafts = new Set(analysis.scope.leftOut.draft);
    // A link from or to a draft is not analysed: drafts are left out.
    const planted = files.filter(([f, text]) => {
      const target = /^recurrence_of: (.+)$/m.exec(text)?.[1];
      return target !== undefined && !drafts.has(target) && !drafts.has(f.split('/').at(-1)!.replace(/\.md$/, ''));
    });
    expect(analysis.recurrence.links).toHaveLength(planted.length);
    expect(analysis.recurrence.preventable.length).toBeGreaterThan(0);
  });
});
