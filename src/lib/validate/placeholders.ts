import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnostic } from '../diagnostics/diagnostic.ts';
import { readBody, type Paragraph } from '../parse/body.ts';
import { splitFrontmatter } from '../parse/frontmatter.ts';
import { LineIndex } from '../parse/line-index.ts';
import { decodeSource } from '../parse/source.ts';
import type { YamlSpans } from '../parse/yaml-spans.ts';
import { UNWRITTEN } from '../scaffold/new-postmortem.ts';
import { FREE_TEXT, timestamp } from '../schema/fields.ts';
import { frontmatterSchema } from '../schema/incident.ts';
import { listOf } from '../text/suggest.ts';
import { shorten } from '../text/format.ts';
import { dotPath, schemaAt } from './zod-issues.ts';

/**
 * What a postmortem still holds when its author has not replaced the template's example text. All
 * of it is read from the team's `_template.md`, so a team's own template is checked as written.
 * Plain data: it is sent to the validation workers.
 */
export interface Placeholders {
  /** Text the template writes in free-text fields, by path with `[]` for any list index: `title`, `authors[]`, `impact.summary`. */
  fields: Record<string, string[]>;
  /** Values other than text the template pre-fills beside a free-text field, by that field's path: `impact.customer_facing`. */
  prefilled: Record<string, [key: string, value: unknown][]>;
  /** The template's timestamps: a postmortem that keeps every one of them has not said when anything happened. */
  timestamps: Record<string, string>;
  /** The template body's paragraphs and list items, whitespace collapsed: its instructions and example lines. */
  body: string[];
}

/** What a postmortem without a template can still leave in: the text `hindsight new` writes for a missing section. */
export const NO_TEMPLATE: Placeholders = { fields: {}, prefilled: {}, timestamps: {}, body: [UNWRITTEN] };

type Path = (string | number)[];

/**
 * Texts read from a template's frontmatter, and from its body. A template holds a few dozen; the
 * cap keeps a template of a hundred thousand lines from costing every postmortem a search for each.
 */
const MAX_TEMPLATE_TEXTS = 200;
/** An instruction is a sentence or two; a longer paragraph of a template is not looked for. */
const MAX_TEMPLATE_TEXT_LENGTH = 1000;

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** `action_items[].title`: a path with its list indices left open. */
const pattern = (path: Path) => dotPath(path.map((s) => (typeof s === 'number' ? 0 : s))).replace(/\[0\]/g, '[]');

/** The value at a path of plain data, own properties only. */
function get(data: unknown, path: Path): unknown {
  let value = data;
  for (const segment of path) {
    if (!(isRecord(value) || Array.isArray(value)) || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/** Every scalar of plain data with its path; aliases are resolved by the parser, and the depth is limited. */
function leaves(value: unknown, path: Path, out: [Path, unknown][]): [Path, unknown][] {
  if (Array.isArray(value)) value.forEach((v, i) => void leaves(v, [...path, i], out));
  else if (isRecord(value)) for (const [k, v] of Object.entries(value)) leaves(v, [...path, k], out);
  else out.push([path, value]);
  return out;
}

/** Reads a template's placeholders; a template that cannot be read leaves only NO_TEMPLATE's. */
export function templatePlaceholders(bytes: Uint8Array): Placeholders {
  const source = decodeSource('_template.md', bytes);
  if (!source.ok) return NO_TEMPLATE;
  const lines = new LineIndex(source.text);
  const split = splitFrontmatter('_template.md', source.text, lines);
  const found: Placeholders = { fields: {}, prefilled: {}, timestamps: {}, body: [UNWRITTEN] };
  let fields = 0;
  for (const [path, value] of split.yaml ? leaves(split.yaml.data, [], []) : []) {
    const schema = schemaAt(frontmatterSchema, path);
    if (typeof value !== 'string' || !schema) continue;
    if (schema === timestamp && path.length === 1) found.timestamps[String(path[0])] = value.trim();
    if (!FREE_TEXT.has(schema) || fields++ >= MAX_TEMPLATE_TEXTS) continue;
    const key = pattern(path);
    const texts = found.fields[key] ?? [];
    texts.push(value.trim());
    found.fields[key] = texts;
    const siblings = path.length > 1 ? get(split.yaml!.data, path.slice(0, -1)) : undefined;
    if (isRecord(siblings)) {
      found.prefilled[key] = Object.entries(siblings).filter(([, v]) => typeof v === 'boolean' || typeof v === 'number');
    }
  }
  const body = readBody('_template.md', split.body, 0, () => true);
  const texts = (body.paragraphs ?? []).map((p) => p.text).filter((text) => text.length <= MAX_TEMPLATE_TEXT_LENGTH);
  found.body = [...new Set([UNWRITTEN, ...texts])].slice(0, MAX_TEMPLATE_TEXTS + 1);
  return found;
}

/**
 * Whether a body may hold a paragraph of the template, for a string search to spare the others
 * the paragraph walk (a quarter of the time a body takes to read). Text left as the template wrote
 * it starts as written in the source too: the template's markup wraps its sentences, never splits them.
 */
export function mayHoldTemplateText(markdown: string, placeholders: Placeholders): boolean {
  return placeholders.body.some((text) => markdown.includes(text.slice(0, 16)));
}

/** Placeholders as the checks use them, made once per run (and per worker) from the plain data. */
interface Compiled {
  fields: { key: string; segments: string[]; texts: ReadonlySet<string> }[];
  timestamps: [string, string][];
  body: ReadonlySet<string>;
}

const compiledOf = new WeakMap<Placeholders, Compiled>();

function compile(placeholders: Placeholders): Compiled {
  let compiled = compiledOf.get(placeholders);
  if (!compiled) {
    compiled = {
      fields: Object.entries(placeholders.fields).map(([key, texts]) => ({ key, segments: key.replace(/\[\]/g, '.[]').split('.'), texts: new Set(texts) })),
      timestamps: Object.entries(placeholders.timestamps),
      body: new Set(placeholders.body),
    };
    compiledOf.set(placeholders, compiled);
  }
  return compiled;
}

/** Whether a paragraph's text is one of the template's. */
export function isTemplateText(placeholders: Placeholders): (text: string) => boolean {
  const { body } = compile(placeholders);
  return (text) => body.has(text);
}

/** The values a file holds at a path pattern (`authors[]`), with their paths. */
function valuesAt(data: unknown, segments: readonly string[], path: Path, out: [Path, unknown][]): [Path, unknown][] {
  if (!segments.length) {
    out.push([path, data]);
    return out;
  }
  const [head, ...rest] = segments;
  if (head === '[]') {
    if (Array.isArray(data)) data.forEach((v, i) => void valuesAt(v, rest, [...path, i], out));
  } else if (isRecord(data) && Object.hasOwn(data, head!)) {
    valuesAt(data[head!], rest, [...path, head!], out);
  }
  return out;
}

export interface PlaceholderContext {
  file: string;
  spans: YamlSpans;
  draft: boolean;
}

interface Found {
  line: number;
  column: number;
  message: string;
}

function fieldPlaceholders(data: Record<string, unknown>, placeholders: Placeholders, spans: YamlSpans): Found[] {
  const out: Found[] = [];
  const compiled = compile(placeholders);
  for (const { key, segments, texts } of compiled.fields) {
    for (const [path, value] of valuesAt(data, segments, [], [])) {
      if (typeof value !== 'string' || !texts.has(value.trim())) continue;
      const parent = get(data, path.slice(0, -1));
      const kept = (placeholders.prefilled[key] ?? []).filter(([k, v]) => isRecord(parent) && parent[k] === v);
      const check = kept.length ? `, and check ${listOf(kept.map(([k, v]) => `${k}: ${String(v)}`), 'and')}, which the template pre-fills` : '';
      const { start } = spans.value(path);
      out.push({ ...start, message: `\`${dotPath(path)}\` is still the template's placeholder \`${shorten(value.trim())}\`: replace it with this postmortem's own${check}` });
    }
  }
  const kept = compiled.timestamps.filter(([field]) => typeof data[field] === 'string');
  if (kept.length > 1 && kept.every(([field, value]) => (data[field] as string).trim() === value)) {
    const { start } = spans.value([kept[0]![0]]);
    out.push({ ...start, message: `${listOf(kept.map(([field]) => field), 'and')} still hold the template's example times (\`${kept[0]![1]}\`): write when this incident began, was detected, mitigated and resolved` });
  }
  return out;
}

/**
 * Template text left in a postmortem: errors at their own lines past draft, where they would be
 * published as if they were the incident's; for a draft, one notice that counts them, since a
 * draft is written from the template and fills it in over time.
 */
export function checkPlaceholders(data: Record<string, unknown>, paragraphs: readonly Paragraph[], placeholders: Placeholders, ctx: PlaceholderContext): Diagnostic[] {
  const found = [
    ...fieldPlaceholders(data, placeholders, ctx.spans),
    ...paragraphs.map((p) => ({ line: p.line, column: p.column, message: `this is still the template's placeholder text \`${shorten(p.text)}\`: replace it with this incident's own, or remove it` })),
  ].sort((a, b) => a.line - b.line || a.column - b.column);
  if (!found.length) return [];
  if (!ctx.draft) return found.map((f) => diagnostic(ctx.file, { start: f }, 'template-placeholder', 'error', f.message));
  const lines = [...new Set(found.map((f) => f.line))];
  const shown = lines.length > 10 ? `${lines.slice(0, 10).join(', ')}…` : lines.join(', ');
  const first = found[0]!;
  return [diagnostic(ctx.file, { start: { line: first.line, column: first.column } }, 'template-placeholder', 'notice',
    `${found.length === 1 ? 'one placeholder of the template is' : `${found.length} placeholders of the template are`} still here (line${lines.length === 1 ? '' : 's'} ${shown}); replace ${found.length === 1 ? 'it' : 'them'} before the postmortem leaves draft`)];
}
