import { describeSpan, daysBetween } from './calendar.ts';
import type { Case, Population } from './cases.ts';
import { describeGroup, type GroupContext } from './commonalities.ts';
import type { DimensionReader } from './dimensions.ts';
import { round } from './stats.ts';
import { plural } from '../text/format.ts';
import type { ActionItemRow, CoOccurrence, Dimension, Pattern, PatternPart, PatternStatus } from './types.ts';

/** How many patterns the analysis keeps. */
export const TOP_PATTERNS = 50;

/** Fewer incidents than this are a coincidence, not a pattern. */
export const MIN_SUPPORT = 2;

/**
 * Dimensions patterns are made of, in the order a name is preferred when several cover the same
 * incidents: a contributing factor says why; a service, root cause or trigger alone says where or
 * what kind. Tags and detection describe incidents, not why they happen; a team is too broad.
 */
export const PATTERN_DIMENSIONS: readonly Dimension[] = ['contributing_factor', 'service', 'root_cause', 'trigger'];

const RECURRENCE_WEIGHT = 1.5;

export const DIMENSION_NAMES: Record<Dimension, string> = {
  service: 'service', team: 'team', root_cause: 'root cause', trigger: 'trigger', contributing_factor: 'contributing factor', tag: 'tag', detection: 'detection',
};

export interface Candidate {
  parts: PatternPart[];
  cases: Case[];
  /** 1 for a single value; a pair's shrunk lift; a factor's with the value it is most tied to. */
  lift: number;
  /** The value a factor's lift is with. */
  liftWith?: PatternPart;
  /** Lower is preferred as the name of a set of incidents: factor 0, pair 1, other single 2. */
  rank: number;
}

/**
 * How many times more often A and B occur together than if they were independent,
 * n·N ÷ (nA·nB), with one pseudo-incident added to the expectation: n ÷ (nA·nB/N + 1). The
 * shrinkage keeps two incidents of a rare pair from outscoring a cause that dozens share.
 */
export function shrunkLift(together: number, a: number, b: number, total: number): number {
  return together / ((a * b) / total + 1);
}

/** Where a factor's incidents concentrate: the service, root cause or trigger it is most tied to. */
function strongestTie(cases: readonly Case[], groups: ReadonlyMap<Dimension, Map<string, Case[]>>, readerOf: ReadonlyMap<Dimension, DimensionReader>, total: number) {
  let best: { dimension: Dimension; value: string; lift: number } | undefined;
  for (const dimension of ['service', 'root_cause', 'trigger'] as const) {
    const counts = new Map<string, number>();
    for (const c of cases) for (const v of readerOf.get(dimension)!.values(c)) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const [value, together] of counts) {
      if (together < MIN_SUPPORT) continue;
      const lift = shrunkLift(together, cases.length, groups.get(dimension)!.get(value)!.length, total);
      if (!best || lift > best.lift || (lift === best.lift && value < best.value)) best = { dimension, value, lift };
    }
  }
  return best;
}

/**
 * Every value and co-occurring pair as a candidate pattern. A pair of one id in two dimensions
 * (root cause `deploy` × trigger `deploy`) is left out: it restates one value.
 */
export function patternCandidates(
  matrices: readonly CoOccurrence[],
  groups: ReadonlyMap<Dimension, Map<string, Case[]>>,
  readerOf: ReadonlyMap<Dimension, DimensionReader>,
  population: Population,
): Candidate[] {
  const part = (dimension: Dimension, value: string): PatternPart => ({ dimension, value, label: readerOf.get(dimension)!.label(value) });
  const total = population.incidents.length;
  const candidates: Candidate[] = [];
  for (const dimension of PATTERN_DIMENSIONS) {
    for (const [value, cases] of groups.get(dimension)!) {
      if (cases.length < MIN_SUPPORT) continue;
      const candidate: Candidate = { parts: [part(dimension, value)], cases, lift: 1, rank: dimension === 'contributing_factor' ? 0 : 2 };
      if (dimension === 'contributing_factor') {
        const tie = strongestTie(cases, groups, readerOf, total);
        if (tie) Object.assign(candidate, { lift: tie.lift, liftWith: part(tie.dimension, tie.value) });
      }
      candidates.push(candidate);
    }
  }
  for (const matrix of matrices) {
    const rows = groups.get(matrix.rows)!, columns = groups.get(matrix.columns)!;
    for (const cell of matrix.cells) {
      if (cell.count < MIN_SUPPORT || cell.row === cell.column) continue;
      const lift = shrunkLift(cell.count, rows.get(cell.row)!.length, columns.get(cell.column)!.length, total);
      candidates.push({ parts: [part(matrix.rows, cell.row), part(matrix.columns, cell.column)], cases: cell.incidents.map((id) => population.byId.get(id)!), lift, rank: 1 });
    }
  }
  return candidates;
}

/**
 * One incident's weight: severity (the worst counts 2^(levels−1), each level below half as much)
 * × duration (1 + log10(1 + hours to resolve)) × recurrence (×1.5).
 */
export function incidentWeight(c: Case, ctx: GroupContext): number {
  const levels = ctx.population.severities.length;
  const severity = 2 ** (levels - 1 - c.severityRank);
  const duration = 1 + Math.log10(1 + (c.resolve ?? 0) / 60);
  const recurrence = ctx.recurrences.has(c.id) ? RECURRENCE_WEIGHT : 1;
  return severity * duration * recurrence;
}

/** `contributing factor "No connection pooling"`, `root cause deploy × trigger config-change`. */
export function nameOf(parts: readonly PatternPart[]): string {
  return parts.map((p) => `${DIMENSION_NAMES[p.dimension]} ${p.dimension === 'contributing_factor' ? `"${p.label}"` : p.value}`).join(' × ');
}

export interface PatternContext extends GroupContext {
  items: readonly ActionItemRow[];
  /** Recurrence families, each its incidents with the origin first. */
  chains: readonly { incidents: readonly string[] }[];
}

function explain(p: Omit<Pattern, 'explanation'>, group: ReturnType<typeof describeGroup>, ctx: PatternContext): string {
  const span = describeSpan(daysBetween(p.firstSeen, p.lastSeen) + 1);
  const worst = ctx.population.severities.find((s) => (group.bySeverity[s] ?? 0) > 0)!;
  const worstCount = group.bySeverity[worst]!;
  const severity = worstCount === group.count ? `all ${worst}` : `${worstCount} of them ${worst}`;
  const recurrences = group.recurrences ? `, ${group.recurrences} ${group.recurrences === 1 ? 'recurrence' : 'recurrences'}` : '';
  const also = p.sameIncidents.length ? ` (also ${nameOf(p.sameIncidents[0]!)})` : '';
  const together = p.liftWith ? `with ${nameOf([p.liftWith])}` : p.parts.length > 1 ? 'together' : '';
  const lift = together && p.lift >= 1.5 ? `, ${p.lift.toFixed(1)}× as often ${together} as chance predicts` : '';
  const open = p.actionItems.prevent - p.actionItems.preventDone;
  const status = p.status === 'active' ? '' : p.status === 'resolved' ? `; resolved: none since ${p.lastSeen}, prevent items done` : `; quiet since ${p.lastSeen}, ${p.actionItems.prevent ? `${plural(open, 'prevent item')} not done` : 'no prevent item'}`;
  return `${group.count} incidents in ${span}: ${nameOf(p.parts)}${also}, ${severity}${recurrences}${lift}${status}`;
}

/**
 * The values and pairs shared by at least two incidents, ranked by the sum of their incidents'
 * weights × their lift. Candidates with exactly the same incidents are one pattern, named by the
 * most telling of them (a contributing factor, then a pair, then a single value) and scored with
 * the strongest lift among them.
 */
export function rankPatterns(candidates: readonly Candidate[], ctx: PatternContext): Pattern[] {
  const ordinal = new Map(ctx.population.incidents.map((c, i) => [c, i]));
  const weights = ctx.population.incidents.map((c) => incidentWeight(c, ctx));
  // Candidates with the same incidents meet under a hash of them, checked element by element.
  const buckets = new Map<string, Candidate[][]>();
  for (const candidate of candidates) {
    let hash = 2166136261;
    for (const c of candidate.cases) hash = Math.imul(hash ^ ordinal.get(c)!, 16777619);
    const key = `${candidate.cases.length}:${hash >>> 0}`;
    const bucket = buckets.get(key);
    const same = bucket?.find((group) => group[0]!.cases.every((c, i) => c === candidate.cases[i]));
    if (same) same.push(candidate);
    else if (bucket) bucket.push([candidate]);
    else buckets.set(key, [[candidate]]);
  }
  const chainOf = new Map<string, number>();
  ctx.chains.forEach((chain, i) => { for (const id of chain.incidents) chainOf.set(id, i); });
  const itemsOf = new Map<string, ActionItemRow[]>();
  for (const item of ctx.items) {
    const list = itemsOf.get(item.incident);
    if (list) list.push(item);
    else itemsOf.set(item.incident, [item]);
  }
  const { periods } = ctx.population.scope;
  const recentFrom = periods[Math.max(0, periods.length - ctx.settings.trendPeriods)];

  const scored = [...buckets.values()].flat().map((same) => {
    same.sort((a, b) => a.rank - b.rank || b.lift - a.lift);
    const lift = Math.max(...same.map((c) => c.lift));
    const cases = same[0]!.cases;
    const liftWith = same.find((c) => c.lift === lift)?.liftWith;
    return { same, lift, liftWith, score: cases.reduce((sum, c) => sum + weights[ordinal.get(c)!]!, 0) * lift };
  });
  const label = (parts: readonly PatternPart[]) => parts.map((x) => `${x.dimension}:${x.value}`).join('|');
  scored.sort((a, b) => b.score - a.score || b.same[0]!.cases.length - a.same[0]!.cases.length || (label(a.same[0]!.parts) < label(b.same[0]!.parts) ? -1 : 1));

  return scored.slice(0, TOP_PATTERNS).map(({ same, lift, liftWith, score }) => {
    const [named, ...others] = same;
    const group = describeGroup(named!.cases, ctx);
    const inChain = new Map<number, number>();
    for (const id of group.incidents) {
      const chain = chainOf.get(id);
      if (chain !== undefined) inChain.set(chain, (inChain.get(chain) ?? 0) + 1);
    }
    const items = named!.cases.flatMap((c) => itemsOf.get(c.id) ?? []);
    const toDo = items.filter((i) => i.open);
    const prevent = items.filter((i) => i.type === 'prevent');
    // Not open at the analysis date: done by then, or decided against.
    const preventDone = prevent.filter((i) => !i.open).length;
    const active = recentFrom !== undefined && named!.cases.some((c) => c.period >= recentFrom);
    const status: PatternStatus = active ? 'active' : prevent.length > 0 && preventDone === prevent.length ? 'resolved' : 'quiet';
    const pattern: Omit<Pattern, 'explanation'> = {
      parts: named!.parts,
      // What names the pattern says already is no "also": power-event alone when the pair holds it.
      sameIncidents: others
        .filter((c) => c.parts.some((x) => !named!.parts.some((n) => n.dimension === x.dimension && n.value === x.value)))
        .sort((a, b) => b.lift - a.lift || a.rank - b.rank)
        .map((c) => c.parts),
      score: round(score),
      lift: round(lift, 2),
      ...(liftWith ? { liftWith } : {}),
      count: group.count,
      bySeverity: group.bySeverity,
      recurrences: group.recurrences,
      firstSeen: group.firstSeen!,
      lastSeen: group.lastSeen!,
      status,
      trend: group.trend,
      incidents: group.incidents,
      chains: [...inChain].filter(([, n]) => n >= 2).map(([i]) => i).sort((a, b) => a - b).map((i) => ctx.chains[i]!.incidents[0]!),
      actionItems: {
        total: items.length,
        open: toDo.length,
        overdue: items.filter((i) => i.overdue).length,
        done: items.filter((i) => i.status === 'done' && !i.open).length,
        prevent: prevent.length,
        preventDone,
        toDo: toDo.map((i) => ({ incident: i.incident, index: i.index })),
      },
    };
    return { ...pattern, explanation: explain(pattern, group, ctx) };
  });
}
