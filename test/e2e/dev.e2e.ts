import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';

const REPO = join(import.meta.dirname, '../..');
let dev: ChildProcess;
let base: string;
let folder: string;
let output = '';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The environment without what the test runner adds (NODE_ENV=test, BASE_URL…), which a dev server would take as its own. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (/^(VITEST|VITE_|TEST$|NODE_ENV$|BASE_URL$|MODE$|DEV$|PROD$|SSR$)/.test(name)) delete env[name];
  return env;
}

async function page(path: string): Promise<string> {
  const response = await fetch(`${base}${path}`);
  return response.text();
}

/** Polls until a page shows a text: the dev server reloads on its own, not at once. */
async function eventually(path: string, text: string, timeoutMs = 30_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const html = await page(path).catch(() => '');
    if (html.includes(text) || Date.now() > end) return html;
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  folder = join(mkdtempSync(join(tmpdir(), 'hindsight-dev-')), 'incidents');
  cpSync(join(REPO, 'test/fixtures/analyze/known/incidents'), folder, { recursive: true });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // --ignore-lock: a developer's own `npm run dev` may be running on this folder.
  dev = spawn(process.execPath, [join(REPO, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port), '--ignore-lock'], {
    cwd: REPO,
    env: { ...cleanEnv(), HINDSIGHT_INCIDENTS: folder, HINDSIGHT_AS_OF: '2025-08-01', ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dev.stdout!.on('data', (chunk) => { output += chunk; });
  dev.stderr!.on('data', (chunk) => { output += chunk; });
  await eventually('/', 'Dashboard</h1>', 60_000);
});

afterAll(() => {
  dev?.kill();
});

test('the dev server shows an edited postmortem and catalog without a restart', async () => {
  const path = '/incidents/2025-01-10-a-capacity/';
  expect(await eventually(path, 'Service A ran out of worker threads'), output).toContain('Service A ran out of worker threads');
  // Drafts show while writing.
  expect(await page('/incidents/2025-08-01-h-draft/')).toContain('Draft: not published');

  const file = join(folder, '2025-01-10-a-capacity.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('title: Service A ran out of worker threads', 'title: Service A ran out of threads, edited'));
  expect(await eventually(path, 'Service A ran out of threads, edited'), output).toContain('Service A ran out of threads, edited');

  const catalog = join(folder, '_catalog.yaml');
  writeFileSync(catalog, readFileSync(catalog, 'utf8').replace('name: Service A,', 'name: Service Alpha,'));
  expect(await eventually(path, 'Service Alpha'), output).toContain('Service Alpha');
});

test('a draft shows what it would once published, and no number counts it', async () => {
  const before = await Promise.all(['/', '/recurrences/', '/patterns/'].map(page));
  // One names the incident it repeats; the other names none, and resembles one.
  for (const draft of ['2025-07-20-j-capacity-draft.md', '2025-07-25-k-kafka-draft.md']) copyFileSync(join(REPO, 'test/fixtures/dev-drafts', draft), join(folder, draft));

  const linked = await eventually('/incidents/2025-07-20-j-capacity-draft/', 'Promised last time');
  expect(linked, output).toContain('Draft: not published');
  // What the incident it repeats promised, as it stood when this one started.
  expect(linked).toContain('Promised last time');
  expect(linked).toContain('Cap worker threads');
  expect(linked).toContain('169 days overdue');
  expect(linked).toMatch(/data-kind[^>]*>preventable</);
  // Its durations from its own timestamps.
  expect(linked).toContain('+12 min');

  const unlinked = await eventually('/incidents/2025-07-25-k-kafka-draft/', 'Possible recurrence of');
  expect(unlinked).toContain('Possible recurrence of');
  expect(unlinked).toContain('recurrence_of: 2025-03-10-e-kafka-rebalance');
  expect(unlinked).toContain('Similar incidents');
  expect(unlinked).toContain('href="/incidents/2025-07-05-i-kafka-unlinked/"');

  // No page that counts changed.
  expect(await Promise.all(['/', '/recurrences/', '/patterns/'].map(page))).toEqual(before);
});
