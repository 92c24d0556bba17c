/**
 * `npm run bench -- --worst`: each of the worst single files (worst-files.ts) among the bundled
 * postmortems, validated alone and analysed with the others, each in a fresh process. The target:
 * under 2 s each, for any file under the size limit.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { worstFiles } from './worst-files.ts';

interface Measurement { validateMs: number; analyzeMs?: number; validateCpuMs: number; analyzeCpuMs?: number; errors: number; files: number }
type Run = (dir: string, mode: 'validate' | 'analyze', threads: number, only?: string) => Measurement;

export function benchWorst(run: Run, incidents: string): string {
  const seconds = (ms: number | undefined) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`);
  const both = (wall: number | undefined, cpu: number | undefined) => (wall === undefined ? '—' : `${seconds(wall)} (${seconds(cpu)})`);
  const rows = [
    '| file | size | errors | validate the file alone: wall (CPU) | analyse it with the 33 bundled: wall (CPU) |',
    '|---|---|---|---|---|',
  ];
  const baseline = mkdtempSync(join(tmpdir(), 'hindsight-worst-'));
  cpSync(incidents, baseline, { recursive: true });
  const before = run(baseline, 'analyze', 1);
  rows.push(`| (the bundled postmortems only) | | ${before.errors} | | ${both(before.analyzeMs, before.analyzeCpuMs)} |`);
  rmSync(baseline, { recursive: true, force: true });
  for (const worst of worstFiles()) {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-worst-'));
    cpSync(incidents, dir, { recursive: true });
    const path = join(dir, '2026', '2026-06-01-worst.md');
    writeFileSync(path, worst.text);
    const alone = run(dir, 'validate', 1, path);
    const analysed = worst.valid ? run(dir, 'analyze', 1) : undefined;
    if (worst.valid !== (alone.errors === 0)) throw new Error(`${worst.name}: expected ${worst.valid ? 'no errors' : 'errors'}, got ${alone.errors}`);
    const kb = Math.round(Buffer.byteLength(worst.text) / 1024).toLocaleString('en');
    rows.push(`| ${worst.name} | ${kb} KB | ${alone.errors} | ${both(alone.validateMs, alone.validateCpuMs)} | ${both(analysed?.analyzeMs, analysed?.analyzeCpuMs)} |`);
    process.stderr.write(`${worst.name}: measured\n`);
    rmSync(dir, { recursive: true, force: true });
  }
  return `${rows.join('\n')}\n`;
}
