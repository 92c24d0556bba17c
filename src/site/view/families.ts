import { plural, type FamilyStatus, type PreventItem, type RecurrenceFamily } from '../../lib/index.ts';
import { familyTree, type FamilyTreeView } from './family-tree.ts';
import { incidentLink, type SiteData } from './site-data.ts';

type Linked = { title: string; href: string | undefined };

/** A recurrence family in a list of them: its span, how long since it last came back, the prevent work left, and its tree (the origin at its root). */
export interface FamilyRowView {
  status: { word: FamilyStatus; tone: 'bad' | 'warn' | 'good' };
  size: string;
  /** Start dates of its first and last incidents. */
  first: string;
  last: string;
  /** `330 days since the last one`. */
  sinceLast: string;
  /** `no prevent item open`, `2 prevent items open, 1 overdue`. */
  prevent: { text: string; tone: 'bad' | 'good' | 'muted' };
  /** The open prevent items, overdue first, each with its incident. */
  openItems: { title: string; ticket: string | undefined; meta: string; overdue: string | undefined; incident: Linked }[];
  tree: FamilyTreeView;
}

export interface FamilyGroupView {
  status: FamilyStatus;
  heading: string;
  /** What the status means, with the window it is judged on. */
  note: string;
  /** Families of this status, all of them; `rows` may hold fewer. */
  total: number;
  rows: FamilyRowView[];
}

export interface FamiliesView {
  /** Active first, then quiet, then fixed; a group without families is left out. */
  groups: FamilyGroupView[];
  total: number;
  shown: number;
}

const ORDER: readonly FamilyStatus[] = ['active', 'quiet', 'fixed'];
const TONES = { active: 'bad', quiet: 'warn', fixed: 'good' } as const;

function headingOf(status: FamilyStatus, windowDays: number): { heading: string; note: string } {
  switch (status) {
    case 'active': return { heading: 'Active', note: `Not fixed, and an incident of it in the last ${windowDays} days.` };
    case 'quiet': return { heading: 'Quiet', note: `Not fixed, but no incident of it for more than ${windowDays} days.` };
    case 'fixed': return { heading: 'Fixed', note: 'Every prevent item done, and no incident of it since the last was done.' };
  }
}

function openItem(data: SiteData, item: PreventItem, overdue: ReadonlySet<PreventItem>): FamilyRowView['openItems'][number] {
  const row = data.itemsOf.get(item.incident)?.[item.index];
  return {
    title: item.title,
    ticket: item.ticket ?? undefined,
    meta: [item.priority, item.owner, item.due ? `due ${item.due}` : 'no due date'].join(' · '),
    overdue: overdue.has(item) && row?.overdueDays != null ? `${plural(row.overdueDays, 'day')} overdue` : undefined,
    incident: incidentLink(data, item.incident),
  };
}

export function familyRow(data: SiteData, family: RecurrenceFamily): FamilyRowView {
  const open = family.openPreventItems.length, overdue = family.overduePreventItems.length;
  const overdueSet = new Set(family.overduePreventItems);
  return {
    status: { word: family.status, tone: TONES[family.status] },
    size: plural(family.members.length, 'incident'),
    first: family.first,
    last: family.last,
    sinceLast: `${plural(family.daysSinceLast, 'day')} since the last one`,
    prevent: open === 0
      ? { text: 'no prevent item open', tone: 'good' }
      : { text: `${plural(open, 'prevent item')} open${overdue ? `, ${overdue} overdue` : ''}`, tone: overdue ? 'bad' : 'muted' },
    openItems: [...family.overduePreventItems, ...family.openPreventItems.filter((i) => !overdueSet.has(i))].map((i) => openItem(data, i, overdueSet)),
    tree: familyTree(data, family),
  };
}

/**
 * Recurrence families by status, active first, then quiet, then fixed; within a status, as the
 * analysis orders them (largest, then most recent). At most `limit` rows in all; every group
 * still says how many families it has.
 */
export function familiesView(data: SiteData, limit: number): FamiliesView {
  const { families } = data.analysis.recurrence;
  const windowDays = data.analysis.settings.recurrenceWindowDays;
  let left = limit;
  const groups = ORDER.flatMap((status): FamilyGroupView[] => {
    const all = families.filter((f) => f.status === status);
    if (!all.length) return [];
    const rows = all.slice(0, left).map((f) => familyRow(data, f));
    left -= rows.length;
    return [{ status, ...headingOf(status, windowDays), total: all.length, rows }];
  });
  return { groups, total: families.length, shown: groups.reduce((n, g) => n + g.rows.length, 0) };
}
