import { ACTION_ITEM_STATUSES, PRIORITIES, percent, plural, type ActionItemRow, type GroupedCounts } from '../../lib/index.ts';
import { incidentLink, type SiteData } from './site-data.ts';

export interface ActionItemRowView {
  title: string;
  /** The tracker link, when the postmortem gives one. */
  ticket: string | undefined;
  owner: string;
  team: string;
  type: string;
  priority: string;
  status: string;
  /** `done on 2025-02-01`, `open`… */
  statusText: string;
  due: string;
  overdueDays: number | null;
  from: { title: string; href: string | undefined };
  /** What the table's filters match on (`data-*`), and its sort keys. */
  filter: { status: string; overdue: string; owner: string; team: string; priority: string };
  sort: { priority: number; due: string; overdue: number };
}

export function actionItemRow(data: SiteData, item: ActionItemRow): ActionItemRowView {
  return {
    title: item.title,
    ticket: item.ticket ?? undefined,
    owner: item.owner,
    team: item.team,
    type: item.type,
    priority: item.priority,
    status: item.status,
    statusText: `${item.status}${item.completedAt ? ` on ${item.completedAt}` : ''}`,
    due: item.due ?? '—',
    overdueDays: item.overdue ? item.overdueDays : null,
    from: incidentLink(data, item.incident),
    filter: {
      // `unfinished` is the core's open (`isOpen`): what the headline's open count counts.
      status: item.open ? `${item.status} unfinished` : item.status,
      overdue: String(item.overdue),
      owner: item.owner,
      team: item.team,
      priority: item.priority,
    },
    sort: { priority: PRIORITIES.indexOf(item.priority as (typeof PRIORITIES)[number]), due: item.due ?? '9999-99-99', overdue: item.overdueDays ?? -1 },
  };
}

/** Overdue items, most urgent first: by priority (P0 first), then the longest overdue. */
export function overdueFirst(items: readonly ActionItemRow[]): ActionItemRow[] {
  const rank = (i: ActionItemRow) => PRIORITIES.indexOf(i.priority as (typeof PRIORITIES)[number]);
  return items.filter((i) => i.overdue).sort((a, b) => rank(a) - rank(b) || (b.overdueDays ?? 0) - (a.overdueDays ?? 0) || (a.incident < b.incident ? -1 : a.incident > b.incident ? 1 : a.index - b.index));
}

export interface GroupTable {
  label: string;
  rows: { key: string; total: number; open: number; inProgress: number; done: number; wontDo: number; overdue: number; completion: string }[];
}

export interface ActionItemsView {
  /** The page's opening sentence, around its overdue count. */
  summary: { before: string; overdue: string; after: string };
  options: { owners: string[]; teams: string[]; statuses: { value: string; label: string }[]; priorities: string[] };
  rows: ActionItemRowView[];
  groups: GroupTable[];
  period: string;
  perPeriod: { period: string; opened: number; closed: number; overdueAtEnd: number }[];
}

function groupTable(label: string, rows: readonly GroupedCounts[]): GroupTable {
  return { label, rows: rows.map((r) => ({ key: r.key, total: r.total, open: r.open, inProgress: r.inProgress, done: r.done, wontDo: r.wontDo, overdue: r.overdue, completion: percent(r.completionRate) })) };
}

export function actionItemsView(data: SiteData): ActionItemsView {
  const { actionItems, settings } = data.analysis;
  const totals = actionItems.totals;
  return {
    summary: {
      before: `${plural(totals.total, 'action item')} from every postmortem on the site: ${totals.open} open, ${totals.inProgress} in progress, ${totals.done} done, ${totals.wontDo} won't do;`,
      overdue: `${totals.overdue} overdue`,
      after: `as of ${settings.asOf}. Completion rate ${percent(totals.completionRate)} (done of all but won't do); median ${actionItems.medianDaysToComplete ?? '—'} days from incident to done.`,
    },
    options: {
      owners: actionItems.byOwner.map((g) => g.key).sort(),
      teams: actionItems.byTeam.map((g) => g.key).sort(),
      statuses: [{ value: 'unfinished', label: 'not done (open or in progress)' }, ...ACTION_ITEM_STATUSES.map((s) => ({ value: s, label: s }))],
      priorities: [...PRIORITIES],
    },
    rows: actionItems.items.map((item) => actionItemRow(data, item)),
    groups: [groupTable('Owner', actionItems.byOwner), groupTable('Team', actionItems.byTeam), groupTable('Type', actionItems.byType), groupTable('Priority', actionItems.byPriority)],
    period: settings.period,
    perPeriod: actionItems.perPeriod,
  };
}
