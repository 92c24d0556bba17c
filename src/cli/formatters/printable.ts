/**
 * Characters that act on a terminal or a CI log instead of showing: C0 and C1 controls (ESC starts
 * colour and OSC sequences, BEL rings, a line break starts a line that GitHub Actions reads as a
 * workflow command), DEL, line and paragraph separators, and the bidirectional overrides and
 * isolates that make text read other than it is.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it escapes
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it escapes
const UNSAFE_BUT_LINE_BREAKS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escaped(char: string): string {
  const code = char.codePointAt(0)!;
  return NAMED[char] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/**
 * Text from a postmortem or a file name as it may be printed: every character that could act on
 * the terminal or the log is shown as an escape (`\x1b`, `\n`) instead. Values are untrusted: a
 * title must not colour, clear or rewrite what the reader sees, nor forge a log line.
 */
export function printable(text: string, options: { lineBreaks?: 'escape' | 'keep' } = {}): string {
  return text.replace(options.lineBreaks === 'keep' ? UNSAFE_BUT_LINE_BREAKS : UNSAFE, escaped);
}
