import { PRIORITIES } from '../schema/action-item.ts';
import { overdueDaysOn } from '../programs/item-criteria.ts';
import { isOpen } from './concepts.ts';
import { groupBy } from './groups.ts';
import type { ActionItemRow } from './types.ts';
import { shiftDays } from './calendar.ts';

/** Items due within this many days of the digest's date are listed as due soon. */
export const DUE_SOON_DAYS = 14;

export interface DigestItem {
  item: ActionItemRow;
  /** Days past due on the digest's date; null unless overdue. */
  overdueDays: number | null;
}

export interface DigestGroup {
  /** A team or an owner. */
  key: string;
  /** Most days overdue first, then by priority. */
  overdue: DigestItem[];
  /** Soonest due first, then by priority. */
  dueSoon: DigestItem[];
  /** Latest done first. */
  done: DigestItem[];
}

export interface Digest {
  asOf: string;
  /** Items done after this day (and by `asOf`) are listed as done. */
  since: string;
  /** The last day counted as due soon. */
  dueBy: string;
  totals: { overdue: number; dueSoon: number; done: number };
  /** Teams and owners with anything to say, alphabetically. */
  byTeam: DigestGroup[];
  byOwner: DigestGroup[];
}

const rank = (priority: string) => (PRIORITIES as readonly string[]).indexOf(priority);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const tie = (a: DigestItem, b: DigestItem) => rank(a.item.priority) - rank(b.item.priority) || byText(a.item.incident, b.item.incident) || a.item.index - b.item.index;

function sections(items: readonly ActionItemRow[], asOf: string, since: string, dueBy: string) {
  const overdue: DigestItem[] = [], dueSoon: DigestItem[] = [], done: DigestItem[] = [];
  for (const item of items) {
    const overdueDays = overdueDaysOn(item, asOf);
    // As of the digest's date: an item done later was still open then.
    if (overdueDays !== null) overdue.push({ item, overdueDays });
    else if (isOpen(item, asOf) && item.due !== null && item.due >= asOf && item.due <= dueBy) dueSoon.push({ item, overdueDays: null });
    else if (item.status === 'done' && item.completedAt !== null && item.completedAt > since && item.completedAt <= asOf) done.push({ item, overdueDays: null });
  }
  overdue.sort((a, b) => b.overdueDays! - a.overdueDays! || tie(a, b));
  dueSoon.sort((a, b) => byText(a.item.due!, b.item.due!) || tie(a, b));
  done.sort((a, b) => byText(b.item.completedAt!, a.item.completedAt!) || tie(a, b));
  return { overdue, dueSoon, done };
}

function groups(items: readonly ActionItemRow[], key: (item: ActionItemRow) => string, asOf: string, since: string, dueBy: string): DigestGroup[] {
  return [...groupBy(items, (i) => [key(i)])]
    .map(([k, list]) => ({ key: k, ...sections(list, asOf, since, dueBy) }))
    .filter((g) => g.overdue.length + g.dueSoon.length + g.done.length > 0)
    .sort((a, b) => byText(a.key, b.key));
}

/**
 * What a team and a person should look at this week: overdue items, items due in the next 14
 * days, and items done since the last digest. The items are the analysis' own, as of its date.
 */
export function actionItemDigest(items: readonly ActionItemRow[], options: { asOf: string; since: string }): Digest {
  const { asOf, since } = options;
  const dueBy = shiftDays(asOf, DUE_SOON_DAYS);
  const all = sections(items, asOf, since, dueBy);
  return {
    asOf,
    since,
    dueBy,
    totals: { overdue: all.overdue.length, dueSoon: all.dueSoon.length, done: all.done.length },
    byTeam: groups(items, (i) => i.team, asOf, since, dueBy),
    byOwner: groups(items, (i) => i.owner, asOf, since, dueBy),
  };
}
