import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnostic } from '../diagnostics/diagnostic.ts';
import { closest } from '../text/suggest.ts';
import type { IncidentIndexEntry } from './incident-file.ts';

/**
 * Checks that need every file: duplicate ids, links to incidents that do not exist, recurrences of
 * later incidents, and `recurrence_of` cycles. Each finding is reported in the file that holds the
 * problem, so it lands on the line a reviewer must change.
 */
export function checkAcrossFiles(entries: readonly IncidentIndexEntry[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const first = { start: { line: 1, column: 1 } };

  const byLowerId = new Map<string, IncidentIndexEntry[]>();
  for (const entry of entries) {
    const key = entry.id.toLowerCase();
    byLowerId.set(key, [...(byLowerId.get(key) ?? []), entry]);
  }
  for (const group of byLowerId.values()) {
    if (group.length < 2) continue;
    for (const entry of group) {
      const others = group.filter((e) => e !== entry).map((e) => e.file).join(', ');
      out.push(diagnostic(entry.file, first, 'duplicate-id', 'error', `the incident id \`${entry.id}\` is also used by ${others}; ids must be unique (ignoring case): rename one file`));
    }
  }

  const byId = new Map(entries.map((e) => [e.id, e]));
  const ids = [...byId.keys()];
  for (const entry of entries) {
    for (const link of entry.links) {
      if (link.id === entry.id) continue; // reported as self-reference with the file's own checks
      const target = byId.get(link.id);
      if (!target) {
        const match = closest(link.id, ids);
        out.push(diagnostic(entry.file, link.span, 'unknown-incident', 'error', `\`${link.field}\` names \`${link.id}\`, but no incident has that id${match ? `; did you mean \`${match}\`?` : ': use the file name of an existing postmortem, without `.md`'}`));
      } else if (link.field === 'recurrence_of' && entry.startedAt !== undefined && target.startedAt !== undefined && target.startedAt >= entry.startedAt) {
        out.push(diagnostic(entry.file, link.span, 'recurrence-order', 'error', `\`recurrence_of\` names \`${link.id}\`, which did not start earlier than this incident; a recurrence follows the incident it repeats: swap the link into \`${target.file}\` or use \`related\``));
      }
    }
  }

  // Each file has at most one `recurrence_of`, so the links form a functional graph: follow each
  // chain once, and a chain that reaches a file on the current path has found a cycle.
  const next = new Map<string, { to: string; entry: IncidentIndexEntry }>();
  for (const entry of entries) {
    const link = entry.links.find((l) => l.field === 'recurrence_of');
    if (link && link.id !== entry.id && byId.has(link.id)) next.set(entry.id, { to: link.id, entry });
  }
  const done = new Set<string>();
  for (const start of next.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: string | undefined = start;
    while (current !== undefined && !done.has(current) && !onPath.has(current)) {
      path.push(current);
      onPath.add(current);
      current = next.get(current)?.to;
    }
    if (current !== undefined && onPath.has(current)) {
      const cycle = path.slice(path.indexOf(current));
      const described = [...cycle, current].map((id) => `\`${id}\``).join(' → ');
      for (const id of cycle) {
        const { entry } = next.get(id)!;
        const link = entry.links.find((l) => l.field === 'recurrence_of')!;
        out.push(diagnostic(entry.file, link.span, 'recurrence-cycle', 'error', `\`recurrence_of\` links form a cycle: ${described}; the earliest incident must not name a recurrence`));
      }
    }
    for (const id of path) done.add(id);
  }
  return out;
}
