import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyze, loadProject, type Incident, type RecurrenceFamily } from '../src/lib/index.ts';
import { rowMatches } from '../src/site/filter-match.ts';
import { actionItemsView, overdueFirst } from '../src/site/view/action-items.ts';
import { dashboardView } from '../src/site/view/dashboard.ts';
import { tooThinByMonth } from '../src/site/view/dashboard-charts.ts';
import { dimensionIndexView, dimensionValueView, dimensionStats } from '../src/site/view/dimension.ts';
import { familyTree, type FamilyNode } from '../src/site/view/family-tree.ts';
import { incidentPageView } from '../src/site/view/incident-page.ts';
import { incidentsTableView } from '../src/site/view/incidents-table.ts';
import { documentTitle, navigation, pathInSite } from '../src/site/view/layout.ts';
import { query, siteLinks } from '../src/site/view/links.ts';
import { familiesView } from '../src/site/view/families.ts';
import { patternsView } from '../src/site/view/patterns.ts';
import { recurrenceSummary } from '../src/site/view/recurrence-lists.ts';
import { severityBadge } from '../src/site/view/severity.ts';
import { buildSiteData, type SiteData } from '../src/site/view/site-data.ts';
import { NOW } from './helpers.ts';

const KNOWN = join(import.meta.dirname, 'fixtures/analyze/known/incidents');
let incidents: Incident[];
let data: SiteData;

async function siteOf(asOf: string, base = '/'): Promise<SiteData> {
  const project = await loadProject({ incidentsDir: KNOWN, cwd: KNOWN, now: NOW });
  incidents = project.incidents;
  const analysis = analyze(project.incidents, project.catalog!, { asOf });
  return buildSiteData({ incidents: project.incidents, catalog: project.catalog!, analysis, drafts: false, base });
}

beforeAll(async () => {
  data = await siteOf('2025-08-01');
});

/** The rows of a table view that a link's filters keep, as the page's script filters them. */
function kept<T extends { filter: Record<string, string> }>(rows: readonly T[], href: string, text: (row: T) => string = () => ''): T[] {
  const params = [...new URL(href, 'http://site').searchParams].filter(([name]) => name !== 'sort');
  return rows.filter((row) => params.every(([name, value]) => rowMatches(row.filter, text(row), name, value)));
}

describe('links', () => {
  test('carry the base path and the filters, in the order given, without empty ones', () => {
    const links = siteLinks('/postmortems/');
    expect(links.incident('2025-01-10-a')).toBe('/postmortems/incidents/2025-01-10-a/');
    expect(links.value('root_cause', 'capacity')).toBe('/postmortems/causes/capacity/');
    expect(links.incidents({ kind: 'incident', from: '2025-05-04', recurrence: true, customer: false, q: '' })).toBe('/postmortems/incidents/?kind=incident&from=2025-05-04&recurrence=true');
    expect(links.actionItems()).toBe('/postmortems/action-items/');
    expect(query({ q: 'a b&c' })).toBe('?q=a+b%26c');
  });

  test('the navigation marks the section a page is in', () => {
    const links = siteLinks('/p/');
    const current = (path: string) => navigation(links, pathInSite(path, '/p/')).filter((n) => n.current).map((n) => n.label);
    expect(current('/p/')).toEqual(['Dashboard']);
    expect(current('/p/services/orders-db/')).toEqual(['Services']);
    expect(current('/p/incidents/2025-01-10-a/')).toEqual(['Incidents']);
    expect(current('/p/404/')).toEqual([]);
    expect(navigation(links, '/')[0]!.href).toBe('/p/');
    expect(documentTitle('Incidents', 'Hindsight')).toBe('Incidents · Hindsight');
  });
});

describe('the site data', () => {
  test('holds the published and in-review postmortems, newest first, not the draft', () => {
    expect(data.incidents.map((i) => i.id)).toEqual([
      '2025-07-05-i-kafka-unlinked', '2025-07-01-f-kafka-lag', '2025-06-20-d-capacity-late', '2025-04-01-g-near-miss',
      '2025-03-10-e-kafka-rebalance', '2025-03-01-c-config-deploy', '2025-02-15-b-capacity-again', '2025-01-10-a-capacity',
    ]);
    expect(data.leftOut).toBe(1);
  });

  test('a badge has a colour that tells the worst severity from the others', () => {
    expect(severityBadge(data.catalog, 'SEV1')).toEqual({ id: 'SEV1', label: 'Critical', tone: 'sev-1' });
    expect(severityBadge(data.catalog, 'SEV9')).toEqual({ id: 'SEV9', label: 'SEV9', tone: 'sev-1' });
  });
});

describe('the dashboard', () => {
  test('every 90-day card links to exactly the rows it counts', () => {
    const view = dashboardView(data);
    const table = incidentsTableView(data).rows;
    const items = actionItemsView(data).rows;
    expect(view.window.cards.map((c) => [c.key, c.value])).toEqual([
      ['incidents', '3'], ['severe', '1'], ['customerFacing', '1'], ['recurrences', '1'], ['overdueActionItems', '2'], ['resolveP50', '4 h'],
    ]);
    for (const card of view.window.cards) {
      const rows = card.href.startsWith('/action-items/') ? kept(items, card.href) : kept(table, card.href);
      if (card.key !== 'resolveP50') expect(String(rows.length), card.key).toBe(card.value);
    }
    expect(view.window.cards[1]!.href).toBe('/incidents/?kind=incident&from=2025-05-04&to=2025-08-01&severity=severe');
    expect(view.window.empty).toBeUndefined();
  });

  test('a count has an arrow only for a change beyond chance; each p50 says its n', () => {
    const view = dashboardView(data);
    expect(view.window.cards.map((c) => [c.key, c.label, c.note, c.change])).toEqual([
      ['incidents', 'Incidents', '3 in the 90 days before: flat', undefined],
      ['severe', 'SEV1 + SEV2', '1 in the 90 days before: too few to tell', undefined],
      ['customerFacing', 'Customer-facing', '1 in the 90 days before: too few to tell', undefined],
      ['recurrences', 'Recurrences', '1 in the 90 days before: too few to tell', undefined],
      ['overdueActionItems', 'Overdue action items (now)', '1 at the end of the 90 days before', undefined],
      ['resolveP50', 'p50 time to resolve (n = 3)', '2 h (n = 3) in the 90 days before', undefined],
    ]);
    expect(view.allTime.at(-1)!.label).toBe('p50 time to resolve (n = 7)');
    const rising = { ...data, analysis: { ...data.analysis, windows: { ...data.analysis.windows, changes: { ...data.analysis.windows.changes, incidents: { direction: 'rising' as const, recent: 10, previous: 2, pValue: 0.0386 } } } } };
    expect(dashboardView(rising).window.cards[0]).toMatchObject({ note: '3 in the 90 days before: rising', change: { arrow: '▲', tone: 'bad' } });
  });

  test('every all-time number links to exactly the rows it counts', () => {
    const view = dashboardView(data);
    const table = incidentsTableView(data).rows;
    const items = actionItemsView(data).rows;
    const count = (href: string) => (href.includes('/action-items/') ? kept(items, href) : kept(table, href)).length;
    expect(view.allTime.map((c) => [c.key, c.value, count(c.href)])).toEqual([
      ['all-incidents', '7', 7], ['recurrence-rate', '29%', 2], ['preventable', '1', 1], ['open-items', '2', 2], ['all-resolveP50', '2 h', 7],
    ]);
    expect(view.allTime[3]!.extra).toEqual({ text: '2 overdue', href: '/action-items/?overdue=true&sort=overdue-desc' });
  });

  test('overdue items come most urgent first, and the list is bounded', () => {
    const view = dashboardView(data);
    expect(view.overdue.rows.map((r) => [r.priority, r.overdueDays, r.title])).toEqual([['P0', 181, 'Cap worker threads'], ['P1', 31, 'Autoscale on queue depth']]);
    expect(view.overdue.total).toBe(2);
    const many = Array.from({ length: 30 }, (_, i) => ({ ...data.analysis.actionItems.items[0]!, index: i, priority: i % 2 ? 'P2' : 'P1', overdue: true, overdueDays: i }));
    const sorted = overdueFirst(many);
    expect(sorted.slice(0, 3).map((i) => [i.priority, i.overdueDays])).toEqual([['P1', 28], ['P1', 26], ['P1', 24]]);
  });

  test('teams at a glance count incidents and action items per team, each linked to its rows', () => {
    const view = dashboardView(data);
    const table = incidentsTableView(data).rows;
    const items = actionItemsView(data).rows;
    expect(view.teams.rows.map((r) => [r.team, r.recent.count, r.severe.count, r.allTime.count, r.open.count, r.overdue.count])).toEqual([
      ['alpha', 2, 1, 5, 2, 2],
      ['gamma', 1, 0, 2, 0, 0],
    ]);
    for (const row of view.teams.rows) {
      expect(kept(table, row.recent.href)).toHaveLength(row.recent.count);
      expect(kept(table, row.severe.href)).toHaveLength(row.severe.count);
      expect(kept(table, row.allTime.href)).toHaveLength(row.allTime.count);
      expect(kept(items, row.open.href)).toHaveLength(row.open.count);
      expect(kept(items, row.overdue.href)).toHaveLength(row.overdue.count);
    }
  });

  test('with no incident in the last 90 days, it says when the last one was', async () => {
    const later = await siteOf('2026-03-01');
    expect(dashboardView(later).window.empty).toBe('No incidents in the last 90 days. The last one started on 2025-07-05, 239 days before 2026-03-01.');
  });

  test('thin months are drawn by quarter, and the chart says so; p90 has its own marker and tooltips read in hours', async () => {
    expect(tooThinByMonth(data.analysis)).toBe(true);
    const quarterly = analyze(incidents, data.catalog, { asOf: '2025-08-01', period: 'quarter' });
    const view = dashboardView({ ...data, trends: quarterly });
    const durations = view.charts.find((c) => c.title === 'Time to detect and to resolve')!;
    expect(durations.spec.labels).toEqual(['2025-Q1', '2025-Q2', '2025-Q3']);
    expect(durations.spec.xLabel).toBe('Quarter started');
    expect(durations.note).toContain('By quarter: most months have fewer than 5 incidents');
    expect(durations.spec.series.map((s) => [s.label, s.marker])).toEqual([
      ['Detect p50', 'circle'], ['Detect p90', 'triangle'], ['Resolve p50', 'circle'], ['Resolve p90', 'triangle'],
    ]);
    const resolve = durations.spec.series[2]!;
    // Each percentile with its n; a p90 under 10 durations says so.
    expect(resolve.display).toEqual(['1 h (n = 4)', '10 h (n = 1)', '2 h (n = 2)']);
    expect(durations.spec.series[3]!.display).toEqual(['— (n = 4, under 10)', '— (n = 1, under 10)', '— (n = 2, under 10)']);
  });
});

describe('the incidents table', () => {
  test('rows carry what the filters match on, and in-review postmortems are marked', () => {
    const view = incidentsTableView(data);
    const a = view.rows.find((r) => r.id === '2025-01-10-a-capacity')!;
    expect(a.filter).toEqual({
      severity: 'SEV1 severe', services: 'svc-a', causes: 'capacity', trigger: 'deploy', team: 'alpha', kind: 'incident', date: '2025-01-10',
      recurrence: 'false', customer: 'true', preventable: 'false',
    });
    expect(view.rows.filter((r) => r.inReview).map((r) => r.id)).toEqual(['2025-07-01-f-kafka-lag']);
    expect(view.options.severities[0]).toEqual({ value: 'severe', label: 'SEV1 + SEV2' });
    expect(view.note).toBe('of 8 postmortems, newest first; 1 draft not published.');
  });
});

describe('an incident page', () => {
  test('shows contributing factors, customer impact and tags among its facts', () => {
    const view = incidentPageView(data, data.byId.get('2025-01-10-a-capacity')!);
    const fact = (label: string) => view.facts.find((f) => f.label === label);
    expect(fact('Contributing factors')).toEqual({ label: 'Contributing factors', kind: 'list', items: ['No connection limits.', 'Missing alert'] });
    expect(fact('Customer-facing')).toEqual({ label: 'Customer-facing', kind: 'text', text: 'yes' });
    expect(fact('Impact')).toEqual({ label: 'Impact', kind: 'text', text: 'Checkout failed for some users. (100 users)' });
    expect(fact('Resolved')).toEqual({ label: 'Resolved', kind: 'time', at: '2025-01-10T11:00:00Z', text: '2025-01-10 11:00 UTC', after: '+1 h' });
    expect(view.facts.map((f) => f.label)).toEqual([
      'Severity', 'Status', 'Services', 'Root causes', 'Trigger', 'Contributing factors', 'Customer-facing', 'Impact', 'Detection',
      'Started', 'Detected', 'Mitigated', 'Resolved', 'Authors',
    ]);
    expect(view.items.map((i) => [i.title, i.filter.status, i.overdueDays])).toEqual([
      ['Cap worker threads', 'open unfinished', 181], ['Alert on thread pool saturation', 'done', null], ['Reject requests when the pool is full', 'done', null],
    ]);
  });

  test('says where it recurs from, and its family around it', () => {
    const view = incidentPageView(data, data.byId.get('2025-02-15-b-capacity-again')!);
    expect(view.origin).toEqual({ title: 'Service A ran out of worker threads', href: '/incidents/2025-01-10-a-capacity/', note: 'linked by the authors, 36 days earlier' });
    expect(view.possibleOrigin).toBeUndefined();
    expect(view.family!.root).toMatchObject({
      kind: 'incident', title: 'Service A ran out of worker threads', href: '/incidents/2025-01-10-a-capacity/', current: false, gapDays: null, hidden: 0,
      children: [{ kind: 'incident', title: 'Service A thread pool exhausted during a traffic spike', href: undefined, current: true, gapDays: 36, badge: { text: 'preventable', tone: 'bad' }, children: [] }],
    });
    expect(view.connected).toBe(true);
    expect(view.inReview).toBe(false);
  });
});

describe('recurrence families', () => {
  /** A family of `n` members, each under the one `parentOf` names (by position), the origin first. */
  function family(n: number, parentOf: (i: number) => number): RecurrenceFamily {
    const id = (i: number) => `2025-01-${String(i + 1).padStart(2, '0')}-m${i}`;
    const parents = Array.from({ length: n }, (_, i) => (i ? parentOf(i) : -1));
    const depth = (i: number): number => (i ? depth(parents[i]!) + 1 : 0);
    const kids = (i: number) => parents.flatMap((p, j) => (p === i && j ? [j] : []));
    const order: number[] = [];
    const walk = (i: number) => { order.push(i); for (const k of kids(i)) walk(k); };
    walk(0);
    const members = order.map((i) => ({ id: id(i), parent: i ? id(parents[i]!) : null, depth: depth(i), date: id(i).slice(0, 10), gapDays: i ? 1 : null }));
    return { origin: id(0), members, first: members[0]!.date, last: id(n - 1).slice(0, 10), lastId: id(n - 1), daysSinceLast: 1, openPreventItems: [], overduePreventItems: [], status: 'active' };
  }
  const shape = (node: FamilyNode): unknown => (node.kind === 'skipped'
    ? [`… ${node.count} more`, ...node.children.map(shape)]
    : [`${node.id.slice(11)}${node.current ? '*' : ''}${node.hidden ? ` (+${node.hidden})` : ''}`, ...node.children.map(shape)]);

  test('a small family is drawn whole, as the tree its links make', () => {
    const tree = familyTree(data, family(5, (i) => (i === 4 ? 2 : 0)), '2025-01-05-m4');
    expect(shape(tree.root)).toEqual(['m0', ['m1'], ['m2', ['m4*']], ['m3']]);
    expect(tree.summary).toBe('5 incidents, 2025-01-01 to 2025-01-05, linked by their authors: active.');
  });

  test('a long chain shows its start, the path\'s middle as one line, the incidents around the page, and counts every one left out', () => {
    const tree = familyTree(data, family(20, (i) => i - 1), '2025-01-15-m14');
    expect(shape(tree.root)).toEqual(['m0', ['m1', ['m2', ['m3', ['… 8 more', ['m12', ['m13', ['m14*', ['m15 (+4)']]]]]]]]]);
  });

  test('a wide family without a page\'s incident: its first members, the rest counted', () => {
    const tree = familyTree(data, family(15, () => 0));
    expect(shape(tree.root)).toEqual(['m0 (+11)', ['m1'], ['m2'], ['m3']]);
    const around = familyTree(data, family(15, () => 0), '2025-01-10-m9');
    expect(shape(around.root)).toEqual(['m0 (+10)', ['m1'], ['m2'], ['m3'], ['m9*']]);
  });
});

describe('dimension pages', () => {
  test('a team page lists its services with their tiers', () => {
    const alpha = dimensionStats(data, 'team').values.find((v) => v.value === 'alpha')!;
    const view = dimensionValueView(data, 'team', alpha);
    expect(view.services).toEqual([{ name: 'Service A', href: '/services/svc-a/', tier: 'tier 1' }, { name: 'Service B', href: '/services/svc-b/', tier: 'tier 2' }]);
    expect(view.cards[0]).toEqual({ value: '5', label: 'incidents, 2025-01-10 to 2025-07-05', href: '/incidents/?kind=incident&team=alpha', metric: 'count' });
    expect(kept(incidentsTableView(data).rows, view.cards[0]!.href!)).toHaveLength(5);
    expect(view.openItems.map((i) => i.title)).toEqual(['Cap worker threads', 'Autoscale on queue depth']);
  });

  test('an index row per value, with its counts by severity', () => {
    const view = dimensionIndexView(data, 'root_cause');
    expect(view.severities).toEqual(['SEV1', 'SEV2', 'SEV3', 'SEV4']);
    expect(view.rows.map((r) => [r.label, r.count])).toEqual([['Software bug', 3], ['Capacity exhaustion', 3], ['Bad configuration', 1]]);
    expect(view.rows[1]).toMatchObject({ label: 'Capacity exhaustion', id: 'capacity', href: '/causes/capacity/', count: 3, bySeverity: [1, 2, 0, 0] });
  });
});

describe('the patterns page', () => {
  test('each pattern names its dimensions, and shows its status, action items, chains and incidents', async () => {
    const dir = join(import.meta.dirname, 'fixtures/analyze/patterns/incidents');
    const project = await loadProject({ incidentsDir: dir, cwd: dir, now: NOW });
    const analysis = analyze(project.incidents, project.catalog!, { asOf: '2025-12-31' });
    const view = patternsView(buildSiteData({ incidents: project.incidents, catalog: project.catalog!, analysis, drafts: false, base: '/' }));
    expect(view.patterns[0]).toMatchObject({
      parts: [{ dimension: 'service', label: 'db', href: '/services/db/' }, { dimension: 'root cause', label: 'capacity', href: '/causes/capacity/' }],
      status: { word: 'quiet since 2025-07-05', tone: 'muted' },
      actionItems: '1 open · 0 done of 1 action item',
      toDo: [{ incident: { href: '/incidents/2025-05-05-db-full/' }, index: 0 }],
      earlier: 0,
    });
    expect(view.patterns[0]!.incidents.map((l) => l.href)).toEqual(['/incidents/2025-07-05-db-full-third/', '/incidents/2025-06-05-db-full-again/', '/incidents/2025-05-05-db-full/']);
    expect(view.patterns[0]!.families).toHaveLength(1);
    expect(view.patterns[0]!.details).toBe('3 incidents, 1 recurrence family, 1 action item to do');
    expect(view.patterns[1]).toMatchObject({ parts: [{ dimension: 'contributing factor', label: 'No canary stage', href: undefined }], status: { word: 'resolved, last 2025-03-14', tone: 'good' }, actionItems: '0 open · 2 done of 2 action items' });
    expect(view.patterns[3]).toMatchObject({ status: { word: 'active', tone: 'bad' }, actionItems: '1 open (1 overdue) · 0 done of 1 action item' });
  });

  test('lists each preventable recurrence once, with the items overdue when it started, and links to every list', () => {
    const view = patternsView(data);
    const preventable = view.recurrence.kinds.find((k) => k.kind === 'preventable')!;
    // Only what was overdue when b started: "Reject requests" was due that very day, and c repeats nothing.
    expect(preventable.rows.map((r) => [r.date, r.recurrence.title, r.origin.date, r.gap, r.items.map((i) => [i.title, i.atStart.text, i.since])])).toEqual([
      ['2025-02-15', 'Service A thread pool exhausted during a traffic spike', '2025-01-10', '36 days earlier', [['Cap worker threads', '14 days overdue', 'still open, 181 days overdue']]],
    ]);
    expect(view.recurrence.kinds.map((k) => [k.anchor, k.total, k.href])).toEqual([
      ['preventable', 1, '/recurrences/#preventable'], ['after-fix', 1, '/recurrences/#after-fix'], ['before-due', 0, '/recurrences/#before-due'], ['no-due-date', 0, '/recurrences/#no-due-date'],
    ]);
    expect(view.heat.rows.map((r) => r.label)).toEqual(['svc-a', 'svc-b', 'svc-c']);
    expect(view.recurrence.suggestions).toEqual({ rows: [], total: 0, href: '/recurrences/#suggestions' });
    expect(view.allRecurrences).toBe('/recurrences/');
  });
});

describe('the action items page', () => {
  test('opens with one sentence of counts, and offers open and in-progress together as a status', () => {
    const view = actionItemsView(data);
    expect(`${view.summary.before} ${view.summary.overdue} ${view.summary.after}`).toBe(
      "6 action items from every postmortem on the site: 1 open, 1 in progress, 3 done, 1 won't do; 2 overdue as of 2025-08-01. Completion rate 60% (done of all but won't do); median 10 days from incident to done.",
    );
    expect(view.options.statuses[0]).toEqual({ value: 'unfinished', label: 'not done (open or in progress)' });
    expect(kept(view.rows, '/action-items/?status=unfinished').map((r) => r.status)).toEqual(['open', 'in-progress']);
  });
});

describe('possible recurrences on the site', () => {
  test('shown as suggestions with their evidence, apart from what authors confirmed', async () => {
    const dir = join(import.meta.dirname, 'fixtures/analyze/recurrence/incidents');
    const project = await loadProject({ incidentsDir: dir, cwd: dir, now: NOW });
    const analysis = analyze(project.incidents, project.catalog!, { asOf: '2025-09-01' });
    const site = buildSiteData({ incidents: project.incidents, catalog: project.catalog!, analysis, drafts: false, base: '/' });
    expect(patternsView(site).recurrence.suggestions.rows).toEqual([{
      score: '0.61',
      date: '2025-05-20',
      incident: { title: 'ReportBuilder took every orders-db connection during the spring sale', href: '/incidents/2025-05-20-orders-db-connections-sale/' },
      origin: { title: 'The report_builder job exhausted orders-db connections', href: '/incidents/2025-03-05-orders-db-connections-reports/' },
      gap: '76 days later',
      shared: 'orders-db, orders-api, capacity, missing-limits',
    }]);
    // Counted apart, and linked to where they are listed.
    expect(dashboardView(site).recurrence.summary.suggestions).toEqual({ text: '1 possible recurrence not yet confirmed', href: '/recurrences/#suggestions' });
    // Active first, then quiet, then fixed, whatever their size.
    const families = familiesView(site, 10);
    expect(families.groups.map((g) => [g.status, g.total, g.rows.map((r) => [r.size, r.first, r.last, r.sinceLast, r.prevent.text])])).toEqual([
      ['active', 1, [['4 incidents', '2025-01-10', '2025-04-10', '144 days since the last one', '1 prevent item open']]],
      ['quiet', 1, [['2 incidents', '2024-10-01', '2024-11-15', '290 days since the last one', 'no prevent item open']]],
      ['fixed', 1, [['2 incidents', '2025-02-01', '2025-03-01', '184 days since the last one', 'no prevent item open']]],
    ]);
    expect(families.groups[0]!.rows[0]!.openItems).toEqual([{
      title: 'Per-role connection limits on orders-db', ticket: undefined, meta: 'P1 · bob · no due date', overdue: undefined,
      incident: { title: 'Orders database out of connections again during a flash sale', href: '/incidents/2025-01-20-orders-db-connections-again/' },
    }]);
    expect(familiesView(site, 2).groups.map((g) => [g.status, g.total, g.rows.length])).toEqual([['active', 1, 1], ['quiet', 1, 1], ['fixed', 1, 0]]);
    const summary = recurrenceSummary(site, '/recurrences/');
    expect([summary.lead, ...summary.kinds.map((k) => `${k.count} ${k.text}`), summary.unjudged]).toEqual([
      '5 confirmed recurrences in 3 families:', '1 preventable', '1 after the fix was done — the fix did not work', '1 before the fix was due', '1 while the fix had no due date',
      '1 whose earlier incident recorded no prevent item',
    ]);
    const page = incidentPageView(site, site.byId.get('2025-05-20-orders-db-connections-sale')!);
    expect([page.origin, page.family]).toEqual([undefined, undefined]);
    expect(page.possibleOrigin).toEqual({
      other: { title: 'The report_builder job exhausted orders-db connections', href: '/incidents/2025-03-05-orders-db-connections-reports/' },
      note: "76 days earlier; text 0.61 alike, where this folder's background is 0.21",
      evidence: [
        'both name Orders database first, and share Orders API',
        'shared root causes: Capacity exhaustion, Missing limits',
        'same trigger: Traffic spike',
        'shared contributing factors: no connection pooling',
        'words both use: report, reportbuilder, builder, shard, job',
      ],
      file: '2025-05-20-orders-db-connections-sale',
      confirm: 'recurrence_of: 2025-03-05-orders-db-connections-reports',
      dismiss: 'not_recurrence_of: [2025-03-05-orders-db-connections-reports]',
    });
    expect(dashboardView(site).allTime[1]).toMatchObject({ label: 'recurrence rate (5 confirmed recurrences)', value: '11%', note: '1 possible recurrence not yet confirmed' });
  });
});
