import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyze, DEFAULT_SETTINGS, loadProject, type Analysis, type LoadResult } from '../src/lib/index.ts';
import { singular } from '../src/lib/analyze/normalise.ts';
import { outsideWorkingHours } from '../src/lib/analyze/responders.ts';
import { NOW } from './helpers.ts';

const KNOWN = join(import.meta.dirname, 'fixtures/analyze/known/incidents');
const AS_OF = '2025-08-01';

let project: LoadResult;
let analysis: Analysis;

beforeAll(async () => {
  project = await loadProject({ incidentsDir: KNOWN, cwd: KNOWN, now: NOW });
  expect(project.diagnostics).toEqual([]);
  analysis = analyze(project.incidents, project.catalog!, { asOf: AS_OF });
});

const values = (dimension: string) =>
  analysis.dimensions.find((d) => d.dimension === dimension)!.values.map((v) => ({ value: v.value, count: v.count, incidents: v.incidents }));

describe('scope', () => {
  test('counts incidents only, and says what it left out and why', () => {
    expect(analysis.scope).toEqual({
      incidents: 7,
      nearMisses: 1,
      gameDays: 0,
      leftOut: { draft: ['2025-08-01-h-draft'], 'near-miss': ['2025-04-01-g-near-miss'], 'game-day': [], 'after-as-of': [] },
      periods: ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08'],
      first: '2025-01-10',
      last: '2025-07-05',
    });
  });

  test('an analysis date before an incident leaves it out', () => {
    const earlier = analyze(project.incidents, project.catalog!, { asOf: '2025-03-05' });
    expect(earlier.scope.incidents).toBe(3);
    expect(earlier.scope.leftOut['after-as-of']).toEqual([
      '2025-03-10-e-kafka-rebalance', '2025-04-01-g-near-miss', '2025-06-20-d-capacity-late', '2025-07-01-f-kafka-lag', '2025-07-05-i-kafka-unlinked',
    ]);
  });
});

describe('commonalities', () => {
  test('services, teams and normalised contributing factors, most incidents first', () => {
    expect(values('service')).toEqual([
      { value: 'svc-a', count: 4, incidents: ['2025-01-10-a-capacity', '2025-02-15-b-capacity-again', '2025-03-01-c-config-deploy', '2025-06-20-d-capacity-late'] },
      { value: 'svc-b', count: 2, incidents: ['2025-03-01-c-config-deploy', '2025-07-05-i-kafka-unlinked'] },
      { value: 'svc-c', count: 2, incidents: ['2025-03-10-e-kafka-rebalance', '2025-07-01-f-kafka-lag'] },
    ]);
    expect(values('team').map((v) => [v.value, v.count])).toEqual([['alpha', 5], ['gamma', 2]]);
    // "No connection limits.", "no connection limit" and "No connection limits" are one factor.
    expect(values('contributing_factor').map((v) => [v.value, v.count])).toEqual([['no connection limit', 3], ['missing alert', 1]]);
    const factor = analysis.dimensions.find((d) => d.dimension === 'contributing_factor')!.values[0]!;
    expect(factor.label).toBe('No connection limits');
  });

  test('a value carries severities, impact, recurrences, periods and its trend', () => {
    const svcA = analysis.dimensions.find((d) => d.dimension === 'service')!.values[0]!;
    expect(svcA).toMatchObject({
      bySeverity: { SEV1: 1, SEV2: 2, SEV3: 1, SEV4: 0 },
      impactMinutes: { total: 60 + 120 + 60 + 600, median: 60, missing: 0 },
      customerFacing: 3,
      firstSeen: '2025-01-10',
      lastSeen: '2025-06-20',
      // b confirms a; c shares only the service and the trigger with a, which is no recurrence.
      recurrences: 1,
      perPeriod: [1, 1, 1, 0, 0, 1, 0, 0],
      // June–August against March–May: 2 incidents in all are too few to call a direction.
      trend: { direction: 'too-few', recent: 1, previous: 1, pValue: null },
    });
  });

  test('a catalog value no incident names is listed with zero', () => {
    const triggers = analysis.dimensions.find((d) => d.dimension === 'trigger')!;
    expect(triggers.values.map((v) => [v.value, v.count])).toEqual([['deploy', 2], ['traffic', 2]]);
    expect(triggers.incidentsWithout).toBe(3);
    const causes = analysis.dimensions.find((d) => d.dimension === 'root_cause')!.values;
    expect(causes.map((v) => [v.value, v.count])).toEqual([['bug', 3], ['capacity', 3], ['bad-config', 1]]);
  });

  test('service × root cause is a matrix of incident counts', () => {
    const matrix = analysis.coOccurrence.find((m) => m.rows === 'service' && m.columns === 'root_cause')!;
    expect(matrix.cells.map((c) => [c.row, c.column, c.count])).toEqual([
      ['svc-a', 'capacity', 3], ['svc-c', 'bug', 2], ['svc-a', 'bad-config', 1], ['svc-b', 'bad-config', 1], ['svc-b', 'bug', 1],
    ]);
  });
});

describe('patterns', () => {
  test('values and pairs shared by two or more incidents, ranked by weight × lift, one pattern per set of incidents', () => {
    expect(analysis.patterns.map((p) => [p.parts.map((x) => x.value).join(' × '), p.count, p.lift])).toEqual([
      // The factor covers the same three incidents as svc-a × capacity, and says why.
      ['no connection limit', 3, 1.31],
      ['svc-a', 4, 1],
      // 2 ÷ (3·2/7 + 1) = 1.08.
      ['capacity × traffic', 2, 1.08],
      // 2 ÷ (4·2/7 + 1) = 0.93: less often together than apart, so the single trigger's 1 stands.
      ['svc-a × deploy', 2, 1],
      ['bug', 3, 1],
      // svc-c × bug holds the confirmed recurrence f; svc-b's i repeats nothing anyone confirmed.
      ['svc-c × bug', 2, 1.08],
      ['svc-b', 2, 1],
    ]);
    expect(analysis.patterns[0]!.sameIncidents.map((parts) => parts.map((x) => x.value).join(' × '))).toEqual(['svc-a × capacity', 'capacity']);
    expect(analysis.patterns[0]!.explanation).toBe('3 incidents in 5 months: contributing factor "No connection limits" (also service svc-a × root cause capacity), 1 of them SEV1, 1 recurrence');
    expect(analysis.patterns[2]!.explanation).toBe('2 incidents in 4 months: root cause capacity × trigger traffic (also service svc-a × trigger traffic), all SEV2, 1 recurrence');
  });
});

describe('recurrence', () => {
  test('only links authors wrote count, with no window', () => {
    expect(analysis.recurrence.links).toEqual([
      { from: '2025-01-10-a-capacity', to: '2025-02-15-b-capacity-again', gapDays: 36 },
      { from: '2025-03-10-e-kafka-rebalance', to: '2025-07-01-f-kafka-lag', gapDays: 113 },
    ]);
    expect(analysis.recurrence.total).toMatchObject({ incidents: 7, recurrences: 2, rate: 0.2857 });
  });

  test('recurrence rate per period', () => {
    expect(analysis.recurrence.perPeriod.slice(0, 4).map(({ period, incidents, recurrences, rate }) => ({ period, incidents, recurrences, rate }))).toEqual([
      { period: '2025-01', incidents: 1, recurrences: 0, rate: 0 },
      { period: '2025-02', incidents: 1, recurrences: 1, rate: 1 },
      { period: '2025-03', incidents: 2, recurrences: 0, rate: 0 },
      { period: '2025-04', incidents: 0, recurrences: 0, rate: null },
    ]);
  });

  test('b recurred while "Cap worker threads" was two weeks overdue: preventable', () => {
    expect(analysis.recurrence.preventable).toEqual([{
      id: '2025-02-15-b-capacity-again',
      origin: '2025-01-10-a-capacity',
      items: [{ incident: '2025-01-10-a-capacity', index: 0, title: 'Cap worker threads', owner: 'ann', priority: 'P0', status: 'open', due: '2025-02-01', completedAt: null, ticket: 'https://tracker.example.com/A-1', daysPastDue: 14 }],
    }]);
    // e's prevent item was done on 2025-03-20, before f started: the fix did not work.
    expect(analysis.recurrence.recurredAfterFix.map((r) => [r.id, r.items.map((i) => i.completedAt)])).toEqual([['2025-07-01-f-kafka-lag', ['2025-03-20']]]);
    expect(analysis.headline.preventableRecurrences).toBe(1);
  });
});

describe('time metrics', () => {
  test('p50 and max by nearest rank, with their n; no p90 below 10; missing timestamps counted, not zero', () => {
    const [detect, mitigate, resolve] = analysis.timeMetrics;
    // Time to resolve: 60, 60, 120, 120, 240, 240, 600 minutes. With n = 7 the nearest-rank p90
    // would be the 7th value, the maximum again: it is not reported.
    expect(resolve!.overall).toEqual({ count: 7, missing: 0, approximate: 0, p50: 120, p90: null, max: 600 });
    // Time to detect: 5, 10, 20, 30, 60; f and i have no detected_at.
    expect(detect!.overall).toEqual({ count: 5, missing: 2, approximate: 0, p50: 20, p90: null, max: 60 });
    expect(detect!.missing).toEqual(['2025-07-01-f-kafka-lag', '2025-07-05-i-kafka-unlinked']);
    expect(mitigate!.overall).toEqual({ count: 2, missing: 5, approximate: 0, p50: 40, p90: null, max: 40 });
  });

  test('time to mitigate and to resolve side by side are over the same incidents', () => {
    // a and c (each mitigated after 40 min, resolved after 60) are the only two with mitigated_at:
    // over all seven, the p50 to resolve is 120 min, which read beside 40 would mislead.
    expect(analysis.mitigateAndResolve).toEqual({
      count: 2,
      mitigate: { count: 2, missing: 5, approximate: 0, p50: 40, p90: null, max: 40 },
      resolve: { count: 2, missing: 5, approximate: 0, p50: 60, p90: null, max: 60 },
    });
  });

  test('every period is flagged as a small sample; the histogram holds every duration', () => {
    const resolve = analysis.timeMetrics[2]!;
    expect(resolve.perPeriod.every((p) => p.smallSample)).toBe(true);
    expect(resolve.perPeriod[2]).toMatchObject({ period: '2025-03', count: 2, p50: 60, p90: null, max: 240 });
    expect(resolve.histogram.filter((b) => b.count).map((b) => [b.label, b.count])).toEqual([['1–2 h', 2], ['2–4 h', 2], ['4–8 h', 2], ['8–24 h', 1]]);
    expect(resolve.slowest[0]).toEqual({ id: '2025-06-20-d-capacity-late', minutes: 600 });
  });
});

describe('action items', () => {
  test('states, overdue at the analysis date, completion', () => {
    expect(analysis.actionItems.totals).toEqual({ total: 6, open: 1, inProgress: 1, done: 3, wontDo: 1, unfinished: 2, overdue: 2, completionRate: 0.6 });
    // Days to complete: 5, 10 and 36.
    expect(analysis.actionItems.medianDaysToComplete).toBe(10);
    expect(analysis.actionItems.items.filter((i) => i.overdue).map((i) => [i.title, i.overdueDays, i.team])).toEqual([
      ['Cap worker threads', 181, 'alpha'],
      ['Autoscale on queue depth', 31, 'alpha'],
    ]);
  });

  test('the overdue count depends on the analysis date', () => {
    const before = analyze(project.incidents, project.catalog!, { asOf: '2025-06-30' });
    expect(before.actionItems.totals.overdue).toBe(1);
  });

  test('by type, by priority, per period and per incident', () => {
    expect(analysis.actionItems.byType.map((g) => [g.key, g.total])).toEqual([['prevent', 3], ['detect', 1], ['mitigate', 1], ['process', 1]]);
    expect(analysis.actionItems.byPriority.map((g) => [g.key, g.total])).toEqual([['P0', 1], ['P1', 4], ['P2', 1], ['P3', 0]]);
    expect(analysis.actionItems.perPeriod.slice(0, 3)).toEqual([
      { period: '2025-01', opened: 3, closed: 1, overdueAtEnd: 0 },
      { period: '2025-02', opened: 1, closed: 1, overdueAtEnd: 1 },
      { period: '2025-03', opened: 1, closed: 1, overdueAtEnd: 1 },
    ]);
    expect(analysis.actionItems.perPeriod.at(-2)).toEqual({ period: '2025-07', opened: 0, closed: 0, overdueAtEnd: 2 });
    expect(analysis.actionItems.byIncident['2025-01-10-a-capacity']).toEqual({ total: 3, open: 1, inProgress: 0, done: 2, wontDo: 0, unfinished: 1, overdue: 1, completionRate: 0.6667 });
  });
});

describe('similar incidents', () => {
  test('shared distinctive terms, and whether anyone linked them', () => {
    const similar = analysis.similarity.byIncident['2025-03-10-e-kafka-rebalance']!;
    expect(similar[0]).toMatchObject({ id: '2025-07-05-i-kafka-unlinked', linked: false });
    expect(similar[0]!.terms).toEqual(expect.arrayContaining(['kafka', 'rebalance', 'storm']));
    expect(analysis.similarity.unlinkedPairs[0]).toMatchObject({ a: '2025-03-10-e-kafka-rebalance', b: '2025-07-05-i-kafka-unlinked' });
  });

  test('only pairs that stand out from the folder are shown: two incidents of a folder of eight', () => {
    expect(Object.keys(analysis.similarity.byIncident)).toEqual(['2025-03-10-e-kafka-rebalance', '2025-07-05-i-kafka-unlinked']);
  });
});

describe('the stemmer', () => {
  test('makes plurals singular and leaves names of systems alone', () => {
    const words = ['limits', 'retries', 'processes', 'indexes', 'patches', 'caches', 'statuses', 'queues', 'ddos', 'redis', 'kubernetes', 'dns', 'status', 'analysis', 'sqs', 'keys'];
    expect(words.map(singular)).toEqual(['limit', 'retry', 'process', 'index', 'patch', 'cache', 'status', 'queue', 'ddos', 'redis', 'kubernetes', 'dns', 'status', 'analysis', 'sqs', 'key']);
  });
});

describe('incidents per period', () => {
  test('by severity, every period present', () => {
    expect(analysis.perPeriod.slice(0, 4)).toEqual([
      { period: '2025-01', total: 1, bySeverity: { SEV1: 1, SEV2: 0, SEV3: 0, SEV4: 0 } },
      { period: '2025-02', total: 1, bySeverity: { SEV1: 0, SEV2: 1, SEV3: 0, SEV4: 0 } },
      { period: '2025-03', total: 2, bySeverity: { SEV1: 0, SEV2: 0, SEV3: 2, SEV4: 0 } },
      { period: '2025-04', total: 0, bySeverity: { SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0 } },
    ]);
  });
});

describe('headline windows', () => {
  test('the last 90 days against the 90 before', () => {
    expect(analysis.windows).toEqual({
      days: 90,
      severe: ['SEV1', 'SEV2'],
      recent: { from: '2025-05-04', to: '2025-08-01', incidents: 3, severe: 1, customerFacing: 1, recurrences: 1, resolveP50: 240, resolveCount: 3, resolveMissing: 0, resolveApproximate: 0, overdueActionItems: 2 },
      previous: { from: '2025-02-03', to: '2025-05-03', incidents: 3, severe: 1, customerFacing: 1, recurrences: 1, resolveP50: 120, resolveCount: 3, resolveMissing: 0, resolveApproximate: 0, overdueActionItems: 1 },
      // 3 against 3 is enough to test, and no change; the others are fewer than 5 in all.
      changes: {
        incidents: { direction: 'flat', recent: 3, previous: 3, pValue: 1 },
        severe: { direction: 'too-few', recent: 1, previous: 1, pValue: null },
        customerFacing: { direction: 'too-few', recent: 1, previous: 1, pValue: null },
        recurrences: { direction: 'too-few', recent: 1, previous: 1, pValue: null },
      },
    });
  });
});

describe('responders and load', () => {
  const person = (who: string, teams: string[], incidents: number, asCommander: number, hours: number, hoursMissing: number, pages: number, outOfHoursPages: number) =>
    ({ who, teams, incidents, asCommander, hours, hoursMissing, pages, outOfHoursPages });

  test('per person and per team over all time: a person listed twice counts once, a near-miss not at all', () => {
    const ann = person('ann', ['alpha'], 3, 2, 5.5, 1, 3, 2);
    const bob = person('bob', ['alpha'], 1, 0, 1.5, 0, 1, 1);
    const cai = person('cai', ['gamma'], 1, 0, 0, 1, 0, 0);
    const dee = person('dee', ['alpha'], 1, 1, 4, 0, 1, 0);
    const gus = person('gus', ['gamma'], 1, 1, 0, 1, 1, 1);
    expect(analysis.responders.allTime).toEqual({
      from: '2025-01-10',
      to: '2025-08-01',
      incidents: 7,
      withResponders: 4,
      people: [ann, bob, cai, dee, gus],
      teams: [
        { team: 'alpha', incidents: 3, responders: 3, hours: 11, hoursMissing: 1, pages: 5, outOfHoursPages: 3, busiest: 'ann', busiestIncidents: 3, concentration: 1, people: [ann, bob, dee] },
        { team: 'gamma', incidents: 2, responders: 2, hours: 0, hoursMissing: 2, pages: 1, outOfHoursPages: 1, busiest: 'cai', busiestIncidents: 1, concentration: 0.5, people: [cai, gus] },
      ],
    });
  });

  test('over the last 90 days', () => {
    const ann = person('ann', ['alpha'], 1, 0, 0, 1, 1, 1);
    const dee = person('dee', ['alpha'], 1, 1, 4, 0, 1, 0);
    const gus = person('gus', ['gamma'], 1, 1, 0, 1, 1, 1);
    expect(analysis.responders.recent).toEqual({
      from: '2025-05-04',
      to: '2025-08-01',
      incidents: 3,
      withResponders: 2,
      people: [ann, dee, gus],
      teams: [
        { team: 'alpha', incidents: 1, responders: 2, hours: 4, hoursMissing: 1, pages: 2, outOfHoursPages: 1, busiest: 'ann', busiestIncidents: 1, concentration: 1, people: [ann, dee] },
        { team: 'gamma', incidents: 1, responders: 1, hours: 0, hoursMissing: 1, pages: 1, outOfHoursPages: 1, busiest: 'gus', busiestIncidents: 1, concentration: 1, people: [gus] },
      ],
    });
  });

  test('working hours are read on the clock of each page, and are configurable', () => {
    const weekdays = DEFAULT_SETTINGS.workingHours;
    expect(['2025-06-20T17:59:00+02:00', '2025-06-20T18:00:00+02:00', '2025-06-20T08:59:00Z', '2025-06-21T12:00:00Z', '2025-06-20 09:00-07:00']
      .map((t) => outsideWorkingHours(t, weekdays))).toEqual([false, true, true, true, false]);
    const nights = analyze(project.incidents, project.catalog!, { asOf: AS_OF, workingHours: { days: ['sat', 'sun'], start: '00:00', end: '23:59' } });
    expect(nights.responders.allTime.people.map((p) => [p.who, p.outOfHoursPages])).toEqual([['ann', 2], ['bob', 1], ['cai', 0], ['dee', 1], ['gus', 1]]);
  });
});

describe('determinism', () => {
  test('the same input in any order gives byte-identical JSON', () => {
    const reversed = analyze([...project.incidents].reverse(), project.catalog!, { asOf: AS_OF });
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(analysis));
  });
});
