/**
 * The facts of every incident, decided in start order before any text is written: when it started
 * and how long each phase took, what broke and why, and which earlier incident it repeats. Action
 * items are decided later, once it is known whether an incident was repeated and when.
 */
import {
  TRIGGERS, type Organisation, type Region, type RootCauseId, type ServiceDef, type TriggerId,
} from './catalog.ts';
import { componentNames, namesOf } from './names.ts';
import { zipfWeights, type Rng } from './random.ts';
import { CAUSES, cap, type Ctx } from './text-causes.ts';
import { TRIGGER_TEXT } from './text-triggers.ts';
import { centralEuropeanOffset, dateOf, duration, MINUTES_PER_DAY } from './time.ts';

export type Kind = 'incident' | 'near-miss' | 'game-day';
export type Status = 'draft' | 'in-review' | 'published';
export type Detection = 'alert' | 'customer-report' | 'employee-report' | 'automation' | 'other';

export interface Planned {
  id: string;
  title: string;
  /** Local date of the start, in days since the epoch. */
  day: number;
  /** Local wall-clock minutes since the epoch of the start. */
  wall: number;
  offset: number;
  kind: Kind;
  status: Status;
  severity: string;
  services: ServiceDef[];
  causes: RootCauseId[];
  trigger: TriggerId | undefined;
  detection: Detection | undefined;
  /** Minutes from start to detection, detection to mitigation, mitigation to resolution. */
  ttd: number;
  ttm: number;
  ttr: number;
  omitDetected: boolean;
  omitMitigated: boolean;
  omitResolved: boolean;
  omitCauses: boolean;
  omitImpact: boolean;
  authors: string[];
  ctx: Ctx;
  recurrenceOf: number | undefined;
  /** Whether `recurrence_of` is written; otherwise the repeat is only in the facts. */
  linked: boolean;
  related: number[];
  /** Local day of the first later incident that repeats this one. */
  repeatedOn: number | undefined;
}

/** Most common first; Zipf weights over this order make a few causes dominate. */
const CAUSE_ORDER: readonly RootCauseId[] = [
  'software-bug', 'bad-config', 'capacity-exhaustion', 'dependency-failure', 'missing-limits',
  'insufficient-testing', 'process-gap', 'unsafe-automation', 'data-migration-error', 'expired-credential',
];
const CAUSE_WEIGHTS = zipfWeights(CAUSE_ORDER.length, 0.9);

/** Which triggers set off which causes; weights in the order of TRIGGERS. */
const TRIGGER_AFFINITY: Record<RootCauseId, readonly number[]> = {
  //                      deploy config cron spike migr cert 3rd manual
  'capacity-exhaustion': [1, 0, 2, 5, 1, 0, 0, 1],
  'unsafe-automation': [1, 1, 6, 0, 0, 0, 0, 2],
  'missing-limits': [2, 0, 1, 5, 0, 0, 1, 0],
  'bad-config': [2, 7, 0, 0, 0, 0, 0, 1],
  'software-bug': [8, 0, 1, 1, 0, 0, 0, 0],
  'data-migration-error': [1, 0, 0, 0, 8, 0, 0, 1],
  'expired-credential': [0, 1, 0, 0, 0, 8, 0, 1],
  'dependency-failure': [1, 0, 0, 1, 0, 0, 8, 0],
  'insufficient-testing': [7, 1, 0, 0, 1, 0, 0, 0],
  'process-gap': [1, 2, 1, 0, 0, 0, 0, 5],
};

const SEVERITY_WEIGHTS = {
  1: [6, 20, 44, 30],
  2: [3, 14, 48, 35],
  3: [1, 8, 46, 45],
  quiet: [0, 0, 40, 60],
} as const;

const DETECTIONS: readonly Detection[] = ['alert', 'customer-report', 'employee-report', 'automation', 'other'];
const DETECTION_WEIGHTS = [55, 15, 14, 11, 5];
/** Median minutes to detect by method: customers and colleagues notice later than alerts. */
const DETECT_MU: Record<Detection, number> = { alert: 1.6, automation: 1.5, 'customer-report': 3.2, 'employee-report': 2.8, other: 3.8 };

const GAME_DAY_EXERCISES = ['failover drill', 'region evacuation', 'dependency blackhole test', 'load test at three times peak', 'restore from backup'];
const GAME_DAY_FINDINGS: Record<RootCauseId, string> = {
  'capacity-exhaustion': 'a capacity ceiling',
  'unsafe-automation': 'unsafe automation',
  'missing-limits': 'missing limits',
  'bad-config': 'a bad configuration',
  'software-bug': 'a latent bug',
  'data-migration-error': 'a migration hazard',
  'expired-credential': 'an expiring credential',
  'dependency-failure': 'a hard dependency',
  'insufficient-testing': 'an untested path',
  'process-gap': 'a missing runbook',
};

const STOP_WORDS = new Set(['the', 'a', 'an', 'at', 'of', 'to', 'on', 'in', 'for', 'and', 'with', 'its', 'during', 'after', 'when', 'was', 'were', 'by', 'it', 'into', 'from']);

export interface PlanOptions {
  count: number;
  firstDay: number;
  /** Exclusive. */
  endDay: number;
}

export function planIncidents(org: Organisation, options: PlanOptions, rng: Rng): Planned[] {
  const { count, firstDay, endDay } = options;
  const days = startDays(count, firstDay, endDay, rng);
  const serviceWeights = zipfWeights(org.byPopularity.length, 0.9);
  const byService = new Map<string, number[]>();
  const ids = new Set<string>();
  const newComponent = componentNames(rng);
  const out: Planned[] = [];

  for (let i = 0; i < count; i++) {
    const day = days[i]!;
    const late = i / count > 0.97;
    const original = rng.chance(0.15) ? findOriginal(out, days, day, rng) : undefined;
    const kind: Kind = original !== undefined ? 'incident' : pickKind(rng);
    const status: Status = rng.chance(0.035 + (late ? 0.5 : 0)) ? 'draft' : rng.chance(0.04 + (late ? 0.3 : 0)) ? 'in-review' : 'published';

    const repeat = original === undefined ? undefined : out[original]!;
    const mode = rng.weighted([70, 15, 15]); // both, cause only, trigger only
    const primary = repeat ? repeat.services[0]! : org.byPopularity[rng.weighted(serviceWeights)]!;
    const cause = repeat && mode !== 2 ? repeat.causes[0]! : CAUSE_ORDER[rng.weighted(CAUSE_WEIGHTS)]!;
    // A game day is set off by the people running it, in working hours.
    const trigger = kind === 'game-day' ? 'manual-operation'
      : repeat && mode !== 1 && repeat.trigger ? repeat.trigger
        : rng.chance(0.08) ? undefined : TRIGGERS[rng.weighted(TRIGGER_AFFINITY[cause])]!.id;
    const causes = [cause];
    if (rng.chance(0.3)) {
      const second = CAUSE_ORDER[rng.weighted(CAUSE_WEIGHTS)]!;
      if (second !== cause) causes.push(second);
    }
    const services = [primary];
    for (let extra = rng.weighted([55, 30, 15]); extra > 0; extra--) {
      const s = org.byPopularity[rng.weighted(serviceWeights)]!;
      if (!services.includes(s)) services.push(s);
    }

    const severityWeights = kind !== 'incident' ? SEVERITY_WEIGHTS.quiet : SEVERITY_WEIGHTS[primary.tier];
    const severity = `SEV${rng.weighted(severityWeights) + 1}`;
    const detection = rng.chance(0.05) ? undefined : DETECTIONS[rng.weighted(DETECTION_WEIGHTS)]!;
    const ttd = clamp(Math.round(rng.logNormal(DETECT_MU[detection ?? 'other'], 0.9)), 1, 720);
    const ttm = clamp(Math.round(rng.logNormal(3.3, 1.0)), 2, 2 * MINUTES_PER_DAY);
    const ttr = clamp(Math.round(rng.logNormal(3.6, 1.4)), 1, 4 * MINUTES_PER_DAY);
    const omission = rng.next();
    const draft = status === 'draft';

    const hours: readonly (readonly [number, number])[] = kind === 'game-day' ? [[10, 14]] : trigger ? TRIGGER_TEXT[trigger].hours : [[0, 23], [9, 18]];
    const [from, to] = rng.pick(hours);
    const team = primary.team;
    const region: Region = rng.chance(0.85) ? org.region[team]! : rng.pick(['eu', 'us', 'utc'] as const);
    const offset = region === 'eu' ? centralEuropeanOffset(day) : region === 'us' ? -300 : 0;
    const wall = day * MINUTES_PER_DAY + rng.int(from, to) * 60 + rng.int(0, 59);

    // A repeat is about its origin's component, and what it shares with the origin is written the
    // same way; anything else about it is new, but still names that component.
    const component = repeat ? repeat.ctx.component : newComponent();
    const names = namesOf(component);
    const sameCause = repeat !== undefined && repeat.causes[0] === cause;
    const sameTrigger = repeat !== undefined && repeat.trigger === trigger;
    const details = CAUSES[cause].details.filter((d) => !d.kinds || d.kinds.includes(primary.kind));
    const ctx: Ctx = {
      svc: primary.id,
      name: primary.name,
      other: services[1]?.id ?? 'its callers',
      team,
      component,
      detail: sameCause ? repeat.ctx.detail : rng.pick(details).text(names),
      signature: sameCause ? repeat.ctx.signature : rng.pick(CAUSES[cause].signatures)(names, rng.int(2, 9)),
      spec: kind === 'game-day' ? `the ${rng.pick(GAME_DAY_EXERCISES)}`
        : sameTrigger && trigger ? repeat.ctx.spec : trigger ? TRIGGER_TEXT[trigger].spec(rng, names) : '',
      peak: peakOf(Math.floor((wall % MINUTES_PER_DAY) / 60)),
      n: rng.int(2, 9),
      dur: duration(ttd + ttm),
    };

    const incident: Planned = {
      id: '',
      title: title(kind, cause, ctx, rng),
      day, wall, offset, kind, status, severity, services, causes, trigger, detection, ttd, ttm, ttr,
      omitDetected: omission < 0.05,
      omitMitigated: omission >= 0.05 && omission < 0.1,
      omitResolved: draft && rng.chance(0.5),
      omitCauses: draft && repeat === undefined && rng.chance(0.35),
      omitImpact: draft && rng.chance(0.5),
      authors: authors(org, services, rng),
      ctx,
      recurrenceOf: original,
      // A postmortem past draft never names a draft (`draft-reference`): the repeat stays unlinked.
      linked: original !== undefined && rng.chance(0.5) && (draft || out[original]!.status !== 'draft'),
      related: [],
      repeatedOn: undefined,
    };
    incident.id = uniqueId(`${dateOf(day)}-${slug(incident.title)}`, ids);
    if (repeat) repeat.repeatedOn ??= day;
    if (rng.chance(0.12)) incident.related = relatedTo(incident, byService, out, rng).filter((j) => draft || out[j]!.status !== 'draft');

    for (const s of services) {
      let list = byService.get(s.id);
      if (!list) {
        list = [];
        byService.set(s.id, list);
      }
      list.push(i);
    }
    out.push(incident);
  }
  return out;
}

/** Sorted start days; the organisation grows, so later months have more incidents. */
function startDays(count: number, firstDay: number, endDay: number, rng: Rng): number[] {
  const span = endDay - firstDay;
  const days = Array.from({ length: count }, () => firstDay + Math.min(span - 1, Math.floor((Math.sqrt(1 + 3 * rng.next()) - 1) * span)));
  return days.sort((a, b) => a - b);
}

/**
 * An earlier incident this one repeats, 5 to 78 local days before, so that the instants are 3 to
 * 80 days apart whatever the offsets and times of day. Game days and incidents without a root cause
 * are not repeated.
 */
function findOriginal(done: readonly Planned[], days: readonly number[], day: number, rng: Rng): number | undefined {
  const lo = lowerBound(days, day - 78);
  const hi = Math.min(lowerBound(days, day - 4), done.length);
  if (hi <= lo) return undefined;
  for (let attempt = 0; attempt < 4; attempt++) {
    const j = rng.int(lo, hi - 1);
    const candidate = done[j]!;
    if (candidate.kind !== 'game-day' && !candidate.omitCauses) return j;
  }
  return undefined;
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Earlier incidents on the same primary service; never the one an unlinked repeat repeats. */
function relatedTo(incident: Planned, byService: Map<string, number[]>, done: readonly Planned[], rng: Rng): number[] {
  const list = byService.get(incident.services[0]!.id) ?? [];
  const earlier = list.slice(-30).filter((j) => done[j]!.day < incident.day && j !== incident.recurrenceOf);
  const out: number[] = [];
  for (let k = rng.int(1, 2); k > 0 && earlier.length; k--) {
    const j = rng.pick(earlier);
    if (!out.includes(j)) out.push(j);
  }
  return out.sort((a, b) => a - b);
}

function pickKind(rng: Rng): Kind {
  const r = rng.next();
  return r < 0.035 ? 'near-miss' : r < 0.059 ? 'game-day' : 'incident';
}

function title(kind: Kind, cause: RootCauseId, ctx: Ctx, rng: Rng): string {
  if (kind === 'game-day') return `Game day: ${ctx.svc} ${ctx.spec.replace(/^the /, '')} exposed ${GAME_DAY_FINDINGS[cause]}`;
  const text = rng.pick(CAUSES[cause].titles)(ctx).replaceAll('`', '');
  // A title that opens with a service id keeps the id's case, as ids are written everywhere else.
  const opensWithId = text.startsWith(`${ctx.svc} `) || text.startsWith(`${ctx.other} `);
  const full = kind === 'near-miss' ? `Near miss: ${text}` : opensWithId ? text : cap(text);
  return full.length <= 200 ? full : full.slice(0, 200).trimEnd();
}

function authors(org: Organisation, services: readonly ServiceDef[], rng: Rng): string[] {
  const own = org.people[services[0]!.team]!;
  const out = [rng.pick(own)];
  if (rng.chance(0.4)) out.push(rng.pick(own));
  if (rng.chance(0.15)) out.push(rng.pick(org.people[rng.pick(services).team]!));
  return [...new Set(out)];
}

function peakOf(hour: number): string {
  if (hour < 6) return 'the nightly batch window';
  if (hour < 11) return 'the morning ramp-up';
  if (hour < 14) return 'the lunch peak';
  if (hour < 18) return 'the afternoon peak';
  if (hour < 23) return 'the evening peak';
  return 'late evening';
}

export function slug(text: string): string {
  const words = text.toLowerCase().replace(/['`]/g, '').split(/[^a-z0-9]+/).filter((w) => w && !STOP_WORDS.has(w));
  let out = '';
  for (const word of words.slice(0, 7)) {
    if (out.length + word.length + 1 > 60) break;
    out = out ? `${out}-${word}` : word;
  }
  return out || 'incident';
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
