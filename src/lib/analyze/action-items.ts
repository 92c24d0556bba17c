import { ACTION_ITEM_TYPES, PRIORITIES, type ActionItem } from '../schema/action-item.ts';
import { daysBetween, periodEnd, periodOf } from './calendar.ts';
import { isOpen, isOverdue } from './concepts.ts';
import type { Population } from './cases.ts';
import { groupBy } from './groups.ts';
import { median, round } from './stats.ts';
import type { ActionItemAnalysis, ActionItemCounts, ActionItemRow, AnalysisSettings, GroupedCounts } from './types.ts';

/** An action item's own fields as analysis reports them: absent values are null, not missing. */
export function actionItemFields(item: ActionItem) {
  return {
    title: item.title,
    owner: item.owner,
    priority: item.priority,
    status: item.status,
    due: item.due ?? null,
    completedAt: item.completed_at ?? null,
    ticket: item.ticket ?? null,
  };
}

function rows(population: Population, asOf: string): ActionItemRow[] {
  return population.all.flatMap((c) =>
    (c.incident.frontmatter.action_items ?? []).map((item, index): ActionItemRow => {
      const fields = actionItemFields(item);
      const overdue = isOverdue(fields, asOf);
      return {
        incident: c.id,
        index,
        ...fields,
        team: c.teams[0]!,
        type: item.type,
        labels: item.labels ?? [],
        reason: item.reason ?? null,
        open: isOpen(fields, asOf),
        overdue,
        overdueDays: overdue ? daysBetween(item.due!, asOf) : null,
        daysToComplete: item.status === 'done' && item.completed_at ? daysBetween(c.date, item.completed_at) : null,
      };
    }),
  );
}

export function countItems(items: readonly ActionItemRow[]): ActionItemCounts {
  const counts: ActionItemCounts = { total: items.length, open: 0, inProgress: 0, done: 0, wontDo: 0, unfinished: 0, overdue: 0, completionRate: null };
  for (const item of items) {
    if (item.status === 'open') counts.open++;
    else if (item.status === 'in-progress') counts.inProgress++;
    else if (item.status === 'done') counts.done++;
    else counts.wontDo++;
    if (item.open) counts.unfinished++;
    if (item.overdue) counts.overdue++;
  }
  // Done by the analysis date: an item finished since then was still open, as the counts say.
  const toDo = counts.total - counts.wontDo;
  counts.completionRate = toDo ? round((toDo - counts.unfinished) / toDo) : null;
  return counts;
}

function countsBy(items: readonly ActionItemRow[], key: (item: ActionItemRow) => string, order?: readonly string[]): GroupedCounts[] {
  const result = [...groupBy(items, (item) => [key(item)], order)].map(([k, group]) => ({ key: k, ...countItems(group) }));
  return order ? result : result.sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : 1));
}

function perPeriod(items: readonly ActionItemRow[], population: Population, settings: AnalysisSettings): ActionItemAnalysis['perPeriod'] {
  const { periods } = population.scope;
  const index = new Map(periods.map((p, i) => [p, i]));
  const ends = periods.map((p) => periodEnd(p, settings.period));
  const table = periods.map((period) => ({ period, opened: 0, closed: 0, overdueAtEnd: 0 }));
  for (const item of items) {
    const opened = index.get(periodOf(population.byId.get(item.incident)!.date, settings.period));
    if (opened !== undefined) table[opened]!.opened++;
    if (item.status === 'done' && item.completedAt) {
      const closed = index.get(periodOf(item.completedAt, settings.period));
      if (closed !== undefined) table[closed]!.closed++;
    }
    if (item.due === null) continue;
    for (let i = index.get(periodOf(item.due, settings.period)) ?? periods.length; i < periods.length; i++) {
      if (isOverdue(item, ends[i]!)) table[i]!.overdueAtEnd++;
    }
  }
  return table;
}

export function analyseActionItems(population: Population, settings: AnalysisSettings): ActionItemAnalysis {
  const items = rows(population, settings.asOf);
  const byIncident: Record<string, ActionItemCounts> = {};
  for (const group of countsBy(items, (i) => i.incident, population.all.map((c) => c.id))) {
    const { key, ...counts } = group;
    if (counts.total) byIncident[key] = counts;
  }
  return {
    totals: countItems(items),
    medianDaysToComplete: median(items.flatMap((i) => (i.daysToComplete === null ? [] : [i.daysToComplete]))),
    byOwner: countsBy(items, (i) => i.owner),
    byTeam: countsBy(items, (i) => i.team),
    byType: countsBy(items, (i) => i.type, ACTION_ITEM_TYPES),
    byPriority: countsBy(items, (i) => i.priority, PRIORITIES),
    perPeriod: perPeriod(items, population, settings),
    byIncident,
    items,
  };
}
