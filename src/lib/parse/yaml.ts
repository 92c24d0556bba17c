import { parseDocument, type Document } from 'yaml';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.ts';
import { diagnostic } from '../diagnostics/diagnostic.ts';
import type { LineIndex } from './line-index.ts';

export interface ParsedYaml {
  /** The document, with a source range on every node (relative to `offset`). */
  doc: Document.Parsed;
  /** The YAML as plain data, or undefined when errors make it unusable. */
  data: unknown;
  diagnostics: Diagnostic[];
}

function firstLineOf(message: string): string {
  const line = message.split('\n')[0]!.replace(/\.$/, '');
  return line.charAt(0).toLowerCase() + line.slice(1);
}

/**
 * Parses YAML text that starts at `offset` in a file, reporting every YAML error at its position
 * in the file. YAML 1.2's core schema keeps timestamps as strings, never local-time Dates.
 */
export function parseYaml(file: string, yamlText: string, offset: number, lines: LineIndex): ParsedYaml {
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true, strict: true });
  const diagnostics: Diagnostic[] = [];
  const at = (pos: [number, number]): Span => ({ start: lines.position(offset + pos[0]), end: lines.position(offset + pos[1]) });

  for (const error of doc.errors) {
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
  for (const warning of doc.warnings) {
    diagnostics.push(diagnostic(file, at(warning.pos), 'yaml-syntax', 'warning', `YAML: ${firstLineOf(warning.message)}`));
  }
  // Duplicate keys leave a usable document; any other error would only cause spurious findings.
  const usable = doc.errors.every((e) => e.code === 'DUPLICATE_KEY');
  return { doc, data: usable ? (doc.toJS({ maxAliasCount: 100 }) ?? {}) : undefined, diagnostics };
}

/** Where the document's top-level value is, for findings about the document as a whole. */
export function rootSpan(parsed: ParsedYaml, offset: number, lines: LineIndex): Span {
  const range = parsed.doc.contents?.range;
  return range ? { start: lines.position(offset + range[0]), end: lines.position(offset + range[1]) } : { start: { line: 1, column: 1 } };
}
