import { daysBetween } from '../analyze/calendar.ts';
import type { Population } from '../analyze/cases.ts';
import { shiftDays } from '../analyze/calendar.ts';
import type { ActionItemRow } from '../analyze/types.ts';
import type { ExitCriterion } from '../schema/program.ts';
import { plural } from '../text/format.ts';
import { later, type CriterionContext } from './context.ts';
import { dependentItems, evaluateItems, itemFilter, type DependentItem } from './item-criteria.ts';
import type { Program } from './model.ts';
import { inScope } from './scope.ts';
import type { CriterionEvaluation, ProgramEvaluation } from './types.ts';
import { evaluateWindow } from './window-criteria.ts';

const BURNDOWN_STEP_DAYS = 7;
/** Ten years of weeks: a longer program is drawn with a step of two weeks, three… */
const MAX_BURNDOWN_POINTS = 520;

function evaluateCriterion(criterion: ExitCriterion, line: number, ctx: CriterionContext): CriterionEvaluation {
  const head = { id: criterion.id, description: criterion.description, kind: criterion.kind, line };
  const none = { blockingItems: [], incidents: [] };
  switch (criterion.kind) {
    case 'action-items-done':
    case 'labelled-items-done':
      return { ...head, ...none, ...evaluateItems(criterion, ctx) };
    case 'attested': {
      const met = criterion.met_on <= ctx.date;
      return {
        ...head,
        ...none,
        met,
        metOn: met ? later(criterion.met_on, ctx.declared) : null,
        summary: met ? `Attested by ${criterion.by} on ${criterion.met_on}` : `Attested by ${criterion.by} for ${criterion.met_on}, after ${ctx.date}`,
        measure: { kind: 'attested', by: criterion.by, evidence: criterion.evidence, metOn: criterion.met_on },
        projectedOn: met ? null : criterion.met_on,
      };
    }
    default:
      return { ...head, ...none, ...evaluateWindow(criterion, ctx) };
  }
}

/**
 * Every 7 days from the declaration, and the evaluation day: how many of the items the criteria
 * wait for were open, i.e. opened by then less closed by then (an item closes on or after it opens).
 */
function burndown(items: readonly DependentItem[], declared: string, date: string): { date: string; open: number }[] {
  const weeks = Math.ceil(daysBetween(declared, date) / BURNDOWN_STEP_DAYS);
  const step = BURNDOWN_STEP_DAYS * Math.max(1, Math.ceil(weeks / MAX_BURNDOWN_POINTS));
  const days: string[] = [];
  for (let day = declared; day < date; day = shiftDays(day, step)) days.push(day);
  days.push(date);
  const opened = items.map((i) => i.opened).sort();
  const closed = items.flatMap((i) => (i.closed === null ? [] : [i.closed])).sort();
  let o = 0, c = 0;
  return days.map((day) => {
    while (o < opened.length && opened[o]! <= day) o++;
    while (c < closed.length && closed[c]! <= day) c++;
    return { date: day, open: o - c };
  });
}

function risks(criteria: readonly CriterionEvaluation[], target: string | undefined, date: string): string[] {
  const unmet = criteria.filter((c) => !c.met);
  if (!unmet.length) return [];
  const blocking = unmet.flatMap((c) => c.blockingItems);
  const unique = new Map(blocking.map((i) => [`${i.incident}#${i.index}`, i]));
  const items = [...unique.values()];
  const out: string[] = [];
  if (target !== undefined && target < date) out.push(`The target date ${target} has passed with ${plural(unmet.length, 'criterion', 'criteria')} unmet`);
  const overdue = items.filter((i) => i.overdueDays !== null).length;
  if (overdue) out.push(`${plural(overdue, 'item')} the criteria wait for ${overdue === 1 ? 'is' : 'are'} overdue`);
  const late = target === undefined ? 0 : items.filter((i) => i.due !== null && i.due > target).length;
  if (late) out.push(`${plural(late, 'item')} the criteria wait for ${late === 1 ? 'is' : 'are'} due after the target date ${target}`);
  return out;
}

/**
 * A program as it stood on a day: each criterion met or not with its evidence, and the program
 * on track, at risk or ready to exit. Pure: the population and items are the analysis' own.
 */
export function evaluateProgram(program: Program, population: Population, items: readonly ActionItemRow[], date: string, state: ProgramEvaluation['state']): ProgramEvaluation {
  const fm = program.frontmatter;
  const context = (criterion: ExitCriterion): CriterionContext => ({
    population, items, date, declared: fm.declared_at, scope: ('scope' in criterion ? criterion.scope : undefined) ?? fm.scope,
  });
  const criteria = fm.exit_criteria.map((c, i) => evaluateCriterion(c, program.criteria[i]!.line, context(c)));
  const dependent = new Map<string, DependentItem>();
  for (const c of fm.exit_criteria) {
    if (c.kind !== 'action-items-done' && c.kind !== 'labelled-items-done') continue;
    for (const item of dependentItems(context(c), itemFilter(c))) dependent.set(`${item.row.incident}#${item.row.index}`, item);
  }
  const unmet = criteria.filter((c) => !c.met);
  const projected = unmet.flatMap((c) => (c.projectedOn === null ? [] : [c.projectedOn]));
  const found = risks(criteria, fm.target_date, date);
  return {
    id: program.id,
    file: program.file,
    title: fm.title,
    kind: fm.kind,
    owner: fm.owner,
    declaredAt: fm.declared_at,
    targetDate: fm.target_date ?? null,
    exitedAt: fm.exited_at ?? null,
    state,
    evaluatedOn: date,
    status: unmet.length === 0 ? 'ready-to-exit' : found.length ? 'at-risk' : 'on-track',
    risks: found,
    scope: { services: fm.scope?.services ?? [], teams: fm.scope?.teams ?? [], rootCauses: fm.scope?.root_causes ?? [] },
    criteria,
    met: criteria.length - unmet.length,
    total: criteria.length,
    projection: {
      date: projected.length ? projected.reduce(later) : null,
      undated: new Set(unmet.flatMap((c) => c.blockingItems.filter((i) => i.due === null).map((i) => `${i.incident}#${i.index}`))).size,
      unprojected: unmet.filter((c) => c.projectedOn === null).map((c) => c.id),
    },
    incidentsSinceDeclared: population.incidents.filter((c) => c.date >= fm.declared_at && c.date <= date && inScope(c, fm.scope)).map((c) => c.id),
    burndown: burndown([...dependent.values()], fm.declared_at, date),
  };
}

/**
 * Every program declared by the analysis date: an active one judged on that date, an exited one
 * on its `exited_at` (the record of why it could end). Active programs first, latest declared
 * first; then exited ones, latest exit first.
 */
export function evaluatePrograms(programs: readonly Program[], population: Population, items: readonly ActionItemRow[], asOf: string): ProgramEvaluation[] {
  const evaluations = programs
    .filter((p) => p.frontmatter.declared_at <= asOf)
    .map((p) => {
      const exited = p.frontmatter.exited_at !== undefined && p.frontmatter.exited_at <= asOf;
      return evaluateProgram(p, population, items, exited ? p.frontmatter.exited_at! : asOf, exited ? 'exited' : 'active');
    });
  const rank = (e: ProgramEvaluation) => (e.state === 'active' ? 0 : 1);
  const day = (e: ProgramEvaluation) => (e.state === 'active' ? e.declaredAt : e.exitedAt!);
  return evaluations.sort((a, b) => rank(a) - rank(b) || (day(a) > day(b) ? -1 : day(a) < day(b) ? 1 : 0) || (a.id < b.id ? -1 : 1));
}
