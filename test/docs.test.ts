import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { RULES } from '../src/lib/index.ts';

const REPO = join(import.meta.dirname, '..');
const pages = ['README.md', ...readdirSync(join(REPO, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

test.each(pages)('every relative link in %s resolves', (page) => {
  const text = readFileSync(join(REPO, page), 'utf8');
  const links = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l));
  for (const link of links) expect(existsSync(join(REPO, dirname(page), link)), `${page} → ${link}`).toBe(true);
});

test('the README names every npm script it tells people to run', () => {
  const scripts = Object.keys(JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).scripts);
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  for (const [, script] of readme.matchAll(/npm run ([\w:-]+)/g)) expect(scripts).toContain(script);
});

test('docs/format.md lists every rule id the code reports, and no other', () => {
  const format = readFileSync(join(REPO, 'docs/format.md'), 'utf8');
  const table = format.slice(format.indexOf('## Every rule'), format.indexOf('\n## ', format.indexOf('## Every rule') + 1));
  const documented = [...table.matchAll(/^\| ([^|]+) \|/gm)].flatMap((m) => [...m[1]!.matchAll(/`([a-z-]+)`/g)].map((id) => id[1]!));
  expect([...new Set(documented)].sort()).toEqual(Object.keys(RULES).sort());
});
