import type { Case } from '../analyze/cases.ts';
import { median, round } from '../analyze/stats.ts';
import { shiftDays } from '../analyze/windows.ts';
import type { ExitCriterion } from '../schema/program.ts';
import { formatMinutes, percent, plural } from '../text/format.ts';
import { later, type CriterionContext } from './context.ts';
import { inScope } from './scope.ts';
import type { CriterionEvaluation, CriterionMeasure, IncidentEvidence } from './types.ts';

type WindowCriterion = Extract<ExitCriterion, { kind: 'no-incidents' | 'no-recurrence' | 'detection' | 'rotation' }>;
export type WindowResult = Pick<CriterionEvaluation, 'met' | 'metOn' | 'summary' | 'measure' | 'incidents' | 'projectedOn'>;

/** The incidents in scope known by the evaluation day, by start date. */
class Incidents {
  readonly cases: Case[];
  readonly #dates: string[];

  constructor(ctx: CriterionContext) {
    this.cases = ctx.population.incidents.filter((c) => c.date <= ctx.date && inScope(c, ctx.scope)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    this.#dates = this.cases.map((c) => c.date);
  }

  /** Those that started in the `days` days up to and including `to`. */
  window(to: string, days: number): Case[] {
    const from = shiftDays(to, -(days - 1));
    return this.cases.slice(this.#bound(from, false), this.#bound(to, true));
  }

  /** The days on which a window of `days` days gains or loses an incident. */
  changes(days: number): string[] {
    return this.#dates.flatMap((d) => [d, shiftDays(d, days)]);
  }

  #bound(date: string, after: boolean): number {
    let lo = 0, hi = this.#dates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (after ? this.#dates[mid]! <= date : this.#dates[mid]! < date) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * The day a window criterion met on the evaluation day became met. What a window holds changes
 * only on the days an incident enters or leaves it, so those are the only days to look at: going
 * back from the evaluation day, the first change that leaves it unmet says since when it is met.
 */
function metSince(ctx: CriterionContext, changes: string[], metOn: (day: string) => boolean): string {
  const days = [...new Set([...changes, ctx.declared])].filter((d) => d > ctx.declared && d <= ctx.date).sort().reverse();
  let since = ctx.date;
  for (const day of days) {
    if (day === ctx.date) continue;
    if (!metOn(day)) return since;
    since = day;
  }
  // Every change since the declaration left it met: it was met then too, unless the declaration day itself was not.
  return metOn(ctx.declared) ? ctx.declared : since;
}

const newestFirst = (cases: readonly Case[]) => [...cases].reverse();

function evidence(c: Case, path: (string | number)[], detail: string): IncidentEvidence {
  return { file: c.incident.file, path, id: c.id, date: c.date, severity: c.severity, detail };
}

/** `no-incidents` and `no-recurrence`: nothing that counts started in the last N days. */
function evaluateQuiet(criterion: Extract<WindowCriterion, { kind: 'no-incidents' | 'no-recurrence' }>, ctx: CriterionContext, incidents: Incidents): WindowResult {
  const severities = ctx.population.severities;
  const rank = criterion.kind === 'no-incidents' ? severities.indexOf(criterion.severity) : -1;
  const counts = (c: Case) => (criterion.kind === 'no-incidents' ? c.severityRank <= rank : c.incident.frontmatter.recurrence_of !== undefined);
  const what = criterion.kind === 'no-recurrence'
    ? 'confirmed recurrence'
    : rank === severities.length - 1 ? 'incident' : rank === 0 ? `${criterion.severity} incident` : `${criterion.severity} or worse incident`;
  const from = shiftDays(ctx.date, -(criterion.days - 1));
  const blocking = incidents.window(ctx.date, criterion.days).filter(counts);
  const last = incidents.cases.filter(counts).at(-1);
  const met = blocking.length === 0;
  const span = `in the last ${plural(criterion.days, 'day')}`;
  const path = criterion.kind === 'no-incidents' ? ['severity'] : ['recurrence_of'];
  return {
    met,
    metOn: met ? (last ? later(ctx.declared, shiftDays(last.date, criterion.days)) : ctx.declared) : null,
    summary: met ? `No ${what} ${span}` : `${plural(blocking.length, what)} ${span}, the last on ${blocking.at(-1)!.date}`,
    measure: { kind: 'incidents', from, to: ctx.date, count: blocking.length },
    incidents: newestFirst(blocking).map((c) => evidence(c, path, criterion.kind === 'no-incidents' ? c.incident.frontmatter.title : `recurrence of ${c.incident.frontmatter.recurrence_of}`)),
    projectedOn: met ? null : shiftDays(blocking.at(-1)!.date, criterion.days),
  };
}

function detectionMeasure(cases: readonly Case[], from: string, to: string): Extract<CriterionMeasure, { kind: 'detection' }> {
  const detect = cases.flatMap((c) => (c.detect === null ? [] : [c.detect]));
  const withDetection = cases.filter((c) => c.detection !== undefined).length;
  const customerReports = cases.filter((c) => c.detection === 'customer-report').length;
  const p50 = median(detect);
  return {
    kind: 'detection', from, to, incidents: cases.length, measured: detect.length,
    detectP50: p50 === null ? null : round(p50, 2),
    withDetection, customerReports,
    customerShare: withDetection ? round(customerReports / withDetection) : null,
  };
}

function detectionMet(criterion: Extract<WindowCriterion, { kind: 'detection' }>, m: Extract<CriterionMeasure, { kind: 'detection' }>): boolean {
  const p50 = criterion.detect_p50_below === undefined || (m.detectP50 !== null && m.detectP50 < criterion.detect_p50_below);
  const share = criterion.customer_share_below === undefined || (m.customerShare !== null && m.customerShare < criterion.customer_share_below);
  return p50 && share;
}

/** `detection`: over the last N days, time to detect and how often customers found the incident first. */
function evaluateDetection(criterion: Extract<WindowCriterion, { kind: 'detection' }>, ctx: CriterionContext, incidents: Incidents): WindowResult {
  const from = shiftDays(ctx.date, -(criterion.days - 1));
  const cases = incidents.window(ctx.date, criterion.days);
  const measure = detectionMeasure(cases, from, ctx.date);
  const met = detectionMet(criterion, measure);
  const parts: string[] = [];
  if (criterion.detect_p50_below !== undefined) {
    parts.push(`p50 time to detect ${formatMinutes(measure.detectP50)} over ${plural(measure.measured, 'incident')} (must be under ${formatMinutes(criterion.detect_p50_below)})`);
  }
  if (criterion.customer_share_below !== undefined) {
    parts.push(`${measure.customerReports} of ${plural(measure.withDetection, 'incident')} found by customers, ${percent(measure.customerShare)} (must be under ${percent(criterion.customer_share_below)})`);
  }
  const span = `in the last ${plural(criterion.days, 'day')}`;
  return {
    met,
    metOn: met ? metSince(ctx, incidents.changes(criterion.days), (day) => detectionMet(criterion, detectionMeasure(incidents.window(day, criterion.days), '', day))) : null,
    summary: cases.length ? `${span.charAt(0).toUpperCase()}${span.slice(1)}: ${parts.join('; ')}` : `No incident ${span}: nothing to measure`,
    measure,
    incidents: newestFirst(cases).map((c) => evidence(c, c.detection === undefined ? ['started_at'] : ['detection'],
      `${c.detection === undefined ? 'detection not given' : `found by ${c.detection}`}, ${c.detect === null ? 'no detected_at' : `detected after ${formatMinutes(c.detect)}`}`)),
    projectedOn: null,
  };
}

function handlers(c: Case, roles: readonly string[]): string[] {
  return [...new Set((c.incident.frontmatter.responders ?? []).filter((r) => roles.includes(r.role)).map((r) => r.who.trim()))];
}

function rotationMeasure(cases: readonly Case[], roles: readonly string[], from: string, to: string): Extract<CriterionMeasure, { kind: 'rotation' }> {
  const counts = new Map<string, number>();
  let withResponders = 0;
  for (const c of cases) {
    const people = handlers(c, roles);
    if (people.length) withResponders++;
    for (const who of people) counts.set(who, (counts.get(who) ?? 0) + 1);
  }
  const people = [...counts].map(([who, incidents]) => ({ who, incidents, share: round(incidents / withResponders) }))
    .sort((a, b) => b.incidents - a.incidents || (a.who < b.who ? -1 : 1));
  return { kind: 'rotation', from, to, incidents: cases.length, withResponders, people, maxShare: people[0]?.share ?? null };
}

function rotationMet(criterion: Extract<WindowCriterion, { kind: 'rotation' }>, m: Extract<CriterionMeasure, { kind: 'rotation' }>): boolean {
  return m.withResponders > 0 && m.people.length >= criterion.min_responders && m.maxShare! <= criterion.max_share;
}

/** `rotation`: over the last N days, enough people handled the incidents and none too many of them. */
function evaluateRotation(criterion: Extract<WindowCriterion, { kind: 'rotation' }>, ctx: CriterionContext, incidents: Incidents): WindowResult {
  const from = shiftDays(ctx.date, -(criterion.days - 1));
  const cases = incidents.window(ctx.date, criterion.days);
  const measure = rotationMeasure(cases, criterion.roles, from, ctx.date);
  const met = rotationMet(criterion, measure);
  const busiest = measure.people[0];
  const unlisted = measure.incidents - measure.withResponders;
  const rule = `at least ${criterion.min_responders} people, none over ${percent(criterion.max_share)}`;
  const summary = !measure.withResponders
    ? `No incident in the last ${plural(criterion.days, 'day')} lists responders (${rule})`
    : `${plural(measure.people.length, 'person', 'people')} handled ${plural(measure.withResponders, 'incident')} in the last ${plural(criterion.days, 'day')}${unlisted ? ` (${unlisted} more list no responders)` : ''}; the busiest, ${busiest!.who}, ${percent(busiest!.share)} of them (${rule})`;
  return {
    met,
    metOn: met ? metSince(ctx, incidents.changes(criterion.days), (day) => rotationMet(criterion, rotationMeasure(incidents.window(day, criterion.days), criterion.roles, '', day))) : null,
    summary,
    measure,
    incidents: newestFirst(cases).map((c) => {
      const people = handlers(c, criterion.roles);
      return evidence(c, people.length ? ['responders'] : ['started_at'], people.length ? people.join(', ') : 'no responders listed');
    }),
    projectedOn: null,
  };
}

/** The criteria judged on the incidents of a window of days up to the evaluation day. */
export function evaluateWindow(criterion: WindowCriterion, ctx: CriterionContext): WindowResult {
  const incidents = new Incidents(ctx);
  if (criterion.kind === 'detection') return evaluateDetection(criterion, ctx, incidents);
  if (criterion.kind === 'rotation') return evaluateRotation(criterion, ctx, incidents);
  return evaluateQuiet(criterion, ctx, incidents);
}
