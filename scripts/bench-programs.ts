/**
 * `npx node scripts/bench-programs.ts [--count 10000]`: the analysis time when every postmortem
 * lists responders and labels its action items, and programs with every kind of exit criterion
 * are judged on them.
 *
 * The synthetic corpus (`npm run generate`) has neither responders nor labels, so this adds them
 * to each generated file (deterministically), writes three programs beside the folder, and
 * measures loading and analysing in a fresh process, with and without the programs. Times are
 * CPU time as well as wall-clock time: on a busy machine only the first says what the code costs.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze, loadProject } from '../src/lib/index.ts';
import { generateCorpus } from './generate.ts';

const AS_OF = '2026-11-01';
const LABELS = ['connection-pooling', 'limits', 'certificates', 'config-safety', 'runbooks'];
const ROLES = ['incident-commander', 'responder', 'responder', 'communications', 'scribe'];

/** A small deterministic hash, so the same file always gets the same responders. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function withResponders(text: string, teams: readonly string[]): string {
  const h = hash(text);
  const paged = /^detected_at: (.+)$/m.exec(text)?.[1] ?? /^started_at: (.+)$/m.exec(text)![1]!;
  const people = 1 + (h % 3);
  const lines = ['responders:'];
  for (let i = 0; i < people; i++) {
    const n = (h >>> (i * 5)) % 80;
    const team = teams[n % teams.length]!;
    lines.push(`  - { who: person-${n}, team: ${team}, role: ${ROLES[i === 0 ? 0 : 1 + ((h >>> i) % 4)]}, paged_at: ${paged}, hours: ${1 + ((h >>> (i + 3)) % 6)} }`);
  }
  let k = 0;
  const labelled = text.replace(/^( {4}type: \w+)$/gm, (line) => ((h >>> k++) % 3 === 0 ? `${line}\n    labels: [${LABELS[(h + k) % LABELS.length]}]` : line));
  const end = labelled.indexOf('\n---\n', 4);
  return `${labelled.slice(0, end)}\n${lines.join('\n')}${labelled.slice(end)}`;
}

const PROGRAMS: Record<string, string> = {
  'code-yellow-everything': `---
title: Code yellow on everything
kind: code-yellow
declared_at: 2023-06-01
owner: bench
exit_criteria:
  - { id: past, description: Past items, kind: action-items-done, started_before: 2023-06-01 }
  - { id: labels, description: Labelled items, kind: labelled-items-done, labels: [connection-pooling, limits] }
  - { id: quiet, description: No SEV1, kind: no-incidents, severity: SEV1, days: 60 }
  - { id: recurrence, description: No recurrence, kind: no-recurrence, days: 60 }
  - { id: detection, description: Detection, kind: detection, days: 180, detect_p50_below: 30, customer_share_below: 0.3 }
  - { id: rotation, description: Rotation, kind: rotation, days: 90, min_responders: 4, max_share: 0.4 }
  - { id: attested, description: Signed off, kind: attested, met_on: 2023-09-01, by: bench, evidence: https://example.com/x }
---
`,
  'initiative-p0': `---
title: Every P0 and P1 item done
kind: initiative
declared_at: 2022-01-01
owner: bench
exit_criteria:
  - { id: p0, description: P0 and P1 items, kind: action-items-done, priorities: [P0, P1] }
  - { id: rotation, description: Rotation, kind: rotation, days: 365, min_responders: 10, max_share: 0.2 }
---
`,
  'exited-code-red': `---
title: An exited code red
kind: code-red
declared_at: 2022-03-01
owner: bench
exited_at: 2022-09-01
exit_criteria:
  - { id: quiet, description: No SEV2 or worse, kind: no-incidents, severity: SEV2, days: 30 }
  - { id: detection, description: Detection, kind: detection, days: 90, customer_share_below: 0.5 }
---
`,
};

/** Runs in the child: load, then analyse with and without the programs. */
async function measure(dir: string) {
  const begin = performance.now();
  const project = await loadProject({ incidentsDir: join(dir, 'incidents'), cwd: dir, now: Date.parse(`${AS_OF}T00:00:00Z`) });
  const loadMs = performance.now() - begin;
  const errors = project.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`${errors.length} errors, the first: ${errors[0]!.file}:${errors[0]!.line} ${errors[0]!.message}`);
  const timed = <T>(run: () => T) => {
    const cpu = process.cpuUsage();
    const wall = performance.now();
    const value = run();
    const used = process.cpuUsage(cpu);
    return { value, wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 };
  };
  const without = timed(() => analyze(project.incidents, project.catalog!, { asOf: AS_OF }));
  const withPrograms = timed(() => analyze(project.incidents, project.catalog!, { asOf: AS_OF }, project.programs));
  process.stdout.write(JSON.stringify({
    loadMs,
    analyze: { wallMs: without.wallMs, cpuMs: without.cpuMs },
    withPrograms: { wallMs: withPrograms.wallMs, cpuMs: withPrograms.cpuMs },
    incidents: without.value.scope.incidents,
    responders: without.value.responders.allTime.withResponders,
    programs: withPrograms.value.programs.map((p) => `${p.id}: ${p.met} of ${p.total}`),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }));
}

interface Measured {
  loadMs: number;
  analyze: { wallMs: number; cpuMs: number };
  withPrograms: { wallMs: number; cpuMs: number };
  incidents: number;
  responders: number;
  programs: string[];
  maxRssMb: number;
}

function run(dir: string): Measured {
  const child = spawnSync(process.execPath, [import.meta.filename, '--measure', dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout) as Measured;
}

const { values } = parseArgs({ options: { count: { type: 'string', default: '10000' }, measure: { type: 'string' } } });
if (values.measure) {
  await measure(values.measure);
} else {
  const count = Number(values.count);
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-bench-programs-'));
  const incidents = join(dir, 'incidents');
  generateCorpus({ count, seed: 1, out: incidents });
  const plain = run(dir);
  const teams = [...new Set([...readFileSync(join(incidents, '_catalog.yaml'), 'utf8').matchAll(/team: ([a-z0-9-]+)/g)].map((m) => m[1]!))];
  for (const year of readdirSync(incidents).filter((f) => !f.startsWith('_'))) {
    for (const file of readdirSync(join(incidents, year))) {
      const path = join(incidents, year, file);
      writeFileSync(path, withResponders(readFileSync(path, 'utf8'), teams));
    }
  }
  mkdirSync(join(dir, 'programs'));
  for (const [id, text] of Object.entries(PROGRAMS)) writeFileSync(join(dir, 'programs', `${id}.md`), text);
  const m = run(dir);
  rmSync(dir, { recursive: true, force: true });
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  process.stdout.write(`${count.toLocaleString('en')} postmortems as generated: analysis ${(plain.analyze.cpuMs / 1000).toFixed(2)} s CPU (${(plain.analyze.wallMs / 1000).toFixed(2)} s wall)\n`);
  process.stdout.write(`${count.toLocaleString('en')} postmortems, ${m.responders.toLocaleString('en')} of ${m.incidents.toLocaleString('en')} incidents with responders\n`);
  const both = (t: { wallMs: number; cpuMs: number }) => `${s(t.cpuMs)} CPU (${s(t.wallMs)} wall)`;
  process.stdout.write(`load ${s(m.loadMs)} wall · analysis ${both(m.analyze)} · with ${Object.keys(PROGRAMS).length} programs ${both(m.withPrograms)} · peak ${Math.round(m.maxRssMb)} MB\n`);
  process.stdout.write(`${m.programs.join('\n')}\n`);
}
