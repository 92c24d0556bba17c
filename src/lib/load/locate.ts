import type { Span } from '../diagnostics/diagnostic.ts';
import { splitFrontmatter } from '../parse/frontmatter.ts';
import { LineIndex } from '../parse/line-index.ts';
import { decodeSource } from '../parse/source.ts';
import { YamlSpans } from '../parse/yaml-spans.ts';

const FIRST_LINE: Span = { start: { line: 1, column: 1 } };

/**
 * Places paths in one file's frontmatter, for findings made without the file at hand (checks
 * across files). The file is parsed once, however many findings it gets: a `related` list of
 * thousands of unknown ids costs one parse, not one each.
 */
export function frontmatterLocator(bytes: Uint8Array | Error, file: string): (path: readonly (string | number)[], at?: 'value' | 'key') => Span {
  if (bytes instanceof Error) return () => FIRST_LINE;
  const source = decodeSource(file, bytes);
  if (!source.ok) return () => FIRST_LINE;
  const lines = new LineIndex(source.text);
  const split = splitFrontmatter(file, source.text, lines);
  if (!split.yaml) return () => FIRST_LINE;
  const spans = new YamlSpans(split.yaml.document, split.yaml.data, split.yamlOffset, lines);
  return (path, at = 'value') => (at === 'key' ? spans.key(path) : spans.value(path));
}
