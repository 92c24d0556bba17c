import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyze, loadProject } from '../src/lib/index.ts';
import { patternRows } from '../src/site/view/pattern-rows.ts';
import { windowCards } from '../src/site/view/window-cards.ts';
import { NOW } from './helpers.ts';

const load = async (fixture: string, asOf: string) => {
  const dir = join(import.meta.dirname, 'fixtures/analyze', fixture, 'incidents');
  const project = await loadProject({ incidentsDir: dir, cwd: dir, now: NOW });
  return analyze(project.incidents, project.catalog!, { asOf });
};

describe('dashboard window cards', () => {
  test('an arrow and a colour only for a change beyond chance; the p50 with its n', async () => {
    const analysis = await load('known', '2025-08-01');
    const cards = windowCards(analysis.windows, 'SEV1 + SEV2');
    expect(cards.map((c) => [c.key, c.value, c.note, c.arrow, c.tone])).toEqual([
      ['incidents', '3', '3 in the 90 days before: flat', null, null],
      ['severe', '1', '1 in the 90 days before: too few to tell', null, null],
      ['customerFacing', '1', '1 in the 90 days before: too few to tell', null, null],
      ['recurrences', '1', '2 in the 90 days before: too few to tell', null, null],
      ['overdueActionItems', '2', '1 at the end of the 90 days before', null, null],
      ['resolveP50', '4 h', '2 h (n = 3) in the 90 days before', null, null],
    ]);
    expect(cards.at(-1)!.label).toBe('p50 time to resolve (n = 3)');
  });

  test('a rise beyond chance is red and points up', async () => {
    const analysis = await load('known', '2025-08-01');
    const windows = { ...analysis.windows, changes: { ...analysis.windows.changes, incidents: { direction: 'rising' as const, recent: 10, previous: 2, pValue: 0.0386 } } };
    expect(windowCards(windows, 'SEV1 + SEV2')[0]).toMatchObject({ arrow: '▲', tone: 'bad' });
  });
});

describe('pattern rows', () => {
  test('name, status, action items, chains and incidents of each pattern', async () => {
    const analysis = await load('patterns', '2025-12-31');
    const rows = patternRows(analysis.patterns, analysis.recurrence.chains);
    expect(rows[0]).toMatchObject({
      parts: [{ dimension: 'service', value: 'db', text: 'db', paged: true }, { dimension: 'root cause', value: 'capacity', text: 'capacity', paged: true }],
      status: { word: 'quiet since 2025-07-05', tone: 'muted' },
      actionItems: '1 open · 0 done of 1 action item',
      toDo: [{ incident: '2025-05-05-db-full', index: 0 }],
      incidents: ['2025-07-05-db-full-third', '2025-06-05-db-full-again', '2025-05-05-db-full'],
      earlier: 0,
    });
    expect(rows[0]!.chains.map((c) => c.incidents[0])).toEqual(['2025-05-05-db-full']);
    expect(rows[1]).toMatchObject({ parts: [{ dimension: 'contributing factor', text: 'No canary stage', paged: false }], status: { word: 'resolved, last 2025-03-14', tone: 'good' }, actionItems: '0 open · 2 done of 2 action items' });
    expect(rows[3]!.status).toEqual({ word: 'active', tone: 'bad' });
    expect(rows[3]!.actionItems).toBe('1 open (1 overdue) · 0 done of 1 action item');
  });
});
