import jsyaml from 'js-yaml';
import { parseDocument, type Document } from 'yaml';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.ts';
import { diagnostic } from '../diagnostics/diagnostic.ts';
import type { LineIndex } from './line-index.ts';

export interface ParsedYaml {
  /** The YAML as plain data, or undefined when errors make it unusable. */
  data: unknown;
  diagnostics: Diagnostic[];
  /** The `yaml` package's document, with a source range on every node; built on first use. */
  document: () => Document.Parsed;
}

const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true } as const;

function firstLineOf(message: string): string {
  const line = message.split('\n')[0]!.replace(/\.$/, '');
  return line.charAt(0).toLowerCase() + line.slice(1);
}

/**
 * Parses YAML text that starts at `offset` in a file. Both parsers use YAML 1.2's core schema, so
 * timestamps stay strings, never local-time Dates.
 *
 * Positions are needed only for findings, and keeping them costs: js-yaml reads a frontmatter 11×
 * faster than the `yaml` package builds a positioned document (24 µs against 262 µs). So js-yaml
 * gives the data, and the positioned document is built only when a finding needs a place, or when
 * js-yaml rejects the text, to report every error with the `yaml` package's codes and positions.
 */
export function parseYaml(file: string, yamlText: string, offset: number, lines: LineIndex): ParsedYaml {
  let doc: Document.Parsed | undefined;
  const document = () => (doc ??= parseDocument(yamlText, YAML_OPTIONS));
  let fastError: jsyaml.YAMLException | undefined;
  try {
    return { data: jsyaml.load(yamlText, { schema: jsyaml.CORE_SCHEMA }) ?? {}, diagnostics: [], document };
  } catch (error) {
    fastError = error as jsyaml.YAMLException;
  }

  const parsed = document();
  const diagnostics: Diagnostic[] = [];
  const at = (pos: [number, number]): Span => ({ start: lines.position(offset + pos[0]), end: lines.position(offset + pos[1]) });
  for (const error of parsed.errors) {
    const span = at(error.pos);
    if (error.code === 'DUPLICATE_KEY') {
      const key = /^[^:\n]*/.exec(yamlText.slice(error.pos[0]))![0].trim();
      diagnostics.push(diagnostic(file, span, 'yaml-duplicate-key', 'error', `\`${key}\` is set twice in the same mapping; keep one of them`));
    } else if (error.code === 'TAB_AS_INDENT' || /\btabs?\b/i.test(error.message)) {
      diagnostics.push(diagnostic(file, span, 'yaml-tab', 'error', 'a tab is used for indentation here, which YAML forbids; indent with spaces'));
    } else {
      diagnostics.push(diagnostic(file, span, 'yaml-syntax', 'error', `the YAML is malformed: ${firstLineOf(error.message)}`));
    }
  }
  if (diagnostics.length === 0) {
    // The two parsers disagree on this text: report what js-yaml found rather than nothing.
    const position = fastError.mark?.position ?? 0;
    diagnostics.push(diagnostic(file, at([position, position]), 'yaml-syntax', 'error', `the YAML is malformed: ${firstLineOf(fastError.reason ?? fastError.message)}`));
    return { data: undefined, diagnostics, document };
  }
  // Duplicate keys leave a usable document; any other error would only cause spurious findings.
  const usable = parsed.errors.every((e) => e.code === 'DUPLICATE_KEY');
  return { data: usable ? (parsed.toJS({ maxAliasCount: 100 }) ?? {}) : undefined, diagnostics, document };
}

/** Where the document's top-level value is, for findings about the document as a whole. */
export function rootSpan(parsed: ParsedYaml, offset: number, lines: LineIndex): Span {
  const range = parsed.document().contents?.range;
  return range ? { start: lines.position(offset + range[0]), end: lines.position(offset + range[1]) } : { start: { line: 1, column: 1 } };
}
