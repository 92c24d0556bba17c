import { main } from '../src/cli/main.ts';

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
