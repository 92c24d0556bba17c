import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Element, Root, RootContent } from 'hast';
import { htmlToHast } from 'satteri';
import { analyze, loadProject, type Analysis } from '../src/lib/index.ts';
import { NOW } from './helpers.ts';

const REPO = join(import.meta.dirname, '..');

function build(incidents: string, env: Record<string, string> = {}) {
  const outDir = join(mkdtempSync(join(tmpdir(), 'hindsight-site-')), 'dist');
  const child = spawnSync(process.execPath, [join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, HINDSIGHT_INCIDENTS: incidents, HINDSIGHT_AS_OF: '2025-08-01', ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', NODE_ENV: 'production', ...env },
  });
  return { ...child, outDir };
}

/** Every file of the built site, by path relative to dist/. */
function files(dir: string): Map<string, string> {
  return new Map(readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(html|css|js|json|xml|csv|svg)$/.test(f)).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

function toText(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(toText).join('') : '';
}

function elements(node: Root | RootContent): Element[] {
  const own = node.type === 'element' ? [node] : [];
  const children = 'children' in node ? node.children.flatMap((child) => elements(child)) : [];
  return [...own, ...children];
}

test('a build with an invalid postmortem prints the findings and publishes nothing', () => {
  const result = build('test/fixtures/validate/mixed/incidents');
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('test/fixtures/validate/mixed/incidents/2025-03-09-bad.md\n  2:8    error    `title` must be at least 5 characters');
  expect(result.stderr).toContain('✖ 14 errors, 0 warnings in 3 files');
  expect(existsSync(result.outDir)).toBe(false);
}, 120_000);

test('a bad analysis date or base path stops the build with a message, not a stack trace', () => {
  const result = build('test/fixtures/analyze/known/incidents', { HINDSIGHT_AS_OF: '2026-13-01', HINDSIGHT_BASE: 'postmortems' });
  expect(result.status).toBe(2);
  expect(result.stderr).toBe(
    'hindsight: HINDSIGHT_AS_OF must be a date such as 2026-06-30, not `2026-13-01`\n'
    + 'hindsight: HINDSIGHT_BASE must start and end with `/`, such as /postmortems/, not `postmortems`\n',
  );
  expect(existsSync(result.outDir)).toBe(false);
}, 120_000);

describe('the site built from a known corpus', () => {
  const KNOWN = 'test/fixtures/analyze/known/incidents';
  let site: Map<string, string>;
  let analysis: Analysis;

  beforeAll(async () => {
    const result = build(KNOWN);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('[hindsight] 1 draft left out of the site');
    site = files(result.outDir);
    const project = await loadProject({ incidentsDir: join(REPO, KNOWN), cwd: REPO, now: NOW });
    analysis = analyze(project.incidents.filter((i) => i.frontmatter.status !== 'draft'), project.catalog!, { asOf: '2025-08-01' }, project.programs);
  }, 120_000);

  test('every postmortem but the draft has its page', () => {
    expect([...site.keys()].filter((f) => f.startsWith('incidents/') && f !== 'incidents/index.html').sort()).toEqual([
      'incidents/2025-01-10-a-capacity/index.html',
      'incidents/2025-02-15-b-capacity-again/index.html',
      'incidents/2025-03-01-c-config-deploy/index.html',
      'incidents/2025-03-10-e-kafka-rebalance/index.html',
      'incidents/2025-04-01-g-near-miss/index.html',
      'incidents/2025-06-20-d-capacity-late/index.html',
      'incidents/2025-07-01-f-kafka-lag/index.html',
      'incidents/2025-07-05-i-kafka-unlinked/index.html',
    ]);
    for (const [file, html] of site) expect(html, file).not.toContain('Draft about Service A');
  });

  test('no file of the site names the draft, not even the analysis\' list of what it left out', () => {
    expect(site.size).toBeGreaterThan(20);
    for (const [file, text] of site) expect(text, file).not.toContain('h-draft');
    expect(JSON.parse(site.get('analysis.json')!).scope.leftOut.draft).toEqual([]);
  });

  test('building twice from the same input and date gives identical files', () => {
    const again = build(KNOWN);
    expect(again.status, again.stderr).toBe(0);
    const second = files(again.outDir);
    expect([...second.keys()].sort()).toEqual([...site.keys()].sort());
    for (const [file, text] of site) expect(second.get(file), file).toBe(text);
  }, 120_000);

  test('the dashboard shows the analysis numbers', () => {
    const html = site.get('index.html')!;
    const metric = (name: string) => new RegExp(`data-metric="${name}">([^<]*)<`).exec(html)?.[1];
    expect([metric('incidents'), metric('severe'), metric('recurrences'), metric('overdueActionItems'), metric('resolveP50')]).toEqual(['3', '1', '1', '2', '4 h']);
    expect(metric('all-incidents')).toBe(String(analysis.headline.incidents));
    expect(metric('preventable')).toBe(String(analysis.headline.preventableRecurrences));
    expect(html).toContain('1 near-miss, 0 game days, and 1 draft left out of this site');
    // Percentiles with their n; no arrow for 3 against 3.
    expect(html).toContain('p50 time to resolve (n = 3)');
    expect(html).toContain('3 in the 90 days before: flat');
    expect(html).not.toContain('data-change=');
    expect(html).toContain('<td class="num">10 min (n = 4)</td>');
  });

  test('the patterns page names each pattern by its dimension, with its status and action items', () => {
    const html = site.get('patterns/index.html')!;
    expect(html).toContain('<span class="muted">contributing factor</span> No connection limits <span class="status bad">active</span>');
    expect(html).toContain('Action items: 1 open (1 overdue) · 2 done of 3 action items');
  });

  test('the data files hold the analysis and every postmortem on the site', () => {
    expect(JSON.parse(site.get('analysis.json')!)).toEqual(JSON.parse(JSON.stringify(analysis)));
    const incidents = JSON.parse(site.get('incidents.json')!) as { id: string }[];
    expect(incidents.map((i) => i.id)).toHaveLength(8);
    expect(incidents.map((i) => i.id)).not.toContain('2025-08-01-h-draft');
    const csv = site.get('incidents.csv')!.trimEnd().split('\r\n');
    expect(csv).toHaveLength(9);
    expect(csv.find((row) => row.startsWith('2025-01-10-a-capacity,'))).toBe(
      '2025-01-10-a-capacity,Service A ran out of worker threads,published,incident,SEV1,2025-01-10T10:00:00Z,2025-01-10T10:10:00Z,2025-01-10T10:40:00Z,2025-01-10T11:00:00Z,10,40,60,svc-a,capacity,deploy,alert,true,100,,3,1,1',
    );
    expect(csv[0]).toBe('id,title,status,kind,severity,started_at,detected_at,mitigated_at,resolved_at,minutes_to_detect,minutes_to_mitigate,minutes_to_resolve,services,root_causes,trigger,detection,customer_facing,users_affected,recurrence_of,action_items,action_items_open,action_items_overdue');
    // In review is on the site, so in every data file too; the draft in none.
    expect(csv.find((row) => row.startsWith('2025-07-01-f-kafka-lag,'))).toContain(',in-review,incident,SEV4,');
    expect(incidents.map((i) => i.id)).toContain('2025-07-01-f-kafka-lag');
  });

  test('the feed has every postmortem on the site, in review marked, with links relative to it', () => {
    const feed = site.get('feed.xml')!;
    expect(feed.match(/<entry>/g)).toHaveLength(8);
    expect(feed).toContain('<title>SEV4: Kafka consumer lag on Service C after a rebalance (in review)</title>');
    expect(feed).toContain('<link href="incidents/2025-07-01-f-kafka-lag/"/>');
    expect(feed).toContain('<link rel="self" href="feed.xml"/>');
    expect(feed).not.toContain('2025-08-01-h-draft');
  });

  test('every dashboard number links to the list behind it, filtered', () => {
    const html = site.get('index.html')!;
    const link = (name: string) => new RegExp(`href="([^"]*)" data-metric="${name}"`).exec(html)?.[1]?.replaceAll('&amp;', '&');
    expect(link('incidents')).toBe('/incidents/?kind=incident&from=2025-05-04&to=2025-08-01');
    expect(link('severe')).toBe('/incidents/?kind=incident&from=2025-05-04&to=2025-08-01&severity=severe');
    expect(link('overdueActionItems')).toBe('/action-items/?overdue=true&sort=overdue-desc');
    expect(link('preventable')).toBe('/incidents/?preventable=true');
    expect(html).toContain('<h2 id="teams">Teams at a glance</h2>');
    expect(html).toContain('By quarter: most months have fewer than 5 incidents');
  });

  test('the duration chart goes by quarter, marks p90 apart and carries its tooltips in hours and minutes', () => {
    const charts = [...site.get('index.html')!.matchAll(/<script type="application\/json">(.*?)<\/script>/gs)].map(([, json]) => JSON.parse(json!));
    const durations = charts.find((c) => c.unit === 'minutes');
    expect(durations.labels).toEqual(['2025-Q1', '2025-Q2', '2025-Q3']);
    expect(durations.series.map((s: { label: string; marker: string }) => `${s.label} ${s.marker}`)).toEqual(['Detect p50 circle', 'Detect p90 triangle', 'Resolve p50 circle', 'Resolve p90 triangle']);
    expect(durations.series[2].display).toEqual(['1 h (n = 4)', '10 h (n = 1)', '2 h (n = 2)']);
  });

  test('a missing page has a page of its own', () => {
    expect(site.get('404.html')).toContain('<h1>Not found</h1>');
  });

  test('incident pages ship no JavaScript; the dashboard under 100 KB gzipped', () => {
    for (const [file, html] of site) if (/^incidents\/[^/]+\/index\.html$/.test(file)) expect(html, file).not.toContain('<script');
    const dashboard = site.get('index.html')!;
    const bundles = [...dashboard.matchAll(/<script type="module" src="\/([^"]+)"/g)].map((m) => m[1]!);
    expect(bundles.length).toBeGreaterThan(0);
    const gzipped = bundles.reduce((n, f) => n + gzipSync(site.get(f)!).length, 0);
    expect(gzipped).toBeLessThan(100 * 1024);
  });

  test('every page forbids inline scripts, and has none', () => {
    for (const [file, html] of site) {
      if (!file.endsWith('.html')) continue;
      expect(html, file).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval';`);
      expect(html.match(/<script(?![^>]*(src="|type="application\/json"))[^>]*>/g), file).toBeNull();
    }
  });

  test('every link inside the site resolves', () => {
    for (const [file, html] of site) {
      for (const [, target] of html.matchAll(/href="(\/[^"#?]*)"/g)) {
        const path = target!.endsWith('/') ? `${target!.slice(1)}index.html` : target!.slice(1);
        expect(site.has(path), `${file} links to ${target}`).toBe(true);
      }
    }
  });

  test('the programs pages: each criterion with its verdict, the day it was met, and what blocks it, linked', () => {
    expect([...site.keys()].filter((f) => f.startsWith('programs/')).sort()).toEqual([
      'programs/2025-02-alpha-alerting/index.html', 'programs/2025-03-svc-a-capacity/index.html', 'programs/index.html',
    ]);
    const page = site.get('programs/2025-03-svc-a-capacity/index.html')!;
    const criteria = [...page.matchAll(/<section class="criterion" id="criterion-([^"]+)" data-met="(true|false)"/g)].map((m) => [m[1], m[2]]);
    expect(criteria).toEqual([['past-action-items', 'false'], ['no-sev2', 'true'], ['rotation', 'false']]);
    expect(page).toContain('<strong>Met on 2025-07-20</strong>');
    expect(page).toContain('data-metric="program-progress">1 of 3 exit criteria met</strong>');
    // The blocking item links to its ticket, and to the postmortem it comes from.
    expect(page).toContain('<a href="https://tracker.example.com/A-1" rel="noopener">Cap worker threads</a>');
    expect(page).toContain('href="/incidents/2025-01-10-a-capacity/"');
    expect(page).toContain('<script type="application/json">');
    const exited = site.get('programs/2025-02-alpha-alerting/index.html')!;
    expect(exited).toContain('Judged on 2025-04-01, the day it exited');
    expect(exited).toContain('<a href="https://wiki.example.com/alpha/alert-review" rel="noopener">');
  });

  test('the dashboard shows the active program first, and who carries the load', () => {
    const html = site.get('index.html')!;
    const programs = [...html.matchAll(/data-program="([^"]+)"/g)].map((m) => m[1]);
    expect(programs).toEqual(['2025-03-svc-a-capacity', '2025-02-alpha-alerting']);
    expect(html).toContain('data-metric="program-progress">1 of 3 exit criteria met <span class="status bad">At risk</span>');
    expect(html).toMatch(/<table class="load">[\s\S]*<a href="\/teams\/alpha\/">alpha<\/a><\/td><td class="num">1<\/td><td class="num">2<\/td>/);
    const team = site.get('teams/alpha/index.html')!;
    expect(team).toContain('<h2>Who carries the load</h2>');
    expect(team).toMatch(/data-metric="concentration">100%</);
  });

  test('an action item\'s ticket is a link on the action items page', () => {
    expect(site.get('action-items/index.html')!).toContain('<a href="https://tracker.example.com/A-1" rel="noopener">Cap worker threads</a>');
  });

  test('a recurrence\'s page says what the earlier incident promised, and how each item stood when it came back', () => {
    const html = site.get('incidents/2025-02-15-b-capacity-again/index.html')!;
    const box = /<section class="promised"[^>]*>(.*?)<\/section>/s.exec(html)![1]!;
    expect(box).toContain('<h2 id="promised">Promised last time</h2>');
    expect(box).toContain('Repeats <a href="/incidents/2025-01-10-a-capacity/">Service A ran out of worker threads</a> (<time datetime="2025-01-10">2025-01-10</time>), 36 days earlier, as its authors linked.');
    expect(box).toContain('<span class="status-badge bad" data-kind>preventable</span> Preventable: a prevent item of the earlier incident was overdue when this one started.');
    expect(box).toContain('When this started: <strong class="bad">14 days overdue</strong><span class="muted">; since: still open, 181 days overdue</span>');
    expect(box).toContain('When this started: <strong class="muted">due that day</strong>');
    // The origin's own page: no box, but each item says what recurred while it was open.
    const origin = site.get('incidents/2025-01-10-a-capacity/index.html')!;
    expect(origin).not.toContain('class="promised"');
    expect(origin).toContain('<div class="note while-open">1 incident recurred while this was open; still open, 181 days overdue</div>');
  });

  test('the dashboard counts recurrences by kind, lists the preventable ones once each, and families by status', () => {
    const html = site.get('index.html')!;
    expect(html).toContain('<p>2 confirmed recurrences in 2 families:</p>');
    expect(html).toContain('<a href="/recurrences/#preventable" data-count="1">1 preventable</a>');
    expect(html).toContain('<a href="/recurrences/#after-fix" data-count="1">1 after the fix was done — the fix did not work</a>');
    const table = /<table class="recurrences" data-kind="preventable">(.*?)<\/table>/s.exec(html)![1]!;
    expect(table.match(/<tr>/g)).toHaveLength(2);
    expect(table).toContain('<td><time datetime="2025-02-15">2025-02-15</time></td>');
    expect([...html.matchAll(/<li class="family" data-status="([a-z]+)">/g)].map((m) => m[1])).toEqual(['active', 'active']);
    const recurrences = site.get('recurrences/index.html')!;
    expect([...recurrences.matchAll(/<h2 id="([a-z-]+)">/g)].map((m) => m[1])).toEqual(['families', 'suggestions', 'preventable', 'after-fix', 'before-due', 'no-due-date']);
  });

  test('an incident page links its recurrence, its family and its similar incidents', () => {
    const html = site.get('incidents/2025-07-05-i-kafka-unlinked/index.html')!;
    expect(html).toContain('<h2>Similar incidents</h2>');
    expect(html).toContain('href="/incidents/2025-03-10-e-kafka-rebalance/"');
    expect(html).toContain('not linked');
    const b = site.get('incidents/2025-02-15-b-capacity-again/index.html')!;
    expect(b).toContain('<h2>Recurrence of</h2>');
    expect(b).toContain('linked by the authors, 36 days earlier');
    expect(b).toContain('<h2>Recurrence family</h2>');
    // Not confirmed, and not alike enough to be suggested in a folder of eight.
    expect(site.get('incidents/2025-06-20-d-capacity-late/index.html')!).not.toMatch(/<h2>(Possible r|R)ecurrence of<\/h2>/);
  });
});

test('nothing hostile in a postmortem survives into the site', () => {
  const result = build('test/fixtures/site/hostile/incidents');
  expect(result.status, result.stderr).toBe(0);
  const site = files(result.outDir);
  expect(site.size).toBeGreaterThan(2);
  // Parsed as a browser would: text that merely reads like a tag inside an attribute is harmless.
  for (const [file, text] of site) {
    if (!file.endsWith('.html')) continue;
    for (const element of elements(htmlToHast(text) as Root)) {
      const where = `${file}: <${element.tagName}>`;
      if (element.tagName === 'script') {
        // The only scripts: the site's own bundles, and chart data that never runs.
        const { type, src } = element.properties;
        if (type === 'application/json') expect(() => JSON.parse(toText(element)), where).not.toThrow();
        else if (src === '/pagefind/pagefind-ui.js') expect(file, where).toBe('search/index.html');
        else expect([type, String(src).startsWith('/_astro/')], where).toEqual(['module', true]);
        continue;
      }
      // The one form is the site's own filter, which submits nowhere.
      if (element.tagName === 'form') expect(element.properties, where).toEqual({ id: 'filters', className: ['filters'], hidden: true });
      else expect(['iframe', 'object', 'embed', 'frame'], where).not.toContain(element.tagName);
      for (const [name, value] of Object.entries(element.properties)) {
        expect(name, where).not.toMatch(/^on/i);
        if (['href', 'src', 'action', 'formAction', 'poster'].includes(name)) expect(String(value).trim(), where).not.toMatch(/^(javascript|data|vbscript):/i);
        if (name === 'style') expect(String(value), where).not.toMatch(/javascript|expression|url\(/i);
      }
    }
  }
  // Control characters the validator accepts never make the feed ill-formed (XML 1.0's Char production).
  const feed = site.get('feed.xml')!;
  expect(feed).toMatch(/^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u);
  expect(feed).toContain('<title>SEV2: Control\uFFFD \uFFFD \uFFFD[31m \uFFFD characters in a title</title>');
  expect(feed).toContain('<updated>2025-07-05T12:30:00Z</updated>');
  const page = site.get('incidents/2025-05-01-hostile-postmortem/index.html')!;
  expect(page).toContain('&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; checkout broke');
  expect(page).toContain('a link');
  expect(page).toContain('styled');
  const program = site.get('programs/2025-05-hostile-program/index.html')!;
  expect(program).toContain('&lt;script&gt;alert(&#39;program&#39;)&lt;/script&gt; code yellow');
  expect(program).toContain('data-metric="program-progress">1 of 2 exit criteria met</strong>');
  expect(program).toContain('&lt;a href=javascript:alert(1)&gt;fix&lt;/a&gt;');
  expect(site.get('teams/web/index.html')).toContain('&lt;script&gt;alert(&#39;who&#39;)&lt;/script&gt;');
}, 120_000);

test('under a base path every link keeps it, and with a site URL the feed links are absolute', () => {
  const result = build('test/fixtures/analyze/known/incidents', { HINDSIGHT_BASE: '/postmortems/', HINDSIGHT_SITE_URL: 'https://acme.example' });
  expect(result.status, result.stderr).toBe(0);
  const site = files(result.outDir);
  let links = 0;
  for (const [file, html] of site) {
    if (!file.endsWith('.html')) continue;
    for (const [, target] of html.matchAll(/(?:href|src)="(\/[^"#?]*)"/g)) {
      expect(target, `${file} links to ${target}`).toMatch(/^\/postmortems\//);
      const path = target!.slice('/postmortems/'.length);
      expect(site.has(path.endsWith('/') || path === '' ? `${path}index.html` : path), `${file} links to ${target}`).toBe(true);
      links++;
    }
  }
  expect(links).toBeGreaterThan(500);
  expect(site.get('index.html')).toContain('href="/postmortems/incidents/?kind=incident&amp;from=2025-05-04&amp;to=2025-08-01" data-metric="incidents"');
  const feed = site.get('feed.xml')!;
  expect(feed).toContain('<link rel="self" href="https://acme.example/postmortems/feed.xml"/>');
  expect(feed).toContain('<link href="https://acme.example/postmortems/incidents/2025-01-10-a-capacity/"/>');
}, 120_000);

/** A chain of `count` postmortems, each naming the one before in `recurrence_of`. */
function writeChain(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-chain-'));
  writeFileSync(join(dir, '_catalog.yaml'), 'services:\n  - { id: svc, name: Service, team: core }\nroot_causes:\n  - { id: bug, label: Software bug }\n');
  for (let i = 0; i < count; i++) {
    const day = String(i + 1).padStart(2, '0');
    const id = (n: number) => `2025-01-${String(n + 1).padStart(2, '0')}-step-${n + 1}`;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${id(i)}.md`), `---
title: Step ${i + 1} of the chain
status: published
severity: SEV3
started_at: 2025-01-${day}T10:00:00Z
resolved_at: 2025-01-${day}T11:00:00Z
authors: [ann]
services: [svc]
root_causes: [bug]
impact: { summary: Slow., customer_facing: false }
${i > 0 ? `recurrence_of: ${id(i - 1)}\n` : ''}---

## Summary

Step ${i + 1}.

## Impact

Slow.

## Timeline

- 10:00 — Start.

## Root cause

A bug.

## Lessons learned

None.
`);
  }
  return dir;
}

/** A family tree as the page nests it: each list item's label, then the items of its own list. */
function treeShape(li: Element): unknown[] {
  const list = li.children.find((c): c is Element => c.type === 'element' && c.tagName === 'ol');
  const own = toText({ ...li, children: li.children.filter((c) => c !== list) }).replace(/\s+/g, ' ').trim();
  const id = li.properties.dataIncident as string | undefined;
  const label = id ? `${/step-(\d+)/.exec(id)![1]}${li.properties.ariaCurrent === 'page' ? '*' : ''}` : own;
  const items = (list?.children ?? []).filter((c): c is Element => c.type === 'element' && c.tagName === 'li');
  return [label, ...items.map(treeShape)];
}

test('a long recurrence family is drawn as the tree of its links: its start, the path to the page, the rest counted', () => {
  const result = build(writeChain(20));
  expect(result.status, result.stderr).toBe(0);
  const site = files(result.outDir);
  const page = htmlToHast(site.get('incidents/2025-01-15-step-15/index.html')!) as Root;
  const tree = elements(page).find((e) => e.tagName === 'ol' && (e.properties.className as string[] | undefined)?.includes('family-tree'))!;
  const root = tree.children.find((c): c is Element => c.type === 'element')!;
  expect(treeShape(root)).toEqual(['1', ['2', ['3', ['4', ['… 8 more …', ['13', ['14', ['15*', ['16', ['… 4 more']]]]]]]]]]);
  expect(toText(page)).toContain('20 incidents, 2025-01-01 to 2025-01-20, linked by their authors: quiet.');
}, 120_000);
