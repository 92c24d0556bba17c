import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const REPO = join(import.meta.dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const TYPES: Record<string, string> = {
  '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm',
  '.xml': 'application/atom+xml', '.csv': 'text/csv', '.svg': 'image/svg+xml',
};

let server: Server;
let browser: Browser;
let base: string;

/** A static host for dist/, as GitHub Pages serves it. */
function serve(dir: string): Promise<string> {
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

beforeAll(async () => {
  const dist = join(mkdtempSync(join(tmpdir(), 'hindsight-e2e-')), 'dist');
  const build = spawnSync(process.execPath, [join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, HINDSIGHT_AS_OF: '2026-07-01', ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
  });
  expect(build.status, build.stderr).toBe(0);
  base = await serve(dist);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** Opens a page and collects what went wrong while it loaded. */
async function open(path: string, options: { colorScheme?: 'light' | 'dark'; width?: number; bypassCSP?: boolean } = {}): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: options.width ?? 1280, height: 900 },
    // Only the accessibility check injects a script; the site itself runs under its strict policy.
    bypassCSP: options.bypassCSP ?? false,
  });
  const problems: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('response', (response) => { if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`); });
  await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
  return { page, problems };
}

/** One page of each type the site has. */
const PAGE_TYPES = [
  '/', '/incidents/', '/incidents/2025-05-06-batch-fleet-rebooted-again/', '/incidents/2025-06-24-auth-outage-orders-db-connections/', '/incidents/2025-03-18-orders-db-connection-exhaustion/',
  '/incidents/2025-12-09-orders-service-retry-storm/', '/patterns/', '/recurrences/', '/action-items/',
  '/services/', '/services/orders-db/', '/causes/', '/causes/capacity-exhaustion/', '/triggers/', '/triggers/cron-job/',
  '/teams/', '/teams/platform/', '/search/?q=orders', '/404.html',
  '/programs/', '/programs/2025-07-code-yellow-orders-db-and-batch/', '/programs/2026-03-edge-and-config-safety/',
];

/** Waits for what a page draws after load: search results, charts. */
async function settled(page: Page, path: string): Promise<void> {
  if (path.startsWith('/search/')) await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 10_000 });
  if (path === '/') await page.locator('canvas[data-drawn]').first().waitFor();
}

describe('every page type', () => {
  test.each(PAGE_TYPES)('%s loads without errors', async (path) => {
    const { page, problems } = await open(path);
    await settled(page, path);
    expect(problems).toEqual([]);
    expect(await page.locator('h1').first().textContent()).toBeTruthy();
    await page.close();
  });

  test.each(PAGE_TYPES)('%s fits a 390 px phone without scrolling sideways', async (path) => {
    const { page } = await open(path, { width: 390 });
    await settled(page, path);
    const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await page.close();
  });
});

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }

describe.each(['light', 'dark'] as const)('accessibility in %s mode', (colorScheme) => {
  test.each(PAGE_TYPES)('%s has no serious or critical axe violation', async (path) => {
    const { page } = await open(path, { colorScheme, bypassCSP: true });
    await settled(page, path);
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: (options: object) => Promise<{ violations: AxeViolation[] }> } }).axe.run({ resultTypes: ['violations'] });
      return result.violations;
    });
    const serious = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}`);
    expect(serious).toEqual([]);
    await page.close();
  });
});

test('the navigation says which section a page is in, and a skip link leads past it', async () => {
  const { page } = await open('/services/orders-db/');
  expect(await page.locator('nav a[aria-current="page"]').allTextContents()).toEqual(['Services']);
  await page.keyboard.press('Tab');
  const skip = page.locator('a.skip');
  expect(await skip.evaluate((a) => a === document.activeElement)).toBe(true);
  expect(await skip.isVisible()).toBe(true);
  await page.keyboard.press('Enter');
  expect(new URL(page.url()).hash).toBe('#main');
  await page.close();
});

test('the dashboard charts draw', async () => {
  const { page, problems } = await open('/');
  const canvases = page.locator('figure.chart canvas');
  expect(await canvases.count()).toBe(5);
  const painted = await canvases.evaluateAll((elements) => elements.map((canvas) => {
    const c = canvas as HTMLCanvasElement;
    const pixels = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let opaque = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) opaque++;
    return opaque;
  }));
  for (const count of painted) expect(count).toBeGreaterThan(1000);
  expect(problems).toEqual([]);
  await page.close();
});

test('filtering the incidents table narrows the rows and keeps the filter in the URL', async () => {
  const { page } = await open('/incidents/');
  const visible = () => page.locator('table#incidents tbody tr:not([hidden])').count();
  const all = await visible();
  expect(all).toBe(31);
  // Newest first as built: no column claims an order it was not sorted by.
  expect(await page.locator('table#incidents th[aria-sort]').count()).toBe(0);
  await page.selectOption('select[name="services"]', 'orders-db');
  // Seven incidents and the failover game day.
  expect(await visible()).toBe(8);
  await page.fill('input[name="q"]', 'reports');
  expect(await visible()).toBe(1);
  expect(new URL(page.url()).search).toBe('?services=orders-db&q=reports');
  // The filtered view, shared by its URL, opens filtered.
  const shared = await open(`/incidents/?services=orders-db&q=reports`);
  expect(await shared.page.locator('table#incidents tbody tr:not([hidden])').count()).toBe(1);
  await page.close();
  await shared.page.close();
  // A sort in the URL sorts as a header click would.
  const sorted = await open('/incidents/?sort=duration-desc');
  expect(await sorted.page.locator('table#incidents th[aria-sort="descending"]').textContent()).toBe('Duration');
  await sorted.page.close();
});

test('the action items filter to the overdue ones, and sort by a header from the keyboard', async () => {
  const { page } = await open('/action-items/');
  const visible = () => page.locator('table#action-items tbody tr:not([hidden])').count();
  expect(await visible()).toBe(47);
  await page.check('input[name="overdue"]');
  expect(await visible()).toBe(6);
  expect(new URL(page.url()).search).toBe('?overdue=true');
  // The count is read out whole when it changes.
  expect(await page.locator('p:has([data-count-for="action-items"])').getAttribute('aria-live')).toBe('polite');
  expect(await page.locator('[data-count-for="action-items"]').textContent()).toBe('6');
  const header = page.locator('table#action-items th', { hasText: 'Days overdue' });
  await header.locator('button.sort').focus();
  await page.keyboard.press('Enter');
  expect(await header.getAttribute('aria-sort')).toBe('ascending');
  await page.keyboard.press('Enter');
  expect(await header.getAttribute('aria-sort')).toBe('descending');
  expect(new URL(page.url()).search).toBe('?overdue=true&sort=overdue-desc');
  const days = await page.locator('table#action-items tbody tr:not([hidden]) td:nth-child(8)').allTextContents();
  expect(days.map(Number)).toEqual([...days.map(Number)].sort((a, b) => b - a));
  await page.close();
});

test('the exited code yellow shows the day each criterion was met, and its burndown draws', async () => {
  const { page, problems } = await open('/programs/2025-07-code-yellow-orders-db-and-batch/');
  const verdicts = await page.locator('section.criterion p.note strong').allTextContents();
  expect(verdicts).toEqual(['Met on 2025-10-30', 'Met on 2025-08-20', 'Met on 2025-11-18']);
  const canvas = page.locator('figure.chart canvas');
  const painted = await canvas.evaluate((c) => {
    const pixels = (c as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, (c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height).data;
    let opaque = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) opaque++;
    return opaque;
  });
  expect(painted).toBeGreaterThan(1000);
  expect(problems).toEqual([]);
  await page.close();
});

test('the active initiative says what blocks it, and the dashboard lists it first', async () => {
  const { page, problems } = await open('/programs/2026-03-edge-and-config-safety/');
  expect(await page.locator('[data-metric="program-progress"]').textContent()).toBe('3 of 5 exit criteria met');
  const blocking = page.locator('#criterion-follow-up-done tbody tr');
  expect(await blocking.count()).toBe(3);
  expect(await blocking.first().locator('td').first().textContent()).toBe('Stage config pushes per environment with automatic rollback on error rate');
  const dashboard = await open('/');
  expect(await dashboard.page.locator('.program h3').allTextContents()).toEqual(['Edge and configuration safety', 'Code yellow: orders-db and the batch fleet']);
  expect([...problems, ...dashboard.problems]).toEqual([]);
  await page.close();
  await dashboard.page.close();
});

describe('a recurrence\'s page says what was promised last time', () => {
  test.each([
    {
      path: '/incidents/2025-05-06-batch-fleet-rebooted-again/',
      origin: 'reboot-stuck.py rebooted the whole batch fleet at once',
      items: [['Cap reboot-stuck.py at 2 hosts per run', '67 days overdue'], ['Replace reboot-stuck.py with job-level retries and quarantine', '6 days overdue']],
    },
    {
      path: '/incidents/2025-06-24-auth-outage-orders-db-connections/',
      origin: 'Orders database ran out of connections at the lunch peak',
      items: [['Put PgBouncer in front of orders-db', '24 days overdue'], ['Per-service connection limits (ALTER ROLE … CONNECTION LIMIT)', 'not done, and no due date']],
    },
  ])('$path', async ({ path, origin, items }) => {
    const { page, problems } = await open(path);
    const box = page.locator('section.promised');
    expect(await box.locator('h2').textContent()).toBe('Promised last time');
    expect(await box.locator('p a').first().textContent()).toBe(origin);
    expect(await box.locator('[data-kind]').textContent()).toBe('preventable');
    const prevent = box.locator('ul.promises').first().locator('li');
    // Each prevent item (its title, linked to its ticket when it has one), and how it stood when this one started.
    const shown = await prevent.evaluateAll((lis) => lis.map((li) => [li.firstChild!.textContent!.trim(), li.querySelector('strong')!.textContent]));
    expect(shown).toEqual(items);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('each dashboard number leads to the rows it counts', () => {
  test.each(['incidents', 'severe', 'customerFacing', 'recurrences', 'overdueActionItems', 'all-incidents', 'preventable'])('%s', async (metric) => {
    const { page } = await open('/');
    const card = page.locator(`a[data-metric="${metric}"]`);
    const value = Number(await card.textContent());
    await card.click();
    await page.waitForLoadState('networkidle');
    const table = new URL(page.url()).pathname === '/action-items/' ? 'action-items' : 'incidents';
    expect(await page.locator(`table#${table} tbody tr:not([hidden])`).count()).toBe(value);
    expect(await page.locator(`[data-count-for="${table}"]`).textContent()).toBe(String(value));
    await page.close();
  });

  test('the overdue list links to every overdue item, most overdue first', async () => {
    const { page } = await open('/');
    const listed = await page.locator('table.overdue-now tbody tr').count();
    expect(listed).toBeGreaterThan(0);
    expect(listed).toBeLessThanOrEqual(10);
    await page.getByRole('link', { name: /^All \d+ overdue action items$/ }).click();
    await page.waitForLoadState('networkidle');
    const days = await page.locator('table#action-items tbody tr:not([hidden]) td:nth-child(8)').allTextContents();
    expect(days).toHaveLength(6);
    expect(days.map(Number)).toEqual([...days.map(Number)].sort((a, b) => b - a));
    await page.close();
  });

  test('a team row links to its incidents and its open action items', async () => {
    const { page } = await open('/');
    const row = page.locator('table.teams tbody tr', { hasText: 'platform' });
    const [recent, , allTime, unfinished] = await row.locator('td.num a').allTextContents();
    await row.locator('td.num a').nth(2).click();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('table#incidents tbody tr:not([hidden])').count()).toBe(Number(allTime));
    await page.goBack();
    await row.locator('td.num a').nth(3).click();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('table#action-items tbody tr:not([hidden])').count()).toBe(Number(unfinished));
    expect(Number(recent)).toBeGreaterThanOrEqual(0);
    await page.close();
  });
});

test('search finds an incident by a word from its body', async () => {
  const { page, problems } = await open('/search/?q=UnicodeDecodeError');
  const result = page.locator('.pagefind-ui__result-link').first();
  await result.waitFor({ timeout: 10_000 });
  expect(await result.textContent()).toContain('reboot-stuck.py rebooted the whole batch fleet at once');
  expect(problems).toEqual([]);
  await page.close();
});

test('dark mode renders dark, search results included', async () => {
  const { page } = await open('/search/?q=orders', { colorScheme: 'dark' });
  await settled(page, '/search/');
  const colours = await page.evaluate(() => {
    const link = document.querySelector('.pagefind-ui__result-link')!;
    const excerpt = document.querySelector('.pagefind-ui__result-excerpt')!;
    return [getComputedStyle(document.body).backgroundColor, getComputedStyle(link).color, getComputedStyle(excerpt).color];
  });
  expect(colours).toEqual(['rgb(15, 20, 25)', 'rgb(230, 233, 237)', 'rgb(230, 233, 237)']);
  await page.close();
});
