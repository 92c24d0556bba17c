import matter from 'gray-matter';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.ts';
import { diagnostic } from '../diagnostics/diagnostic.ts';
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

/**
 * gray-matter only finds the block here: its own YAML engine would lose positions, so the block is
 * parsed by the `yaml` package instead. Passing options also turns off gray-matter's cache, which
 * would otherwise keep every file's text alive.
 */
const SPLIT_ONLY = { engines: { yaml: { parse: () => ({}), stringify: () => '' } } };

const FIRST_LINE: Span = { start: { line: 1, column: 1 } };

export function splitFrontmatter(file: string, text: string, lines: LineIndex): SplitFile {
  const fail = (rule: 'frontmatter-missing' | 'frontmatter-unterminated', message: string): SplitFile => ({
    yamlOffset: 0,
    body: rule === 'frontmatter-missing' ? text : '',
    bodyOffset: rule === 'frontmatter-missing' ? 0 : text.length,
    diagnostics: [diagnostic(file, FIRST_LINE, rule, 'error', message)],
  });
  if (!text.startsWith('---')) {
    return fail('frontmatter-missing', text.trimStart().startsWith('---')
      ? 'the frontmatter must start on the very first line: remove what comes before the opening `---`'
      : 'the file has no frontmatter: start it with a `---` line, the fields (title, status, severity…), and a closing `---` line, as in incidents/_template.md');
  }
  const parts = matter(text, SPLIT_ONLY as never);
  // With CRLF the block's last line break belongs to the closing `---`; YAML must not see its `\r`.
  const yamlText = parts.matter.endsWith('\r') ? parts.matter.slice(0, -1) : parts.matter;
  const yamlOffset = yamlText === '' ? text.indexOf('\n') + 1 : text.indexOf(yamlText, 3);
  if (yamlText !== '' && !/^\r?\n---/.test(text.slice(yamlOffset + yamlText.length))) {
    return fail('frontmatter-unterminated', 'the frontmatter opened here has no closing `---` line; add one after the last field, before the Markdown');
  }
  const bodyOffset = text.length - parts.content.length;
  const parsed = parseYaml(file, yamlText, yamlOffset, lines);
  const split: SplitFile = { yamlOffset, body: parts.content, bodyOffset, diagnostics: parsed.diagnostics };
  if (parsed.data === undefined) return split;
  if (typeof parsed.data !== 'object' || parsed.data === null || Array.isArray(parsed.data)) {
    split.diagnostics.push(diagnostic(file, rootSpan(parsed, yamlOffset, lines), 'frontmatter-not-mapping', 'error',
      'the frontmatter must be a mapping of fields (`title: …`, `status: …`), not a list or a single value'));
    return split;
  }
  split.yaml = { ...parsed, data: parsed.data as Record<string, unknown> };
  return split;
}
