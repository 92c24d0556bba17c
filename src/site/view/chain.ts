import type { RecurrenceChain } from '../../lib/index.ts';
import { chainWindow } from '../chain-window.ts';
import { titleOf, type SiteData } from './site-data.ts';

export type ChainStepView =
  | { kind: 'incident'; id: string; date: string; title: string; /** None for the page's own incident. */ href: string | undefined; /** Whole days after the one before; null for the first. */ gapDays: number | null }
  | { kind: 'skipped'; count: number };

export interface ChainView {
  steps: ChainStepView[];
  summary: string;
}

/** A recurrence chain as a page lists it: a window of it around `current`, the rest counted. */
export function chainView(data: SiteData, chain: RecurrenceChain, current?: string): ChainView {
  const steps = chainWindow(chain.incidents, current).map((step): ChainStepView => {
    if ('skipped' in step) return { kind: 'skipped', count: step.skipped };
    return {
      kind: 'incident',
      id: step.id,
      date: data.byId.get(step.id)?.frontmatter.started_at.slice(0, 10) ?? '',
      title: titleOf(data, step.id),
      href: step.id === current || !data.byId.has(step.id) ? undefined : data.links.incident(step.id),
      gapDays: step.index > 0 ? Math.round(chain.gapsDays[step.index - 1]!) : null,
    };
  });
  const summary = `${chain.incidents.length} incidents, ${chain.firstSeen} to ${chain.lastSeen}: ${chain.explicit} links written by their authors, ${chain.inferred} inferred.`;
  return { steps, summary };
}
