/**
 * Prose per trigger and per detection method, and the impact phrases per kind of service.
 */
import type { ServiceKind, TriggerId } from './catalog.ts';
import type { Rng } from './random.ts';
import type { Names } from './names.ts';
import type { ActionType, Ctx, Text } from './text-causes.ts';

export interface TriggerText {
  /** The specific thing that set it off, naming the incident's component; recurrences reuse it. */
  spec: (rng: Rng, x: Names) => string;
  /** Local start hours, as [from, to] ranges, weighted equally. */
  hours: readonly (readonly [number, number])[];
  /** Timeline: the first event. */
  start: readonly Text[];
  /** Summary: how it was set off. */
  clause: readonly Text[];
  /** Timeline: after mitigation. */
  followUp: readonly Text[];
  rootCause: readonly Text[];
  factors: readonly (readonly [string, string])[];
  actions: readonly (readonly [ActionType, Text])[];
  tags: readonly string[];
}

const CRON_JOBS: readonly ((x: Names) => string)[] = [
  (x) => `reboot-stuck-${x.kebab}.py`, (x) => `compact-${x.kebab}`, (x) => `cleanup-${x.kebab}-tmp.sh`, (x) => `rotate-${x.kebab}-logs`,
  (x) => `vacuum-${x.snake}`, (x) => `reindex-${x.kebab}`, (x) => `expire-${x.kebab}-sessions`, (x) => `sync-${x.kebab}-to-warehouse`,
  (x) => `purge-old-${x.kebab}`, (x) => `recompute-${x.kebab}`, (x) => `export-${x.kebab}.sh`, (x) => `refresh-${x.snake}-views`,
];
const CONFIG_KEYS = [
  'pool.max_size', 'http.timeout_ms', 'cache.ttl_seconds', 'routing.weights', 'rate_limit.per_client', 'replicas.min',
  'jvm.heap_max', 'feature.enabled', 'retry.max_attempts', 'dns.ttl',
];
const SPIKES: readonly ((x: Names) => string)[] = [
  (x) => `a marketing email linking to /${x.kebab} sent to two million customers`, (x) => `a flash sale landing on /${x.kebab}`,
  (x) => `a bot scraping /${x.kebab}/*`, (x) => `a TV advert pointing at /${x.kebab}`, (x) => `the monthly payroll run through ${x.kebab}`,
  (x) => `a partner batch import into ${x.kebab}`, (x) => `a mobile push campaign deep-linking to /${x.kebab}`,
];
const MIGRATIONS: readonly ((x: Names, n: number) => string)[] = [
  (x, n) => `step ${n} of the ${x.snake} schema migration`, (x) => `the backfill of ${x.snake}.customer_id`,
  (x) => `the move of ${x.snake} to the new cluster`, (x) => `the switch of ${x.snake} to a new primary key`,
  (x) => `the dual-write cutover for ${x.snake}`, (x) => `the partitioning of the ${x.snake} table`,
];
const CERTS: readonly ((x: Names) => string)[] = [
  (x) => `${x.kebab}.example.com`, (x) => `${x.kebab}.internal.example.com`, (x) => `mtls-ca-${x.kebab}`, (x) => `partner-${x.kebab}.example.com`,
];
const VENDORS = [
  'the payment provider', 'the DNS provider', 'the email delivery vendor', 'the SMS provider', 'the CDN vendor',
  'the cloud region', 'the address validation API', 'the tax rate provider',
];
const MANUAL: readonly ((x: Names) => string)[] = [
  (x) => `a manual failover of ${x.kebab}`, (x) => `a hand-run cleanup script on ${x.kebab}`, (x) => `a console change to the ${x.kebab} security group`,
  (x) => `a manual restart of the ${x.kebab} cluster`, (x) => `a one-off data fix in ${x.snake}`, (x) => `a manual scale-down of ${x.kebab}`,
  (x) => `a hand-edited load balancer rule for ${x.kebab}`,
];

export const TRIGGER_TEXT: Record<TriggerId, TriggerText> = {
  deploy: {
    spec: (rng, x) => `the ${x.kebab} change in release ${rng.int(1, 9)}.${rng.int(0, 40)}`,
    hours: [[9, 12], [13, 17]],
    start: [(c) => `${cap(c.spec)} of ${c.svc} rolls out to 100%.`, (c) => `Deploy of ${c.spec} to ${c.svc} starts.`, (c) => `Canary of ${c.spec} promoted to all instances of ${c.svc}.`],
    clause: [(c) => `It started with the deploy of ${c.spec} of ${c.svc}.`, (c) => `The deploy of ${c.spec} set it off.`],
    followUp: [(c) => `Fix for ${c.spec} reviewed and redeployed.`, () => `Post-rollback checks pass; deploys unfrozen.`],
    rootCause: [(c) => `The deploy of ${c.spec} was the trigger; the canary did not catch it.`],
    factors: [['Deploy during peak hours', 'Deploys during peak hours'], ['Canary too short', 'Canaries too short']],
    actions: [['detect', (c) => `Canary analysis gates for ${c.svc} deploys`], ['mitigate', (c) => `One-click rollback for ${c.svc}`]],
    tags: ['deploy'],
  },
  'config-change': {
    spec: (rng, x) => `\`${x.snake}.${rng.pick(CONFIG_KEYS)}\``,
    hours: [[9, 18]],
    start: [(c) => `Config change to ${c.spec} pushed to ${c.svc}.`, (c) => `${c.spec} changed in the config repository and applied to production.`],
    clause: [(c) => `A configuration change to ${c.spec} set it off.`, (c) => `It began with a push of ${c.spec}.`],
    followUp: [(c) => `Correct value of ${c.spec} committed and reviewed.`, () => `Config pushes resumed with a second reviewer.`],
    rootCause: [(c) => `The change to ${c.spec} was applied to every region at once, with no staged rollout.`],
    factors: [['Config pushed to all regions at once', 'Configs pushed to all regions at once'], ['No staged config rollout', 'No staged config rollouts']],
    actions: [['prevent', (c) => `Staged rollout for changes to ${c.spec}`]],
    tags: ['config-change'],
  },
  'cron-job': {
    spec: (rng, x) => `\`${rng.pick(CRON_JOBS)(x)}\``,
    hours: [[1, 4], [0, 1]],
    start: [(c) => `Cron starts ${c.spec} on ${c.svc}.`, (c) => `The nightly ${c.spec} job begins.`],
    clause: [(c) => `The cron job ${c.spec} set it off.`, (c) => `It began when the nightly ${c.spec} ran.`],
    followUp: [(c) => `${c.spec} rescheduled and its next run watched.`, (c) => `Cron entry for ${c.spec} re-enabled with a lock.`],
    rootCause: [(c) => `${c.spec} runs unattended at night, and nothing checks what it does before it acts.`],
    factors: [['Cron job without monitoring', 'Cron jobs without monitoring'], ['No lock against double runs', 'No locks against double runs']],
    actions: [['detect', (c) => `Monitor the duration and outcome of ${c.spec}`], ['prevent', (c) => `Add a lock so ${c.spec} cannot run twice`]],
    tags: ['cron'],
  },
  'traffic-spike': {
    spec: (rng, x) => rng.pick(SPIKES)(x),
    hours: [[11, 13], [18, 21]],
    start: [(c) => `Traffic to ${c.svc} triples: ${c.spec}.`, (c) => `Request rate climbs fast after ${c.spec}.`],
    clause: [(c) => `The trigger was ${c.spec}.`, (c) => `Traffic from ${c.spec} set it off.`],
    followUp: [() => `Traffic back to normal levels; extra capacity kept until the evening.`, () => `Marketing calendar shared with on-call.`],
    rootCause: [(c) => `The load from ${c.spec} was announced, but not to the teams who run ${c.svc}.`],
    factors: [['Marketing campaign not announced', 'Marketing campaigns not announced'], ['No load shedding', 'No load shedding']],
    actions: [['process', () => `Share the campaign calendar with on-call`], ['mitigate', (c) => `Load shedding for ${c.svc}`]],
    tags: ['traffic'],
  },
  'migration-step': {
    spec: (rng, x) => rng.pick(MIGRATIONS)(x, rng.int(2, 6)),
    hours: [[20, 23], [6, 8], [10, 15]],
    start: [(c) => `${cap(c.spec)} starts on ${c.svc}.`, (c) => `Migration runner begins ${c.spec}.`],
    clause: [(c) => `It was set off by ${c.spec}.`, (c) => `The trigger was ${c.spec}.`],
    followUp: [(c) => `${cap(c.spec)} rescheduled with a throttle and a rollback plan.`, () => `Data verified against the old schema.`],
    rootCause: [(c) => `${cap(c.spec)} was rehearsed on a fraction of production's data.`],
    factors: [['Migration during business hours', 'Migrations during business hours']],
    actions: [['process', () => `Migration runbook with a go/no-go step`]],
    tags: ['migration'],
  },
  'certificate-expiry': {
    spec: (rng, x) => `\`${rng.pick(CERTS)(x)}\``,
    hours: [[0, 23]],
    start: [(c) => `Certificate ${c.spec} expires.`, (c) => `${c.spec} reaches its expiry date.`],
    clause: [(c) => `The certificate ${c.spec} expired.`, (c) => `It started when ${c.spec} expired.`],
    followUp: [(c) => `Expiry of ${c.spec} added to the inventory.`, () => `All certificates of the domain checked for upcoming expiry.`],
    rootCause: [(c) => `${c.spec} was issued by hand and had no expiry alert.`],
    factors: [['Certificate renewed by hand', 'Certificates renewed by hand']],
    actions: [['detect', (c) => `Expiry alert for ${c.spec}`]],
    tags: ['certificate'],
  },
  'third-party-outage': {
    spec: (rng, x) => `${rng.pick(VENDORS)} behind ${x.kebab}`,
    hours: [[0, 23]],
    start: [(c) => `${cap(c.spec)} starts failing requests from ${c.svc}.`, (c) => `Errors from ${c.spec} rise.`],
    clause: [(c) => `It began with an outage at ${c.spec}.`, (c) => `${cap(c.spec)} had an outage.`],
    followUp: [(c) => `${cap(c.spec)} publishes its incident report.`, (c) => `${cap(c.spec)} confirms full recovery.`],
    rootCause: [(c) => `${cap(c.spec)} failed, and ${c.svc} had no way to do without it.`],
    factors: [['Vendor status page delayed', 'Vendor status pages delayed']],
    actions: [['process', (c) => `Escalation contact and SLA review for ${c.spec}`]],
    tags: ['third-party'],
  },
  'manual-operation': {
    spec: (rng, x) => rng.pick(MANUAL)(x),
    hours: [[10, 17], [21, 23]],
    start: [(c) => `An engineer starts ${c.spec} on ${c.svc}.`, (c) => `${cap(c.spec)} begins on ${c.svc}.`],
    clause: [(c) => `It was set off by ${c.spec}.`, (c) => `The trigger was ${c.spec}.`],
    followUp: [() => `Manual steps written down as a runbook.`, (c) => `${cap(c.spec)} completed safely with a second engineer.`],
    rootCause: [(c) => `${cap(c.spec)} was done from memory, without a checklist or a second pair of eyes.`],
    factors: [['Manual operation without checklist', 'Manual operations without checklists'], ['Work done alone', 'Work done alone']],
    actions: [['process', () => `Two-person rule for manual production operations`]],
    tags: ['manual'],
  },
};

export const DETECTION_TEXT = {
  alert: {
    event: [(c: Ctx) => `The error-rate alert for ${c.svc} pages the on-call engineer.`, (c: Ctx) => `Alert fires: ${c.svc} latency above SLO.`],
    lesson: [() => `Went well: the alert fired within minutes.`, () => `Went well: the page reached the right team.`],
  },
  'customer-report': {
    event: [() => `Support escalates after several customer reports.`, () => `First customer complaint on social media.`],
    lesson: [() => `Went wrong: customers told us before our alerts did.`, () => `Went wrong: support found out first.`],
  },
  'employee-report': {
    event: [(c: Ctx) => `An engineer on team ${c.team} notices errors and opens an incident.`, () => `A colleague in operations reports the problem in chat.`],
    lesson: [() => `Went wrong: a person noticed before any alert did.`, () => `Went well: a colleague raised it quickly.`],
  },
  automation: {
    event: [() => `Synthetic checks fail and open an incident automatically.`, () => `Anomaly detection flags the error rate.`],
    lesson: [() => `Went well: synthetic checks caught it before customers did.`],
  },
  other: {
    event: [() => `The problem is noticed during an unrelated investigation.`],
    lesson: [() => `Went wrong: we found it by luck.`],
  },
} as const;

export const IMPACT_TEXT: Record<ServiceKind, readonly ((c: Ctx, pct: number) => string)[]> = {
  api: [(c, p) => `${p}% of requests to ${c.svc} failed for ${c.dur}.`, (c) => `p99 latency of ${c.svc} above ${c.n} s for ${c.dur}.`],
  web: [(c, p) => `${p}% of page loads on ${c.svc} showed an error for ${c.dur}.`, (c) => `Customers could not complete checkout for ${c.dur}.`],
  db: [(c, p) => `${p}% of queries against ${c.svc} timed out for ${c.dur}.`, (c) => `Writes to ${c.svc} blocked for ${c.dur}.`],
  cache: [(c) => `Sessions in ${c.svc} were lost; customers were logged out for ${c.dur}.`, (c, p) => `${p}% cache misses on ${c.svc} for ${c.dur}.`],
  queue: [(c) => `Messages on ${c.svc} delayed by up to ${c.dur}.`, (c, p) => `${p}% of events on ${c.svc} were delivered late.`],
  batch: [(c) => `The ${c.svc} run finished ${c.dur} late.`, (c) => `Jobs of ${c.svc} stopped for ${c.dur}.`],
  data: [(c) => `${c.svc} served stale data for ${c.dur}.`, (c, p) => `${p}% of ${c.svc} queries failed for ${c.dur}.`],
  infra: [(c, p) => `${p}% of traffic through ${c.svc} failed for ${c.dur}.`, (c) => `${c.svc} degraded for ${c.dur}.`],
};

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
