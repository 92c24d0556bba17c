/**
 * The YAML mistakes people make writing a frontmatter by hand, recognised from the text of the
 * line where the parser stopped: the finding then says what to write, where the parser would say
 * what it expected ("nested mappings are not allowed in compact mappings") several times over.
 */
import { plural, shorten } from '../text/format.ts';

export interface Mistake {
  /** 0-based offset in the line where the mistake is. */
  at: number;
  message: string;
}

/** A line's parts: indentation, a `- ` list marker, a `key:` and what follows. */
interface Entry {
  indent: number;
  /** Column (0-based) of the `-` when the line is a list item. */
  dash?: number;
  /** Column (0-based) of the key when the line holds `key: …`. */
  keyAt?: number;
  key?: string;
  /** The text after `key:`, or after `- ` when there is no key. */
  value: string;
  /** Where `value` starts in the line. */
  valueAt: number;
}

const KEY = /^([A-Za-z_][\w-]*):(?=\s|$)[ ]*/;

function entryOf(line: string): Entry {
  const indent = line.length - line.trimStart().length;
  let at = indent;
  const entry: Entry = { indent, value: '', valueAt: at };
  if (line.startsWith('- ', at) || line.slice(at) === '-') {
    entry.dash = at;
    at += 1;
    while (line[at] === ' ') at++;
  }
  const key = KEY.exec(line.slice(at));
  if (key) {
    entry.keyAt = at;
    entry.key = key[1]!;
    at += key[0].length;
  }
  entry.value = line.slice(at).trimEnd();
  entry.valueAt = at;
  return entry;
}

/** A value YAML reads as plain text: not quoted, not a list, mapping, block, alias, anchor or tag. */
const isPlain = (value: string) => value !== '' && !/^["'[{|>&*!#%@`]/.test(value);

/** `"Outage: checkout down"`: a value quoted so YAML reads it as text whatever it holds. */
const quoted = (value: string) => JSON.stringify(value);

/** A plain value without its ` # comment`. Not `/\s+#.*$/`: it retries every run of spaces, quadratic on a long one. */
function withoutComment(value: string): string {
  const comment = /\s#/.exec(value);
  return comment ? value.slice(0, comment.index).trimEnd() : value;
}

function unquotedColon(line: string, entry: Entry): Mistake | undefined {
  if (!isPlain(entry.value) || !/: |:$/.test(withoutComment(entry.value))) return undefined;
  const what = entry.key ? `the value of \`${entry.key}\`` : 'this list item';
  const fixed = `${line.slice(0, entry.valueAt).trimStart()}${quoted(entry.value)}`;
  const fix = fixed.length <= 120 ? `: \`${fixed}\`` : '';
  return { at: entry.valueAt, message: `${what} holds \`: \`, which YAML reads as the start of another field; put the value in double quotes${fix}` };
}

function missingSpaceAfterColon(line: string, entry: Entry): Mistake | undefined {
  if (entry.key) return undefined;
  const m = /^([A-Za-z_][\w-]*):([^\s/].*)$/.exec(entry.value);
  if (!m) return undefined;
  const fixed = `${line.slice(0, entry.valueAt).trimStart()}${m[1]}: ${m[2]}`;
  return { at: entry.valueAt + m[1]!.length, message: `\`${shorten(`${m[1]}:${m[2]}`)}\` needs a space after \`:\` to be a field; write \`${shorten(fixed)}\`` };
}

function missingSpaceAfterDash(line: string, entry: Entry): Mistake | undefined {
  const text = line.trim();
  if (entry.dash !== undefined || !/^-[^\s-]/.test(text)) return undefined;
  return { at: entry.indent, message: `\`${shorten(text)}\` needs a space after \`-\` to be a list item; write \`${shorten(`- ${text.slice(1)}`)}\`` };
}

/** The column where an entry's siblings start: its key, or its `-` for an item without a key. */
function columnOf(entry: Entry, kind: 'key' | 'dash'): number | undefined {
  return kind === 'key' ? entry.keyAt : entry.dash;
}

/** The columns where the lines of a text start their keys, or their list items. */
function columnsIn(text: string, kind: 'key' | 'dash'): Set<number> {
  const columns = new Set<number>();
  for (const line of text.split('\n')) {
    const column = columnOf(entryOf(line.replace(/\r$/, '')), kind);
    if (column !== undefined) columns.add(column);
  }
  return columns;
}

function misindented(entry: Entry, previous: { entry: Entry; line: number } | undefined, before: string): Mistake | undefined {
  // Under a `key:` that opens a block, a deeper line is its child, not a misplaced sibling.
  if (!previous || (previous.entry.value === '' && previous.entry.key !== undefined)) return undefined;
  const kind = entry.dash !== undefined ? 'dash' : entry.keyAt !== undefined ? 'key' : undefined;
  if (!kind) return undefined;
  const mine = columnOf(entry, kind)!;
  const theirs = columnOf(previous.entry, kind);
  if (theirs === undefined || theirs === mine) return undefined;
  // Back at a column an earlier key (or item) has, the line ends a nested block: not misplaced.
  if (mine < theirs && columnsIn(before, kind).has(mine)) return undefined;
  const what = kind === 'dash' ? 'this list item' : `\`${entry.key}\``;
  const sibling = kind === 'dash' ? 'the one' : `\`${previous.entry.key}\``;
  return { at: entry.indent, message: `${what} is indented ${plural(mine, 'space')} and ${sibling} on line ${previous.line} ${plural(theirs, 'space')}: indent them alike, so YAML reads both as ${kind === 'dash' ? 'items of one list' : 'fields of one mapping'}` };
}

/** `key: text` followed by a deeper `other: …`: YAML reads the second line as more of the text. */
function deeperField(entry: Entry, next: { entry: Entry; line: number } | undefined, line: number): Mistake | undefined {
  if (!next || entry.keyAt === undefined || !isPlain(entry.value) || next.entry.keyAt === undefined || next.entry.dash !== undefined) return undefined;
  if (next.entry.keyAt <= entry.keyAt) return undefined;
  return {
    at: -1,
    message: `\`${next.entry.key}\` is indented ${plural(next.entry.keyAt, 'space')}, deeper than \`${entry.key}\` on line ${line} (${plural(entry.keyAt, 'space')}), so YAML reads it as more of \`${entry.key}\`'s text: indent them alike`,
  };
}

/**
 * The mistake on `line`, or undefined when it is not one of the common ones.
 * @param previous the nearest line above that holds something, and its line number in the file.
 * @param before the text above the line.
 */
export function recogniseMistake(line: string, previous?: { text: string; line: number }, before = ''): Mistake | undefined {
  const entry = entryOf(line);
  const above = previous && { entry: entryOf(previous.text), line: previous.line };
  return missingSpaceAfterDash(line, entry) ?? missingSpaceAfterColon(line, entry) ?? unquotedColon(line, entry) ?? misindented(entry, above, before);
}

/**
 * List items that YAML reads as more text of the item above: `- No pooling` followed by a deeper
 * `- Each service` is the one item "No pooling - Each service", valid YAML and never what was
 * meant. Offsets of their `-` and of the item above's; one pass over the lines.
 */
export function mergedListItems(yamlText: string): { offset: number; above: number }[] {
  const out: { offset: number; above: number }[] = [];
  let item: { dash: number; offset: number } | undefined;
  // Lines of a `|` or `>` block are text, whatever they look like.
  let block: number | undefined;
  for (let start = 0; start <= yamlText.length; ) {
    const end = yamlText.indexOf('\n', start);
    const stop = end === -1 ? yamlText.length : end;
    let at = start;
    while (at < stop && yamlText.charCodeAt(at) === 32) at++;
    const indent = at - start;
    const first = yamlText[at];
    const blank = at === stop || first === '\r';
    if (!(block !== undefined && (blank || indent > block)) && !blank && first !== '#') {
      block = undefined;
      // Only list items and block openers need the line taken apart; every other line ends an item.
      const dash = first === '-' && (yamlText[at + 1] === ' ' || at + 1 === stop);
      const line = yamlText.slice(start, stop);
      if (dash || line.includes('|') || line.includes('>')) {
        const entry = entryOf(line.replace(/\r$/, ''));
        if (/^[|>][-+0-9]*(\s+#.*)?$/.test(entry.value)) block = entry.indent;
        if (item !== undefined && entry.dash !== undefined && entry.dash > item.dash) out.push({ offset: start + entry.dash, above: item.offset });
        // An item of plain text, which a deeper line would continue.
        const plain = entry.dash !== undefined && entry.key === undefined && isPlain(entry.value) && !/\s#|:\s|:$/.test(entry.value);
        item = plain ? { dash: entry.dash!, offset: start + entry.dash! } : undefined;
      } else {
        item = undefined;
      }
    }
    if (end === -1) break;
    start = end + 1;
  }
  return out;
}

/**
 * The mistake on the line of the YAML text that starts at `lineStart`, with its offset in the
 * text. The line above that holds something is its context; `lineOf` numbers it for the message.
 */
export function mistakeOnLine(yamlText: string, lineStart: number, lineOf: (offset: number) => number): { offset: number; message: string } | undefined {
  const end = yamlText.indexOf('\n', lineStart);
  const line = yamlText.slice(lineStart, end === -1 ? yamlText.length : end).replace(/\r$/, '');
  let previous: { text: string; line: number } | undefined;
  for (let stop = lineStart - 1; stop > 0 && !previous; ) {
    const start = yamlText.lastIndexOf('\n', stop - 1) + 1;
    const text = yamlText.slice(start, stop).replace(/\r$/, '');
    if (text.trim() !== '' && !text.trimStart().startsWith('#')) previous = { text, line: lineOf(start) };
    stop = start - 1;
  }
  const mistake = recogniseMistake(line, previous, yamlText.slice(0, lineStart));
  if (mistake) return { offset: lineStart + mistake.at, message: mistake.message };
  // The parser stops at a text whose next line is the mistake.
  let next: { entry: Entry; line: number; start: number } | undefined;
  for (let start = end + 1; end !== -1 && start > 0 && start < yamlText.length && !next; ) {
    const stop = yamlText.indexOf('\n', start);
    const text = yamlText.slice(start, stop === -1 ? yamlText.length : stop).replace(/\r$/, '');
    if (text.trim() !== '' && !text.trimStart().startsWith('#')) next = { entry: entryOf(text), line: lineOf(start), start };
    start = stop + 1;
  }
  const deeper = next && deeperField(entryOf(line), next, lineOf(lineStart));
  return deeper && next && { offset: next.start + next.entry.keyAt!, message: deeper.message };
}

/** Where the top-level field holding `offset` ends: the next line that starts at column 1. */
export function fieldEnd(yamlText: string, offset: number): number {
  const next = /\n(?=[^\s#])/g;
  next.lastIndex = offset;
  return next.exec(yamlText)?.index ?? yamlText.length;
}
