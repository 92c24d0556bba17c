/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (colour on by default). */
  isTTY: boolean;
  /** Whether a person is at the terminal (stdin and stdout are TTYs): commands may ask questions. */
  interactive?: boolean;
  /** "Now" in epoch ms; the default is the real clock. */
  now?: number;
}

export const EXIT = { ok: 0, invalid: 1, failure: 2 } as const;
