import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyze, compareCounts, describeDurations, loadProject, trendWord } from '../src/lib/index.ts';
import { summarise } from '../src/lib/analyze/stats.ts';
import { NOW, runCli } from './helpers.ts';

describe('p90 needs n ≥ 10', () => {
  test('below 10 values nearest-rank p90 is the maximum, so it is not reported', () => {
    expect(summarise([1, 2, 3, 4, 5, 6, 7, 8, 9], 0)).toEqual({ count: 9, missing: 0, approximate: 0, p50: 5, p90: null, max: 9 });
    expect(summarise([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0)).toEqual({ count: 10, missing: 0, approximate: 0, p50: 5, p90: 9, max: 10 });
  });

  test('every percentile is written with its n; the maximum stands in for p90 below 10', () => {
    expect(describeDurations({ count: 25, p50: 41, p90: 480, max: 600 })).toBe('p50 41 min · p90 8 h · max 10 h (n = 25)');
    expect(describeDurations({ count: 7, p50: 41, p90: null, max: 600 })).toBe('p50 41 min · max 10 h (n = 7)');
    expect(describeDurations({ count: 0, p50: null, p90: null, max: null })).toBe('no durations (n = 0)');
  });
});

describe('a change between two counts, beyond chance or not', () => {
  test('fewer than 5 events in all are too few to tell', () => {
    expect(compareCounts(1, 0)).toEqual({ direction: 'too-few', recent: 1, previous: 0, pValue: null });
    expect(compareCounts(0, 0)).toEqual({ direction: 'too-few', recent: 0, previous: 0, pValue: null });
    expect(compareCounts(4, 0)).toEqual({ direction: 'too-few', recent: 4, previous: 0, pValue: null });
  });

  test('10 against 2 is beyond chance: P = 2 × (66 + 12 + 1) / 2^12', () => {
    expect(compareCounts(10, 2)).toEqual({ direction: 'rising', recent: 10, previous: 2, pValue: 0.0386 });
    expect(compareCounts(2, 10)).toEqual({ direction: 'falling', recent: 2, previous: 10, pValue: 0.0386 });
  });

  test('7 against 3 is within chance: P = 2 × (120 + 45 + 10 + 1) / 2^10', () => {
    expect(compareCounts(7, 3)).toEqual({ direction: 'flat', recent: 7, previous: 3, pValue: 0.3438 });
    expect(trendWord(compareCounts(7, 3))).toBe('no clear change');
    expect(trendWord(compareCounts(5, 5))).toBe('flat');
  });

  test('a shorter earlier window is weighed by its length', () => {
    // 6 against 0 in equal windows: P = 2 / 64. Against one earlier period for three recent ones, 6
    // of 6 in the recent three is what chance gives a third of the time.
    expect(compareCounts(6, 0).direction).toBe('rising');
    expect(compareCounts(6, 0, 3, 1)).toEqual({ direction: 'flat', recent: 6, previous: 0, pValue: 0.3474 });
    expect(compareCounts(6, 0, 3, 0).direction).toBe('too-few');
  });

  test('large counts stay exact and fast', () => {
    expect(compareCounts(5200, 4800)).toMatchObject({ direction: 'rising' });
    expect(compareCounts(5050, 4950)).toMatchObject({ direction: 'flat' });
  });
});

describe('approximate times', async () => {
  const dir = join(import.meta.dirname, 'fixtures/analyze/approximate/incidents');
  const project = await loadProject({ incidentsDir: dir, cwd: dir, now: NOW });
  const analysis = analyze(project.incidents, project.catalog!, { asOf: '2025-03-01' });
  const metric = (name: string) => analysis.timeMetrics.find((m) => m.metric === name)!;

  test('are left out of the time metrics and listed', () => {
    expect(project.diagnostics).toEqual([]);
    // times_approximate: true leaves the dates-only incident out of all three; [resolved_at] only of resolve.
    expect(metric('detect').overall).toEqual({ count: 2, missing: 0, approximate: 1, p50: 10, p90: null, max: 20 });
    expect(metric('detect').approximate).toEqual(['2025-01-20-dates-only']);
    expect(metric('mitigate').overall).toMatchObject({ count: 2, approximate: 1, p50: 30, max: 50 });
    expect(metric('resolve').overall).toEqual({ count: 1, missing: 0, approximate: 2, p50: 60, p90: null, max: 60 });
    expect(metric('resolve').approximate).toEqual(['2025-01-20-dates-only', '2025-02-05-end-estimated']);
    expect(analysis.headline).toMatchObject({ resolveP50: 60, resolveCount: 1 });
    expect(analysis.mitigateAndResolve.count).toBe(1);
  });

  test('the report says how many it left out', async () => {
    const { stdout } = await runCli(['analyze', '--incidents', dir, '--as-of', '2025-03-01'], { cwd: dir });
    expect(stdout).toContain('  time to detect    p50 10 min · max 20 min (n = 2); left out: 1 approximate\n');
    expect(stdout).toContain('  time to resolve   p50 1 h · max 1 h (n = 1); left out: 2 approximate\n');
  });
});
