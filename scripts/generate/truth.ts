/**
 * What was planted, as `npm run eval` reads it: every repeat with the incident it repeats, and the
 * repeats a finished prevent item would have stopped. Written from the plan and the action items,
 * never read back from the files, so the truth cannot inherit a mistake of the parser or the analysis.
 */
import type { ActionItem } from './actions.ts';
import type { Planned } from './plan.ts';

export interface PlantedRecurrence {
  id: string;
  /** The incident it directly repeats. */
  origin: string;
  /** Whether the repeat's file writes `recurrence_of: origin`. */
  explicit: boolean;
}

export interface PlantedPreventable extends PlantedRecurrence {
  /** Titles of the origin's prevent items that were overdue when the repeat started. */
  items: string[];
}

export interface Truth {
  recurrences: PlantedRecurrence[];
  preventable: PlantedPreventable[];
}

/**
 * A prevent item of the origin that was overdue on the repeat's start date: due before it and not
 * done by then (still open or in progress, or completed on that day or later). An item without a
 * due date was never overdue; a won't-do item was a decision, not a promise left unkept.
 */
export function overdueOn(item: ActionItem, day: number): boolean {
  if (item.type !== 'prevent' || item.due === undefined || item.due >= day) return false;
  if (item.status === 'open' || item.status === 'in-progress') return true;
  return item.status === 'done' && item.completed !== undefined && item.completed >= day;
}

/** `items[i]` holds the action items written for `planned[i]`. Entries in start order. */
export function plantedTruth(planned: readonly Planned[], items: readonly (readonly ActionItem[])[]): Truth {
  const truth: Truth = { recurrences: [], preventable: [] };
  for (const p of planned) {
    if (p.recurrenceOf === undefined) continue;
    const entry: PlantedRecurrence = { id: p.id, origin: planned[p.recurrenceOf]!.id, explicit: p.linked };
    truth.recurrences.push(entry);
    const overdue = items[p.recurrenceOf]!.filter((item) => overdueOn(item, p.day)).map((item) => item.title);
    if (overdue.length) truth.preventable.push({ ...entry, items: overdue });
  }
  return truth;
}

/** One entry per line: a large truth file stays readable and diffs well. Same truth, same bytes. */
export function renderTruth(truth: Truth): string {
  const list = (entries: readonly object[]) => entries.length ? `[\n${entries.map((e) => `    ${JSON.stringify(e)}`).join(',\n')}\n  ]` : '[]';
  return `{\n  "recurrences": ${list(truth.recurrences)},\n  "preventable": ${list(truth.preventable)}\n}\n`;
}
