import type { Diagnostic, Span } from '../diagnostics/diagnostic.ts';
import { diagnostic } from '../diagnostics/diagnostic.ts';
import type { RuleId } from '../diagnostics/rules.ts';
import { LIMITS } from './limits.ts';
import type { LineIndex } from './line-index.ts';
import { parseYaml, rootSpan, type ParsedYaml } from './yaml.ts';

export interface SplitFile {
  /** The parsed frontmatter, when there is a usable one. */
  yaml?: ParsedYaml & { data: Record<string, unknown> };
  /** Offset of the YAML text within the file. */
  yamlOffset: number;
  /** Markdown after the closing `---`, and where it starts in the file. */
  body: string;
  bodyOffset: number;
  diagnostics: Diagnostic[];
}

const FIRST_LINE: Span = { start: { line: 1, column: 1 } };

/** Whether a line (without its `\n`) is a bare `---`, trailing blanks and a CRLF's `\r` allowed. */
function isFence(line: string): boolean {
  if (!line.startsWith('---')) return false;
  for (let i = 3; i < line.length; i++) {
    const c = line[i];
    if (c !== ' ' && c !== '\t' && c !== '\r') return false;
  }
  return true;
}

/** Why an opening line that is more than `---` is refused, in the author's terms. */
function openerMessage(rest: string): string {
  const shown = rest.length > 40 ? `${rest.slice(0, 40)}…` : rest;
  if (/^ya?ml$/i.test(rest)) return `\`---${rest}\` names the language, which is neither needed nor allowed: YAML is the only one read, so open the block with a line holding only \`---\``;
  if (rest.startsWith('-')) return 'the frontmatter opens with a line of exactly three dashes, `---`';
  if (/^[A-Za-z][\w-]*$/.test(rest)) {
    return `\`---${shown}\` asks for frontmatter in another language, which is never read (it could run code): write the fields as YAML and open the block with a line holding only \`---\``;
  }
  if (rest.startsWith('#')) return 'a comment on the opening `---` line is not allowed: move it to the next line, leaving `---` alone on the first line';
  return `the opening line must hold only \`---\`; move \`${shown}\` to the next line`;
}

/**
 * Splits a file into its YAML frontmatter and its Markdown body, and parses the YAML.
 *
 * The block is found by a plain scan for the opening and closing `---` lines, in one pass over the
 * text: no library is asked to split it, because the usual one (gray-matter) reads `---js` as
 * JavaScript to evaluate and finds the block with a regular expression that is quadratic on long
 * runs of blank lines. Only YAML is ever read; any other opener is a finding.
 */
export function splitFrontmatter(file: string, text: string, lines: LineIndex): SplitFile {
  const fail = (rule: RuleId, message: string, span = FIRST_LINE): SplitFile => ({
    yamlOffset: 0,
    body: rule === 'frontmatter-missing' ? text : '',
    bodyOffset: rule === 'frontmatter-missing' ? 0 : text.length,
    diagnostics: [diagnostic(file, span, rule, 'error', message)],
  });
  if (!text.startsWith('---')) {
    return fail('frontmatter-missing', text.trimStart().startsWith('---')
      ? 'the frontmatter must start on the very first line: remove what comes before the opening `---`'
      : 'the file has no frontmatter: start it with a `---` line, the fields (title, status, severity…), and a closing `---` line, as in incidents/_template.md');
  }
  const firstBreak = text.indexOf('\n');
  const opener = firstBreak === -1 ? text : text.slice(0, firstBreak);
  if (!isFence(opener)) {
    const rest = opener.slice(3).trim();
    const column = 4 + opener.slice(3).indexOf(rest.charAt(0));
    return fail('frontmatter-opener', openerMessage(rest), { start: { line: 1, column } });
  }
  const unterminated = () => fail('frontmatter-unterminated', 'the frontmatter opened here has no closing `---` line; add one after the last field, before the Markdown');
  if (firstBreak === -1) return unterminated();

  const yamlOffset = firstBreak + 1;
  let closing = -1;
  for (let start = yamlOffset; start < text.length; ) {
    const end = text.indexOf('\n', start);
    if (isFence(text.slice(start, end === -1 ? text.length : end))) {
      closing = start;
      break;
    }
    if (end === -1) break;
    start = end + 1;
  }
  if (closing === -1) return unterminated();
  const afterClosing = text.indexOf('\n', closing);
  const bodyOffset = afterClosing === -1 ? text.length : afterClosing + 1;
  // The line break before the closing `---` belongs to it; with CRLF, so does its `\r`.
  let yamlText = closing === yamlOffset ? '' : text.slice(yamlOffset, closing - 1);
  if (yamlText.endsWith('\r')) yamlText = yamlText.slice(0, -1);

  if (yamlText.length > LIMITS.frontmatterChars) {
    return fail('frontmatter-too-large', `the frontmatter is ${yamlText.length.toLocaleString('en-US')} characters long, over the limit of ${LIMITS.frontmatterChars.toLocaleString('en-US')}: fields hold short values, so move long text into the body`);
  }
  const parsed = parseYaml(file, yamlText, yamlOffset, lines);
  const split: SplitFile = { yamlOffset, body: text.slice(bodyOffset), bodyOffset, diagnostics: parsed.diagnostics };
  if (parsed.data === undefined) return split;
  if (typeof parsed.data !== 'object' || parsed.data === null || Array.isArray(parsed.data)) {
    split.diagnostics.push(diagnostic(file, rootSpan(parsed, yamlOffset, lines), 'frontmatter-not-mapping', 'error',
      'the frontmatter must be a mapping of fields (`title: …`, `status: …`), not a list or a single value'));
    return split;
  }
  split.yaml = { ...parsed, data: parsed.data as Record<string, unknown> };
  return split;
}
