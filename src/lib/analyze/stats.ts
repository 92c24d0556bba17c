import type { CountChange, DurationSummary, HistogramBin } from './types.ts';

/**
 * Nearest-rank percentile of ascending values: the smallest value that at least p% of the values
 * are less than or equal to. Always a value that occurred, which is what a reader can check.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** The nearest-rank median (p50). */
export function median(values: readonly number[]): number | null {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/**
 * Below this many values p90 is not reported: by nearest rank it is the maximum for every n ≤ 9,
 * so it would only repeat `max` under another name.
 */
export const P90_MIN_COUNT = 10;

export function summarise(values: readonly number[], missing: number, approximate = 0): DurationSummary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    missing,
    approximate,
    p50: percentile(sorted, 50),
    p90: sorted.length >= P90_MIN_COUNT ? percentile(sorted, 90) : null,
    max: sorted.length ? sorted[sorted.length - 1]! : null,
  };
}

/** Bin edges in minutes, roughly doubling: durations span minutes to weeks. */
const EDGES: readonly [number, string][] = [
  [0, '< 5 min'], [5, '5–15 min'], [15, '15–30 min'], [30, '30–60 min'], [60, '1–2 h'], [120, '2–4 h'],
  [240, '4–8 h'], [480, '8–24 h'], [1440, '1–3 days'], [4320, '3–7 days'], [10080, '≥ 7 days'],
];

export function histogram(values: readonly number[]): HistogramBin[] {
  const bins: HistogramBin[] = EDGES.map(([from, label], i) => ({ from, to: EDGES[i + 1]?.[0] ?? null, label, count: 0 }));
  for (const value of values) {
    let i = bins.length - 1;
    while (i > 0 && value < bins[i]!.from) i--;
    bins[i]!.count++;
  }
  return bins;
}

/** Rounds for display and stable JSON: scores and rates do not need more than 4 decimals. */
export function round(value: number, decimals = 4): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** Fewer events than this across both windows say nothing about a direction. */
export const MIN_EVENTS_FOR_TREND = 5;
/** A change counts when chance alone would give one at least as large less than 5% of the time. */
export const TREND_SIGNIFICANCE = 0.05;

const LOG_FACTORIALS: number[] = [0];
function logFactorial(n: number): number {
  for (let i = LOG_FACTORIALS.length; i <= n; i++) LOG_FACTORIALS.push(LOG_FACTORIALS[i - 1]! + Math.log(i));
  return LOG_FACTORIALS[n]!;
}

/**
 * Two-sided exact binomial test: the probability, if each of `n` events fell in the first window
 * with probability `p`, of a split at most as likely as `k` of them there. The sum runs over every
 * split, so the cost grows with n, never its square.
 */
export function binomialTwoSided(k: number, n: number, p: number): number {
  if (n === 0) return 1;
  if (p <= 0 || p >= 1) return (p <= 0 ? k === 0 : k === n) ? 1 : 0;
  const logPmf = (i: number) => logFactorial(n) - logFactorial(i) - logFactorial(n - i) + i * Math.log(p) + (n - i) * Math.log(1 - p);
  const observed = logPmf(k);
  let total = 0;
  for (let i = 0; i <= n; i++) {
    const lp = logPmf(i);
    // The relative tolerance keeps the symmetric split of an even n from being missed by rounding.
    if (lp <= observed + 1e-7) total += Math.exp(lp);
  }
  return Math.min(1, total);
}

/**
 * Whether a count of events in a recent window differs from the count in the window before it by
 * more than chance. Incidents arrive as a Poisson process; given the total, the recent count is
 * binomial with the recent window's share of the time (conditional test of two Poisson rates).
 *
 * - `too-few`: fewer than 5 events in all, or no earlier window to compare with;
 * - `rising` / `falling`: the p-value is below 0.05;
 * - `flat`: enough events, and no change beyond chance.
 *
 * `recentLength` and `previousLength` are the windows' lengths in any unit (the previous window is
 * shorter when the history is).
 */
export function compareCounts(recent: number, previous: number, recentLength = 1, previousLength = recentLength): CountChange {
  const total = recent + previous;
  if (total < MIN_EVENTS_FOR_TREND || previousLength <= 0 || recentLength <= 0) return { direction: 'too-few', recent, previous, pValue: null };
  const pValue = round(binomialTwoSided(recent, total, recentLength / (recentLength + previousLength)));
  const expected = (total * recentLength) / (recentLength + previousLength);
  const direction = pValue >= TREND_SIGNIFICANCE ? 'flat' : recent > expected ? 'rising' : 'falling';
  return { direction, recent, previous, pValue };
}
