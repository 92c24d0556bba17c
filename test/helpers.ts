import { Worker } from 'node:worker_threads';
import { main } from '../src/cli/main.ts';
import type { FileContext } from '../src/lib/load/validate-files.ts';
import type { IncidentFileResult } from '../src/lib/validate/incident-file.ts';

/** The pinned "now" of every test: after all fixtures, so none starts in the future by accident. */
export const NOW = Date.parse('2026-11-01T00:00:00Z');

/** Runs the CLI in-process, as from a script (no terminal), and captures what it prints. */
export async function runCli(args: string[], options: { cwd: string; env?: Record<string, string> }) {
  let stdout = '', stderr = '';
  const code = await main(args, {
    cwd: options.cwd,
    env: options.env ?? {},
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    isTTY: false,
    interactive: false,
    now: NOW,
  });
  return { code, stdout, stderr };
}

/** Output without the colours the report itself paints (SGR sequences such as `ESC[31m`). */
export function withoutColours(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the colours' ESC is what it removes
  return text.replace(/\u001b\[\d+m/g, '');
}

/** Characters that would act on a terminal or a CI log: controls but the line feed, DEL, C1, bidi overrides. */
export function actingCharacters(text: string): string[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding these is the point
  return [...text.matchAll(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g)].map((m) => m[0]);
}

/**
 * What validating the bundled examples reports: nothing but a notice on each of the two drafts
 * that still hold the `To be written.` that `hindsight new` puts in a section to write.
 * @param folder the incidents folder as findings name it.
 */
export function exampleNotices(folder = 'incidents') {
  return [
    { file: `${folder}/2026/2026-06-09-inventory-sync-draft.md`, line: 35, column: 1, rule: 'template-placeholder', severity: 'notice', message: 'one placeholder of the template is still here (line 35); replace it before the postmortem leaves draft' },
    { file: `${folder}/2026/2026-06-23-api-gateway-latency-draft.md`, line: 32, column: 1, rule: 'template-placeholder', severity: 'notice', message: 'one placeholder of the template is still here (line 32); replace it before the postmortem leaves draft' },
  ];
}

/** What a worker thread finds in these files, as `validate` runs it on several cores. */
export function validateInWorker(paths: string[], ctx: FileContext): Promise<IncidentFileResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../src/lib/load/worker.ts', import.meta.url), { workerData: { paths, ctx } });
    worker.once('message', (results: IncidentFileResult[]) => {
      void worker.terminate();
      resolve(results);
    });
    worker.once('error', reject);
  });
}
