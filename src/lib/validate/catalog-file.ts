import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnostic } from '../diagnostics/diagnostic.ts';
import { LineIndex } from '../parse/line-index.ts';
import { internalParseError } from '../parse/internal-error.ts';
import { decodeSource } from '../parse/source.ts';
import { parseYaml, rootSpan } from '../parse/yaml.ts';
import { YamlSpans } from '../parse/yaml-spans.ts';
import { catalogSchema, DEFAULT_SEVERITIES, type Catalog } from '../schema/catalog.ts';
import { VOCABULARY_LISTS, vocabularyOf, type Vocabulary } from '../schema/vocabulary.ts';
import { capFindings } from './finding-cap.ts';
import { issuesToDiagnostics } from './zod-issues.ts';

export interface CatalogResult {
  /** Present when the catalog is valid. */
  catalog?: Catalog;
  /**
   * The ids declared, taken leniently from a catalog with errors too, so one bad entry does not
   * turn every postmortem's values into "unknown" findings. Undefined when nothing is usable.
   */
  vocabulary?: Vocabulary;
  diagnostics: Diagnostic[];
}

/** Declared factors with a usable id and label, aliases that are text. */
function lenientFactors(list: unknown): Vocabulary['factors'] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((e) => {
    if (!e || typeof e !== 'object' || typeof e.id !== 'string' || typeof e.label !== 'string') return [];
    const aliases = Array.isArray(e.aliases) ? e.aliases.filter((a: unknown): a is string => typeof a === 'string') : [];
    return [{ id: e.id, label: e.label, aliases }];
  });
}

function lenientVocabulary(data: Record<string, unknown>): Vocabulary {
  const ids = (list: unknown) =>
    Array.isArray(list) ? list.flatMap((e) => (e && typeof e === 'object' && typeof e.id === 'string' ? [e.id] : [])) : [];
  const teams = Array.isArray(data.services)
    ? data.services.flatMap((e) => (e && typeof e === 'object' && typeof e.team === 'string' ? [e.team] : []))
    : [];
  const vocabulary: Vocabulary = {
    severities: data.severities === undefined ? DEFAULT_SEVERITIES.map((s) => s.id) : ids(data.severities),
    services: ids(data.services),
    root_causes: ids(data.root_causes),
    triggers: ids(data.triggers),
    contributing_factors: ids(data.contributing_factors),
    factors: lenientFactors(data.contributing_factors),
    teams: [...new Set(teams)],
  };
  if (data.labels !== undefined) vocabulary.labels = ids(data.labels);
  return vocabulary;
}

/**
 * Validates `_catalog.yaml`: its shape, with positions, and no id declared twice in a list. Never
 * throws: a catalog that breaks a parser is an `internal-parse-error` finding, and postmortems are
 * then checked without a vocabulary.
 */
export function validateCatalogFile(bytes: Uint8Array | undefined, file: string): CatalogResult {
  let result: CatalogResult;
  try {
    result = validate(bytes, file);
  } catch (error) {
    result = { diagnostics: [internalParseError(file, { start: { line: 1, column: 1 } }, 'Reading the catalog', error)] };
  }
  result.diagnostics = capFindings(file, result.diagnostics);
  return result;
}

function validate(bytes: Uint8Array | undefined, file: string): CatalogResult {
  if (bytes === undefined) {
    return { diagnostics: [diagnostic(file, { start: { line: 1, column: 1 } }, 'catalog-missing', 'error', `the catalog \`${file}\` does not exist; create it with your severities, services, root-cause categories and triggers (see docs/format.md)`)] };
  }
  const source = decodeSource(file, bytes);
  if (!source.ok) return { diagnostics: source.diagnostics };
  const lines = new LineIndex(source.text);
  const parsed = parseYaml(file, source.text, 0, lines);
  const diagnostics = [...source.diagnostics, ...parsed.diagnostics];
  if (parsed.data === undefined) return { diagnostics };
  if (typeof parsed.data !== 'object' || parsed.data === null || Array.isArray(parsed.data)) {
    diagnostics.push(diagnostic(file, rootSpan(parsed, 0, lines), 'frontmatter-not-mapping', 'error', 'the catalog must be a mapping with the lists `severities`, `services`, `root_causes` and `triggers`'));
    return { diagnostics };
  }
  const data = parsed.data as Record<string, unknown>;
  const spans = new YamlSpans(parsed.document, data, 0, lines);
  const result = catalogSchema.safeParse(data);
  if (!result.success) {
    diagnostics.push(...issuesToDiagnostics(result.error.issues, {
      file, schema: catalogSchema, data, spans,
    }));
  }
  for (const list of VOCABULARY_LISTS) {
    const entries = data[list];
    if (!Array.isArray(entries)) continue;
    const seen = new Map<string, number>();
    entries.forEach((entry: unknown, i) => {
      const id = entry && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
      if (typeof id !== 'string') return;
      const earlier = seen.get(id.toLowerCase());
      if (earlier === undefined) seen.set(id.toLowerCase(), i);
      else {
        const line = spans.value([list, earlier, 'id']).start.line;
        diagnostics.push(diagnostic(file, spans.value([list, i, 'id']), 'catalog-duplicate-id', 'error', `\`${list}\` declares \`${id}\` twice (first on line ${line}); remove or rename one`));
      }
    });
  }
  const vocabulary = result.success ? vocabularyOf(result.data) : lenientVocabulary(data);
  return result.success ? { catalog: result.data, vocabulary, diagnostics } : { vocabulary, diagnostics };
}
