import type { Diagnostic, Span } from '../diagnostics/diagnostic.ts';
import { diagnostic } from '../diagnostics/diagnostic.ts';
import { suggestRecurrences } from '../analyze/recurrence-suggestions.ts';
import type { ProfiledFile } from './incident-file.ts';

/**
 * A notice on each reported postmortem that looks like a recurrence of an earlier one it does not
 * name: the same suggestion the analysis makes, offered while the postmortem is being written.
 * Drafts get one too: that is when "has this happened before?" matters most.
 */
export function possibleRecurrences(
  profiled: readonly ProfiledFile[],
  reported: (file: string) => boolean,
  windowDays: number,
  /** Where a notice about a file belongs: its `services:` line. */
  locate: (file: string) => Span,
): Diagnostic[] {
  const byId = new Map(profiled.map((p) => [p.profile.id, p]));
  const targets = new Set(profiled.filter((p) => reported(p.file)).map((p) => p.profile.id));
  if (!targets.size) return [];
  const { suggestions } = suggestRecurrences(profiled.map((p) => p.profile), { windowDays, targets: (p) => targets.has(p.id) });
  return suggestions.map((s) => {
    const { file } = byId.get(s.to)!;
    const shared = [...s.shared.services, ...s.shared.rootCauses].join(', ');
    return diagnostic(file, locate(file), 'possible-recurrence', 'notice',
      `looks like a recurrence of ${s.from} (shared: ${shared}; text ${s.score.toFixed(2)}): add \`recurrence_of: ${s.from}\` if it is one, or \`not_recurrence_of: [${s.from}]\` if it is not`);
  });
}
