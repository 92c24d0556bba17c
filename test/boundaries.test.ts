import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const LIB = join(import.meta.dirname, '../src/lib');

/** The module specifiers a file imports or re-exports, dynamic imports included. */
function specifiers(source: string): string[] {
  const code = withoutComments(source);
  return [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(['"])([^'"]+)\1/g)].map((m) => m[2]!);
}

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\])\/\/.*$/gm, '$1');
}

/** Uses of the process or the console: the core returns values and never reaches for either. */
function ambientUses(source: string): string[] {
  return [...withoutComments(source).matchAll(/\b(?:globalThis\s*\.\s*)?(process|console)\s*(?:\.|\[)/g)].map((m) => m[1]!);
}

/** What a file of the core may not import: Astro, and the CLI, the site and the pages built on it. */
function forbidden(file: string, specifier: string): string | undefined {
  if (/^(astro|@astrojs\/)/.test(specifier) || specifier === 'astro') return 'Astro';
  if (/^(node:)?(process|console)$/.test(specifier)) return 'the process or the console';
  if (!specifier.startsWith('.')) return undefined;
  const target = relative(LIB, resolve(dirname(file), specifier));
  return target.startsWith('..') ? `${relative(join(LIB, '..'), resolve(dirname(file), specifier))}, outside src/lib` : undefined;
}

const files = readdirSync(LIB, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join(LIB, f)).sort();

describe('the core (src/lib) stands alone', () => {
  test('the checks see what they look for', () => {
    const sample = "import { a } from '../../cli/main.ts';\nexport * from './x.ts';\nconst m = await import('astro/config');\n// import { b } from 'astro';\nprocess.exit(1); console.log(2); globalThis.process.env.X;\nconst processing = 1;";
    expect(specifiers(sample)).toEqual(['../../cli/main.ts', './x.ts', 'astro/config']);
    expect(ambientUses(sample)).toEqual(['process', 'console', 'process']);
    expect(forbidden(join(LIB, 'load/project.ts'), '../../cli/main.ts')).toBe('cli/main.ts, outside src/lib');
    expect(forbidden(join(LIB, 'load/project.ts'), '../site/data.ts')).toBeUndefined();
    expect(forbidden(join(LIB, 'load/project.ts'), 'astro/config')).toBe('Astro');
  });

  test.each(files.map((f) => [relative(LIB, f), f]))('%s imports nothing from Astro, the CLI, the site or the pages, and uses no process or console', (_, file) => {
    const source = readFileSync(file, 'utf8');
    expect(specifiers(source).flatMap((s) => { const why = forbidden(file, s); return why ? [`${s}: ${why}`] : []; })).toEqual([]);
    expect(ambientUses(source)).toEqual([]);
  });
});
