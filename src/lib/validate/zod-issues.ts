import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnostic } from '../diagnostics/diagnostic.ts';
import type { RuleId } from '../diagnostics/rules.ts';
import type { YamlSpans } from '../parse/yaml-spans.ts';
import { didYouMean, LISTED_UP_TO, listOf } from '../text/suggest.ts';
import { shorten } from '../text/format.ts';

type Path = readonly PropertyKey[];

/** `action_items[2].status`: a path as authors see it. */
export function dotPath(path: Path): string {
  let out = '';
  for (const segment of path) out += typeof segment === 'number' ? `[${segment}]` : `${out ? '.' : ''}${String(segment)}`;
  return out;
}

/** Follows a path through a zod schema, stepping through optionals, defaults and arrays. */
export function schemaAt(schema: z.ZodType, path: Path): z.ZodType | undefined {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (!current) return undefined;
    const def = current._zod.def as { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType };
    if (def.type === 'object' && typeof segment === 'string') current = unwrap(def.shape?.[segment]);
    else if (def.type === 'array' && typeof segment === 'number') current = unwrap(def.element);
    else return undefined;
  }
  return current;
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  while (current) {
    const def = current._zod.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') current = def.innerType;
    else if (def.type === 'pipe') current = def.in;
    else return current;
  }
  return undefined;
}

function keysOf(schema: z.ZodType | undefined): string[] {
  const def = schema?._zod.def as { type: string; shape?: Record<string, unknown> } | undefined;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function optionsOf(schema: z.ZodType | undefined): string[] {
  const def = schema?._zod.def as { type: string; entries?: Record<string, string> } | undefined;
  return def?.type === 'enum' && def.entries ? Object.values(def.entries) : [];
}

function valueAt(data: unknown, path: Path): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text \`${shorten(value)}\``;
  if (typeof value === 'number') return `the number ${value}`;
  return `\`${String(value)}\``;
}

/** `Each service: own pool` when a mapping is that one `key: value`: text that an unquoted `: ` split. */
function colonMapping(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length !== 1) return undefined;
  const [key, inner] = entries[0]!;
  return typeof inner === 'string' || typeof inner === 'number' || typeof inner === 'boolean' ? `${key}: ${String(inner)}` : undefined;
}

/**
 * `database` from `-database -postgres`: the text YAML read as one, up to the next ` -` item.
 * `(?<!\s)` starts a run of spaces at its first: `/\s+-(?=\S)/` retried from every space of it,
 * quadratic on a long one.
 */
export function firstDashedItem(text: string): string {
  return text.slice(1).split(/(?<!\s)\s+-(?=\S)/)[0]!;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  array: 'a list',
  object: 'a mapping',
  number: 'a number',
  int: 'a whole number',
  boolean: '`true` or `false`',
};

export interface IssueContext {
  file: string;
  schema: z.ZodType;
  data: unknown;
  spans: YamlSpans;
  /** Builds the message for a timestamp without offset, which depends on the rest of the file. */
  naiveTimestamp?: (field: string, value: string) => string;
  /** The page that lists this file's fields. Default docs/format.md. */
  reference?: string;
}

/** Turns zod's issues into positioned diagnostics whose messages say how to fix the problem. */
export function issuesToDiagnostics(issues: readonly z.core.$ZodIssue[], ctx: IssueContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const push = (path: Path, rule: RuleId, message: string, atKey = false) =>
    out.push(diagnostic(ctx.file, atKey ? ctx.spans.key(path) : ctx.spans.value(path), rule, 'error', message));

  for (const issue of issues) {
    const path = issue.path;
    const name = `\`${dotPath(path)}\``;
    const value = valueAt(ctx.data, path);
    // zod reports an absent enum as a wrong value (`undefined`) and an absent field as a wrong type.
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && path.length > 0 && !ctx.spans.has(path)) {
      const options = optionsOf(schemaAt(ctx.schema, path));
      push(path, 'missing-field', `missing required field ${name}${options.length ? `: ${listOf(options)}` : ''}`);
      continue;
    }
    switch (issue.code) {
      case 'invalid_type': {
        const expected = EXPECTED[issue.expected] ?? issue.expected;
        const colon = issue.expected === 'string' ? colonMapping(value) : undefined;
        if (value === null) {
          push(path, 'wrong-type', `${name} is empty; give it a value (${expected}) or remove the line`);
        } else if (issue.expected === 'array' && typeof value === 'string' && /^-[^\s-]/.test(value)) {
          // `-database` on each line is one text to YAML: the `-` needs a space to start an item.
          const first = firstDashedItem(value);
          push(path, 'wrong-type', `${name} is the text \`${shorten(value)}\`, not a list: a list item needs a space after \`-\`; write \`- ${shorten(first)}\`, one item per line`);
        } else if (colon !== undefined) {
          push(path, 'wrong-type', `${name} must be text, but the \`: \` in \`${shorten(colon)}\` makes it a mapping to YAML; put the text in double quotes: \`${shorten(JSON.stringify(colon))}\``);
        } else if (issue.expected === 'array' && (typeof value === 'string' || typeof value === 'number')) {
          push(path, 'wrong-type', `${name} must be a list; write \`${String(path.at(-1))}: [${shorten(String(value))}]\` or one \`- ${shorten(String(value))}\` item per line`);
        } else {
          push(path, 'wrong-type', `${name} must be ${expected}, not ${describeValue(value)}`);
        }
        break;
      }
      case 'unrecognized_keys': {
        const known = keysOf(schemaAt(ctx.schema, path));
        for (const key of issue.keys) {
          const listed = known.length > 0 && known.length <= LISTED_UP_TO;
          const where = path.length ? `\`${shorten(dotPath(path))}\` holds` : 'the fields are';
          const hint = didYouMean(key, known) || (listed ? `; ${where} ${listOf(known, 'and')}` : `; the fields are listed in ${ctx.reference ?? 'docs/format.md'}`);
          push([...path, key], 'unknown-field', `unknown field \`${shorten(dotPath([...path, key]))}\`${hint}`, true);
        }
        break;
      }
      case 'invalid_value': {
        const options = issue.values.map(String);
        const given = typeof value === 'string' ? value : String(value);
        push(path, 'invalid-value', `${name} must be ${listOf(options)}, not \`${shorten(given)}\`${didYouMean(given, options)}`);
        break;
      }
      case 'custom': {
        const rule = (issue.params?.rule ?? 'invalid-value') as RuleId;
        const message = rule === 'timestamp-without-offset' && ctx.naiveTimestamp
          ? ctx.naiveTimestamp(dotPath(path), shorten(String(value)))
          : `${name} is \`${shorten(String(value))}\`, which ${issue.message}`;
        push(path, rule, message);
        break;
      }
      default:
        push(path, 'invalid-value', `${name} ${issue.message}${typeof value === 'string' ? `, not \`${shorten(value)}\`` : ''}`);
    }
  }
  return out;
}
