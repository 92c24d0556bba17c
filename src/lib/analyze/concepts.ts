import type { ActionItemStatus } from './types.ts';

/** What the state of an action item at a date depends on. */
export interface ActionItemState {
  status: ActionItemStatus;
  /** `YYYY-MM-DD`, or null without a due date. */
  due: string | null;
  /** `YYYY-MM-DD`, or null when not done (or done without a date). */
  completedAt: string | null;
}

/**
 * Whether an action item was open at the end of a day (`YYYY-MM-DD`): not done by then, and not
 * given up. An item done later was still open that day; a won't-do item never counts as open, as
 * nobody means to do it. The one definition of "open" that the analysis, the CLI and the site use.
 */
export function isOpen(item: ActionItemState, date: string): boolean {
  if (item.status === 'wont-do') return false;
  if (item.status === 'done') return item.completedAt !== null && item.completedAt > date;
  return true;
}

/**
 * Whether an action item was overdue at the end of a day: open then, and due before it. The one
 * definition of "overdue": the headline, the 90-day windows and the per-period counts all judge it
 * so, and so agree.
 */
export function isOverdue(item: ActionItemState, date: string): boolean {
  return item.due !== null && item.due < date && isOpen(item, date);
}

/** How many of the catalog's severities (worst first) count as severe: SEV1 and SEV2 by default. */
const SEVERE = 2;

/** The severities that count as severe: the catalog's two worst. */
export function severeSeverities(severities: readonly string[]): string[] {
  return severities.slice(0, SEVERE);
}

/** Whether an incident's severity is severe, given the catalog's severities, worst first. */
export function isSevere(severity: string, severities: readonly string[]): boolean {
  return severeSeverities(severities).includes(severity);
}
