import type { Diagnostic, Span } from '../diagnostics/diagnostic.ts';
import { diagnostic } from '../diagnostics/diagnostic.ts';
import { shorten } from '../text/format.ts';
import { closest } from '../text/suggest.ts';
import type { IncidentIndexEntry } from './incident-file.ts';

/** How much of an id that names nothing a finding quotes: ids are file names, far shorter. */
const ID_SHOWN = 120;

/** Every postmortem in the folder, by file name, and each one's links on demand. */
export interface IncidentIndex {
  /** Every postmortem's id and file, known from file names alone. */
  files: readonly { id: string; file: string }[];
  /** The links and start of an incident; read from its file only when a check needs it. */
  entry(id: string): IncidentIndexEntry | undefined;
}

const recurrenceOf = (entry: IncidentIndexEntry) => entry.links.find((l) => l.field === 'recurrence_of');

/**
 * Checks that need other files: duplicate ids, links to incidents that do not exist, recurrences
 * of later incidents, and `recurrence_of` cycles. Findings are reported in the `reported` files
 * only, on the line a reviewer must change; other files are read only as far as a link leads, so
 * checking one file in a folder of thousands reads a handful.
 */
export function checkAcrossFiles(
  reported: readonly IncidentIndexEntry[],
  index: IncidentIndex,
  locate: (entry: IncidentIndexEntry, path: readonly (string | number)[]) => Span,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const first = { start: { line: 1, column: 1 } };

  const filesByLowerId = new Map<string, string[]>();
  for (const { id, file } of index.files) {
    const key = id.toLowerCase();
    filesByLowerId.set(key, [...(filesByLowerId.get(key) ?? []), file]);
  }
  const ids = index.files.map((f) => f.id);

  for (const entry of reported) {
    const others = (filesByLowerId.get(entry.id.toLowerCase()) ?? []).filter((f) => f !== entry.file);
    if (others.length) {
      out.push(diagnostic(entry.file, first, 'duplicate-id', 'error', `the incident id \`${entry.id}\` is also used by ${others.join(', ')}; ids must be unique (ignoring case): rename one file`));
    }

    for (const link of entry.links) {
      if (link.id === entry.id) continue; // reported as self-reference with the file's own checks
      const target = index.entry(link.id);
      if (!target) {
        const match = closest(link.id, ids);
        out.push(diagnostic(entry.file, locate(entry, link.path), 'unknown-incident', 'error', `\`${link.field}\` names \`${shorten(link.id, ID_SHOWN)}\`, but no incident has that id${match ? `; did you mean \`${match}\`?` : ': use the file name of an existing postmortem, without `.md`'}`));
      } else if (link.field !== 'not_recurrence_of' && target.status === 'draft' && entry.status !== undefined && entry.status !== 'draft') {
        // A dismissal is never shown on the site, so it may name a draft.
        out.push(diagnostic(entry.file, locate(entry, link.path), 'draft-reference', 'error', `\`${link.field}\` names \`${link.id}\`, which is a draft; drafts are not published, so a postmortem past draft must not name one: add the link once \`${link.id}\` leaves draft, or remove it`));
      } else if (link.field === 'recurrence_of' && entry.startedAt !== undefined && target.startedAt !== undefined && target.startedAt >= entry.startedAt) {
        out.push(diagnostic(entry.file, locate(entry, link.path), 'recurrence-order', 'error', `\`recurrence_of\` names \`${link.id}\`, which did not start earlier than this incident; a recurrence follows the incident it repeats: move the link into \`${target.file}\` or use \`related\``));
      }
    }

    // Each file has at most one `recurrence_of`: follow the chain; coming back here is a cycle.
    const own = recurrenceOf(entry);
    if (!own || own.id === entry.id) continue;
    const chain = [entry.id];
    const seen = new Set(chain);
    let next = index.entry(own.id);
    while (next && !seen.has(next.id)) {
      chain.push(next.id);
      seen.add(next.id);
      const link = recurrenceOf(next);
      next = link && link.id !== next.id ? index.entry(link.id) : undefined;
    }
    if (next?.id === entry.id) {
      const described = [...chain, entry.id].map((id) => `\`${id}\``).join(' → ');
      out.push(diagnostic(entry.file, locate(entry, own.path), 'recurrence-cycle', 'error', `\`recurrence_of\` links form a cycle: ${described}; the earliest incident must not name a recurrence`));
    }
  }
  return out;
}
