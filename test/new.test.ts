import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadProject, slugify } from '../src/lib/index.ts';
import { exampleNotices, NOW, runCli } from './helpers.ts';

const REPO = join(import.meta.dirname, '..');

/** A repository of one's own: the bundled incidents folder, copied. */
function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-new-'));
  cpSync(join(REPO, 'incidents'), join(dir, 'incidents'), { recursive: true });
  return dir;
}

const run = (cwd: string, args: string[]) => runCli(['new', ...args], { cwd });

const FLAGS = ['--services', 'orders-db,payments-api', '--severity', 'SEV2', '--started-at', '2026-10-20T14:02:00+02:00', '--author', 'dana.k'];

describe('hindsight new', () => {
  test('writes a draft from the template that validates, and prints its path', async () => {
    const cwd = repository();
    const result = await run(cwd, ['Checkout failed: orders-db saturated!', ...FLAGS]);
    expect(result).toEqual({ code: 0, stdout: 'incidents/2026-10-20-checkout-failed-orders-db-saturated.md\n', stderr: '' });
    const text = readFileSync(join(cwd, 'incidents/2026-10-20-checkout-failed-orders-db-saturated.md'), 'utf8');
    const lines = text.split('\n');
    expect(lines.slice(0, 2)).toEqual(['---', '# yaml-language-server: $schema=../schema/postmortem.schema.json']);
    expect(lines).toContain('title: "Checkout failed: orders-db saturated!"');
    expect(lines).toContain('status: draft                      # draft | in-review | published');
    expect(lines).toContain('severity: SEV2                     # SEV1 (worst) … SEV4');
    expect(lines).toContain('started_at: 2026-10-20T14:02:00+02:00   # when impact began; always with an offset or Z');
    expect(lines).toContain('services: [orders-db, payments-api]');
    expect(lines).toContain('authors: [dana.k]');
    expect(lines.filter((l) => /^# (detected_at|mitigated_at|resolved_at|root_causes|trigger):/.test(l))).toHaveLength(5);
    expect(lines.filter((l) => l.startsWith('## '))).toEqual(['## Summary', '## Impact', '## Timeline', '## Root cause', '## Contributing factors', '## Lessons learned', '## Action items']);
    const project = await loadProject({ incidentsDir: join(cwd, 'incidents'), cwd, now: NOW });
    // A draft validates; the template's instructions it still holds are counted in a notice.
    expect(project.diagnostics).toEqual([
      {
        file: 'incidents/2026-10-20-checkout-failed-orders-db-saturated.md', line: 21, column: 12, rule: 'template-placeholder', severity: 'notice',
        message: '10 placeholders of the template are still here (lines 21, 43, 47, 51, 53, 54, 58, 62, 66, 70); replace them before the postmortem leaves draft',
      },
      ...exampleNotices(),
    ]);
  });

  test('a title whose id is taken gets a suffix', async () => {
    const cwd = repository();
    expect((await run(cwd, ['Second fleet reboot', ...FLAGS])).stdout).toBe('incidents/2026-10-20-second-fleet-reboot.md\n');
    expect((await run(cwd, ['Second fleet reboot', ...FLAGS])).stdout).toBe('incidents/2026-10-20-second-fleet-reboot-2.md\n');
  });

  test.each([
    { args: ['Checkout failed', '--services', 'orders-dbb'], message: 'hindsight: unknown service `orders-dbb`; did you mean `orders-db`?' },
    { args: ['Checkout failed', '--services', 'orders-db', '--severity', 'SEV7'], message: 'hindsight: unknown severity `SEV7`: use one of `SEV1`, `SEV2`, `SEV3` or `SEV4`, or declare it in incidents/_catalog.yaml by adding `- { id: SEV7, label: … }` under `severities:`\n' },
    { args: ['Checkout failed', '--services', 'payroll'], message: 'hindsight: unknown service `payroll`: declare it in incidents/_catalog.yaml by adding `- { id: payroll, name: …, team: …, tier: … }` under `services:`\n' },
    { args: ['Checkout failed', '--services', 'orders-db', '--started-at', '2026-10-20 14:02'], message: '--started-at must be a date-time with an offset' },
    { args: ['Checkout failed'], message: 'hindsight: new needs --services, from the catalog: legacy-monolith, batch-workers' },
    { args: ['--services', 'orders-db'], message: 'hindsight: new needs a title' },
    { args: ['Bad', '--services', 'orders-db'], message: 'the title must be 5 to 200 characters' },
  ])('refuses $args.1 … with a message and exit 2', async ({ args, message }) => {
    const result = await run(repository(), args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});

test.each([
  ['Checkout failed: orders-db saturated!', 'checkout-failed-orders-db-saturated'],
  ['Café déjà vu — TLS', 'cafe-deja-vu-tls'],
  ['!!!', 'incident'],
  ['A very long title that goes on and on about the many things that went wrong that night', 'a-very-long-title-that-goes-on-and-on-about-the'],
])('slugify(%j) is %j', (title, slug) => {
  expect(slugify(title)).toBe(slug);
});
