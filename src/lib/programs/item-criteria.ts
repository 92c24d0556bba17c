import { daysBetween } from '../analyze/calendar.ts';
import { isOverdue } from '../analyze/concepts.ts';
import type { ActionItemRow } from '../analyze/types.ts';
import type { ExitCriterion } from '../schema/program.ts';
import { plural } from '../text/format.ts';
import { caseOf, later, type CriterionContext } from './context.ts';
import { inScope } from './scope.ts';
import type { CriterionEvaluation, ItemEvidence } from './types.ts';

type ItemCriterion = Extract<ExitCriterion, { kind: 'action-items-done' | 'labelled-items-done' }>;
export type ItemResult = Pick<CriterionEvaluation, 'met' | 'metOn' | 'summary' | 'measure' | 'blockingItems' | 'projectedOn'>;

/** An item a criterion depends on, and the day it was closed (null while it is not). */
export interface DependentItem {
  row: ActionItemRow;
  /** Its incident's start date: the day the item came to exist. */
  opened: string;
  closed: string | null;
}

/**
 * When an item counts as closed, as of a day: done by then (never before its incident), or
 * `wont-do` with a written reason, which closes it from the start. A `wont-do` without a reason
 * stays to do: dropping work needs saying why.
 */
export function closedOn(row: ActionItemRow, opened: string, date: string): string | null {
  if (row.status === 'done' && row.completedAt !== null && row.completedAt <= date) return later(row.completedAt, opened);
  if (row.status === 'wont-do' && row.reason !== null) return opened;
  return null;
}

/** Days past due on a day (`isOverdue`), or null when not overdue then. */
export function overdueDaysOn(row: ActionItemRow, date: string): number | null {
  return isOverdue(row, date) ? daysBetween(row.due!, date) : null;
}

function why(row: ActionItemRow): string {
  if (row.status === 'wont-do') return "won't do, without a reason";
  if (row.status === 'done') return `done only on ${row.completedAt}`;
  return row.status === 'in-progress' ? 'in progress' : 'open';
}

/** The items of incidents in scope, known by the evaluation day, that `keep` accepts. */
export function dependentItems(ctx: CriterionContext, keep: (row: ActionItemRow, date: string) => boolean): DependentItem[] {
  const out: DependentItem[] = [];
  for (const row of ctx.items) {
    const c = caseOf(ctx, row.incident);
    if (c.date > ctx.date || !inScope(c, ctx.scope) || !keep(row, c.date)) continue;
    out.push({ row, opened: c.date, closed: closedOn(row, c.date, ctx.date) });
  }
  return out;
}

function evidence(ctx: CriterionContext, row: ActionItemRow): ItemEvidence {
  return {
    file: caseOf(ctx, row.incident).incident.file,
    path: ['action_items', row.index],
    incident: row.incident,
    index: row.index,
    title: row.title,
    owner: row.owner,
    team: row.team,
    priority: row.priority,
    type: row.type,
    status: row.status,
    due: row.due,
    completedAt: row.completedAt,
    ticket: row.ticket,
    why: why(row),
    overdueDays: overdueDaysOn(row, ctx.date),
  };
}

/** Which items a criterion depends on. */
export function itemFilter(criterion: ItemCriterion): (row: ActionItemRow, incidentDate: string) => boolean {
  const labels = criterion.labels;
  const anyLabel = (row: ActionItemRow) => labels === undefined || row.labels.some((l) => labels.includes(l));
  if (criterion.kind === 'labelled-items-done') return anyLabel;
  const { started_before: before, priorities, types } = criterion;
  return (row, incidentDate) => anyLabel(row)
    && (before === undefined || incidentDate < before)
    && (priorities === undefined || (priorities as readonly string[]).includes(row.priority))
    && (types === undefined || (types as readonly string[]).includes(row.type));
}

/** `action-items-done` and `labelled-items-done`: every item it depends on is closed (and, for labels, each label is on one). */
export function evaluateItems(criterion: ItemCriterion, ctx: CriterionContext): ItemResult {
  const items = dependentItems(ctx, itemFilter(criterion));
  const open = items.filter((i) => i.closed === null);
  const blockingItems = open.map((i) => evidence(ctx, i.row));
  const closed = items.length - open.length;
  const labels = criterion.kind === 'labelled-items-done'
    ? criterion.labels.map((label) => {
      const own = items.filter((i) => i.row.labels.includes(label));
      return { label, total: own.length, closed: own.filter((i) => i.closed !== null).length };
    })
    : [];
  const unlabelled = labels.filter((l) => l.total === 0).map((l) => l.label);
  const met = open.length === 0 && unlabelled.length === 0;
  const overdue = blockingItems.filter((i) => i.overdueDays !== null).length;
  const dropped = items.filter((i) => i.row.status === 'wont-do' && i.closed !== null).length;

  let summary: string;
  if (criterion.kind === 'labelled-items-done') {
    summary = labels.map((l) => (l.total ? `\`${l.label}\`: ${l.closed} of ${plural(l.total, 'item')} done` : `\`${l.label}\`: no item carries it yet`)).join('; ');
  } else if (!items.length) {
    summary = 'No action item matches';
  } else {
    summary = met ? `All ${plural(items.length, 'item')} done` : `${closed} of ${plural(items.length, 'item')} done`;
  }
  if (dropped) summary += ` (${dropped} won't do, with a reason)`;
  if (open.length) summary += `; ${open.length} to do${overdue ? `, ${overdue} overdue` : ''}`;

  const dues = blockingItems.map((i) => i.due);
  const projectedOn = met || unlabelled.length || dues.some((d) => d === null) ? null : dues.reduce((a, b) => later(a!, b!), dues[0]!) ?? null;
  return {
    met,
    metOn: met ? items.reduce((day, i) => later(day, i.closed!), ctx.declared) : null,
    summary,
    measure: { kind: 'items', total: items.length, closed, labels },
    blockingItems,
    projectedOn,
  };
}
