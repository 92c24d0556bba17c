import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { IncidentFileResult } from '../validate/incident-file.ts';
import { validateFiles, type FileContext } from './validate-files.ts';

/**
 * Below this many files a worker's start-up (loading zod, yaml and satteri again, ~150 ms) costs
 * more than it saves.
 */
const MIN_FILES_PER_THREAD = 400;

/** The events of a worker that `settleWorker` listens to. */
export interface WorkerEvents {
  once(event: 'message', listener: (results: IncidentFileResult[]) => void): unknown;
  once(event: 'error' | 'exit', listener: () => void): unknown;
  terminate(): unknown;
}

/**
 * The results of a worker: its answer, or, if it fails before answering (a bundler moved the
 * module, a sandbox forbids threads), `fallback`'s, computed on this thread. The fallback runs
 * only then: a worker that answered exits too, and its files must not be validated again.
 */
export function settleWorker(worker: WorkerEvents, fallback: () => IncidentFileResult[]): Promise<IncidentFileResult[]> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (results: () => IncidentFileResult[]) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      resolve(results());
    };
    worker.once('message', (results) => settle(() => results));
    worker.once('error', () => settle(fallback));
    worker.once('exit', () => settle(fallback));
  });
}

function runWorker(paths: string[], ctx: FileContext): Promise<IncidentFileResult[]> {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: { paths, ctx } });
  return settleWorker(worker, () => validateFiles(paths, ctx));
}

/**
 * Validates files on every core: this thread takes one share, a worker each of the others.
 * Shares are interleaved (file i goes to share i mod n) so each gets a similar mix of sizes,
 * and results come back in the order of `paths`.
 */
export async function validateInParallel(paths: readonly string[], ctx: FileContext, threads = availableParallelism()): Promise<IncidentFileResult[]> {
  const n = Math.max(1, Math.min(threads, Math.floor(paths.length / MIN_FILES_PER_THREAD)));
  if (n === 1) return validateFiles(paths, ctx);
  const shares: string[][] = Array.from({ length: n }, () => []);
  paths.forEach((path, i) => {
    shares[i % n]!.push(path);
  });
  const pending = shares.slice(1).map((share) => runWorker(share, ctx));
  const results: IncidentFileResult[][] = [validateFiles(shares[0]!, ctx), ...(await Promise.all(pending))];
  return paths.map((_, i) => results[i % n]![Math.floor(i / n)]!);
}
