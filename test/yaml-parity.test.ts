import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { splitFrontmatter } from '../src/lib/parse/frontmatter.ts';
import { LineIndex } from '../src/lib/parse/line-index.ts';

const REPO = join(import.meta.dirname, '..');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).map((f) => join(dir, f));
}

// js-yaml gives the data and the yaml package the positions: on every file we ship or test
// with, the two must read the same values, or a finding could point at a value nobody wrote.
test('js-yaml and the yaml package read every frontmatter alike', () => {
  const files = [...markdownFiles(join(REPO, 'test/fixtures')), ...markdownFiles(join(REPO, 'incidents'))];
  let compared = 0;
  for (const path of files) {
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    const split = splitFrontmatter(path, text, new LineIndex(text));
    if (!split.yaml || split.diagnostics.length) continue;
    expect(split.yaml.data, path).toEqual(split.yaml.document().toJS());
    compared++;
  }
  expect(compared).toBeGreaterThan(30);
});
