import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnostic } from '../diagnostics/diagnostic.ts';
import type { RuleId } from '../diagnostics/rules.ts';
import type { YamlSpans } from '../parse/yaml-spans.ts';
import type { Vocabulary, VocabularyList } from '../schema/vocabulary.ts';
import { closest, listOf } from '../text/suggest.ts';

interface Reference {
  field: 'severity' | 'services' | 'root_causes' | 'trigger';
  list: VocabularyList;
  rule: RuleId;
  noun: string;
  /** The catalog entry to add, for a value nobody declared. */
  entry: (id: string) => string;
}

const REFERENCES: readonly Reference[] = [
  { field: 'severity', list: 'severities', rule: 'unknown-severity', noun: 'severity', entry: (id) => `- { id: ${id}, label: … }` },
  { field: 'services', list: 'services', rule: 'unknown-service', noun: 'service', entry: (id) => `- { id: ${id}, name: …, team: …, tier: … }` },
  { field: 'root_causes', list: 'root_causes', rule: 'unknown-root-cause', noun: 'root cause', entry: (id) => `- { id: ${id}, label: …, description: … }` },
  { field: 'trigger', list: 'triggers', rule: 'unknown-trigger', noun: 'trigger', entry: (id) => `- { id: ${id}, label: … }` },
];

/** A message lists the declared values only while the list is short enough to read. */
const MAX_LISTED = 8;

/** Every severity, service, root cause and trigger a postmortem names must be in the catalog. */
export function checkCatalogReferences(
  data: Record<string, unknown>,
  vocabulary: Vocabulary,
  ctx: { file: string; spans: YamlSpans; catalogFile: string },
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const ref of REFERENCES) {
    const raw = data[ref.field];
    const values: [PropertyKey[], unknown][] = Array.isArray(raw)
      ? raw.map((v, i) => [[ref.field, i], v])
      : [[[ref.field], raw]];
    const known = vocabulary[ref.list];
    for (const [path, value] of values) {
      if (typeof value !== 'string' || known.includes(value)) continue;
      const match = closest(value, known);
      const message = match
        ? `unknown ${ref.noun} \`${value}\`; did you mean \`${match}\`?`
        : `unknown ${ref.noun} \`${value}\`: ${known.length && known.length <= MAX_LISTED ? `use one of ${listOf(known)}, or ` : ''}declare it in ${ctx.catalogFile} by adding \`${ref.entry(value)}\` under \`${ref.list}:\``;
      out.push(diagnostic(ctx.file, ctx.spans.value(path), ref.rule, 'error', message));
    }
  }
  return out;
}
