import { daysBetween, shiftDays } from './calendar.ts';
import { byStart, type Population } from './cases.ts';
import { isOpen } from './concepts.ts';
import { preventItems } from './recurrence-families.ts';
import type { PreventItem, RecurrenceAnalysis, RecurrenceLink, RecurrenceWithItems } from './types.ts';

type Kinds = Pick<RecurrenceAnalysis, 'preventable' | 'recurredBeforeDue' | 'recurredWithoutDueDate' | 'recurredAfterFix'>;

/**
 * Whether an item was done before a day began: not open at the end of the day before. Dates have
 * no time of day, so an item completed on the day the recurrence started did not prevent it.
 */
function doneBefore(item: PreventItem, date: string): boolean {
  return !isOpen(item, shiftDays(date, -1));
}

/**
 * What the origin's prevent items say about each confirmed recurrence, by the state they were in
 * on the day it started:
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
    const withDays = (list: PreventItem[]): RecurrenceWithItems => ({
      id: link.to,
      origin: link.from,
      items: list.map((item) => ({ ...item, daysPastDue: item.due === null || doneBefore(item, date) ? null : daysBetween(item.due, date) })),
    });
    const unfinished = items.filter((item) => !doneBefore(item, date));
    const overdue = unfinished.filter((item) => item.due !== null && item.due < date);
    if (overdue.length) kinds.preventable.push(withDays(overdue));
    else if (!unfinished.length) kinds.recurredAfterFix.push(withDays(items));
    else if (unfinished.some((item) => item.due !== null)) kinds.recurredBeforeDue.push(withDays(unfinished));
    else kinds.recurredWithoutDueDate.push(withDays(unfinished));
  }
  return kinds;
}
