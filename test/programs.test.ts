import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyze, loadProject, type CriterionEvaluation, type LoadResult, type ProgramEvaluation } from '../src/lib/index.ts';
import { exampleNotices, NOW } from './helpers.ts';

/**
 * One program with an exit criterion of every kind, judged on two days: on 15 April 2025 none is
 * met, on 30 September every one is, each since a day the fixture's dates determine.
 */
const DIR = join(import.meta.dirname, 'fixtures/programs/criteria');
const BEFORE = '2025-04-15';
const AFTER = '2025-09-30';

let project: LoadResult;
const programsOn = (asOf: string) => analyze(project.incidents, project.catalog!, { asOf }, project.programs).programs;

beforeAll(async () => {
  project = await loadProject({ incidentsDir: join(DIR, 'incidents'), cwd: DIR, now: NOW });
});

/** What a reader checks of a criterion: its verdict, since when, and what blocks it. */
const verdict = (c: CriterionEvaluation) => ({
  id: c.id,
  met: c.met,
  metOn: c.metOn,
  projectedOn: c.projectedOn,
  summary: c.summary,
  blocking: c.blockingItems.map((i) => `${i.incident}#${i.index} ${i.why}${i.overdueDays === null ? '' : `, ${i.overdueDays} days overdue`}`),
  incidents: c.incidents.map((i) => `${i.id}: ${i.detail}`),
});

describe('a program judged on a day', () => {
  let before: ProgramEvaluation;
  let after: ProgramEvaluation;

  beforeAll(() => {
    [before] = programsOn(BEFORE) as [ProgramEvaluation];
    [after] = programsOn(AFTER) as [ProgramEvaluation];
  });

  test('a program declared after the analysis date is not there yet; an exited one is judged on its exit', () => {
    expect(programsOn(BEFORE).map((p) => [p.id, p.state, p.evaluatedOn])).toEqual([['2025-03-code-yellow', 'active', BEFORE]]);
    expect(programsOn(AFTER).map((p) => [p.id, p.state, p.evaluatedOn])).toEqual([['2025-03-code-yellow', 'active', AFTER], ['2025-06-backups', 'exited', '2025-07-01']]);
  });

  test('action-items-done: the filtered past items, a won\'t-do with a reason closed, an overdue one', () => {
    expect(verdict(before.criteria[0]!)).toEqual({
      id: 'past-action-items', met: false, metOn: null, projectedOn: '2025-04-30',
      summary: "2 of 4 items done (1 won't do, with a reason); 2 to do, 1 overdue",
      blocking: ['2025-01-10-i1#0 done only on 2025-05-20, 14 days overdue', '2025-02-20-i2#0 done only on 2025-07-10'],
      incidents: [],
    });
    // The P3 item without a reason is left out by the priority filter; the P0 of an incident out of scope too.
    expect(verdict(after.criteria[0]!)).toEqual({
      id: 'past-action-items', met: true, metOn: '2025-07-10', projectedOn: null,
      summary: "All 4 items done (1 won't do, with a reason)", blocking: [], incidents: [],
    });
  });

  test('labelled-items-done: every item with one of the labels, the later ones included', () => {
    expect(verdict(before.criteria[1]!)).toEqual({
      id: 'pooling-and-limits', met: false, metOn: null, projectedOn: '2025-05-15',
      summary: '`connection-pooling`: 0 of 1 item done; `limits`: 0 of 2 items done; 3 to do, 1 overdue',
      blocking: ['2025-01-10-i1#0 done only on 2025-05-20, 14 days overdue', '2025-02-20-i2#0 done only on 2025-07-10', '2025-04-01-i4#0 done only on 2025-08-01'],
      incidents: [],
    });
    expect(verdict(after.criteria[1]!)).toMatchObject({ met: true, metOn: '2025-08-01', summary: '`connection-pooling`: 1 of 1 item done; `limits`: 2 of 2 items done' });
    expect(after.criteria[1]!.measure).toEqual({ kind: 'items', total: 3, closed: 3, labels: [{ label: 'connection-pooling', total: 1, closed: 1 }, { label: 'limits', total: 2, closed: 2 }] });
  });

  test('no-incidents: SEV2 or worse in the last 60 days, met 60 days after the last', () => {
    expect(verdict(before.criteria[2]!)).toEqual({
      id: 'no-severe-incidents', met: false, metOn: null, projectedOn: '2025-05-31',
      summary: '2 SEV2 or worse incidents in the last 60 days, the last on 2025-04-01',
      blocking: [], incidents: ['2025-04-01-i4: Service A throttled every client', '2025-02-20-i2: Service A ran out of connections again'],
    });
    expect(verdict(after.criteria[2]!)).toEqual({
      id: 'no-severe-incidents', met: true, metOn: '2025-05-31', projectedOn: null,
      summary: 'No SEV2 or worse incident in the last 60 days', blocking: [], incidents: [],
    });
  });

  test('no-recurrence: a recurrence its author confirmed, in the last 90 days', () => {
    expect(verdict(before.criteria[3]!)).toEqual({
      id: 'no-recurrence', met: false, metOn: null, projectedOn: '2025-05-21',
      summary: '1 confirmed recurrence in the last 90 days, the last on 2025-02-20',
      blocking: [], incidents: ['2025-02-20-i2: recurrence of 2025-01-10-i1'],
    });
    expect(verdict(after.criteria[3]!)).toMatchObject({ met: true, metOn: '2025-05-21', summary: 'No confirmed recurrence in the last 90 days' });
  });

  test('detection: p50 time to detect and the share found by customers, met since the window lost the last customer report', () => {
    expect(verdict(before.criteria[4]!)).toEqual({
      id: 'fast-detection', met: false, metOn: null, projectedOn: null,
      summary: 'In the last 90 days: p50 time to detect 45 min over 2 incidents (must be under 15 min); 2 of 2 incidents found by customers, 100% (must be under 25%)',
      blocking: [],
      incidents: ['2025-04-01-i4: found by customer-report, detected after 45 min', '2025-02-20-i2: found by customer-report, detected after 1 h'],
    });
    expect(after.criteria[4]!).toMatchObject({ met: true, metOn: '2025-06-30' });
    expect(after.criteria[4]!.measure).toEqual({ kind: 'detection', from: '2025-07-03', to: AFTER, incidents: 2, measured: 2, detectP50: 6, withDetection: 2, customerReports: 0, customerShare: 0 });
  });

  test('rotation: enough people, none above the share; a scribe does not count', () => {
    expect(verdict(before.criteria[5]!)).toEqual({
      id: 'paging-rotation', met: false, metOn: null, projectedOn: null,
      summary: '3 people handled 3 incidents in the last 120 days; the busiest, ann, 100% of them (at least 4 people, none over 40%)',
      blocking: [], incidents: ['2025-04-01-i4: ann, cai', '2025-02-20-i2: ann, bob', '2025-01-10-i1: ann'],
    });
    expect(after.criteria[5]!).toMatchObject({ met: true, metOn: '2025-09-07' });
    expect(after.criteria[5]!.measure).toEqual({
      kind: 'rotation', from: '2025-06-03', to: AFTER, incidents: 3, withResponders: 3, maxShare: 0.3333,
      people: ['cai', 'dee', 'eve', 'fay', 'gus', 'hal'].map((who) => ({ who, incidents: 1, share: 0.3333 })),
    });
  });

  test('attested: met on the day written, not before', () => {
    expect(verdict(before.criteria[6]!)).toMatchObject({ met: false, projectedOn: '2025-06-01', summary: 'Attested by vp.eng for 2025-06-01, after 2025-04-15' });
    expect(verdict(after.criteria[6]!)).toMatchObject({ met: true, metOn: '2025-06-01', summary: 'Attested by vp.eng on 2025-06-01' });
  });

  test('the program: at risk while an item is overdue, ready to exit once all is met', () => {
    const program = (p: ProgramEvaluation) => ({ status: p.status, risks: p.risks, met: p.met, total: p.total, projection: p.projection, since: p.incidentsSinceDeclared });
    expect(program(before)).toEqual({
      status: 'at-risk', risks: ['1 item the criteria wait for is overdue'], met: 0, total: 7,
      projection: { date: '2025-06-01', undated: 0, unprojected: ['fast-detection', 'paging-rotation'] },
      since: ['2025-04-01-i4'],
    });
    expect(program(after)).toEqual({
      status: 'ready-to-exit', risks: [], met: 7, total: 7,
      projection: { date: null, undated: 0, unprojected: [] },
      since: ['2025-04-01-i4', '2025-05-10-i5', '2025-06-15-i6', '2025-07-20-i7', '2025-08-15-i8'],
    });
    expect(before.criteria.map((c) => c.line)).toEqual([10, 15, 19, 24, 28, 34, 40]);
  });

  test('the burndown counts the items the criteria wait for, every 7 days from the declaration', () => {
    const changes = (p: ProgramEvaluation) => p.burndown.filter((b, i, all) => i === 0 || b.open !== all[i - 1]!.open);
    expect(before.burndown.map((b) => b.date)).toEqual(['2025-03-01', '2025-03-08', '2025-03-15', '2025-03-22', '2025-03-29', '2025-04-05', '2025-04-12', BEFORE]);
    expect(changes(before)).toEqual([{ date: '2025-03-01', open: 2 }, { date: '2025-04-05', open: 3 }]);
    expect(after.burndown).toHaveLength(32);
    expect(changes(after)).toEqual([
      { date: '2025-03-01', open: 2 }, { date: '2025-04-05', open: 3 }, { date: '2025-05-24', open: 2 }, { date: '2025-07-12', open: 1 }, { date: '2025-08-02', open: 0 },
    ]);
  });
});

describe('a program that exited', () => {
  test('a criterion unmet on its exit day is a warning on that criterion', () => {
    expect(project.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}: ${d.message}`)).toEqual([
      'programs/2025-06-backups.md:10:9 warning program-exit-unmet: `backups` was not met on `exited_at` (2025-07-01): `backups`: no item carries it yet. If the program ended without it on purpose, say why in the body; otherwise correct `exited_at`',
    ]);
  });

  test('it is judged on its exit day, whatever the analysis date', () => {
    const exited = programsOn('2026-06-30').find((p) => p.id === '2025-06-backups')!;
    expect([exited.state, exited.evaluatedOn, exited.status, exited.met, exited.criteria.map((c) => [c.id, c.met, c.metOn])]).toEqual([
      'exited', '2025-07-01', 'on-track', 1, [['backups', false, null], ['restore-drill', true, '2025-06-20']],
    ]);
  });

  test('the check runs when only validating, and not on a part of the folder', async () => {
    const lean = await loadProject({ incidentsDir: join(DIR, 'incidents'), cwd: DIR, now: NOW, incidents: false });
    expect([lean.incidents.length, lean.programs.length, lean.diagnostics.map((d) => d.rule)]).toEqual([0, 2, ['program-exit-unmet']]);
    const part = await loadProject({ incidentsDir: join(DIR, 'incidents'), cwd: DIR, now: NOW, only: (path) => path.endsWith('backups.md') });
    expect(part.diagnostics).toEqual([]);
  });
});

test('the complete example in docs/programs.md validates beside the bundled examples', async () => {
  const { cpSync, mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const repo = join(import.meta.dirname, '..');
  const example = /```markdown\n([\s\S]*?)\n```/.exec(readFileSync(join(repo, 'docs/programs.md'), 'utf8'))![1]!;
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-program-doc-'));
  cpSync(join(repo, 'incidents'), join(dir, 'incidents'), { recursive: true });
  cpSync(join(repo, 'programs'), join(dir, 'programs'), { recursive: true });
  writeFileSync(join(dir, 'programs/2025-07-doc-example.md'), `${example}\n`);
  const result = await loadProject({ incidentsDir: join(dir, 'incidents'), cwd: dir, now: NOW });
  expect(result.diagnostics).toEqual(exampleNotices());
  expect(result.programs.map((p) => p.id)).toContain('2025-07-doc-example');
});

describe('the day a window criterion became met', () => {
  test('is the day a check of every single day finds, for rotations and detection bounds of many sizes', async () => {
    const { buildPopulation } = await import('../src/lib/analyze/cases.ts');
    const { analyseActionItems } = await import('../src/lib/analyze/action-items.ts');
    const { evaluateProgram } = await import('../src/lib/programs/evaluate.ts');
    const { DEFAULT_SETTINGS, programSchema, shiftDays } = await import('../src/lib/index.ts');
    const repo = join(import.meta.dirname, '..');
    const examples = await loadProject({ incidentsDir: join(repo, 'incidents'), cwd: repo, now: NOW });
    const asOf = '2026-06-30';
    const settings = { ...DEFAULT_SETTINGS, asOf };
    const population = buildPopulation(examples.incidents, examples.catalog!, settings);
    const items = analyseActionItems(population, settings).items;
    const criteria = [
      ...[30, 60, 120, 365].flatMap((days) => [
        { id: `rotation-${days}`, description: 'r', kind: 'rotation', days, min_responders: 2, max_share: 0.6 },
        { id: `detect-${days}`, description: 'd', kind: 'detection', days, detect_p50_below: 20 },
        { id: `customers-${days}`, description: 'c', kind: 'detection', days, customer_share_below: 0.5 },
      ]),
    ];
    const program = {
      id: 'p', file: 'p.md', criteria: criteria.map(() => ({ line: 1, column: 1 })), body: { markdown: '', line: 1 },
      frontmatter: programSchema.parse({ title: 'Every window', kind: 'initiative', declared_at: '2025-01-01', owner: 'x', exit_criteria: criteria }),
    };
    const metOn = (day: string) => evaluateProgram(program, population, items, day, 'active').criteria;
    let checked = 0;
    for (const end of ['2025-06-30', '2025-12-31', asOf]) {
      const evaluated = metOn(end);
      // Every day from the declaration to `end`: the criterion is met on each day from metOn on, and not the day before.
      const days: string[] = [];
      for (let d = '2025-01-01'; d <= end; d = shiftDays(d, 1)) days.push(d);
      const daily = days.map((d) => metOn(d).map((c) => c.met));
      evaluated.forEach((c, i) => {
        if (!c.met) return;
        let first = days.length - 1;
        while (first > 0 && daily[first - 1]![i]) first--;
        expect([c.id, end, c.metOn]).toEqual([c.id, end, days[first]]);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(10);
  }, 60_000);
});

test('a program declared decades ago keeps its burndown to 520 points or so', () => {
  const [program] = project.programs;
  const old = { ...program!, frontmatter: { ...program!.frontmatter, declared_at: '1990-01-01' } };
  const [evaluation] = analyze(project.incidents, project.catalog!, { asOf: AFTER }, [old]).programs;
  expect(evaluation!.burndown.length).toBeLessThanOrEqual(521);
  expect(evaluation!.burndown.slice(0, 2).map((b) => b.date)).toEqual(['1990-01-01', '1990-01-29']);
  expect(evaluation!.burndown.at(-1)).toEqual({ date: AFTER, open: 0 });
});
