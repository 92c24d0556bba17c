import type { Heading, List, Nodes, Root, RootContent } from 'mdast';
// biome-ignore lint/suspicious/noShadowRestrictedNames: the library's own name for it; Object's toString is never meant here
import { toString } from 'mdast-util-to-string';
import { markdownToMdast } from 'satteri';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnostic } from '../diagnostics/diagnostic.ts';
import { detach } from '../text/detach.ts';
import { checkBodyText, checkTreeDepth } from './body-limits.ts';
import { internalParseError } from './internal-error.ts';

/** A `##` section of the body. */
export interface Section {
  /** The heading as written, e.g. `Root cause`. */
  heading: string;
  /** Lowercased, whitespace collapsed: what section names are compared by. */
  key: string;
  /** 1-based line of the heading in the file. */
  line: number;
  /** The section's plain text (headings, paragraphs, list items; no Markdown syntax). */
  text: string;
}

/** A Timeline list item that starts with a time, before its date and offset are resolved. */
export interface RawTimelineEntry {
  /** `YYYY-MM-DD` when the item gives one. */
  date?: string;
  /** `HH:MM` or `HH:MM:SS`. */
  time: string;
  /** Whether the item says the time is UTC (`14:02 UTC`, `14:02Z`). */
  utc: boolean;
  text: string;
  line: number;
}

/** A heading at the top level of the body that does not open a `##` section. */
export interface OtherHeading {
  /** 1 for `#`, 3 for `###`… */
  depth: number;
  heading: string;
  key: string;
  line: number;
}

export interface BodyOutline {
  sections: Section[];
  /** `#` and `###`–`######` headings, so a required section written at another level can be named. */
  otherHeadings: OtherHeading[];
  timeline: RawTimelineEntry[];
  wordCount: number;
}

/** How section names are compared: case-insensitive, whitespace-insensitive. */
export function sectionKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';

/**
 * The name a `## ` heading line gives its section, or undefined for any other line: the text after
 * the `##`, without the spaces around it or a closing run of `#` set off by a space (CommonMark).
 * A loop, not `/\s+#*\s*$/`: that pattern retries every run of spaces, cubic on a long one.
 */
export function level2HeadingName(line: string): string | undefined {
  if (!line.startsWith('##') || !isSpace(line[2])) return undefined;
  let start = 3;
  let end = line.length;
  while (start < end && isSpace(line[start])) start++;
  while (end > start && isSpace(line[end - 1])) end--;
  let hashes = end;
  while (hashes > start && line[hashes - 1] === '#') hashes--;
  if (hashes < end && (hashes === start || isSpace(line[hashes - 1]))) {
    end = hashes;
    while (end > start && isSpace(line[end - 1])) end--;
  }
  return line.slice(start, end);
}

const TIMELINE_KEY = 'timeline';
const TIME_PREFIX =
  /^(?:(\d{4}-\d{2}-\d{2})[ T])?(\d{1,2}:\d{2}(?::\d{2})?)(?:\s*(UTC|Z)\b)?\s*(?:[—–-]+|:)?\s*([\s\S]*)$/i;

/** Words of prose: each paragraph, heading and table cell as a whole, code and raw HTML left out. */
function countWords(node: Nodes): number {
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
    return toString(node).split(/\s+/).filter(Boolean).length;
  }
  if (node.type === 'code' || node.type === 'html') return 0;
  let count = 0;
  if ('children' in node) for (const child of node.children) count += countWords(child);
  return count;
}

function timelineEntries(list: List, lineOffset: number): RawTimelineEntry[] {
  const entries: RawTimelineEntry[] = [];
  for (const item of list.children) {
    const first = item.children[0];
    if (first?.type !== 'paragraph') continue;
    const match = TIME_PREFIX.exec(toString(first).trim());
    if (!match) continue;
    const [, date, time, utc, text] = match;
    const entry: RawTimelineEntry = {
      time: time!,
      utc: utc !== undefined,
      text: detach(text!.replace(/\s+/g, ' ').trim()),
      line: (item.position?.start.line ?? 1) + lineOffset,
    };
    if (date) entry.date = date;
    entries.push(entry);
  }
  return entries;
}

/**
 * The structure every later step needs from a body: its `##` sections, its timeline items and its
 * word count. The mdast comes from satteri (Astro 7's Markdown engine): the same mdast that
 * remark-parse builds, 15× faster, which is what keeps validating 10,000 files in seconds
 * (figures in README.md; test/body-parity.test.ts holds the two parsers to the same outline).
 *
 * @param lineOffset lines before the body in the file, so reported lines are the file's.
 */
export function outlineBody(markdown: string, lineOffset: number): BodyOutline {
  return outlineTree(parseMarkdown(markdown), lineOffset);
}

function parseMarkdown(markdown: string): Root {
  return markdownToMdast(markdown, { features: { frontmatter: false } }) as Root;
}

/** A paragraph's plain text, whitespace collapsed, and where it starts in the file. */
export interface Paragraph {
  text: string;
  line: number;
  column: number;
}

export interface BodyRead {
  outline?: BodyOutline;
  /** The paragraphs `keepParagraph` kept, in list items and quotes too, when it is given. */
  paragraphs?: Paragraph[];
  diagnostics: Diagnostic[];
}

/** The blocks a paragraph can be in: headings, tables and inline text hold none. */
const CONTAINERS = new Set(['root', 'list', 'listItem', 'blockquote', 'footnoteDefinition']);

function paragraphsOf(root: Root, lineOffset: number, keep: (text: string) => boolean): Paragraph[] {
  const out: Paragraph[] = [];
  const stack: Nodes[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'paragraph') {
      const text = toString(node).replace(/\s+/g, ' ').trim();
      if (keep(text)) out.push({ text: detach(text), line: (node.position?.start.line ?? 1) + lineOffset, column: node.position?.start.column ?? 1 });
    } else if (CONTAINERS.has(node.type) && 'children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
  return out;
}

/**
 * The outline of a body from a whole organisation: refused with a finding when it is beyond what
 * the Markdown parser reads in linear time (body-limits.ts), and a finding, never an exception,
 * when the parser fails anyway. Lines in findings are the file's.
 */
export function readBody(file: string, markdown: string, lineOffset: number, keepParagraph?: (text: string) => boolean): BodyRead {
  const at = (line: number) => ({ start: { line: line + lineOffset, column: 1 } });
  const refused = checkBodyText(markdown);
  if (refused) return { diagnostics: [diagnostic(file, at(refused.line), refused.rule, 'error', refused.message)] };
  try {
    const root = parseMarkdown(markdown);
    const deep = checkTreeDepth(root);
    if (deep) return { diagnostics: [diagnostic(file, at(deep.line), deep.rule, 'error', deep.message)] };
    const read: BodyRead = { outline: outlineTree(root, lineOffset), diagnostics: [] };
    if (keepParagraph) read.paragraphs = paragraphsOf(root, lineOffset, keepParagraph);
    return read;
  } catch (error) {
    return { diagnostics: [internalParseError(file, at(1), 'Reading the Markdown body', error)] };
  }
}

/** The outline of an already parsed mdast tree. */
export function outlineTree(root: Root, lineOffset: number): BodyOutline {
  const sections: Section[] = [];
  const otherHeadings: OtherHeading[] = [];
  const timeline: RawTimelineEntry[] = [];
  let current: { heading: Heading; content: RootContent[] } | undefined;

  const close = () => {
    if (!current) return;
    const heading = toString(current.heading).trim();
    const key = sectionKey(heading);
    sections.push({
      heading: detach(heading),
      key: detach(key),
      line: (current.heading.position?.start.line ?? 1) + lineOffset,
      text: detach(current.content.map((node) => toString(node)).filter(Boolean).join('\n')),
    });
    if (key === TIMELINE_KEY) {
      for (const node of current.content) if (node.type === 'list') timeline.push(...timelineEntries(node, lineOffset));
    }
  };

  for (const node of root.children) {
    if (node.type === 'heading' && node.depth !== 2) {
      const heading = toString(node).trim();
      otherHeadings.push({ depth: node.depth, heading: detach(heading), key: detach(sectionKey(heading)), line: (node.position?.start.line ?? 1) + lineOffset });
    }
    if (node.type === 'heading' && node.depth <= 2) {
      close();
      current = node.depth === 2 ? { heading: node, content: [] } : undefined;
    } else {
      current?.content.push(node);
    }
  }
  close();
  return { sections, otherHeadings, timeline, wordCount: countWords(root) };
}
