/**
 * One postmortem as text. Strings are built directly rather than through a YAML serialiser: at
 * 100,000 files the serialiser would dominate the run time, and the shapes here are fixed.
 */
import { actionItems, type ActionItem } from './actions.ts';
import type { Organisation } from './catalog.ts';
import type { Planned } from './plan.ts';
import type { Rng } from './random.ts';
import { CAUSES, type Ctx, type Text } from './text-causes.ts';
import { DETECTION_TEXT, IMPACT_TEXT, TRIGGER_TEXT } from './text-triggers.ts';
import { clock, dateOf, duration, MINUTES_PER_DAY, timestamp } from './time.ts';

const PLAIN = /^[A-Za-z][A-Za-z0-9 .,;()%'/+=–—-]*[A-Za-z0-9.)%]$/;
const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n)$/i;

/** A YAML scalar: plain when nothing in it could be misread, otherwise a JSON string (valid YAML). */
export function yamlText(text: string): string {
  return PLAIN.test(text) && !RESERVED.test(text) ? text : JSON.stringify(text);
}

const ONSET: readonly Text[] = [
  (c) => `First errors on ${c.svc}.`,
  (c) => `${c.svc} starts returning errors.`,
  (c) => `Latency of ${c.svc} starts climbing.`,
];
const SYMPTOMS: readonly Text[] = [
  (c) => `Error rate on ${c.svc} passes 5%.`,
  (c) => `${c.other === 'its callers' ? 'Callers' : c.other} begin logging timeouts.`,
  (c) => `Queue depth in front of ${c.svc} grows.`,
];
const SIGNATURE: readonly Text[] = [
  (c) => `First error in the logs: \`${c.signature}\`.`,
  (c) => `Logs of ${c.svc} fill with \`${c.signature}\`.`,
];
const SIGNATURE_CAUSE: readonly Text[] = [
  (c) => `Every failed request logged \`${c.signature}\`.`,
  (c) => `The logs named it from the first minute: \`${c.signature}\`.`,
];
const ACK: readonly Text[] = [
  () => `On-call acknowledges; incident channel opened.`,
  (c) => `Incident declared; team ${c.team} joins the call.`,
  () => `Incident commander assigned; status page updated.`,
];
const CLOSE: readonly Text[] = [
  () => `Incident closed.`,
  () => `Metrics stable for an hour; incident resolved.`,
  () => `Root cause confirmed; incident closed.`,
  () => `All backlogs drained; incident resolved.`,
];
const EXTRA_LESSONS: readonly Text[] = [
  () => `Lucky: it happened outside the busiest hour of the week.`,
  () => `Next time: declare the incident earlier and name an incident commander.`,
  (c) => `Lucky: the engineer on call knew ${c.svc} well.`,
  () => `Went well: the status page went up within fifteen minutes.`,
  () => `Went wrong: the first hypothesis was wrong and cost half an hour.`,
];
const CLOSING: readonly Text[] = [
  () => `The prevent items are the real fix; the detect items shorten the next one.`,
  (c) => `Team ${c.team} owns the follow-up and reviews progress weekly.`,
  () => `Items without a due date are reviewed at the next operations review.`,
];

interface Event {
  at: number;
  text: string;
}

/** The file's text, and the action items it writes (the truth of preventable repeats needs them). */
export function renderIncident(p: Planned, all: readonly Planned[], org: Organisation, tickets: Map<string, number>, rng: Rng): { text: string; items: ActionItem[] } {
  const c = p.ctx;
  const detected = p.wall + p.ttd;
  const mitigated = detected + p.ttm;
  const resolved = mitigated + p.ttr;
  const lastDay = Math.floor((p.omitResolved ? p.wall : resolved) / MINUTES_PER_DAY);
  const cause = CAUSES[p.causes[0]!];
  const trigger = p.trigger ? TRIGGER_TEXT[p.trigger] : undefined;
  const quiet = p.kind !== 'incident';
  const sev = Number(p.severity.slice(3));

  const customerFacing = !quiet && rng.chance([0.95, 0.85, 0.5, 0.1][sev - 1]!);
  const users = customerFacing
    ? Math.round(rng.logNormal(Math.log([20000, 4000, 300, 30][sev - 1]!), 1.0))
    : rng.chance(0.3) && !quiet ? rng.int(5, 200) : 0;
  const pct = Math.min(100, Math.max(1, Math.round(rng.logNormal(Math.log([60, 30, 8, 2][sev - 1]!), 0.5))));
  const impactSummary = p.kind === 'game-day'
    ? `Planned exercise on ${c.svc}; no customer impact.`
    : p.kind === 'near-miss'
      ? `No customer impact; caught before it reached ${c.svc} customers.`
      : rng.pick(IMPACT_TEXT[p.services[0]!.kind])(c, pct);

  // Frontmatter
  const fm: string[] = ['---', `title: ${yamlText(p.title)}`, `status: ${p.status}`];
  if (p.kind !== 'incident') fm.push(`kind: ${p.kind}`);
  fm.push(`severity: ${p.severity}`, `started_at: ${timestamp(p.wall, p.offset)}`);
  if (!p.omitDetected) fm.push(`detected_at: ${timestamp(detected, p.offset)}`);
  if (!p.omitMitigated) fm.push(`mitigated_at: ${timestamp(mitigated, p.offset)}`);
  if (!p.omitResolved) fm.push(`resolved_at: ${timestamp(resolved, p.offset)}`);
  fm.push(`authors: [${p.authors.join(', ')}]`, `services: [${p.services.map((s) => s.id).join(', ')}]`);
  if (!p.omitCauses) fm.push(`root_causes: [${p.causes.join(', ')}]`);
  if (p.trigger) fm.push(`trigger: ${p.trigger}`);
  const factors = contributingFactors(p, rng);
  if (factors.length) fm.push('contributing_factors:', ...factors.map((f) => `  - ${yamlText(f)}`));
  if (p.detection) fm.push(`detection: ${p.detection}`);
  if (p.recurrenceOf !== undefined && p.linked) fm.push(`recurrence_of: ${all[p.recurrenceOf]!.id}`);
  if (!p.omitImpact) {
    fm.push('impact:', `  summary: ${yamlText(impactSummary)}`);
    if (rng.chance(0.97)) fm.push(`  customer_facing: ${customerFacing}`);
    if (rng.chance(0.95)) fm.push(`  users_affected: ${users}`);
  }
  if (p.related.length) fm.push(`related: [${p.related.map((j) => all[j]!.id).join(', ')}]`);
  const tags = tagsOf(p, rng);
  if (tags.length) fm.push(`tags: [${tags.join(', ')}]`);
  const items = actionItems(p, lastDay, org, tickets, rng);
  if (items.length) {
    fm.push('action_items:');
    for (const item of items) {
      fm.push(`  - title: ${yamlText(item.title)}`, `    owner: ${item.owner}`, `    type: ${item.type}`);
      if (item.priority) fm.push(`    priority: ${item.priority}`);
      fm.push(`    status: ${item.status}`);
      if (item.due !== undefined) fm.push(`    due: ${dateOf(item.due)}`);
      if (item.completed !== undefined) fm.push(`    completed_at: ${dateOf(item.completed)}`);
      if (item.ticket) fm.push(`    ticket: ${item.ticket}`);
    }
  }
  fm.push('---', '');

  // Summary
  const summary: string[] = [];
  if (p.kind === 'game-day') summary.push(`This was a planned game day on ${c.svc}, run by team ${c.team}.`);
  if (p.kind === 'near-miss') summary.push(`This was a near miss: it was caught before customers were affected.`);
  summary.push(rng.pick(cause.summary)(c));
  if (trigger) summary.push(rng.pick(trigger.clause)(c));
  if (p.recurrenceOf !== undefined && p.linked) {
    const before = all[p.recurrenceOf]!;
    summary.push(`It is the same failure as ${before.id}, ${p.day - before.day} days earlier.`);
  }
  if (!quiet) summary.push(customerFacing ? `${impactSummary.replace(/\.$/, '')}, affecting about ${thousands(users)} customers.` : `No customers were affected; the impact was internal.`);
  summary.push(`It was mitigated after ${duration(p.ttd + p.ttm)}${p.omitResolved ? ' and is still being investigated' : ` and resolved after ${duration(p.ttd + p.ttm + p.ttr)}`}.`);

  // Impact
  const impact = [
    `- ${impactSummary}`,
    customerFacing ? `- About ${thousands(users)} customers affected.` : users ? `- ${users} internal users affected; no customers.` : `- No users affected.`,
    `- Time to detect: ${duration(p.ttd)}; time to mitigate: ${duration(p.ttm)} after detection.`,
    `- Services affected: ${p.services.map((s) => s.id).join(', ')}${p.services.length > 1 ? `; ${c.svc} first` : ''}.`,
    customerFacing && rng.chance(0.6) ? `- Support received ${thousands(Math.max(3, Math.round(users / rng.int(20, 80))))} tickets.` : `- No data was lost.`,
  ];

  // Timeline
  const events = timeline(p, c, rng);
  const startDay = Math.floor(p.wall / MINUTES_PER_DAY);
  const lines = events.map(({ at, text }) => {
    const wall = p.wall + at;
    const day = Math.floor(wall / MINUTES_PER_DAY);
    return day === startDay ? `- ${clock(wall)} — ${text}` : `- ${dateOf(day)} ${clock(wall)} — ${text}`;
  });

  // Root cause
  const reasons = rng.shuffle(cause.rootCause).slice(0, 3).map((t) => t(c));
  if (rng.chance(0.6)) reasons.push(rng.pick(SIGNATURE_CAUSE)(c));
  if (trigger) reasons.push(rng.pick(trigger.rootCause)(c));
  const second = p.causes[1] ? CAUSES[p.causes[1]] : undefined;
  if (second) reasons.push(rng.pick(second.rootCause)(c));

  const prose = rng.shuffle(cause.factorProse).slice(0, 2).map((t) => t(c));
  if (second) prose.push(rng.pick(second.factorProse)(c));

  const [extra1, extra2] = rng.shuffle(EXTRA_LESSONS);
  const lessons = [
    `- ${rng.pick(DETECTION_TEXT[p.detection ?? 'other'].lesson)()}`,
    `- Went wrong: ${lowerFirst(rng.pick(cause.wentWrong)(c))}`,
    `- ${extra1!(c)}`,
  ];
  if (rng.chance(0.5)) lessons.push(`- ${extra2!(c)}`);

  const body = [
    '## Summary', '', wrap(summary.join(' ')), '',
    '## Impact', '', ...impact, '',
    '## Timeline', '', ...lines, '',
    '## Root cause', '', wrap(reasons.join(' ')), '',
    '## Contributing factors', '', wrap(prose.join(' ')), '',
    '## Lessons learned', '', ...lessons, '',
  ];
  if (items.length && rng.chance(0.4)) body.push('## Action items', '', rng.pick(CLOSING)(c), '');
  return { text: `${fm.join('\n')}\n${body.join('\n')}`, items };
}

/** Events in order, each within the incident's span; nothing after the end when there is none. */
function timeline(p: Planned, c: Ctx, rng: Rng): Event[] {
  const trigger = p.trigger ? TRIGGER_TEXT[p.trigger] : undefined;
  const cause = CAUSES[p.causes[0]!];
  const detect = p.ttd;
  const mitigate = detect + p.ttm;
  const resolve = mitigate + p.ttr;
  const events: Event[] = [];
  let last = 0;
  const add = (at: number, text: string) => {
    last = Math.max(last, Math.round(at));
    events.push({ at: last, text });
  };
  add(0, rng.pick(trigger ? trigger.start : ONSET)(c));
  if (detect >= 4) add(detect * (0.3 + 0.4 * rng.next()), rng.pick(SYMPTOMS)(c));
  add(detect, rng.pick(DETECTION_TEXT[p.detection ?? 'other'].event)(c));
  if (p.ttm >= 6) add(detect + Math.min(5, p.ttm / 4), rng.pick(ACK)(c));
  add(detect + p.ttm * 0.2, rng.pick(SIGNATURE)(c));
  const findings = rng.shuffle(cause.findings).slice(0, rng.int(1, 2));
  findings.forEach((f, k) => {
    add(detect + p.ttm * (0.35 + 0.3 * k + 0.1 * rng.next()), f(c));
  });
  add(mitigate, rng.pick(cause.mitigations)(c));
  if (p.omitResolved) return events;
  if (trigger && p.ttr >= 10) add(mitigate + p.ttr * (0.4 + 0.3 * rng.next()), rng.pick(trigger.followUp)(c));
  add(resolve, rng.pick(CLOSE)(c));
  return events;
}

function contributingFactors(p: Planned, rng: Rng): string[] {
  const count = rng.weighted([10, 25, 35, 20, 10]);
  const pool: (readonly [string, string])[] = [];
  for (const cause of p.causes) pool.push(...CAUSES[cause].factors);
  if (p.trigger) pool.push(...TRIGGER_TEXT[p.trigger].factors);
  return rng.shuffle(pool).slice(0, count).map(([one, many]) => {
    // Authors write the same factor in many ways; analysis has to normalise them.
    let text = rng.chance(0.25) ? many : one;
    if (rng.chance(0.2)) text = text.charAt(0).toLowerCase() + text.slice(1);
    if (rng.chance(0.2)) text += '.';
    return text;
  });
}

const KIND_TAGS: Record<string, string> = { db: 'database', cache: 'cache', queue: 'messaging', batch: 'batch', web: 'frontend', data: 'data', infra: 'infrastructure', api: 'api' };

function tagsOf(p: Planned, rng: Rng): string[] {
  if (rng.chance(0.1)) return [];
  const pool = [...CAUSES[p.causes[0]!].tags, ...(p.trigger ? TRIGGER_TEXT[p.trigger].tags : []), KIND_TAGS[p.services[0]!.kind]!];
  if (p.kind === 'game-day') pool.push('game-day');
  const tags = rng.shuffle(pool).slice(0, rng.int(1, 3));
  return [...new Set(tags)];
}

/** `8,200`, without depending on the host's locale data. */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

function lowerFirst(text: string): string {
  return /^[A-Z](?![A-Z])/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** Wraps prose near 100 columns like the hand-written examples. */
function wrap(text: string): string {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    // A line must not start with what Markdown would read as a list item or a heading.
    if (line && line.length + word.length + 1 > 100 && !/^(?:[-+*#>]|\d+[.)])/.test(word)) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
