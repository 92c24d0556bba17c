import { daysBetween, shiftDays } from './calendar.ts';
import { byStart, type Population } from './cases.ts';
import { isOpen, type ActionItemState } from './concepts.ts';
import { preventItems } from './recurrence-families.ts';
import type { PreventItem, RecurrenceAnalysis, RecurrenceLink, RecurrenceWithItems } from './types.ts';

/** The four lists a confirmed recurrence can land in, by what its origin's prevent items were when it started. */
export const RECURRENCE_KINDS = ['preventable', 'recurredAfterFix', 'recurredBeforeDue', 'recurredWithoutDueDate'] as const;
export type RecurrenceKind = (typeof RECURRENCE_KINDS)[number];

type Kinds = Pick<RecurrenceAnalysis, RecurrenceKind>;

/**
 * Whether an item was still open when a day began: not done by the end of the day before. Dates
 * have no time of day, so an item completed on the day an incident started did not prevent it.
 * The one definition of "open when the incident started" that the recurrence kinds and the site use.
 */
export function openWhenStarted(item: ActionItemState, date: string): boolean {
  return isOpen(item, shiftDays(date, -1));
}

/** What an action item was on the day an incident started. `days` are whole days past or before `due`. */
export type ItemStateOnDay =
  | { state: 'done'; completedAt: string | null }
  | { state: 'wont-do' }
  | { state: 'overdue'; days: number }
  | { state: 'not-yet-due'; days: number }
  | { state: 'no-due-date' };

/** An item's state on the day an incident started (`YYYY-MM-DD`), as the recurrence kinds judge it. */
export function itemStateOn(item: ActionItemState, date: string): ItemStateOnDay {
  if (item.status === 'wont-do') return { state: 'wont-do' };
  if (!openWhenStarted(item, date)) return { state: 'done', completedAt: item.completedAt };
  if (item.due === null) return { state: 'no-due-date' };
  return item.due < date ? { state: 'overdue', days: daysBetween(item.due, date) } : { state: 'not-yet-due', days: daysBetween(date, item.due) };
}

/** Days from an item's due date to its completion: positive when done late; null unless it has both. */
export function daysLate(item: ActionItemState): number | null {
  return item.status === 'done' && item.due !== null && item.completedAt !== null ? daysBetween(item.due, item.completedAt) : null;
}

/**
 * What the origin's prevent items say about each confirmed recurrence, by the state they were in
 * on the day it started (`itemStateOn`):
 * - `preventable`: one was overdue (due before that day, not done by then);
 * - `recurredAfterFix`: every one was done — the fix did not work;
 * - `recurredBeforeDue`: none was overdue, and one was due later;
 * - `recurredWithoutDueDate`: none was overdue or due later; the unfinished ones had no due date.
 * Only the direct origin counts: an item further back was meant for another incident. A
 * recurrence whose origin has no prevent item is in none of the four.
 */
export function classifyRecurrences(population: Population, links: readonly RecurrenceLink[]): Kinds {
  const kinds: Kinds = { preventable: [], recurredBeforeDue: [], recurredWithoutDueDate: [], recurredAfterFix: [] };
  const ordered = [...links].sort((x, y) => byStart(population.byId.get(x.to)!, population.byId.get(y.to)!));
  for (const link of ordered) {
    const recurrence = population.byId.get(link.to)!;
    if (recurrence.kind !== 'incident') continue;
    const items = preventItems(population.byId.get(link.from)!);
    if (!items.length) continue;
    const date = recurrence.date;
    const states = new Map(items.map((item) => [item, itemStateOn(item, date)]));
    const withDays = (list: PreventItem[]): RecurrenceWithItems => ({
      id: link.to,
      origin: link.from,
      items: list.map((item) => {
        const { state } = states.get(item)!;
        return { ...item, daysPastDue: state === 'overdue' || state === 'not-yet-due' ? daysBetween(item.due!, date) : null };
      }),
    });
    const unfinished = items.filter((item) => states.get(item)!.state !== 'done');
    const overdue = unfinished.filter((item) => states.get(item)!.state === 'overdue');
    if (overdue.length) kinds.preventable.push(withDays(overdue));
    else if (!unfinished.length) kinds.recurredAfterFix.push(withDays(items));
    else if (unfinished.some((item) => item.due !== null)) kinds.recurredBeforeDue.push(withDays(unfinished));
    else kinds.recurredWithoutDueDate.push(withDays(unfinished));
  }
  return kinds;
}
