import { level2HeadingName, sectionKey } from '../parse/body.ts';

export interface NewPostmortem {
  title: string;
  /** ISO 8601 with an offset: when impact began. */
  startedAt: string;
  severity: string;
  services: readonly string[];
  author: string;
}

export interface NewPostmortemContext {
  /** The text of `_template.md`. */
  template: string;
  /** Required `##` sections; each entry lists alternative names. */
  requiredSections: readonly (readonly string[])[];
  /** Whether an id is already used (compared without case, as the validator does). */
  taken: (id: string) => boolean;
}

/** What a required section the template lacks starts with, in italics: a placeholder to replace. */
export const UNWRITTEN = 'To be written.';

/** Keys the template fills with examples that a new draft cannot know yet: left as comments. */
const PLACEHOLDERS = new Set(['detected_at', 'mitigated_at', 'resolved_at', 'root_causes', 'trigger']);
const MAX_SLUG = 50;

/** `Checkout failed: orders-db saturated!` → `checkout-failed-orders-db-saturated`. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG) return slug || 'incident';
  const cut = slug.slice(0, MAX_SLUG + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : MAX_SLUG).replace(/-+$/, '');
}

/** `YYYY-MM-DD-slug`, with `-2`, `-3`… when that id is taken. */
export function uniqueId(date: string, title: string, taken: (id: string) => boolean): string {
  const base = `${date}-${slugify(title)}`;
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

/** A YAML value a reader can trust: plain when it is plainly a string, JSON-quoted otherwise. */
function yamlString(text: string): string {
  return /^[A-Za-z0-9][\w .,()/'-]*$/.test(text) && !/^(true|false|yes|no|null|on|off)$/i.test(text) ? text : JSON.stringify(text);
}

/**
 * A template's `key: value  # comment` line with another value, the comment kept. `(?<!\s)` tries a
 * run of spaces from its first only: `(\s+#.*)?$` retried from every space of it, quadratic on a long one.
 */
export function setValue(line: string, value: string): string {
  // `s`: a line split at \n may still hold a lone \r or U+2028, which `.` would not match.
  const m = /^(\w+:\s*)(.*?)((?<!\s)\s+#.*)?$/s.exec(line)!;
  return `${m[1]}${value}${m[3] ?? ''}`;
}

/**
 * A new draft postmortem from the team's template: the given values set, the placeholders it cannot
 * know yet commented out (so the draft validates), and every required section present.
 */
export function newPostmortem(values: NewPostmortem, context: NewPostmortemContext): { id: string; text: string } {
  const id = uniqueId(values.startedAt.slice(0, 10), values.title, context.taken);
  const match = /^(?:\uFEFF)?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(context.template);
  const frontmatter = match ? match[1]!.split(/\r?\n/) : [];
  const body = match ? match[2]! : context.template;

  const set: Record<string, string> = {
    title: yamlString(values.title),
    status: 'draft',
    severity: values.severity,
    started_at: values.startedAt,
    authors: `[${yamlString(values.author)}]`,
    services: `[${values.services.join(', ')}]`,
  };
  const seen = new Set<string>();
  const lines = frontmatter.map((line) => {
    const key = /^(\w+):/.exec(line)?.[1];
    if (!key) return line;
    seen.add(key);
    if (key in set) return setValue(line, set[key]!);
    if (PLACEHOLDERS.has(key)) return `# ${line}`;
    return line;
  });
  for (const [key, value] of Object.entries(set)) if (!seen.has(key)) lines.push(`${key}: ${value}`);

  const present = new Set(body.split('\n').flatMap((line) => level2HeadingName(line.trimEnd()) ?? []).map(sectionKey));
  const missing = context.requiredSections
    .filter((names) => !names.some((name) => present.has(sectionKey(name))))
    .map((names) => `## ${names[0]}\n\n_${UNWRITTEN}_\n`);
  const fullBody = [`${body.trimEnd()}\n`, ...missing].join('\n');
  return { id, text: `---\n${lines.join('\n')}\n---\n${fullBody.startsWith('\n') ? '' : '\n'}${fullBody}` };
}
