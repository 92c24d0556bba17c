/**
 * `npm run bench`: validation speed and memory at scale, on this machine.
 *
 * The corpus is the bundled examples copied until there are N postmortems: real prose, real
 * frontmatter, every link remapped inside its copy. Each measurement runs in a fresh process so
 * start-up and peak memory are those a user sees. Prints a Markdown table for the README.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadProject } from '../src/lib/index.ts';

const REPO = join(import.meta.dirname, '..');
const EXAMPLES = join(REPO, 'incidents');

async function measure(dir: string, threads: number | undefined, only?: string) {
  const start = performance.now();
  const options: Parameters<typeof loadProject>[0] = { incidentsDir: dir, cwd: dir };
  if (threads) options.threads = threads;
  if (only) options.only = (path) => path === only;
  const result = await loadProject(options);
  const ms = performance.now() - start;
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  process.stdout.write(JSON.stringify({ ms, files: result.files, errors, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

function buildCorpus(count: number): { dir: string; bytes: number } {
  const dir = mkdtempSync(join(tmpdir(), `hindsight-bench-${count}-`));
  writeFileSync(join(dir, '_catalog.yaml'), readFileSync(join(EXAMPLES, '_catalog.yaml')));
  const examples = readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md') && !f.split('/').at(-1)!.startsWith('_'))
    .map((f) => ({ id: f.split('/').at(-1)!.slice(0, -3), text: readFileSync(join(EXAMPLES, f), 'utf8') }));
  const ids = examples.map((e) => e.id);
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const copy = Math.floor(i / examples.length);
    const example = examples[i % examples.length]!;
    // Every id in the text gets the copy's suffix, so links stay inside the copy and stay valid.
    const text = ids.reduce((t, id) => t.replaceAll(id, `${id}-c${copy}`), example.text);
    const path = join(dir, `c${copy % 100}`, `${example.id}-c${copy}.md`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    bytes += Buffer.byteLength(text);
  }
  return { dir, bytes };
}

function run(dir: string, threads: number, only?: string) {
  const args = [import.meta.filename, '--measure', dir, '--threads', String(threads), ...(only ? ['--only', only] : [])];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout) as { ms: number; files: number; errors: number; maxRssMb: number };
}

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    measure: { type: 'string' },
    threads: { type: 'string', default: '0' },
    only: { type: 'string' },
  },
});

if (values.measure) {
  await measure(values.measure, Number(values.threads) || undefined, values.only);
} else {
  const rows = ['| postmortems | avg size | validate (all cores) | files/s | one thread | one file of them | peak memory |', '|---|---|---|---|---|---|---|'];
  for (const size of values.sizes.split(',').map(Number)) {
    const { dir, bytes } = buildCorpus(size);
    const all = run(dir, 0);
    const one = run(dir, 1);
    const first = readdirSync(join(dir, 'c0')).sort()[0]!;
    const single = run(dir, 0, join(dir, 'c0', first));
    if (all.errors) throw new Error(`the corpus has ${all.errors} errors`);
    rows.push(`| ${size.toLocaleString('en')} | ${(bytes / size / 1024).toFixed(1)} KB | ${(all.ms / 1000).toFixed(1)} s | ${Math.round(size / (all.ms / 1000)).toLocaleString('en')} | ${(one.ms / 1000).toFixed(1)} s | ${(single.ms / 1000).toFixed(2)} s | ${Math.round(all.maxRssMb)} MB |`);
    process.stderr.write(`${size}: done\n`);
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`${rows.join('\n')}\n`);
}
