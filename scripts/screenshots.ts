/**
 * `npm run screenshots`: the README's pictures, taken from the site the bundled examples build, so
 * they always show what a reader of this version gets. Builds the site with a fixed analysis date,
 * serves it, and photographs it with Debian's chromium (playwright-core; no browser is downloaded):
 * the dashboard, an incident and the code yellow at 1440 px in light mode, and the dashboard on a
 * 390 px phone.
 *
 *   npm run screenshots    # writes docs/images/*.png
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { chromium } from 'playwright-core';

const REPO = join(import.meta.dirname, '..');
const IMAGES = join(REPO, 'docs/images');
/** The date the examples are analysed as of: the same as the browser tests', so the numbers match. */
const AS_OF = '2026-07-01';

const SHOTS = [
  { file: 'dashboard.png', path: '/', width: 1440, height: 1400 },
  { file: 'incident.png', path: '/incidents/2025-05-06-batch-fleet-rebooted-again/', width: 1440, height: 1250 },
  { file: 'phone.png', path: '/', width: 390, height: 844, scale: 2 },
  { file: 'program.png', path: '/programs/2025-07-code-yellow-orders-db-and-batch/', width: 1440, height: 1300 },
];

const TYPES: Record<string, string> = { '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml' };

const dist = join(mkdtempSync(join(tmpdir(), 'hindsight-shots-')), 'dist');
const build = spawnSync(process.execPath, [join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist], {
  cwd: REPO,
  encoding: 'utf8',
  env: { ...process.env, HINDSIGHT_AS_OF: AS_OF, ASTRO_TELEMETRY_DISABLED: '1' },
});
if (build.status !== 0) {
  process.stderr.write(build.stderr);
  process.exit(1);
}

const server = createServer((req, res) => {
  let file = join(dist, decodeURIComponent(new URL(req.url!, 'http://x').pathname));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file.startsWith(dist) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const shot of SHOTS) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height }, deviceScaleFactor: shot.scale ?? 1, colorScheme: 'light' });
    await page.goto(`${base}${shot.path}`, { waitUntil: 'networkidle' });
    await page.screenshot({ path: join(IMAGES, shot.file) });
    await page.close();
    process.stdout.write(`docs/images/${shot.file}\n`);
  }
} finally {
  await browser.close();
  server.close();
  rmSync(dist, { recursive: true, force: true });
}
