/**
 * The most expensive single postmortems under the 1 MiB limit that we know how to write: the
 * inputs that once made a parser quadratic, and files built to sit just under each limit of
 * src/lib/parse/limits.ts, where the parsers do the most work they are allowed to. Valid ones
 * reach the analysis too. `npm run bench -- --worst` times each.
 */
import { LIMITS } from '../../src/lib/parse/limits.ts';

export interface WorstFile {
  name: string;
  text: string;
  /** Whether the file is meant to pass validation (and so to reach the analysis). */
  valid: boolean;
}

const FRONTMATTER = `title: Orders database ran out of connections at the lunch peak
status: published
severity: SEV2
started_at: 2025-03-18T12:31:00+01:00
detected_at: 2025-03-18T12:34:00+01:00
resolved_at: 2025-03-18T13:23:00+01:00
authors: [dana.k, sam.o]
services: [orders-db, payments-api]
root_causes: [missing-limits, capacity-exhaustion]
trigger: traffic-spike
contributing_factors:
  - No connection pooling
impact:
  summary: 35% of checkouts failed for 52 minutes.
  customer_facing: true
`;

const SECTIONS = `## Summary

Orders-db ran out of connections.

## Impact

Checkouts failed.

## Timeline

- 12:31 — Connections reach the limit.
- 13:23 — Resolved.

## Root cause

No pooling.

## Lessons learned

Pool connections.
`;

const BUDGET = LIMITS.fileBytes - 1024;

function file(frontmatter: string, body: string): string {
  return `---\n${frontmatter}---\n\n${SECTIONS}\n${body}`;
}

/** Lines of `line` up to `bytes` (UTF-8), joined by `separator`. */
function fill(line: string, bytes: number, separator = '\n'): string {
  const each = new TextEncoder().encode(line + separator).length;
  return Array.from({ length: Math.max(0, Math.floor(bytes / each)) }, () => line).join(separator);
}

/** Prose without ASCII punctuation: words only, so it costs nothing against the markup limits. */
const PLAIN = 'the pool of connections ran dry again while the cron jobs piled up on the replicas café naïve';

/** Realistic prose: links, emphasis, code, typographic quotes, non-ASCII. */
const PROSE = 'At 12:31 the *orders-db* pool hit `max_connections`; payments-api retried — “again and again” — see [the runbook](https://runbooks.example.com/orders-db#pool) and the façade notes.';

function bytesOf(text: string): number {
  return new TextEncoder().encode(text).length;
}

export function worstFiles(): WorstFile[] {
  const base = bytesOf(file(FRONTMATTER, ''));
  const room = BUDGET - base;
  const cases: WorstFile[] = [];
  const add = (name: string, frontmatter: string, body: string, valid: boolean) => cases.push({ name, text: file(frontmatter, body), valid });

  // The reproducers, under the limit.
  add('reproducer: é + 1 MB of <', FRONTMATTER, `é ${'<'.repeat(room - 10)}`, false);
  add('reproducer: 5,000 >', FRONTMATTER, '>'.repeat(5000), false);
  add('reproducer: 400,000 blank lines in the frontmatter', FRONTMATTER + '\n'.repeat(400_000), '', false);
  const unknownKeys = (n: number) => `${Array.from({ length: n }, (_, i) => `unknown_${i}: ${i}`).join('\n')}\n`;
  add('reproducer: 50,000 unknown keys', FRONTMATTER + unknownKeys(50_000), '', false);
  add('reproducer: [ × 200,000', FRONTMATTER.replace('services: [orders-db, payments-api]', `services: [a]${'['.repeat(200_000)}`), '', false);
  add('reproducer: 200,000 dots in a factor', FRONTMATTER.replace('  - No connection pooling', `  - "${'.'.repeat(200_000)}x"`), '', false);

  // Just under the body limits: as much work as the Markdown parser is allowed.
  const lineDensity = (line: string, punctuation: number) => {
    const lines = Math.floor(LIMITS.markdownLineDensity / (line.length * punctuation));
    return Math.min(lines, Math.floor((LIMITS.markdownMarkup * 0.9) / (punctuation + 1)));
  };
  const padded = (dense: string) => {
    const plain = fill(`${PLAIN} ${PLAIN} ${PLAIN} ${PLAIN} ${PLAIN} ${PLAIN} ${PLAIN} ${PLAIN}`, room - bytesOf(dense) - 64, '\n\n');
    return `${dense}\n\n${plain}`;
  };
  const ltLine = `é ${'<'.repeat(4998)}`;
  add('dense lines: é + <, under the line budget', FRONTMATTER, padded(fill(ltLine, lineDensity(ltLine, 4998) * (ltLine.length + 3), '\n\n')), true);
  const usLine = `a ${'_a'.repeat(2499)}`;
  add('dense lines: intraword _, under the line budget', FRONTMATTER, padded(fill(usLine, lineDensity(usLine, 2499) * (usLine.length + 3), '\n\n')), true);
  const emails = fill('a@b.c a@b.c a@b.c a@b.c a@b.c a@b.c a@b.c a@b.c a@b.c a@b.c a@b.c a@b.c a@b.c', 110_000);
  add('one block of e-mail autolinks, under the block budget', FRONTMATTER, padded(emails), true);
  // Blocks of `lines` lines, as many as the block and markup limits allow.
  const blocks = (head: string, line: string, punctuation: number, markers: number, lines: number) => {
    const block = `${head}${Array.from({ length: lines }, () => line).join('\n')}`;
    const density = (block.length + 1) * (punctuation * lines + head.length);
    const count = Math.min(Math.floor(LIMITS.markdownBlockDensity / density), Math.floor((LIMITS.markdownMarkup * 0.95) / ((punctuation + markers + 1) * lines)));
    return Array.from({ length: count }, () => block).join('\n\n');
  };
  add('list items up to the markup limit', FRONTMATTER, padded(blocks('', '- a', 1, 1, 5000)), true);
  add('table rows up to the markup limit', FRONTMATTER, padded(blocks('| a | b |\n|---|---|\n', '| x | y |', 3, 0, 3000)), true);
  add('32 list markers a line, up to the markup limit', FRONTMATTER, padded(blocks('', `${'- '.repeat(LIMITS.markdownMarkersPerLine)}x`, LIMITS.markdownMarkersPerLine, LIMITS.markdownMarkersPerLine, 300)), true);
  add('nested emphasis, just under the depth limit', FRONTMATTER, padded(Array.from({ length: 500 }, () => `${'*a '.repeat(45)}x${' a*'.repeat(45)}`).join('\n\n')), true);

  // Valid and big: what the analysis gets to read.
  add('1 MB of realistic prose', FRONTMATTER, fill(PROSE, room - 64, '\n\n'), true);
  const timeline = Array.from({ length: 12_000 }, (_, i) => `- ${String(12 + Math.floor(i / 600) % 12).padStart(2, '0')}:${String(Math.floor(i / 10) % 60).padStart(2, '0')} — step ${i} of the recovery, café`).join('\n');
  add('a Timeline of 12,000 items', FRONTMATTER, `## More timeline\n\n${timeline}`, true);

  // Just under the frontmatter limits.
  const fm = (extra: string) => FRONTMATTER + extra;
  add('a 60,000-dot factor', fm('').replace('  - No connection pooling', `  - "${'.'.repeat(60_000)}x"`), '', true);
  add('1,800 contributing factors', fm('').replace('  - No connection pooling', Array.from({ length: 1800 }, (_, i) => `  - Factor number ${i} went wrong`).join('\n')), '', true);
  add('400 action items', fm(`action_items:\n${Array.from({ length: 400 }, (_, i) => `  - { title: Item ${i} to fix the pool, owner: sam.o, type: prevent, status: open, due: 2025-05-${String((i % 28) + 1).padStart(2, '0')} }`).join('\n')}\n`), '', true);
  add('1,000 unknown keys (findings capped)', fm(unknownKeys(LIMITS.yamlKeys - 20)), '', false);
  const depth = Math.floor((LIMITS.frontmatterChars - FRONTMATTER.length - 40) / 5);
  const stray = LIMITS.frontmatterChars - FRONTMATTER.length - 20;
  add(`${stray.toLocaleString('en')} stray [ after \`services: [a]\` (a YAML error each)`, FRONTMATTER.replace('services: [orders-db, payments-api]', `services: [a]${'['.repeat(stray)}`), '', false);
  add('64 KB of nesting after a duplicate key', fm(`title: again\nz: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`), '', false);
  // Long runs of one character where a pattern once retried every run: spaces, dots.
  const spaces = LIMITS.frontmatterChars - FRONTMATTER.length - 100;
  add(`a YAML error in a value with ${spaces.toLocaleString('en')} spaces`, FRONTMATTER.replace('title: Orders database ran out of connections at the lunch peak', `title: Outage${' '.repeat(spaces)}x: checkout down`), '', false);
  add('a section heading with 1 MB of spaces', FRONTMATTER, `## Lessons learned${' '.repeat(room - 100)}x`, true);
  add(`\`tags: -database\`, ${spaces.toLocaleString('en')} spaces and \`x\` (text, not a list)`, fm(`tags: -database${' '.repeat(spaces)}x\n`), '', false);
  add('3 links of 21,000 letters to no incident', fm(`related: [${['a', 'b', 'c'].map((c) => c.repeat(21_000)).join(', ')}]\n`), '', false);
  add('a factor of 60,000 é', fm('').replace('  - No connection pooling', `  - "${'é'.repeat(60_000)}x"`), '', true);
  const longWord = 'é'.repeat(Math.floor((room - 100) / 2));
  cases.push({ name: `a root cause of one ${longWord.length.toLocaleString('en')}-letter word`, text: file(FRONTMATTER, '').replace('No pooling.', `${longWord}x`), valid: true });
  add('100 aliases', fm(`tags: [&t pool, ${Array.from({ length: LIMITS.yamlAliasValues - 1 }, () => '*t').join(', ')}]\n`), '', true);
  return cases;
}
