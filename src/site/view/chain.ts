import { treePrefixes, type RecurrenceFamily } from '../../lib/index.ts';
import { chainWindow } from '../chain-window.ts';
import { titleOf, type SiteData } from './site-data.ts';

export type ChainStepView =
  | {
    kind: 'incident';
    id: string;
    date: string;
    title: string;
    /** None for the page's own incident. */
    href: string | undefined;
    /** Draws the tree: `├─ `, `└─ `, `│  ` before a repeat; empty for the origin. */
    prefix: string;
    /** Whole days after the incident it repeats; null for the origin. */
    gapDays: number | null;
  }
  | { kind: 'skipped'; count: number };

export interface ChainView {
  steps: ChainStepView[];
  summary: string;
}

/**
 * A recurrence family as a page lists it: its tree of confirmed links, each repeat under the
 * incident it repeats, a window of it around `current` and the rest counted.
 */
export function chainView(data: SiteData, family: RecurrenceFamily, current?: string): ChainView {
  const prefixes = treePrefixes(family.members);
  const steps = chainWindow(family.members.map((m) => m.id), current).map((step): ChainStepView => {
    if ('skipped' in step) return { kind: 'skipped', count: step.skipped };
    const member = family.members[step.index]!;
    return {
      kind: 'incident',
      id: step.id,
      date: member.date,
      title: titleOf(data, step.id),
      href: step.id === current || !data.byId.has(step.id) ? undefined : data.links.incident(step.id),
      prefix: prefixes[step.index]!,
      gapDays: member.gapDays === null ? null : Math.round(member.gapDays),
    };
  });
  const overdue = family.overduePreventItems.length;
  const summary = `${family.members.length} incidents, ${family.first} to ${family.last}, linked by their authors: ${family.status}${overdue ? `, ${overdue} prevent items overdue` : ''}.`;
  return { steps, summary };
}
