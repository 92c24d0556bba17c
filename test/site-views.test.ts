import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyze, loadProject } from '../src/lib/index.ts';
import type { FamilyNode } from '../src/site/view/family-tree.ts';
import { incidentPageView } from '../src/site/view/incident-page.ts';
import { programGroups, programPage } from '../src/site/view/programs.ts';
import { loadView, teamLoad } from '../src/site/view/responders.ts';
import { buildSiteData, type SiteData } from '../src/site/view/site-data.ts';
import { NOW } from './helpers.ts';

const REPO = join(import.meta.dirname, '..');
let data: SiteData;

beforeAll(async () => {
  const project = await loadProject({ incidentsDir: join(REPO, 'incidents'), cwd: REPO, now: NOW });
  const analysis = analyze(project.incidents, project.catalog!, { asOf: '2026-07-01' }, project.programs);
  data = buildSiteData({ incidents: project.incidents, catalog: project.catalog!, analysis, drafts: false, base: '/', programs: project.programs });
});

describe('programs on the site', () => {
  test('cards: the active program first, with how many criteria are met and why it is at risk', () => {
    const { active, exited } = programGroups(data);
    expect(active).toEqual([{
      id: '2026-03-edge-and-config-safety', href: '/programs/2026-03-edge-and-config-safety/', title: 'Edge and configuration safety', kind: 'Initiative',
      state: 'active', status: 'At risk', tone: 'bad', progress: '3 of 5 exit criteria met', dates: 'declared 2026-03-16 · target 2026-09-30',
      projection: 'Projected exit 2026-09-30', risks: ['1 item the criteria wait for is overdue'],
    }]);
    expect(exited.map((c) => [c.id, c.status, c.tone, c.progress, c.dates, c.projection])).toEqual([
      ['2025-07-code-yellow-orders-db-and-batch', 'Exited 2025-11-20', 'good', '3 of 3 exit criteria met', 'declared 2025-07-01 · target 2025-10-31 · exited 2025-11-20', null],
    ]);
  });

  test('a page: each criterion with its verdict and evidence, a weekly burndown, the incidents since', () => {
    const page = programPage(data, data.analysis.programs.find((p) => p.state === 'exited')!);
    expect(page.criteria.map((c) => [c.id, c.verdict, c.summary, c.source])).toEqual([
      ['past-action-items', 'Met on 2025-10-30', "All 22 items done (2 won't do, with a reason)", 'programs/2025-07-code-yellow-orders-db-and-batch.md:12'],
      ['pooling-and-limits', 'Met on 2025-08-20', 'connection-pooling: 2 of 2 items done; limits: 3 of 3 items done', 'programs/2025-07-code-yellow-orders-db-and-batch.md:16'],
      ['paging-rotation', 'Met on 2025-11-18', '6 people handled 3 incidents in the last 90 days; the busiest, fatima.h, 33% of them (at least 4 people, none over 40%)', 'programs/2025-07-code-yellow-orders-db-and-batch.md:20'],
    ]);
    expect(page.criteria[2]!.incidents.map((i) => [i.date, i.incident.href, i.detail])).toEqual([
      ['2025-11-18', '/incidents/2025-11-18-reports-cron-double-run/', 'jun.w, marco.b'],
      ['2025-10-21', '/incidents/2025-10-21-cutover-login-loop/', 'priya.n, sam.o'],
      ['2025-09-08', '/incidents/2025-09-10-schema-mismatch-drops-order-notes/', 'fatima.h, lee.p'],
    ]);
    expect(page.judged).toBe('Judged on 2025-11-20, the day it exited: the record of why it could end.');
    expect(page.burndown!.spec.labels).toHaveLength(22);
    expect([page.burndown!.spec.series[0]!.data[0], page.burndown!.spec.series[0]!.data.at(-1)]).toEqual([10, 0]);
    expect(page.incidents.map((i) => i.date)).toEqual(['2025-11-18', '2025-10-21', '2025-09-08', '2025-08-05', '2025-07-15']);
    expect(page.bodyHtml).toContain('<h2>Why</h2>');
  });

  test('what blocks the active program links to the tickets and the postmortems', () => {
    const page = programPage(data, data.analysis.programs.find((p) => p.state === 'active')!);
    expect(page.criteria[0]!.items[0]).toEqual({
      title: 'Stage config pushes per environment with automatic rollback on error rate', ticket: 'https://tracker.example.com/PLAT-97',
      owner: 'lena.w', priority: 'P0', due: '2026-04-30', state: 'open', overdue: '62 days overdue',
      incident: { href: '/incidents/2026-03-10-config-push-breaks-auth/', title: 'Config push set a wrong token audience and logged everyone out' },
    });
    expect(page.criteria[4]!.attestation).toEqual({ by: 'ahmed.r', href: 'https://wiki.example.com/platform/config-change-policy', on: '2026-05-20' });
  });
});

describe('who carries the load on the site', () => {
  test('the dashboard table: a small team is not flagged for one incident', () => {
    const load = loadView(data);
    expect(load.note).toBe('2026-04-03 to 2026-07-01: 3 of 3 incidents list their responders; the others are not counted. Near-misses, game days and drafts never are.');
    expect(load.rows).toEqual([
      { team: 'platform', href: '/teams/platform/', incidents: 2, responders: 3, outOfHours: '0 of 1', hours: '5 h', busiest: 'ahmed.r (1)', concentration: '50%', concentrated: false },
      { team: 'growth', href: '/teams/growth/', incidents: 1, responders: 1, outOfHours: '0 of 0', hours: '2 h', busiest: 'noor.h (1)', concentration: '100%', concentrated: false },
    ]);
  });

  test('a team page: all time, the platform team leaned on one person', () => {
    const load = teamLoad(data, 'platform');
    expect(load.allTime.team).toMatchObject({ incidents: 20, responders: 7, busiest: 'dana.k (9)', concentration: '45%', pages: 30, outOfHoursPages: 10 });
    expect(load.allTime.people[0]).toEqual({ who: 'dana.k', incidents: 9, asCommander: 7, outOfHours: '4 of 9', hours: '23 h' });
    expect(teamLoad(data, 'orders').recent.team).toBeUndefined();
  });
});

describe('what the earlier incident promised, on a recurrence\'s page', () => {
  test('the reboot script came back with both prevent items of February overdue: preventable', () => {
    const view = incidentPageView(data, data.byId.get('2025-05-06-batch-fleet-rebooted-again')!);
    const promised = view.promised!;
    expect([promised.intro.before, promised.origin.title, promised.origin.date, promised.intro.after]).toEqual([
      'Repeats', 'reboot-stuck.py rebooted the whole batch fleet at once', '2025-02-11', ', 84 days earlier, as its authors linked.',
    ]);
    expect([promised.badge, promised.verdict]).toEqual([
      { text: 'preventable', tone: 'bad' }, 'Preventable: 2 prevent items of the earlier incident were overdue when this one started.',
    ]);
    expect(promised.prevent.map((p) => [p.title, p.meta, p.atStart.text, p.since])).toEqual([
      ['Cap reboot-stuck.py at 2 hosts per run', 'P0 · prevent · team-legacy · due 2025-02-28', '67 days overdue', 'done on 2025-06-10, 102 days late'],
      ['Replace reboot-stuck.py with job-level retries and quarantine', 'P1 · prevent · marco.b · due 2025-04-30', '6 days overdue', 'done on 2025-10-30, 183 days late'],
    ]);
    expect(promised.other.map((p) => [p.title, p.atStart.text, p.since])).toEqual([
      ['Alert when more than 3 hosts reboot in 10 minutes', 'done on 2025-02-20', undefined],
      ['Write a runbook for batch-workers', 'done on 2025-03-03', undefined],
    ]);
  });

  test('orders-db came back at login time with the pooler 24 days overdue; the limits had no due date', () => {
    const promised = incidentPageView(data, data.byId.get('2025-06-24-auth-outage-orders-db-connections')!).promised!;
    expect(promised.verdict).toBe('Preventable: a prevent item of the earlier incident was overdue when this one started.');
    expect(promised.prevent.map((p) => [p.title, p.atStart, p.since])).toEqual([
      ['Put PgBouncer in front of orders-db', { text: '24 days overdue', tone: 'bad' }, 'done on 2025-08-20, 81 days late'],
      ['Per-service connection limits (ALTER ROLE … CONNECTION LIMIT)', { text: 'not done, and no due date', tone: 'bad' }, 'done on 2025-08-20'],
    ]);
    // Before the pooler was due, the first repeat was not preventable: it says so plainly.
    const early = incidentPageView(data, data.byId.get('2025-04-09-reports-query-storm-saturates-orders-db')!).promised!;
    expect([early.badge?.text, early.verdict, early.prevent[0]!.atStart.text]).toEqual([
      'before the fix was due', 'Recurred before the fix was due: no prevent item of the earlier incident was overdue yet.', 'not yet due: due in 52 days',
    ]);
  });

  test('the origin says how many incidents recurred while each item was open, and how late it was done', () => {
    const items = incidentPageView(data, data.byId.get('2025-03-18-orders-db-connection-exhaustion')!).items;
    expect(items.map((i) => [i.title, i.whileOpen])).toEqual([
      ['Put PgBouncer in front of orders-db', '3 incidents recurred while this was open; done 81 days late'],
      ['Per-service connection limits (ALTER ROLE … CONNECTION LIMIT)', '3 incidents recurred while this was open; it had no due date'],
      ['Alert at 80% of max_connections', undefined],
    ]);
    const reboot = incidentPageView(data, data.byId.get('2025-02-11-reboot-script-fleet-outage')!).items;
    expect(reboot.map((i) => i.whileOpen)).toEqual([
      '2 incidents recurred while this was open; done 102 days late',
      '2 incidents recurred while this was open; done 183 days late',
      '1 incident recurred while this was open; it had no due date',
      '1 incident recurred while this was open; it had no due date',
    ]);
  });

  test('the family is the tree of its links, the page\'s incident marked, each repeat with its kind', () => {
    const tree = incidentPageView(data, data.byId.get('2025-06-24-auth-outage-orders-db-connections')!).family!;
    const shape = (node: FamilyNode): unknown => (node.kind === 'skipped' ? `… ${node.count}` : [
      `${node.gapDays === null ? '' : `+${node.gapDays} `}${node.date}${node.current ? ' (here)' : ''}${node.badge ? ` [${node.badge.text}]` : ''}`,
      ...node.children.map(shape),
    ]);
    expect(shape(tree.root)).toEqual([
      '2025-03-18',
      ['+22 2025-04-09 [before the fix was due]'],
      ['+98 2025-06-24 (here) [preventable]', ['+42 2025-08-05 [the fix had no due date]']],
    ]);
    expect(tree.summary).toBe('4 incidents, 2025-03-18 to 2025-08-05, linked by their authors: fixed.');
  });
});
