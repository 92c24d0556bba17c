import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnostic } from '../diagnostics/diagnostic.ts';
import type { RuleId } from '../diagnostics/rules.ts';
import type { YamlSpans } from '../parse/yaml-spans.ts';
import { SLUG } from '../schema/fields.ts';
import type { Vocabulary } from '../schema/vocabulary.ts';
import { closest, LISTED_UP_TO, listOf } from '../text/suggest.ts';

/** A kind of value a file takes from the catalog, and how to declare one that is missing. */
export interface ReferenceKind {
  rule: RuleId;
  noun: string;
  /** What to do for a value nobody declared, given the values declared and the catalog's file name. */
  declare: (id: string, known: readonly string[], catalogFile: string) => string;
}

const shortList = (known: readonly string[]) => (known.length && known.length <= LISTED_UP_TO ? `use one of ${listOf(known)}, or ` : '');

const entry = (list: string, line: (id: string) => string) => (id: string, known: readonly string[], catalogFile: string) =>
  `${shortList(known)}declare it in ${catalogFile} by adding \`${line(id)}\` under \`${list}:\``;

export const REFERENCE_KINDS = {
  severity: { rule: 'unknown-severity', noun: 'severity', declare: entry('severities', (id) => `- { id: ${id}, label: … }`) },
  service: { rule: 'unknown-service', noun: 'service', declare: entry('services', (id) => `- { id: ${id}, name: …, team: …, tier: … }`) },
  root_cause: { rule: 'unknown-root-cause', noun: 'root cause', declare: entry('root_causes', (id) => `- { id: ${id}, label: …, description: … }`) },
  trigger: { rule: 'unknown-trigger', noun: 'trigger', declare: entry('triggers', (id) => `- { id: ${id}, label: … }`) },
  label: { rule: 'unknown-label', noun: 'label', declare: entry('labels', (id) => `- { id: ${id}, label: … }`) },
  team: { rule: 'unknown-team', noun: 'team', declare: (id, known, catalogFile) => `teams are those the services in ${catalogFile} name; ${shortList(known)}set \`team: ${id}\` on the services it owns` },
} as const satisfies Record<string, ReferenceKind>;

export interface ReferenceContext {
  file: string;
  spans: YamlSpans;
  catalogFile: string;
}

/** What is wrong with a value the catalog does not declare, and what to write instead. */
export function unknownReferenceMessage(kind: ReferenceKind, value: string, known: readonly string[], catalogFile: string): string {
  const match = closest(value, known);
  return match
    ? `unknown ${kind.noun} \`${value}\`; did you mean \`${match}\`?`
    : `unknown ${kind.noun} \`${value}\`: ${kind.declare(value, known, catalogFile)}`;
}

/** The finding for a value at `path` that is not among `known`, or undefined when it is known (or not text). */
export function unknownReference(kind: ReferenceKind, value: unknown, known: readonly string[], path: readonly PropertyKey[], ctx: ReferenceContext): Diagnostic | undefined {
  if (typeof value !== 'string' || known.includes(value)) return undefined;
  return diagnostic(ctx.file, ctx.spans.value(path), kind.rule, 'error', unknownReferenceMessage(kind, value, known, ctx.catalogFile));
}

/** The values of a field that is either one value or a list, each with its path. */
export function valuesAt(data: Record<string, unknown>, field: string): [PropertyKey[], unknown][] {
  const raw = data[field];
  return Array.isArray(raw) ? raw.map((v, i) => [[field, i], v]) : raw === undefined ? [] : [[[field], raw]];
}

const REFERENCES = [
  { field: 'severity', list: 'severities', kind: REFERENCE_KINDS.severity },
  { field: 'services', list: 'services', kind: REFERENCE_KINDS.service },
  { field: 'root_causes', list: 'root_causes', kind: REFERENCE_KINDS.root_cause },
  { field: 'trigger', list: 'triggers', kind: REFERENCE_KINDS.trigger },
] as const;

/**
 * Every severity, service, root cause and trigger a postmortem names must be in the catalog, and
 * so must every responder's team and, when the catalog declares labels, every action-item label.
 */
export function checkCatalogReferences(data: Record<string, unknown>, vocabulary: Vocabulary, ctx: ReferenceContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (kind: ReferenceKind, value: unknown, known: readonly string[], path: readonly PropertyKey[]) => {
    const finding = unknownReference(kind, value, known, path, ctx);
    if (finding) out.push(finding);
  };
  for (const ref of REFERENCES) {
    for (const [path, value] of valuesAt(data, ref.field)) check(ref.kind, value, vocabulary[ref.list], path);
  }
  const items = Array.isArray(data.action_items) ? data.action_items : [];
  if (vocabulary.labels) {
    items.forEach((item: unknown, i) => {
      if (!item || typeof item !== 'object') return;
      for (const [path, value] of valuesAt(item as Record<string, unknown>, 'labels')) {
        // A label that is not even a slug is reported by the schema already.
        if (typeof value === 'string' && SLUG.test(value)) check(REFERENCE_KINDS.label, value, vocabulary.labels!, ['action_items', i, ...path]);
      }
    });
  }
  const responders = Array.isArray(data.responders) ? data.responders : [];
  responders.forEach((responder: unknown, i) => {
    if (responder && typeof responder === 'object') check(REFERENCE_KINDS.team, (responder as { team?: unknown }).team, vocabulary.teams, ['responders', i, 'team']);
  });
  return out;
}
