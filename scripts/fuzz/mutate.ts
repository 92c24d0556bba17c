/**
 * Mutants of real postmortems for the fuzz campaign (`npm run fuzz`) and the fuzz test: byte
 * flips, control characters, lines duplicated, deleted or swapped, and the hostile insertions that
 * once broke a run (another frontmatter language, lone carriage returns, unresolved or exponential
 * aliases, deep nesting, inputs that made a parser or a regular expression quadratic).
 */
import type { Rng } from '../generate/random.ts';

export interface Mutant {
  bytes: Uint8Array;
  /** What was done, for the report: `opener:---js`, `body:quotes×4000`… */
  kinds: string[];
}

/** A size from 1 to `max`, evenly spread over orders of magnitude: mostly small, sometimes huge. */
function size(rng: Rng, max: number): number {
  return Math.max(1, Math.floor(Math.exp(rng.next() * Math.log(max))));
}

const OPENERS = ['---js', '---javascript', '---coffee', '---json', '---yaml', '--- # comment', '----', '--- {title: x}', ' ---', '---\t', '---js ', '--- js'];
const CONTROL = ['\0', '\x01', '\x08', '\x0b', '\x0c', '\x1b', '\x7f', '\r', '\t', '\u0085', '\u00a0', '\u2028', '\u2029', '\ufeff', '\ud83d\ude00', '\ufffd'];

/** Hostile YAML, each built for a size `n`; inserted after the opening `---`. */
const YAML_INSERTS: Record<string, (n: number) => string> = {
  'unresolved-alias': () => 'title: *nope',
  'duplicate-key': () => 'status: draft\nstatus: published',
  aliases: (n) => `anchor_here: &a x\n${Array.from({ length: Math.min(n, 5000) }, (_, i) => `alias_${i}: *a`).join('\n')}`,
  laughs: (n) => {
    const levels = Math.min(2 + Math.floor(Math.log2(n + 1)), 30);
    const lines = ['l0: &l0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < levels; i++) lines.push(`l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
    return lines.join('\n');
  },
  'self-alias': () => 'tags: &t [a, *t]',
  'flow-brackets': (n) => `services: [a]${'['.repeat(n)}`,
  'flow-maps': (n) => `impact: ${'{a: '.repeat(n)}1${'}'.repeat(n)}`,
  'block-sequences': (n) => `tags:\n  ${'- '.repeat(n)}x`,
  'indented-maps': (n) => `${Array.from({ length: Math.min(n, 1400) }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} x`,
  'blank-lines': (n) => `title: x${'\n'.repeat(n)}`,
  'unknown-keys': (n) => Array.from({ length: Math.min(n, 60_000) }, (_, i) => `unknown_${i}: ${i}`).join('\n'),
  dots: (n) => `contributing_factors: ["${'.'.repeat(n)}x"]`,
  'long-title': (n) => `title: "${'a'.repeat(n)}"`,
  'escaped-quotes': (n) => `title: "${'x\\'.repeat(n)}"`,
  tab: () => 'impact:\n\tsummary: x',
  tags: () => 'title: !!js/function "function () { return 1 }"\nx: !<tag:yaml.org,2002:js/undefined> ""\ny: !!binary aGVsbG8=',
  merge: () => 'base: &b {a: 1}\nmerged:\n  <<: *b',
  'complex-key': () => '? [a, b]\n: c',
  'year-0000': () => 'started_at: 0000-01-01T00:00:00Z',
  'year-1000': () => 'started_at: 1000-01-01T00:00:00Z',
  proto: () => '__proto__: {polluted: true}\nconstructor: x',
  'no-status': () => 'status:',
};

/** Characters repeated inside a line: whitespace, punctuation patterns trim, Markdown and YAML markers, a letter. */
const RUN_CHARACTERS = [' ', '\t', '.', ',', ':', '#', '-', '*', '_', '`', '>', '<', '[', '(', '"', "'", '\\', '|', '!', 'a', 'é'];

/** Hostile Markdown, each built for a size `n`; inserted between two body lines. */
const BODY_INSERTS: Record<string, (n: number) => string> = {
  quotes: (n) => '>'.repeat(n),
  'list-markers': (n) => `${'- '.repeat(n)}x`,
  'ordered-markers': (n) => `${'1. '.repeat(n)}x`,
  'non-ascii-lt': (n) => `é ${'<'.repeat(n)}`,
  underscores: (n) => `a ${'_a'.repeat(n)}`,
  emphasis: (n) => `${'*a '.repeat(n)}x${' a*'.repeat(n)}`,
  brackets: (n) => '['.repeat(n),
  images: (n) => `${'!['.repeat(n)}x${'](u)'.repeat(n)}`,
  divs: (n) => '<div>'.repeat(n),
  plaintext: () => '<plaintext>\n\n**bold**',
  'unclosed-script': () => '<script>alert(1)',
  'unclosed-comment': () => '<!-- never closed',
  'unclosed-fence': () => '```js\nconst x = 1;',
  emails: (n) => 'a@b.c '.repeat(n),
  table: (n) => `| a | b |\n|---|---|\n${'| x | y |\n'.repeat(n)}`,
  emoji: (n) => '😀'.repeat(n),
  'long-line': (n) => 'word '.repeat(n),
  entities: (n) => '&#x0;&amp;&#xFFFFFF;'.repeat(n),
  'nested-lists': (n) => Array.from({ length: Math.min(n, 1400) }, (_, i) => `${'  '.repeat(i)}- x`).join('\n'),
};

function lines(text: string): string[] {
  return text.split('\n');
}

/** Index of the closing `---` line, or -1. */
function closingLine(all: string[]): number {
  for (let i = 1; i < all.length; i++) if (all[i]!.replace(/\r$/, '') === '---') return i;
  return -1;
}

type Operator = (text: string, rng: Rng, scale: number) => { text: string; kind: string };

const OPERATORS: Record<string, Operator> = {
  duplicateLine(text, rng) {
    const all = lines(text);
    const i = rng.int(0, all.length - 1);
    all.splice(i, 0, all[i]!);
    return { text: all.join('\n'), kind: `duplicate-line:${i + 1}` };
  },
  deleteLine(text, rng) {
    const all = lines(text);
    const i = rng.int(0, all.length - 1);
    all.splice(i, 1);
    return { text: all.join('\n'), kind: `delete-line:${i + 1}` };
  },
  swapLines(text, rng) {
    const all = lines(text);
    const i = rng.int(0, all.length - 1), j = rng.int(0, all.length - 1);
    [all[i], all[j]] = [all[j]!, all[i]!];
    return { text: all.join('\n'), kind: `swap-lines:${i + 1},${j + 1}` };
  },
  truncate(text, rng) {
    const at = rng.int(0, text.length);
    return { text: text.slice(0, at), kind: `truncate:${at}` };
  },
  controlCharacter(text, rng) {
    const at = rng.int(0, text.length);
    const c = rng.pick(CONTROL);
    return { text: text.slice(0, at) + c + text.slice(at), kind: `control:U+${c.codePointAt(0)!.toString(16).padStart(4, '0')}` };
  },
  opener(text, rng) {
    const opener = rng.pick(OPENERS);
    return { text: text.replace(/^---/, opener), kind: `opener:${opener}` };
  },
  lineEndings(text, rng) {
    const style = rng.pick(['cr', 'crlf', 'mixed']);
    const replaced = style === 'cr' ? text.replace(/\n/g, '\r') : style === 'crlf' ? text.replace(/\n/g, '\r\n') : text.replace(/\n/g, () => (rng.chance(0.3) ? '\r' : '\n'));
    return { text: replaced, kind: `line-endings:${style}` };
  },
  dropClosing(text) {
    const all = lines(text);
    const closing = closingLine(all);
    if (closing !== -1) all.splice(closing, 1);
    return { text: all.join('\n'), kind: 'drop-closing' };
  },
  yaml(text, rng, scale) {
    const name = rng.pick(Object.keys(YAML_INSERTS));
    const n = size(rng, scale);
    const all = lines(text);
    const closing = Math.max(1, closingLine(all));
    all.splice(rng.int(1, closing), 0, YAML_INSERTS[name]!(n));
    return { text: all.join('\n'), kind: `yaml:${name}×${n}` };
  },
  // A run of one character inside a line: where a pattern retries every run, time grows with its square.
  run(text, rng, scale) {
    const c = rng.pick(RUN_CHARACTERS);
    const n = size(rng, scale);
    const all = lines(text);
    const i = rng.int(0, all.length - 1);
    const at = rng.int(0, all[i]!.length);
    all[i] = all[i]!.slice(0, at) + c.repeat(n) + all[i]!.slice(at);
    return { text: all.join('\n'), kind: `run:${JSON.stringify(c)}×${n}@${i + 1}` };
  },
  body(text, rng, scale) {
    const name = rng.pick(Object.keys(BODY_INSERTS));
    const n = size(rng, scale);
    const all = lines(text);
    const closing = closingLine(all);
    all.splice(rng.int(closing + 1, all.length), 0, '', BODY_INSERTS[name]!(n), '');
    return { text: all.join('\n'), kind: `body:${name}×${n}` };
  },
};

/** How often each operator is drawn: hostile insertions most, since they find the most. */
const WEIGHTS: Record<string, number> = {
  duplicateLine: 2, deleteLine: 2, swapLines: 1, truncate: 1, controlCharacter: 2, opener: 1, lineEndings: 1, dropClosing: 1, run: 3, yaml: 5, body: 5,
};

/**
 * One mutant of a postmortem: one to three operators, then, one time in five, a few bytes flipped
 * (which may leave invalid UTF-8). `scale` bounds the size of hostile insertions.
 */
export function mutate(source: string, rng: Rng, scale: number): Mutant {
  const names = Object.keys(OPERATORS);
  const weights = names.map((n) => WEIGHTS[n] ?? 1);
  let text = source;
  const kinds: string[] = [];
  for (let i = rng.int(1, 3); i > 0; i--) {
    const step = OPERATORS[names[rng.weighted(weights)]!]!(text, rng, scale);
    text = step.text;
    kinds.push(step.kind);
  }
  const bytes = new TextEncoder().encode(text);
  if (rng.chance(0.2) && bytes.length > 0) {
    const flips = rng.int(1, 5);
    for (let i = 0; i < flips; i++) bytes[rng.int(0, bytes.length - 1)] = rng.int(0, 255);
    kinds.push(`flip-bytes:${flips}`);
  }
  return { bytes, kinds };
}
