import { daysBetween, describeSpan } from './calendar.ts';
import type { Case, Population } from './cases.ts';
import { describeGroup, type GroupContext } from './commonalities.ts';
import { round } from './stats.ts';
import type { DimensionReader } from './dimensions.ts';
import type { CoOccurrence, Dimension, Pattern, PatternPart } from './types.ts';

/** How many patterns the analysis keeps. */
export const TOP_PATTERNS = 50;

/**
 * Dimensions patterns are made of. Tags and detection describe incidents, not why they happen;
 * a team is too broad to point at one mechanism (its services are the patterns).
 */
export const PATTERN_DIMENSIONS: readonly Dimension[] = ['service', 'root_cause', 'trigger', 'contributing_factor'];

/** A pair is stronger evidence of one mechanism than either of its values alone. */
const PAIR_WEIGHT = 1.5;
const RECURRENCE_WEIGHT = 1.5;
/** Recency halves an incident's weight every this many days before the analysis date. */
const HALF_LIFE_DAYS = 180;

export interface Candidate {
  parts: PatternPart[];
  cases: Case[];
}

/**
 * Every value and co-occurring pair as a candidate pattern, most specific first: the pairs, then
 * single values, so of two candidates with the same incidents the pair is kept.
 */
export function patternCandidates(
  matrices: readonly CoOccurrence[],
  groups: ReadonlyMap<Dimension, Map<string, Case[]>>,
  readerOf: ReadonlyMap<Dimension, DimensionReader>,
  population: Population,
): Candidate[] {
  const part = (dimension: Dimension, value: string): PatternPart => ({ dimension, value, label: readerOf.get(dimension)!.label(value) });
  const candidates: Candidate[] = [];
  for (const matrix of matrices) {
    for (const cell of matrix.cells) {
      candidates.push({ parts: [part(matrix.rows, cell.row), part(matrix.columns, cell.column)], cases: cell.incidents.map((id) => population.byId.get(id)!) });
    }
  }
  for (const dimension of PATTERN_DIMENSIONS) {
    for (const [value, cases] of groups.get(dimension)!) candidates.push({ parts: [part(dimension, value)], cases });
  }
  return candidates;
}

/**
 * One incident's weight in a pattern's score: severity (the worst counts 2^(levels−1), each level
 * below half as much) × duration (1 + log10(1 + hours to resolve)) × recurrence (×1.5) ×
 * recency (halved every 180 days before the analysis date).
 */
export function incidentWeight(c: Case, ctx: GroupContext): number {
  const levels = ctx.population.severities.length;
  const severity = 2 ** (levels - 1 - c.severityRank);
  const duration = 1 + Math.log10(1 + (c.resolve ?? 0) / 60);
  const recurrence = ctx.recurrences.has(c.id) ? RECURRENCE_WEIGHT : 1;
  const age = Math.max(0, daysBetween(c.date, ctx.settings.asOf));
  return severity * duration * recurrence * 0.5 ** (age / HALF_LIFE_DAYS);
}

function explain(parts: readonly PatternPart[], group: ReturnType<typeof describeGroup>, severities: readonly string[]): string {
  const span = describeSpan(daysBetween(group.firstSeen!, group.lastSeen!) + 1);
  const worst = severities.find((s) => (group.bySeverity[s] ?? 0) > 0)!;
  const worstCount = group.bySeverity[worst]!;
  const severity = worstCount === group.count ? `all ${worst}` : `${worstCount} of them ${worst}`;
  const recurrences = group.recurrences ? `, ${group.recurrences} ${group.recurrences === 1 ? 'recurrence' : 'recurrences'}` : '';
  return `${group.count} incidents in ${span}: ${parts.map((p) => p.value).join(' × ')}, ${severity}${recurrences}`;
}

/**
 * The values and pairs shared by at least two incidents, ranked by the sum of their incidents'
 * weights. When two candidates cover exactly the same incidents only the more specific one is
 * kept (candidates arrive most specific first), so a team never repeats its only service.
 */
export function rankPatterns(candidates: readonly Candidate[], ctx: GroupContext): Pattern[] {
  const weights = new Map<string, number>();
  const weightOf = (c: Case) => {
    let w = weights.get(c.id);
    if (w === undefined) {
      w = incidentWeight(c, ctx);
      weights.set(c.id, w);
    }
    return w;
  };
  const seen = new Set<string>();
  const patterns: Pattern[] = [];
  for (const { parts, cases } of candidates) {
    if (cases.length < 2) continue;
    const key = cases.map((c) => c.id).join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    const group = describeGroup(cases, ctx);
    const score = cases.reduce((sum, c) => sum + weightOf(c), 0) * (parts.length > 1 ? PAIR_WEIGHT : 1);
    patterns.push({
      parts,
      score: round(score),
      count: group.count,
      explanation: explain(parts, group, ctx.population.severities),
      bySeverity: group.bySeverity,
      recurrences: group.recurrences,
      firstSeen: group.firstSeen!,
      lastSeen: group.lastSeen!,
      incidents: group.incidents,
    });
  }
  const label = (p: Pattern) => p.parts.map((x) => `${x.dimension}:${x.value}`).join('|');
  patterns.sort((a, b) => b.score - a.score || b.count - a.count || (label(a) < label(b) ? -1 : 1));
  return patterns.slice(0, TOP_PATTERNS);
}
