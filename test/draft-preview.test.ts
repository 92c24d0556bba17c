import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyze, isOnSite, loadProject, previewDrafts, type Analysis, type Incident, type LoadResult } from '../src/lib/index.ts';
import { incidentPageView } from '../src/site/view/incident-page.ts';
import { buildSiteData } from '../src/site/view/site-data.ts';
import { NOW } from './helpers.ts';

const REPO = join(import.meta.dirname, '..');
const AS_OF = '2026-07-01';
const DRAFT = '2026-06-16-config-push-token-audience-draft';
const ORIGIN = '2026-03-10-config-push-breaks-auth';

let project: LoadResult;
let published: Incident[];
let drafts: Incident[];
let analysis: Analysis;

beforeAll(async () => {
  project = await loadProject({ incidentsDir: join(REPO, 'incidents'), cwd: REPO, now: NOW, recurrenceWindowDays: 180 });
  published = project.incidents.filter((i) => isOnSite(i.frontmatter.status));
  drafts = project.incidents.filter((i) => !isOnSite(i.frontmatter.status));
  analysis = analyze(published, project.catalog!, { asOf: AS_OF }, project.programs);
});

describe('a draft in the writer\'s preview', () => {
  test('gets the suggestion validate gives it, its similar incidents and its items, and changes nothing of the analysis', () => {
    const before = JSON.stringify(analysis);
    const previews = previewDrafts(drafts, published, project.catalog!, analysis);
    expect(JSON.stringify(analysis)).toBe(before);
    // The analysis with the drafts handed to it is the same: they are never counted.
    const all = analyze(project.incidents, project.catalog!, { asOf: AS_OF }, project.programs);
    expect({ ...all, scope: { ...all.scope, leftOut: { ...all.scope.leftOut, draft: [] } } }).toEqual(analysis);

    expect(previews.map((p) => p.id)).toEqual(['2026-06-09-inventory-sync-draft', DRAFT, '2026-06-23-api-gateway-latency-draft']);
    const preview = previews[1]!;
    expect(preview.suggestion).toMatchObject({ from: ORIGIN, to: DRAFT, match: 'primary-service', score: 0.279, shared: { services: ['config-service', 'auth-service'], rootCauses: ['bad-config'], trigger: 'config-change' } });
    // The same origin and score as validate's possible-recurrence notice on this file.
    const notice = project.diagnostics.find((d) => d.rule === 'possible-recurrence')!;
    expect([notice.file, notice.message.slice(0, notice.message.indexOf(')') + 1)]).toEqual([`incidents/2026/${DRAFT}.md`, `looks like a recurrence of ${ORIGIN} (shared: config-service, auth-service, bad-config; text ${preview.suggestion!.score.toFixed(2)})`]);
    expect(preview.similar.map((s) => [s.id, s.linked])).toEqual([
      [ORIGIN, false], ['2026-05-05-config-service-rollback', false],
    ]);
    expect(preview.actionItems.map((i) => [i.title, i.open, i.overdue])).toEqual([['Merge token audience lists across config files instead of replacing them', true, false]]);
    expect([preview.link, preview.kind, preview.family]).toEqual([undefined, undefined, undefined]);
  });

  test('one that names its origin joins that family, and is judged by what the origin promised', () => {
    const draft = drafts.find((d) => d.id === DRAFT)!;
    const linked = { ...draft, frontmatter: { ...draft.frontmatter, recurrence_of: ORIGIN } };
    const [preview] = previewDrafts([linked], published, project.catalog!, analysis);
    expect(preview!.link).toEqual({ from: ORIGIN, to: DRAFT, gapDays: 97.9 });
    expect(preview!.kind).toMatchObject({ kind: 'preventable', entry: { id: DRAFT, origin: ORIGIN, items: [{ title: 'Stage config pushes per environment with automatic rollback on error rate', daysPastDue: 47 }] } });
    expect(preview!.family!.members.map((m) => [m.id, m.parent])).toEqual([[ORIGIN, null], [DRAFT, ORIGIN]]);
    expect(preview!.family!.status).toBe('active');
    expect(preview!.suggestion).toBeUndefined();
  });

  test('its page shows all of it: what the earlier incident promised, the suggestion, similar incidents, items and real durations', () => {
    const previews = previewDrafts(drafts, published, project.catalog!, analysis);
    const data = buildSiteData({ incidents: project.incidents, catalog: project.catalog!, analysis, drafts: true, base: '/', programs: project.programs, previews });
    const view = incidentPageView(data, data.byId.get(DRAFT)!);
    expect(view.draft).toBe(true);
    expect(view.possibleOrigin!.confirm).toBe(`recurrence_of: ${ORIGIN}`);
    expect(view.promised!.confirmed).toBe(false);
    expect(view.promised!.prevent.map((p) => [p.title, p.atStart.text, p.since])).toEqual([
      ['Stage config pushes per environment with automatic rollback on error rate', '47 days overdue', 'still open, 62 days overdue'],
      ['Validate auth-service config against a schema before push', 'done on 2026-03-20', undefined],
    ]);
    expect(view.similar.map((s) => s.href)).toEqual([`/incidents/${ORIGIN}/`, '/incidents/2026-05-05-config-service-rollback/']);
    expect(view.items.map((i) => i.title)).toEqual(['Merge token audience lists across config files instead of replacing them']);
    expect(view.facts.filter((f) => f.kind === 'time').map((f) => f.kind === 'time' && f.after)).toEqual([undefined, '+6 min', '+25 min']);
  });
});
