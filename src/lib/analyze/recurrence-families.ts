import { actionItemFields } from './action-items.ts';
import { daysBetween, gapDays } from './calendar.ts';
import { byStart, type Case, type Population } from './cases.ts';
import { isOpen } from './concepts.ts';
import type { ActionItemRow, FamilyMember, FamilyStatus, PreventItem, RecurrenceFamily, RecurrenceLink } from './types.ts';


/** An incident's prevent items, as recurrence findings list them. Won't-do items are left out: the team decided against them. */
export function preventItems(c: Case): PreventItem[] {
  return (c.incident.frontmatter.action_items ?? []).flatMap((item, index) =>
    item.type === 'prevent' && item.status !== 'wont-do' ? [{ incident: c.id, index, ...actionItemFields(item) }] : [],
  );
}

/** The family's members, depth first from the origin, each repeat after the incident it repeats. */
function walk(origin: Case, children: ReadonlyMap<string, Case[]>): FamilyMember[] {
  const members: FamilyMember[] = [];
  // An explicit stack, not recursion: a folder can hold a chain of thousands.
  const stack: { c: Case; parent: Case | null; depth: number }[] = [{ c: origin, parent: null, depth: 0 }];
  while (stack.length) {
    const { c, parent, depth } = stack.pop()!;
    members.push({ id: c.id, parent: parent?.id ?? null, depth, date: c.date, gapDays: parent ? gapDays(parent.start, c.start) : null });
    const next = children.get(c.id) ?? [];
    for (let i = next.length - 1; i >= 0; i--) stack.push({ c: next[i]!, parent: c, depth: depth + 1 });
  }
  return members;
}

/**
 * `fixed` when the family's prevent items are all done and no incident of it started after the
 * last was done; `quiet` when its last incident is further back than the window; else `active`.
 */
function statusOf(items: readonly PreventItem[], last: string, asOf: string, windowDays: number): FamilyStatus {
  const done = items.length > 0 && items.every((i) => i.status === 'done' && i.completedAt !== null);
  const lastDone = items.reduce((latest, i) => (i.completedAt !== null && i.completedAt > latest ? i.completedAt : latest), '');
  if (done && last <= lastDone) return 'fixed';
  return daysBetween(last, asOf) > windowDays ? 'quiet' : 'active';
}

/**
 * Recurrence families: the trees of confirmed links, one per origin (an incident that is repeated
 * and repeats nothing). Each repeat sits under the incident it names in `recurrence_of`, so a
 * family shows who linked what, not a line nobody drew.
 */
export function findFamilies(population: Population, links: readonly RecurrenceLink[], rows: readonly ActionItemRow[], asOf: string, windowDays: number): RecurrenceFamily[] {
  const children = new Map<string, Case[]>();
  const hasOrigin = new Set<string>();
  for (const link of links) {
    const list = children.get(link.from);
    const c = population.byId.get(link.to)!;
    if (list) list.push(c);
    else children.set(link.from, [c]);
    hasOrigin.add(link.to);
  }
  for (const list of children.values()) list.sort(byStart);
  const overdue = new Set(rows.filter((r) => r.overdue).map((r) => `${r.incident}\u0000${r.index}`));

  const families: RecurrenceFamily[] = [];
  for (const origin of population.all) {
    if (hasOrigin.has(origin.id) || !children.has(origin.id)) continue;
    const members = walk(origin, children);
    const cases = members.map((m) => population.byId.get(m.id)!);
    const lastCase = cases.reduce((latest, c) => (byStart(c, latest) > 0 ? c : latest));
    const items = cases.flatMap(preventItems);
    const open = items.filter((i) => isOpen(i, asOf));
    families.push({
      origin: origin.id,
      members,
      first: origin.date,
      last: lastCase.date,
      lastId: lastCase.id,
      daysSinceLast: daysBetween(lastCase.date, asOf),
      openPreventItems: open,
      overduePreventItems: open.filter((i) => overdue.has(`${i.incident}\u0000${i.index}`)),
      status: statusOf(items, lastCase.date, asOf, windowDays),
    });
  }
  // Largest first: those are the outages that keep coming back; then the most recent.
  return families.sort((a, b) => b.members.length - a.members.length || (a.last > b.last ? -1 : a.last < b.last ? 1 : 0) || (a.origin < b.origin ? -1 : 1));
}
