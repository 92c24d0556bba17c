/**
 * The measures, as pure functions of claims and truth. Ratios are null when their denominator is
 * zero: "no claim was made" is not "every claim was wrong".
 */
import type { Pair } from './truth.ts';

export interface PairScore {
  /** Distinct pairs claimed. */
  claimed: number;
  /** Distinct pairs in the truth. */
  expected: number;
  /** Claimed pairs that are in the truth. */
  matched: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** A pair names two incidents; which was written first is decided by their dates, not by the claim. */
export function pairKey(pair: Pair): string {
  return pair.origin < pair.id ? `${pair.origin}\u0000${pair.id}` : `${pair.id}\u0000${pair.origin}`;
}

export function scorePairs(claimed: readonly Pair[], expected: readonly Pair[]): PairScore {
  const claims = new Set(claimed.map(pairKey));
  const truth = new Set(expected.map(pairKey));
  let matched = 0;
  for (const key of claims) if (truth.has(key)) matched++;
  const precision = ratio(matched, claims.size);
  const recall = ratio(matched, truth.size);
  const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { claimed: claims.size, expected: truth.size, matched, precision, recall, f1 };
}

/** Incidents connected by pairs, each group sorted, groups in order of their first id. */
export function groupsOf(pairs: readonly Pair[]): string[][] {
  const parent = new Map<string, string>();
  const root = (x: string): string => {
    if (!parent.has(x)) parent.set(x, x);
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    // Path compression keeps the whole pass near-linear.
    for (let y = x; y !== r;) {
      const next = parent.get(y)!;
      parent.set(y, r);
      y = next;
    }
    return r;
  };
  for (const { origin, id } of pairs) {
    const a = root(origin);
    const b = root(id);
    if (a !== b) parent.set(b, a);
  }
  const groups = new Map<string, string[]>();
  for (const x of parent.keys()) {
    const r = root(x);
    const group = groups.get(r);
    if (group) group.push(x);
    else groups.set(r, [x]);
  }
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

export interface SizeStats {
  count: number;
  longest: number;
  /** Families per size band: `2`, `3`, `4-5`, `6-10`, `11-50`, `51+`. Every band present. */
  sizes: Record<string, number>;
}

const BANDS: readonly (readonly [string, number])[] = [['2', 2], ['3', 3], ['4-5', 5], ['6-10', 10], ['11-50', 50], ['51+', Infinity]];

export function sizeStats(families: readonly (readonly string[])[]): SizeStats {
  const sizes = Object.fromEntries(BANDS.map(([band]) => [band, 0]));
  let longest = 0;
  for (const family of families) {
    longest = Math.max(longest, family.length);
    const band = BANDS.find(([, upTo]) => family.length <= upTo);
    if (band && family.length >= 2) sizes[band[0]]!++;
  }
  return { count: families.length, longest, sizes };
}

/** Claimed families whose members are exactly those of one true family. */
export function exactFamilies(claimed: readonly (readonly string[])[], truth: readonly (readonly string[])[]): number {
  const known = new Set(truth.map((f) => [...f].sort().join('\u0000')));
  return claimed.filter((f) => known.has([...f].sort().join('\u0000'))).length;
}

/**
 * Mean over the incidents that have any suggestion of the share of their first k suggestions that
 * are relevant. An incident shown fewer than k is judged on what it was shown: a list is not
 * penalised for stopping when nothing else is similar (how often lists are empty is `coverage`).
 */
export function precisionAtK(ranked: ReadonlyMap<string, readonly string[]>, relevant: (a: string, b: string) => boolean, k: number): number | null {
  let sum = 0;
  let queries = 0;
  for (const [id, others] of ranked) {
    const top = others.slice(0, k);
    if (!top.length) continue;
    sum += top.filter((o) => relevant(id, o)).length / top.length;
    queries++;
  }
  return ratio(sum, queries);
}

/** Share of the given incidents with at least one wanted incident among their first k suggestions. */
export function hitRateAtK(ranked: ReadonlyMap<string, readonly string[]>, queries: readonly string[], wanted: (a: string, b: string) => boolean, k: number): number | null {
  const hits = queries.filter((id) => (ranked.get(id) ?? []).slice(0, k).some((o) => wanted(id, o))).length;
  return ratio(hits, queries.length);
}
