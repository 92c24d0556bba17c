import type { Case } from '../analyze/cases.ts';
import { median, percentile, round } from '../analyze/stats.ts';
import { shiftDays } from '../analyze/calendar.ts';
import type { ExitCriterion } from '../schema/program.ts';
import { formatMinutes, percent, plural } from '../text/format.ts';
import { later, type CriterionContext } from './context.ts';
import type { CriterionEvaluation, CriterionMeasure, IncidentEvidence } from './types.ts';
import { Incidents, type WindowTally } from './window.ts';

type WindowCriterion = Extract<ExitCriterion, { kind: 'no-incidents' | 'no-recurrence' | 'detection' | 'rotation' }>;
export type WindowResult = Pick<CriterionEvaluation, 'met' | 'metOn' | 'summary' | 'measure' | 'incidents' | 'projectedOn'>;

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

type Detection = Extract<WindowCriterion, { kind: 'detection' }>;

function detectionMet(criterion: Detection, detectP50: number | null, customerShare: number | null): boolean {
  const p50 = criterion.detect_p50_below === undefined || (detectP50 !== null && detectP50 < criterion.detect_p50_below);
  const share = criterion.customer_share_below === undefined || (customerShare !== null && customerShare < criterion.customer_share_below);
  return p50 && share;
}

/** Time to detect kept sorted, and the detection counts, as the window moves. */
class DetectionTally implements WindowTally {
  readonly #sorted: number[] = [];
  #withDetection = 0;
  #customerReports = 0;

  readonly criterion: Detection;

  constructor(criterion: Detection) {
    this.criterion = criterion;
  }

  add(c: Case): void { this.#count(c, 1); }
  remove(c: Case): void { this.#count(c, -1); }

  met(): boolean {
    const p50 = percentile(this.#sorted, 50);
    return detectionMet(this.criterion, p50 === null ? null : round(p50, 2), this.#withDetection ? round(this.#customerReports / this.#withDetection) : null);
  }

  #count(c: Case, by: 1 | -1): void {
    if (c.detection !== undefined) this.#withDetection += by;
    if (c.detection === 'customer-report') this.#customerReports += by;
    if (c.detect === null) return;
    let lo = 0, hi = this.#sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#sorted[mid]! < c.detect) lo = mid + 1;
      else hi = mid;
    }
    if (by === 1) this.#sorted.splice(lo, 0, c.detect);
    else this.#sorted.splice(lo, 1);
  }
}

/** `detection`: over the last N days, time to detect and how often customers found the incident first. */
function evaluateDetection(criterion: Detection, ctx: CriterionContext, incidents: Incidents): WindowResult {
  const from = shiftDays(ctx.date, -(criterion.days - 1));
  const cases = incidents.window(ctx.date, criterion.days);
  const measure = detectionMeasure(cases, from, ctx.date);
  const met = detectionMet(criterion, measure.detectP50, measure.customerShare);
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
    metOn: met ? incidents.metSince(ctx, criterion.days, new DetectionTally(criterion)) : null,
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

type Rotation = Extract<WindowCriterion, { kind: 'rotation' }>;

function rotationMet(criterion: Rotation, withResponders: number, people: number, maxShare: number | null): boolean {
  return withResponders > 0 && people >= criterion.min_responders && maxShare! <= criterion.max_share;
}

/** Each person's incidents, and how many people have each count, as the window moves. */
class RotationTally implements WindowTally {
  readonly #handlers = new Map<Case, string[]>();
  readonly #counts = new Map<string, number>();
  /** How many people have handled exactly n incidents, by n: what keeps the maximum at hand. */
  readonly #withCount: number[] = [0];
  #max = 0;
  #incidents = 0;

  readonly criterion: Rotation;

  constructor(criterion: Rotation) {
    this.criterion = criterion;
  }

  add(c: Case): void {
    const people = this.#people(c);
    if (!people.length) return;
    this.#incidents++;
    for (const who of people) {
      const n = (this.#counts.get(who) ?? 0) + 1;
      this.#counts.set(who, n);
      this.#withCount[n - 1]!--;
      this.#withCount[n] = (this.#withCount[n] ?? 0) + 1;
      this.#max = Math.max(this.#max, n);
    }
  }

  remove(c: Case): void {
    const people = this.#people(c);
    if (!people.length) return;
    this.#incidents--;
    for (const who of people) {
      const n = this.#counts.get(who)!;
      this.#withCount[n]!--;
      this.#withCount[n - 1]!++;
      if (n === 1) this.#counts.delete(who);
      else this.#counts.set(who, n - 1);
    }
    while (this.#max > 0 && !this.#withCount[this.#max]) this.#max--;
  }

  met(): boolean {
    return rotationMet(this.criterion, this.#incidents, this.#counts.size, this.#incidents ? round(this.#max / this.#incidents) : null);
  }

  #people(c: Case): string[] {
    const known = this.#handlers.get(c);
    if (known) return known;
    const people = handlers(c, this.criterion.roles);
    this.#handlers.set(c, people);
    return people;
  }
}

/** `rotation`: over the last N days, enough people handled the incidents and none too many of them. */
function evaluateRotation(criterion: Rotation, ctx: CriterionContext, incidents: Incidents): WindowResult {
  const from = shiftDays(ctx.date, -(criterion.days - 1));
  const cases = incidents.window(ctx.date, criterion.days);
  const measure = rotationMeasure(cases, criterion.roles, from, ctx.date);
  const met = rotationMet(criterion, measure.withResponders, measure.people.length, measure.maxShare);
  const busiest = measure.people[0];
  const unlisted = measure.incidents - measure.withResponders;
  const rule = `at least ${criterion.min_responders} people, none over ${percent(criterion.max_share)}`;
  const summary = !measure.withResponders
    ? `No incident in the last ${plural(criterion.days, 'day')} lists responders (${rule})`
    : `${plural(measure.people.length, 'person', 'people')} handled ${plural(measure.withResponders, 'incident')} in the last ${plural(criterion.days, 'day')}${unlisted ? ` (${unlisted} more list no responders)` : ''}; the busiest, ${busiest!.who}, ${percent(busiest!.share)} of them (${rule})`;
  return {
    met,
    metOn: met ? incidents.metSince(ctx, criterion.days, new RotationTally(criterion)) : null,
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
