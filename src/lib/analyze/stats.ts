import type { DurationSummary, HistogramBin } from './types.ts';

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

export function summarise(values: readonly number[], missing: number): DurationSummary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    missing,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
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
