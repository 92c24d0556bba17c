/**
 * The corpus `npm run bench` measures: a generated one (`npm run generate`), with responders on
 * every postmortem and labels on a third of the action items, added deterministically since the
 * generator writes neither, and three programs with every kind of exit criterion beside it. So the
 * figures include the load per person and programs judged, as a real organisation's would.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus } from '../generate.ts';

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

export const PROGRAMS: Record<string, string> = {
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

/**
 * Writes the corpus of `count` postmortems into `dir`: `incidents/` and `programs/`. Returns the
 * incidents folder.
 */
export function benchCorpus(dir: string, count: number): string {
  const incidents = join(dir, 'incidents');
  generateCorpus({ count, seed: 1, out: incidents });
  const teams = [...new Set([...readFileSync(join(incidents, '_catalog.yaml'), 'utf8').matchAll(/team: ([a-z0-9-]+)/g)].map((m) => m[1]!))];
  for (const year of readdirSync(incidents).filter((f) => !f.startsWith('_'))) {
    for (const file of readdirSync(join(incidents, year))) {
      const path = join(incidents, year, file);
      writeFileSync(path, withResponders(readFileSync(path, 'utf8'), teams));
    }
  }
  mkdirSync(join(dir, 'programs'));
  for (const [id, text] of Object.entries(PROGRAMS)) writeFileSync(join(dir, 'programs', `${id}.md`), text);
  return incidents;
}
