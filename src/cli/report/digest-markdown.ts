import { printable } from '../formatters/printable.ts';
import { plural, type Digest, type DigestGroup, type DigestItem } from '../../lib/index.ts';

export interface DigestMarkdownOptions {
  /** A postmortem's file, by incident id, to link to. */
  fileOf: (incident: string) => string;
  /** Prepended to a postmortem's file to link it, e.g. a repository's blob URL; no links without it. */
  linkBase?: string | undefined;
}

/**
 * Text from a postmortem in Markdown, on one line of a list item: line breaks become spaces, so it
 * stays in its item; control characters and terminal escapes are shown as escapes, as on the
 * terminal; and every character that would make a link, an image, HTML, an entity, a table cell or
 * emphasis is escaped. A title shows as written and can never become markup. A bare URL or address
 * in it may still be linked by GitHub's autolinking, to exactly the text shown, as in any comment.
 */
export function markdownText(text: string): string {
  return printable(text.replace(/\s+/g, ' ')).replace(/[\\`*_[\]<>|~#!&]/g, '\\$&');
}

/** A URL as a Markdown link target: parentheses and spaces encoded so it ends where it should. */
function target(url: string): string {
  return url.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function line({ item, overdueDays }: DigestItem, when: string, options: DigestMarkdownOptions): string {
  const title = item.ticket ? `[${markdownText(item.title)}](${target(item.ticket)})` : markdownText(item.title);
  const source = options.linkBase ? `[${item.incident}](${target(`${options.linkBase}${options.fileOf(item.incident)}`)})` : `\`${item.incident}\``;
  const late = overdueDays === null ? '' : `, **${plural(overdueDays, 'day')} overdue**`;
  return `- **${item.priority}** ${title} · ${markdownText(item.owner)} · ${when}${late} · ${source}`;
}

function group(g: DigestGroup, digest: Digest, options: DigestMarkdownOptions): string[] {
  const out = [`### ${markdownText(g.key)}`, ''];
  const part = (heading: string, items: DigestItem[], when: (i: DigestItem) => string) => {
    if (!items.length) return;
    out.push(`**${heading}**`, '', ...items.map((i) => line(i, when(i), options)), '');
  };
  part('Overdue', g.overdue, (i) => `due ${i.item.due}`);
  part(`Due by ${digest.dueBy}`, g.dueSoon, (i) => `due ${i.item.due}`);
  part(`Done after ${digest.since}`, g.done, (i) => `done ${i.item.completedAt}`);
  return out;
}

/**
 * The digest as Markdown, per team then per owner: to paste into chat, or to publish as the
 * summary of a scheduled CI job.
 */
export function digestMarkdown(digest: Digest, options: DigestMarkdownOptions): string {
  const { totals } = digest;
  const out = [
    `# Action items, ${digest.asOf}`,
    '',
    `${totals.overdue} overdue · ${totals.dueSoon} due by ${digest.dueBy} · ${totals.done} done after ${digest.since}`,
    '',
  ];
  if (!digest.byTeam.length) {
    out.push('Nothing overdue, nothing due soon, nothing done since the last digest.', '');
    return `${out.join('\n')}`;
  }
  out.push('## By team', '');
  for (const g of digest.byTeam) out.push(...group(g, digest, options));
  out.push('## By owner', '');
  for (const g of digest.byOwner) out.push(...group(g, digest, options));
  return `${out.join('\n').trimEnd()}\n`;
}
