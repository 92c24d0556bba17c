/**
 * `npm run check:astro`: type-checks the `.astro` files, as `astro check` does, with the
 * project's own TypeScript. Each file is converted to TSX (Astro's converter, the one its editor
 * tooling uses) under `.astro-check/`, where `rootDirs` lets the relative imports resolve as from
 * `src/`; tsc checks them; errors are reported at their line and column in the `.astro` file.
 *
 *   npm run check:astro                          # src/
 *   npm run check:astro -- --src DIR --out DIR   # another folder (the tests check a broken one)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { convertToTsx, type ConvertToTsxResult } from '@astrojs/astro2tsx';

const REPO = join(import.meta.dirname, '..');
const { values } = parseArgs({ options: { src: { type: 'string', default: 'src' }, out: { type: 'string', default: '.astro-check' } } });
const SRC = resolve(REPO, values.src);
const OUT = resolve(REPO, values.out);
/** Where the converted files go: the same path under OUT as the sources under the repository. */
const MIRROR = join(OUT, relative(REPO, SRC));

/** 1-based line and column of an offset in a text. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let i = 1; i < line; i++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

/** Where a position of the generated TSX comes from in the `.astro` file, when it maps to one. */
function originalPosition(result: ConvertToTsxResult, source: string, line: number, column: number): string | undefined {
  const at = offsetOf(result.code, line, column);
  for (const [start, length, originalStart] of result.mappings) {
    if (at >= start && at <= start + length) return lineColumn(source, originalStart + Math.min(at - start, length));
  }
  return undefined;
}

rmSync(OUT, { recursive: true, force: true });
const converted = new Map<string, { source: string; text: string; result: ConvertToTsxResult }>();
let parseErrors = 0;
for (const file of readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.astro')).sort()) {
  const path = join(SRC, file);
  const source = readFileSync(path, 'utf8');
  const result = convertToTsx(source, { filename: path, ambientTypes: true });
  for (const d of result.diagnostics) {
    process.stderr.write(`${relative(REPO, path)}:${lineColumn(source, d.position.start)} ${d.message}\n`);
    parseErrors++;
  }
  const target = join(MIRROR, `${file}.tsx`);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, result.code);
  converted.set(relative(REPO, target), { source: relative(REPO, path), text: source, result });
}
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'tsconfig.json'), JSON.stringify({
  extends: join(REPO, 'tsconfig.json'),
  compilerOptions: { rootDirs: [SRC, MIRROR] },
  include: [MIRROR, join(REPO, 'src/env.d.ts')],
  // The root config leaves this folder out of the plain type check.
  exclude: [],
}));

const tsc = spawnSync(join(REPO, 'node_modules/.bin/tsc'), ['-p', join(OUT, 'tsconfig.json'), '--pretty', 'false'], { cwd: REPO, encoding: 'utf8' });
// tsc reports `file(line,col): error TS…: message`; generated files are reported at their source.
const report = tsc.stdout.replace(/^([^(\n]+\.astro\.tsx)\((\d+),(\d+)\)/gm, (whole, file: string, line: string, column: string) => {
  const entry = converted.get(file);
  const at = entry && originalPosition(entry.result, entry.text, Number(line), Number(column));
  return entry && at ? `${entry.source}:${at}` : whole;
});
process.stdout.write(report);
process.stderr.write(tsc.stderr);
if (tsc.status === 0 && parseErrors === 0) process.stdout.write(`${converted.size} .astro files type-check\n`);
process.exitCode = tsc.status === 0 && parseErrors === 0 ? 0 : 1;
