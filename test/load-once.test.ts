import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { loadProject } from '../src/lib/index.ts';
import { settleWorker } from '../src/lib/load/parallel.ts';
import { NOW } from './helpers.ts';

// Counts the reads of each file the load makes; every other call goes through unchanged.
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  return { ...real, readFileSync: vi.fn(real.readFileSync) };
});

const VALID = join(import.meta.dirname, 'fixtures/validate/valid/incidents');

describe('each file is read and validated once', () => {
  class FakeWorker extends EventEmitter {
    terminated = 0;
    terminate() { this.terminated++; }
  }
  const ANSWER = [{ index: { id: 'a', file: 'a.md', links: [] }, diagnostics: [] }];

  test('a worker that answered and exited is not redone on this thread', async () => {
    const worker = new FakeWorker();
    const fallback = vi.fn(() => []);
    const settled = settleWorker(worker, fallback);
    worker.emit('message', ANSWER);
    worker.emit('exit');
    expect(await settled).toBe(ANSWER);
    expect([fallback.mock.calls.length, worker.terminated]).toEqual([0, 1]);
  });

  test.each(['error', 'exit'])('a worker that fails with %s before answering is redone once on this thread', async (event) => {
    const worker = new FakeWorker();
    const fallback = vi.fn(() => ANSWER);
    const settled = settleWorker(worker, fallback);
    worker.emit(event);
    worker.emit('exit');
    expect(await settled).toBe(ANSWER);
    expect(fallback.mock.calls.length).toBe(1);
  });

  test('thousands of unknown ids in one file: every one placed, the file read once for them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-related-'));
    cpSync(VALID, dir, { recursive: true });
    const file = join(dir, '2025-08-01-published.md');
    const ids = Array.from({ length: 4000 }, (_, i) => `x${i}`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('services: [orders-db]', `services: [orders-db]\nrelated:\n${ids.map((id) => `  - ${id}`).join('\n')}`));
    const reads = vi.mocked(fs.readFileSync);
    reads.mockClear();
    const result = await loadProject({ incidentsDir: dir, cwd: dir, now: NOW, threads: 1 });
    const unknown = result.diagnostics.filter((d) => d.rule === 'unknown-incident');
    expect(unknown).toHaveLength(4000);
    expect(unknown.map((d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn}`)).toEqual(ids.map((id, i) => `${11 + i}:5-${11 + i}:${5 + id.length}`));
    expect(unknown[0]!.message).toBe('`related` names `x0`, but no incident has that id: use the file name of an existing postmortem, without `.md`');
    // Once to validate it, once to place the findings across files.
    expect(reads.mock.calls.filter(([path]) => path === file)).toHaveLength(2);
  });
});
