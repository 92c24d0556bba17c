import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyze, blindCheck, daysLate, itemStateOn, loadProject, openWhenStarted, type Analysis, type LoadResult } from '../src/lib/index.ts';
import { NOW } from './helpers.ts';

/**
 * A folder written for the recurrence rules: three families (active, fixed, quiet), each kind of
 * recurrence, one repeat nobody linked, one the author dismissed, and forty unrelated incidents as
 * the folder's background.
 */
const DIR = join(import.meta.dirname, 'fixtures/analyze/recurrence/incidents');
const AS_OF = '2025-09-01';
const r1 = '2025-01-10-orders-db-connections';
const r2 = '2025-01-20-orders-db-connections-again';
const r3 = '2025-03-05-orders-db-connections-reports';
const r4 = '2025-04-10-orders-db-connections-batch';
const sale = '2025-05-20-orders-db-connections-sale';
const loadTest = '2025-06-10-orders-db-connections-load-test';

let project: LoadResult;
let analysis: Analysis;

beforeAll(async () => {
  project = await loadProject({ incidentsDir: DIR, cwd: DIR, now: NOW });
  expect(project.diagnostics).toEqual([]);
  analysis = analyze(project.incidents, project.catalog!, { asOf: AS_OF });
});

const pooler = { incident: r1, index: 0, title: 'Put a connection pooler in front of orders-db', owner: 'team-data', priority: 'P0', status: 'done', due: '2025-02-01', completedAt: '2025-06-01', ticket: null };
const perRole = { incident: r2, index: 0, title: 'Per-role connection limits on orders-db', owner: 'bob', priority: 'P1', status: 'in-progress', due: null, completedAt: null, ticket: null };

describe('families', () => {
  test('each repeat under the incident it names, with the gap of that link', () => {
    expect(analysis.recurrence.families.map((f) => f.members)).toEqual([
      [
        { id: r1, parent: null, depth: 0, date: '2025-01-10', gapDays: null },
        { id: r2, parent: r1, depth: 1, date: '2025-01-20', gapDays: 10 },
        { id: r4, parent: r2, depth: 2, date: '2025-04-10', gapDays: 80 },
        { id: r3, parent: r1, depth: 1, date: '2025-03-05', gapDays: 54 },
      ],
      [
        { id: '2025-02-01-price-cache-stale-config', parent: null, depth: 0, date: '2025-02-01', gapDays: null },
        { id: '2025-03-01-price-cache-stale-config-again', parent: '2025-02-01-price-cache-stale-config', depth: 1, date: '2025-03-01', gapDays: 28 },
      ],
      [
        { id: '2024-10-01-safari-checkout-button', parent: null, depth: 0, date: '2024-10-01', gapDays: null },
        { id: '2024-11-15-safari-checkout-button-again', parent: '2024-10-01-safari-checkout-button', depth: 1, date: '2024-11-15', gapDays: 45 },
      ],
    ]);
  });

  test('active, fixed or quiet, with the last recurrence and the prevent items still open', () => {
    const [orders, cache, safari] = analysis.recurrence.families;
    expect(orders).toMatchObject({ status: 'active', first: '2025-01-10', last: '2025-04-10', lastId: r4, daysSinceLast: 144, openPreventItems: [perRole], overduePreventItems: [] });
    // Every prevent item done (the canary on 2025-03-15), and nothing since.
    expect(cache).toMatchObject({ status: 'fixed', daysSinceLast: 184, openPreventItems: [] });
    // No prevent item at all, and no recurrence for 290 days: longer than the 180-day window.
    expect(safari).toMatchObject({ status: 'quiet', daysSinceLast: 290 });
    const shorter = analyze(project.incidents, project.catalog!, { asOf: AS_OF, recurrenceWindowDays: 120 });
    expect(shorter.recurrence.families.map((f) => f.status)).toEqual(['quiet', 'fixed', 'quiet']);
  });
});

describe('what the origin\'s prevent items say about each recurrence', () => {
  test('preventable: the pooler was 32 days overdue when the reports job took every connection', () => {
    expect(analysis.recurrence.preventable).toEqual([{ id: r3, origin: r1, items: [{ ...pooler, daysPastDue: 32 }] }]);
    expect(analysis.headline.preventableRecurrences).toBe(1);
  });

  test('before the fix was due: ten days after the first outage, the pooler was due in twelve', () => {
    expect(analysis.recurrence.recurredBeforeDue).toEqual([{ id: r2, origin: r1, items: [{ ...pooler, daysPastDue: -12 }] }]);
  });

  test('while a prevent item had no due date: only the direct origin counts, not the pooler two links back', () => {
    expect(analysis.recurrence.recurredWithoutDueDate).toEqual([{ id: r4, origin: r2, items: [{ ...perRole, daysPastDue: null }] }]);
  });

  test('after every prevent item was done: the fix did not work', () => {
    expect(analysis.recurrence.recurredAfterFix).toEqual([{
      id: '2025-03-01-price-cache-stale-config-again',
      origin: '2025-02-01-price-cache-stale-config',
      items: [{ incident: '2025-02-01-price-cache-stale-config', index: 0, title: 'Validate price cache config in CI', owner: 'cai', priority: 'P1', status: 'done', due: '2025-02-20', completedAt: '2025-02-10', ticket: null, daysPastDue: null }],
    }]);
  });
});

describe('an action item on the day an incident started', () => {
  const item = { status: 'done' as const, due: '2025-02-01', completedAt: '2025-06-01' };

  test('overdue, not yet due, or done: the day it was completed did not prevent that day\'s incident', () => {
    expect(itemStateOn(item, '2025-03-05')).toEqual({ state: 'overdue', days: 32 });
    expect(itemStateOn(item, '2025-01-20')).toEqual({ state: 'not-yet-due', days: 12 });
    expect(itemStateOn(item, '2025-02-01')).toEqual({ state: 'not-yet-due', days: 0 });
    expect(itemStateOn(item, '2025-06-01')).toEqual({ state: 'overdue', days: 120 });
    expect(itemStateOn(item, '2025-06-02')).toEqual({ state: 'done', completedAt: '2025-06-01' });
    expect([openWhenStarted(item, '2025-06-01'), openWhenStarted(item, '2025-06-02')]).toEqual([true, false]);
  });

  test('without a due date, given up, or done on no known day', () => {
    expect(itemStateOn({ status: 'in-progress', due: null, completedAt: null }, '2025-03-05')).toEqual({ state: 'no-due-date' });
    expect(itemStateOn({ status: 'wont-do', due: '2025-01-01', completedAt: null }, '2025-03-05')).toEqual({ state: 'wont-do' });
    expect(itemStateOn({ status: 'done', due: null, completedAt: null }, '2025-03-05')).toEqual({ state: 'done', completedAt: null });
  });

  test('how late it was done: from its due date to its completion', () => {
    expect(daysLate(item)).toBe(120);
    expect(daysLate({ status: 'done', due: '2025-02-20', completedAt: '2025-02-10' })).toBe(-10);
    expect(daysLate({ status: 'done', due: null, completedAt: '2025-02-10' })).toBeNull();
    expect(daysLate({ status: 'open', due: '2025-02-20', completedAt: null })).toBeNull();
  });
});

describe('suggested recurrences', () => {
  test('one, with its evidence: the same service and causes, and text far more alike than the folder', () => {
    expect(analysis.recurrence.suggestions).toEqual([{
      from: r3,
      to: sale,
      gapDays: 76,
      match: 'primary-service',
      shared: { services: ['orders-db', 'orders-api'], rootCauses: ['capacity', 'missing-limits'], factors: ['no connection pooling'], trigger: 'traffic' },
      score: 0.6073,
      terms: ['report', 'reportbuilder', 'builder', 'shard', 'job'],
    }]);
    expect(analysis.recurrence.textThreshold).toBe(0.2099);
  });

  test('counted apart from confirmed recurrences', () => {
    expect(analysis.recurrence.total).toEqual({ incidents: 45, recurrences: 5, rate: 0.1111, suggested: 1 });
    expect(analysis.headline).toMatchObject({ recurrences: 5, suggestedRecurrences: 1 });
  });

  test('a shared service and root cause are not enough: the full disk reads nothing like the connection outages', () => {
    expect(analysis.recurrence.suggestions.map((s) => s.to)).not.toContain('2025-07-01-orders-db-disk-full');
  });

  test('not_recurrence_of dismisses a suggestion for good', () => {
    expect(analysis.recurrence.dismissed).toBe(2);
    const undismissed = project.incidents.map((i) => (i.id === loadTest ? { ...i, frontmatter: { ...i.frontmatter, not_recurrence_of: undefined } } : i));
    const without = analyze(undismissed, project.catalog!, { asOf: AS_OF });
    expect(without.recurrence.suggestions.find((s) => s.to === loadTest)).toMatchObject({ from: sale, score: 0.3691 });
    expect(without.recurrence.dismissed).toBe(0);
  });
});

describe('the blind check', () => {
  test('hides every recurrence_of and compares what inference suggests with what the authors wrote', () => {
    expect(blindCheck(project.incidents, project.catalog!, { asOf: AS_OF })).toEqual({
      hidden: 5,
      agreed: 3,
      otherOrigin: 0,
      missed: 2,
      outsideWindow: 0,
      agreement: 0.6,
      otherSuggestions: 1,
      cases: [
        { id: '2024-11-15-safari-checkout-button-again', origin: '2024-10-01-safari-checkout-button', suggested: '2024-10-01-safari-checkout-button' },
        { id: r2, origin: r1, suggested: r1 },
        { id: '2025-03-01-price-cache-stale-config-again', origin: '2025-02-01-price-cache-stale-config', suggested: '2025-02-01-price-cache-stale-config' },
        { id: r3, origin: r1, suggested: null },
        { id: r4, origin: r2, suggested: null },
      ],
    });
  });
});
