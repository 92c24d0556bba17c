/**
 * Prose per root cause. Each cause has its own nouns and verbs (saturation and headroom, expiry
 * and renewal, backfill and lock…), so incidents that share a cause share distinctive words and
 * text similarity between postmortems means something.
 */
import type { RootCauseId, ServiceKind } from './catalog.ts';
import type { Names } from './names.ts';

/** What a sentence can refer to. */
export interface Ctx {
  /** The primary service's id. */
  svc: string;
  /** Its display name. */
  name: string;
  /** A second affected service, or a phrase for its callers. */
  other: string;
  team: string;
  /** The component the incident is about (`names.ts`): shared within a planted family only. */
  component: string;
  /** The cause's specific: a resource, a code path, a setting of the component. */
  detail: string;
  /** The first error logged, naming the component. */
  signature: string;
  /** The trigger's specific: a release, a cron job, a vendor… */
  spec: string;
  /** When in the day it started: `the lunch peak`. */
  peak: string;
  /** A small number that varies per incident. */
  n: number;
  /** Start to mitigation, in words. */
  dur: string;
}

export type Text = (c: Ctx) => string;
export type ActionType = 'prevent' | 'detect' | 'mitigate' | 'process';

export interface Detail {
  text: (x: Names) => string;
  /** Kinds of service the detail fits; any when absent. */
  kinds?: readonly ServiceKind[];
}

export interface CauseText {
  details: readonly Detail[];
  /** The error a cause leaves in the logs, for a component and a small number. */
  signatures: readonly ((x: Names, n: number) => string)[];
  titles: readonly Text[];
  summary: readonly Text[];
  /** Timeline: what was found while investigating. */
  findings: readonly Text[];
  /** Timeline: what stopped the harm. */
  mitigations: readonly Text[];
  rootCause: readonly Text[];
  /** Contributing-factor phrases as [singular, plural]. */
  factors: readonly (readonly [string, string])[];
  factorProse: readonly Text[];
  wentWrong: readonly Text[];
  actions: readonly (readonly [ActionType, Text])[];
  tags: readonly string[];
}

export const CAUSES: Record<RootCauseId, CauseText> = {
  'capacity-exhaustion': {
    details: [
      { text: (x) => `database connections in pool \`${x.kebab}\``, kinds: ['db', 'api'] },
      { text: (x) => `disk space on volume \`${x.kebab}-data\``, kinds: ['db', 'batch', 'data', 'queue'] },
      { text: (x) => `heap memory in the \`${x.kebab}\` workers`, kinds: ['api', 'batch', 'web'] },
      { text: (x) => `file descriptors on the \`${x.kebab}\` hosts`, kinds: ['infra', 'api'] },
      { text: (x) => `worker threads of the \`${x.kebab}\` handler`, kinds: ['api', 'web'] },
      { text: (x) => `memory on the \`${x.kebab}\` cache nodes`, kinds: ['cache'] },
      { text: (x) => `consumer capacity of queue \`${x.kebab}\``, kinds: ['queue'] },
      { text: (x) => `IP addresses in subnet \`${x.kebab}\``, kinds: ['infra'] },
      { text: (x) => `inodes on \`/var/lib/${x.kebab}\``, kinds: ['batch', 'data'] },
      { text: (x) => `CPU headroom of the \`${x.kebab}\` tier` },
    ],
    signatures: [
      (x, n) => `ResourceExhausted: ${x.kebab} at 100% (limit ${n * 64})`,
      (x, n) => `${x.pascal}Pool: timed out after ${n * 5} s waiting for a free slot`,
      (x, n) => `rejected: ${x.kebab} saturated, queue depth ${n * 1000}`,
    ],
    titles: [
      (c) => `${c.svc} ran out of ${c.detail} at ${c.peak}`,
      (c) => `${cap(c.detail)} exhausted on ${c.svc} during ${c.peak}`,
      (c) => `${c.name} saturated when ${c.detail} hit the ceiling`,
      (c) => `No ${c.detail} left on ${c.svc}; requests queued and timed out`,
      (c) => `${c.svc} hit the limit of ${c.detail} and stalled`,
    ],
    summary: [
      (c) => `At ${c.peak} ${c.svc} exhausted its ${c.detail} and started rejecting work.`,
      (c) => `${c.svc} ran out of ${c.detail}; utilisation had been creeping towards saturation for weeks and ${c.peak} took the last of the headroom.`,
      (c) => `Saturation of ${c.detail} on ${c.svc} made requests queue, then time out, and ${c.other} failed with it.`,
    ],
    findings: [
      (c) => `Dashboards show utilisation of ${c.detail} at 100% on ${c.svc}.`,
      (c) => `Saturation graphs confirm there is no headroom left; ${c.detail} has been above 85% since the morning.`,
      (c) => `The on-call engineer finds ${c.other} retrying and making the saturation worse.`,
      () => `Capacity graphs for the last 30 days show a steady climb nobody was watching.`,
    ],
    mitigations: [
      (c) => `${c.svc} scaled out by ${c.n} instances; ${c.detail} back below 70%.`,
      (c) => `Oldest instances of ${c.svc} restarted to free ${c.detail}; errors stop.`,
      (c) => `Ceiling for ${c.detail} raised temporarily; the queue drains.`,
      (c) => `Non-critical consumers of ${c.svc} paused to shed load.`,
    ],
    rootCause: [
      (c) => `${c.svc} had no headroom left in ${c.detail}: normal growth had eaten the margin the last capacity review left.`,
      (c) => `The capacity plan for ${c.svc} was based on last year's peak, and nobody revisited it after ${c.other} started calling it more often.`,
      (c) => `When ${c.detail} ran out, requests did not fail fast; they queued, held their resources longer and deepened the saturation.`,
      () => `Autoscaling was capped at a maximum set two years ago, so the fleet could not grow past the exhaustion point.`,
      () => `Utilisation was graphed but not alerted on, so the slow climb to 100% was invisible until the ceiling was hit.`,
    ],
    factors: [
      ['No capacity alert', 'No capacity alerts'],
      ['Capacity plan out of date', 'Capacity plans out of date'],
      ['Autoscaling maximum too low', 'Autoscaling maximums too low'],
      ['No headroom dashboard', 'No headroom dashboards'],
      ['Retry storm from clients', 'Retry storms from clients'],
    ],
    factorProse: [
      (c) => `Clients of ${c.svc} retried immediately, which multiplied the load on an already saturated resource.`,
      () => `Utilisation alerts existed only at 100%, when it was already too late to add capacity calmly.`,
      () => `The last capacity review happened before the spring growth in traffic.`,
    ],
    wentWrong: [
      (c) => `We learned about the ceiling on ${c.detail} from the outage rather than from a capacity alert.`,
      () => `Headroom was nobody's explicit responsibility, so it eroded without anyone noticing.`,
    ],
    actions: [
      ['prevent', (c) => `Raise the autoscaling maximum for ${c.svc} and keep 30% headroom`],
      ['prevent', (c) => `Capacity review of ${c.detail} on ${c.svc} before every seasonal peak`],
      ['detect', (c) => `Alert at 80% utilisation of ${c.detail} on ${c.svc}`],
      ['mitigate', (c) => `Runbook to free ${c.detail} on ${c.svc} quickly`],
      ['process', (c) => `Quarterly capacity review for team ${c.team}`],
    ],
    tags: ['capacity', 'saturation'],
  },

  'unsafe-automation': {
    details: [
      { text: (x) => `the auto-remediation script \`${x.kebab}-remediate\``, kinds: ['batch', 'infra', 'api'] },
      { text: (x) => `the cleanup job \`${x.kebab}-cleanup\`` },
      { text: (x) => `the node drainer of \`${x.kebab}\``, kinds: ['infra', 'api', 'web'] },
      { text: (x) => `the failover automation of \`${x.kebab}\``, kinds: ['db', 'cache', 'queue'] },
      { text: (x) => `the certificate rotation bot \`${x.kebab}-rotator\``, kinds: ['infra'] },
      { text: (x) => `the retention purger of \`${x.snake}\``, kinds: ['data', 'db', 'queue'] },
      { text: (x) => `the scale-in policy \`${x.kebab}-scale-in\`` },
    ],
    signatures: [
      (x, n) => `${x.kebab}: ${n * 4} hosts marked unhealthy, draining all`,
      (x, n) => `run ${n * 137} of ${x.kebab}: acted on ${n * 12} of ${n * 12} targets`,
      (x) => `${x.pascal}Bot: safety threshold unset, proceeding`,
    ],
    titles: [
      (c) => `${cap(c.detail)} took down ${c.svc}`,
      (c) => `Automation removed every ${c.svc} instance at once`,
      (c) => `${cap(c.detail)} acted on the whole ${c.svc} fleet instead of one host`,
      (c) => `Runaway automation: ${c.detail} restarted ${c.svc} in a loop`,
      (c) => `${c.svc} outage caused by ${c.detail} without a blast-radius limit`,
    ],
    summary: [
      (c) => `${cap(c.detail)} decided that every ${c.svc} instance was unhealthy and acted on all of them at once.`,
      (c) => `Automation meant to repair single hosts, ${c.detail}, had no cap on how many it touched and took ${c.svc} down.`,
      (c) => `${cap(c.detail)} ran without a dry run or a safety check and removed capacity from ${c.svc} faster than it could recover.`,
    ],
    findings: [
      (c) => `Audit log shows ${c.detail} acting on ${c.n * 4} hosts within two minutes.`,
      () => `Nobody on the current team knew the automation existed; it was found in a crontab.`,
      (c) => `The safety check in ${c.detail} compares against a threshold that was never configured.`,
      () => `The automation's blast radius is the whole fleet; there is no per-run limit.`,
    ],
    mitigations: [
      (c) => `${cap(c.detail)} disabled; hosts stop being recycled.`,
      (c) => `Kill switch flipped for ${c.detail}; ${c.svc} instances come back.`,
      (c) => `Automation paused and the fleet restored by hand, ${c.n} hosts at a time.`,
    ],
    rootCause: [
      (c) => `${cap(c.detail)} was written to fix one stuck host at a time and has no limit on how many hosts it acts on in one run.`,
      () => `When every host looks unhealthy for the same reason, a per-host remediation becomes a fleet-wide outage.`,
      () => `The automation had no dry-run mode, no rate limit and no kill switch that on-call knew about.`,
      () => `Ownership of the automation was lost in a reorganisation, so nobody reviewed its safety checks.`,
      () => `Nothing bounded its blast radius: it could act on 100% of the fleet in a single pass.`,
    ],
    factors: [
      ['No limit on hosts per run', 'No limits on hosts per run'],
      ['Automation without an owner', 'Automations without owners'],
      ['No kill switch', 'No kill switches'],
      ['No dry-run mode', 'No dry-run modes'],
      ['Safety check misconfigured', 'Safety checks misconfigured'],
    ],
    factorProse: [
      () => `The script predates the current team and was not in any runbook.`,
      () => `Its health check trusted a signal that failed on every host at once.`,
      () => `There was no alert on the rate of automated restarts.`,
    ],
    wentWrong: [
      () => `Half of the incident was spent finding out what was restarting the hosts.`,
      () => `Automation that nobody owns keeps running long after everybody forgets it.`,
    ],
    actions: [
      ['prevent', (c) => `Cap ${c.detail} at 2 hosts per run`],
      ['prevent', (c) => `Add a dry-run mode and a kill switch to ${c.detail}`],
      ['detect', () => `Alert when more than 3 hosts restart in 10 minutes`],
      ['process', (c) => `Inventory every automation that can act on ${c.svc} and give each an owner`],
      ['mitigate', (c) => `Document how to stop ${c.detail} in the on-call runbook`],
    ],
    tags: ['automation', 'blast-radius'],
  },

  'missing-limits': {
    details: [
      { text: (x) => `connection pool for \`${x.snake}\``, kinds: ['db', 'api'] },
      { text: (x) => `request timeout on the \`${x.kebab}\` client`, kinds: ['api', 'web', 'infra', 'cache'] },
      { text: (x) => `rate limit on \`${x.kebab}\``, kinds: ['api', 'infra', 'web'] },
      { text: (x) => `queue length bound on \`${x.kebab}\``, kinds: ['queue', 'batch'] },
      { text: (x) => `retry budget in the \`${x.kebab}\` client`, kinds: ['api', 'queue'] },
      { text: (x) => `query timeout on \`${x.snake}\` queries`, kinds: ['db', 'data'] },
      { text: (x) => `concurrency limit on \`${x.kebab}\` jobs` },
    ],
    signatures: [
      (x, n) => `${x.pascal}Client: request still pending after ${n * 60} s`,
      (x, n) => `${x.kebab}: ${n * 1000} concurrent requests, no limit configured`,
      (x, n) => `connections to ${x.snake} reached ${n * 500}`,
    ],
    titles: [
      (c) => `${c.svc} had no ${c.detail}; one slow caller took it down`,
      (c) => `Missing ${c.detail} let ${c.other} overwhelm ${c.svc}`,
      (c) => `Unbounded load on ${c.svc}: no ${c.detail} anywhere in the path`,
      (c) => `${c.name} stalled for want of a ${c.detail}`,
    ],
    summary: [
      (c) => `${c.svc} accepted every request it was given because nothing in the path had a ${c.detail}.`,
      (c) => `Without a ${c.detail}, a burst from ${c.other} held every slot of ${c.svc} and starved everyone else.`,
      (c) => `A missing ${c.detail} turned a slow dependency of ${c.svc} into a full outage.`,
    ],
    findings: [
      (c) => `Thread dumps show every worker of ${c.svc} waiting; no ${c.detail} cuts them loose.`,
      (c) => `${c.other} opens a new connection per request, unpooled and unbounded.`,
      () => `Requests waiting for 300 s and more: the default is no timeout at all.`,
      (c) => `One client is sending ${c.n * 10} times its normal rate; nothing throttles it.`,
    ],
    mitigations: [
      (c) => `Emergency ${c.detail} applied at the gateway; ${c.svc} recovers.`,
      (c) => `The noisy client of ${c.svc} blocked; latency back to normal.`,
      (c) => `Pool size of ${c.other} reduced and a ${c.detail} set by hand.`,
    ],
    rootCause: [
      (c) => `Nothing bounds the load ${c.svc} accepts: no ${c.detail}, no quota per caller, no backpressure.`,
      (c) => `Every caller of ${c.svc} assumed somebody else enforced a limit; nobody did.`,
      () => `Without timeouts, slow requests hold their resources indefinitely and a slowdown becomes an outage.`,
      () => `The defaults of the client library are unlimited, and we never overrode them.`,
      () => `A rate limit per client would have isolated the noisy caller and protected everyone else.`,
    ],
    factors: [
      ['No connection limit', 'No connection limits'],
      ['No request timeout', 'No request timeouts'],
      ['No rate limit per client', 'No rate limits per client'],
      ['Unbounded retry', 'Unbounded retries'],
      ['No connection pooling', 'No connection pooling'],
    ],
    factorProse: [
      () => `Library defaults set no timeout and an unbounded pool.`,
      (c) => `Retries from ${c.other} had no budget and no backoff.`,
      () => `Limits were on the design review checklist but never enforced.`,
    ],
    wentWrong: [
      (c) => `A single noisy caller could take down ${c.svc} because it had no ${c.detail}.`,
      () => `Defaults are a decision too: unlimited is rarely the right one.`,
    ],
    actions: [
      ['prevent', (c) => `Set a ${c.detail} on every caller of ${c.svc}`],
      ['prevent', (c) => `Put a connection pooler in front of ${c.svc}`],
      ['prevent', (c) => `Per-client rate limits for ${c.svc}`],
      ['detect', (c) => `Alert on saturation of the ${c.detail} of ${c.svc}`],
      ['process', () => `Add timeouts and limits to the service readiness checklist`],
    ],
    tags: ['limits', 'timeouts'],
  },

  'bad-config': {
    details: [
      { text: (x) => `the routing table \`${x.kebab}-routes\``, kinds: ['infra', 'web'] },
      { text: (x) => `the connection string \`${x.snake}_dsn\``, kinds: ['api', 'batch', 'db'] },
      { text: (x) => `the feature flag \`${x.snake}_enabled\`` },
      { text: (x) => `the allow-list \`${x.kebab}-allow\``, kinds: ['infra', 'api'] },
      { text: (x) => `the memory limit of \`${x.kebab}\``, kinds: ['api', 'batch', 'web', 'cache'] },
      { text: (x) => `the replica count of \`${x.kebab}\`` },
      { text: (x) => `the cache TTL \`${x.snake}.ttl\``, kinds: ['cache', 'api', 'web'] },
      { text: (x) => `the DNS record \`${x.kebab}.internal\``, kinds: ['infra', 'web', 'api'] },
    ],
    signatures: [
      (x, n) => `invalid value for ${x.snake}.timeout: ${n * 1000}`,
      (x) => `${x.pascal}Config: no route matches ${x.kebab}`,
      (x) => `${x.kebab}: config checksum differs between regions`,
    ],
    titles: [
      (c) => `Wrong value in ${c.detail} broke ${c.svc}`,
      (c) => `Misconfigured ${stripThe(c.detail)} sent ${c.svc} traffic to the wrong place`,
      (c) => `${c.svc} outage after ${c.detail} was set inconsistently across regions`,
      (c) => `Typo in ${c.detail} of ${c.svc}`,
      (c) => `${c.name} misbehaved for ${c.dur} on a configuration mistake`,
    ],
    summary: [
      (c) => `A wrong value in ${c.detail} of ${c.svc} was applied to production without validation.`,
      (c) => `${c.svc} read an inconsistent configuration: ${c.detail} disagreed between environments.`,
      (c) => `A misconfiguration of ${c.detail} made ${c.svc} reject valid traffic.`,
    ],
    findings: [
      (c) => `Config diff shows ${c.detail} changed an hour earlier.`,
      (c) => `Staging and production values of ${c.detail} differ.`,
      () => `The value parses but is wrong: a unit mismatch, seconds instead of milliseconds.`,
      () => `The configuration linter passed; it only checks syntax, not meaning.`,
    ],
    mitigations: [
      (c) => `Previous value of ${c.detail} restored; ${c.svc} healthy again.`,
      (c) => `Config rollback applied to all regions of ${c.svc}.`,
      () => `Misconfiguration reverted by hand; errors drop to zero.`,
    ],
    rootCause: [
      (c) => `${cap(c.detail)} of ${c.svc} had a value that was valid syntax but wrong for production.`,
      () => `Configuration is not validated against a schema; a misconfiguration only shows itself under real traffic.`,
      () => `The same setting lives in two places and they drifted apart; nothing checks their consistency.`,
      () => `Configuration changes skip the review and canary that code changes get.`,
    ],
    factors: [
      ['No config validation', 'No config validations'],
      ['Config drift between environments', 'Config drifts between environments'],
      ['Config change without review', 'Config changes without review'],
      ['Unit mismatch in setting', 'Unit mismatches in settings'],
    ],
    factorProse: [
      () => `The configuration repository has no owner and no schema.`,
      () => `Rollback of configuration is manual and undocumented.`,
      () => `The setting's unit is not in its name.`,
    ],
    wentWrong: [
      () => `Configuration changes are treated as safer than code changes; they are not.`,
      (c) => `Nobody could say which value of ${c.detail} was correct without reading the code.`,
    ],
    actions: [
      ['prevent', (c) => `Schema validation for ${c.detail} of ${c.svc} in CI`],
      ['prevent', () => `Canary config changes like code changes`],
      ['detect', (c) => `Alert on configuration drift for ${c.svc}`],
      ['mitigate', () => `One-command config rollback`],
      ['process', () => `Require review for production configuration changes`],
    ],
    tags: ['config'],
  },

  'software-bug': {
    details: [
      { text: (x) => `the discount calculation in \`${x.pascal}DiscountRule\``, kinds: ['api', 'web'] },
      { text: (x) => `a null pointer in \`${x.pascal}Serializer\``, kinds: ['api', 'queue'] },
      { text: (x) => `a race condition in the \`${x.kebab}\` cache refresh`, kinds: ['api', 'cache', 'infra'] },
      { text: (x) => `a memory leak in \`${x.pascal}Handler\``, kinds: ['api', 'web', 'infra'] },
      { text: (x) => `a bad query plan on \`${x.snake}\` after the index change`, kinds: ['db', 'data'] },
      { text: (x) => `a lock-ordering bug in the stored procedure \`${x.snake}_upsert\``, kinds: ['db'] },
      { text: (x) => `a connection leak in the \`${x.kebab}\` health check`, kinds: ['infra', 'cache', 'queue'] },
      { text: (x) => `an off-by-one in \`${x.pascal}Paginator\``, kinds: ['api', 'data', 'web'] },
      { text: (x) => `a time zone bug in the \`${x.kebab}\` scheduler`, kinds: ['batch', 'api'] },
      { text: (x) => `an infinite retry loop in \`${x.pascal}Consumer\``, kinds: ['queue', 'batch', 'api'] },
      { text: (x) => `a deadlock in the \`${x.kebab}\` worker pool` },
    ],
    signatures: [
      (x, n) => `NullPointerException at ${x.pascal}.handle(${x.pascal}.java:${n * 37})`,
      (x, n) => `panic: ${x.snake}: index out of range [${n}] with length ${n}`,
      (x) => `TypeError in ${x.pascal}: cannot read properties of undefined`,
    ],
    titles: [
      (c) => `${c.svc} crashed on ${c.detail}`,
      (c) => `Bug in ${c.svc}: ${c.detail} corrupted responses`,
      (c) => `${cap(c.detail)} in ${c.svc} failed requests for ${c.dur}`,
      (c) => `Defect in ${c.name} (${c.detail}) broke ${c.other}`,
      (c) => `${c.svc} regression: ${c.detail}`,
    ],
    summary: [
      (c) => `A defect in ${c.svc}, ${c.detail}, made requests fail once real traffic hit the new code path.`,
      (c) => `${c.svc} shipped a regression: ${c.detail}.`,
      (c) => `A bug in our own code, ${c.detail} in ${c.svc}, broke ${c.other} downstream.`,
    ],
    findings: [
      (c) => `Stack traces point at ${c.detail}.`,
      (c) => `Exception rate on ${c.svc} up from 0.1% to ${c.n * 4}%.`,
      () => `The failing code path was changed in the last release; the regression is reproducible locally.`,
      () => `Heap dump shows the same objects retained on every request.`,
    ],
    mitigations: [
      (c) => `Rollback of ${c.svc} complete; exceptions stop.`,
      (c) => `Feature flag for the new code path of ${c.svc} turned off.`,
      (c) => `Hotfix deployed to ${c.svc}; error rate back to baseline.`,
    ],
    rootCause: [
      (c) => `The defect, ${c.detail}, was introduced in a refactoring of ${c.svc} and only triggers on inputs production sees.`,
      () => `The code assumed a value could never be empty; real data disagreed and the exception propagated to every caller.`,
      () => `The regression passed code review because the diff looked like a pure rename.`,
      (c) => `Error handling in ${c.svc} swallowed the first failures, so the bug surfaced only when it was widespread.`,
    ],
    factors: [
      ['Missing regression test', 'Missing regression tests'],
      ['Exception swallowed', 'Exceptions swallowed'],
      ['Large release', 'Large releases'],
      ['No feature flag', 'No feature flags'],
    ],
    factorProse: [
      () => `The release bundled forty changes, which made finding the faulty one slow.`,
      () => `The new code path had no feature flag, so the only way back was a full rollback.`,
      () => `Error budgets were already spent, yet the release went out on a Friday.`,
    ],
    wentWrong: [
      () => `The defect was reproducible in minutes once we looked; no test looked before release.`,
      () => `A large release made the regression hard to bisect.`,
    ],
    actions: [
      ['prevent', (c) => `Regression test for ${c.detail}`],
      ['prevent', (c) => `Put new code paths of ${c.svc} behind feature flags`],
      ['detect', (c) => `Alert on exception rate per endpoint of ${c.svc}`],
      ['mitigate', (c) => `Automatic rollback of ${c.svc} on error-rate regression`],
      ['process', () => `Smaller releases: at most ten changes per deploy`],
    ],
    tags: ['bug', 'regression'],
  },

  'data-migration-error': {
    details: [
      { text: (x) => `the backfill of \`${x.snake}\` ids`, kinds: ['db', 'data', 'batch'] },
      { text: (x) => `an ALTER TABLE on \`${x.snake}\` that took an exclusive lock`, kinds: ['db'] },
      { text: (x) => `the dual-write cutover of \`${x.snake}\``, kinds: ['api', 'db'] },
      { text: (x) => `the column type change on \`${x.snake}\``, kinds: ['db', 'data'] },
      { text: (x) => `the re-index of \`${x.snake}\``, kinds: ['data', 'api'] },
      { text: (x) => `the \`${x.snake}\` schema migration` },
    ],
    signatures: [
      (x, n) => `lock timeout on relation ${x.snake} after ${n * 30} s`,
      (x, n) => `migration ${x.snake}_${n * 7} failed: row count mismatch`,
      (x) => `duplicate key value violates unique constraint ${x.snake}_pkey`,
    ],
    titles: [
      (c) => `${cap(c.detail)} blocked ${c.svc}`,
      (c) => `Migration locked a table in ${c.svc} for ${c.dur}`,
      (c) => `${c.svc} served wrong data after ${c.detail}`,
      (c) => `Schema migration of ${c.svc} dropped writes`,
      (c) => `Backfill on ${c.svc} overloaded production`,
    ],
    summary: [
      (c) => `${cap(c.detail)} on ${c.svc} held a lock that blocked production writes.`,
      (c) => `A migration step on ${c.svc}, ${c.detail}, produced rows that ${c.other} could not read.`,
      (c) => `The backfill behind ${c.detail} ran at full speed against the primary of ${c.svc} and starved live traffic.`,
    ],
    findings: [
      (c) => `pg_stat_activity shows ${c.n * 30} queries waiting on a lock held by the migration.`,
      () => `Row counts diverge between the old and the new schema.`,
      () => `The migration was tested on a copy with 1% of production's rows.`,
      (c) => `Replication lag on ${c.svc} reaches ${c.n * 3} minutes during the backfill.`,
    ],
    mitigations: [
      () => `Migration cancelled; the lock is released and writes resume.`,
      () => `Backfill throttled to 500 rows per second; latency recovers.`,
      (c) => `Reads of ${c.svc} switched back to the old schema.`,
    ],
    rootCause: [
      (c) => `${cap(c.detail)} took an exclusive lock on a hot table; on a production-sized table that lock lasts minutes, not milliseconds.`,
      () => `The migration was rehearsed on a small copy of the data, which hid both its duration and its locking.`,
      () => `The backfill had no throttle and ran against the primary instead of in batches with pauses.`,
      () => `The old and the new schema were written by different code paths that disagreed on one field.`,
    ],
    factors: [
      ['Migration not rehearsed on production-size data', 'Migrations not rehearsed on production-size data'],
      ['No throttle on backfill', 'No throttles on backfills'],
      ['Lock timeout not set', 'Lock timeouts not set'],
      ['Dual write inconsistency', 'Dual write inconsistencies'],
    ],
    factorProse: [
      () => `No lock_timeout was set for the migration session.`,
      () => `The migration ran during business hours to save a night shift.`,
      () => `There was no step to verify row counts before the cutover.`,
    ],
    wentWrong: [
      () => `A migration's duration on real data was a guess.`,
      () => `Rollback of a half-applied schema change was not planned.`,
    ],
    actions: [
      ['prevent', () => `Rehearse migrations on a production-size snapshot`],
      ['prevent', () => `Set lock_timeout and statement_timeout for every migration`],
      ['prevent', () => `Throttle backfills and run them in batches`],
      ['detect', (c) => `Alert on lock waits on ${c.svc}`],
      ['process', () => `Migration checklist with a rollback plan and a verification step`],
    ],
    tags: ['migration', 'database'],
  },

  'expired-credential': {
    details: [
      { text: (x) => `the TLS certificate for \`${x.kebab}.example.com\``, kinds: ['infra', 'web', 'api'] },
      { text: (x) => `the service account token of \`${x.kebab}\`` },
      { text: (x) => `the database password of \`${x.snake}\``, kinds: ['db', 'api', 'batch'] },
      { text: (x) => `the vendor API key \`${x.snake}_api_key\``, kinds: ['api', 'batch'] },
      { text: (x) => `the signing key \`${x.kebab}-signing\``, kinds: ['api', 'infra'] },
      { text: (x) => `the mTLS client certificate of \`${x.kebab}\`` },
    ],
    signatures: [
      (x) => `x509: certificate for ${x.kebab}.example.com has expired`,
      (x) => `401 from ${x.kebab}: token expired`,
      (x) => `password authentication failed for user ${x.snake}`,
    ],
    titles: [
      (c) => `${cap(c.detail)} of ${c.svc} expired`,
      (c) => `Expired credential: ${c.detail} stopped ${c.svc}`,
      (c) => `${c.svc} lost access when ${c.detail} expired overnight`,
      (c) => `Renewal of ${c.detail} missed; ${c.svc} down`,
    ],
    summary: [
      (c) => `${cap(c.detail)} used by ${c.svc} expired and every connection that relied on it was refused.`,
      (c) => `Nobody renewed ${c.detail} of ${c.svc}; it expired and ${c.other} could no longer authenticate.`,
      (c) => `The expiry of ${c.detail} took ${c.svc} down; the renewal reminder went to a mailbox nobody reads.`,
    ],
    findings: [
      (c) => `Handshake errors: ${c.detail} expired at 00:00 UTC.`,
      () => `The renewal reminder went to a former employee's mailbox.`,
      () => `Certificate expiry is not monitored for this endpoint.`,
      () => `Auto-renewal failed silently three weeks ago.`,
    ],
    mitigations: [
      (c) => `${cap(c.detail)} renewed and deployed; connections succeed.`,
      (c) => `New credential issued and rolled out to ${c.svc}.`,
      () => `Secret rotated in the vault; services reloaded.`,
    ],
    rootCause: [
      (c) => `${cap(c.detail)} was issued by hand a year ago and its renewal depended on someone remembering.`,
      () => `Auto-renewal existed but failed silently; nothing alerted on an approaching expiry.`,
      () => `The credential had no owner after the team that created it was reorganised.`,
      () => `Expiry dates are not inventoried, so nobody could see this one coming.`,
    ],
    factors: [
      ['No expiry monitoring', 'No expiry monitoring'],
      ['Manual certificate renewal', 'Manual certificate renewals'],
      ['Credential without owner', 'Credentials without owners'],
      ['Renewal reminder sent to wrong mailbox', 'Renewal reminders sent to wrong mailboxes'],
    ],
    factorProse: [
      () => `The renewal runbook still pointed at the old certificate authority.`,
      () => `Expiry warnings were emails, not alerts.`,
      () => `Rotation had never been rehearsed, so it took longer than it should.`,
    ],
    wentWrong: [
      () => `An expiry is the most predictable outage there is, and we did not predict it.`,
      () => `Renewing by hand under pressure took far longer than a rehearsed rotation would have.`,
    ],
    actions: [
      ['prevent', (c) => `Automate renewal of ${c.detail} of ${c.svc}`],
      ['detect', () => `Alert 30 days before any certificate or token expires`],
      ['process', () => `Inventory credentials with an owner and an expiry date`],
      ['mitigate', () => `Runbook for emergency credential rotation`],
    ],
    tags: ['tls', 'credentials', 'expiry'],
  },

  'dependency-failure': {
    details: [
      { text: (x) => `the payment provider's \`${x.kebab}\` endpoint`, kinds: ['api'] },
      { text: (x) => `the DNS provider's \`${x.kebab}\` zone`, kinds: ['infra', 'web', 'api'] },
      { text: (x) => `the email delivery vendor's \`${x.kebab}\` stream`, kinds: ['api', 'queue'] },
      { text: (x) => `the cloud load balancer \`${x.kebab}\``, kinds: ['infra', 'web', 'api'] },
      { text: (x) => `the managed database \`${x.snake}\``, kinds: ['db', 'data'] },
      { text: (x) => `the identity provider's \`${x.kebab}\` tenant`, kinds: ['api', 'infra', 'web'] },
      { text: (x) => `the shipping carrier's \`${x.kebab}\` API`, kinds: ['api', 'batch'] },
      { text: (x) => `the managed cache \`${x.kebab}\``, kinds: ['cache'] },
      { text: (x) => `the upstream \`${x.kebab}\` service` },
    ],
    signatures: [
      (x, n) => `upstream ${x.kebab}: 503 after ${n * 10} s`,
      (x) => `${x.pascal}Client: connect timeout to the vendor endpoint`,
      (x, n) => `${x.kebab}: ${n * 100} requests waiting, no circuit breaker`,
    ],
    titles: [
      (c) => `${cap(c.detail)} outage degraded ${c.svc}`,
      (c) => `${c.svc} failed when ${c.detail} timed out`,
      (c) => `Dependency failure: ${c.detail} down, ${c.svc} with it`,
      (c) => `${c.name} had no fallback when ${c.detail} failed`,
    ],
    summary: [
      (c) => `${cap(c.detail)} had an outage and ${c.svc}, which depends on it synchronously, failed with it.`,
      (c) => `${c.svc} timed out waiting for ${c.detail}; there was no fallback and no circuit breaker.`,
      (c) => `An upstream failure at ${c.detail} cascaded into ${c.svc} and ${c.other}.`,
    ],
    findings: [
      (c) => `Calls from ${c.svc} to ${c.detail} time out after 30 s.`,
      (c) => `Status page of ${c.detail} confirms a partial outage.`,
      () => `No circuit breaker: threads pile up waiting for the dependency.`,
      () => `The vendor's support ticket is acknowledged; no ETA.`,
    ],
    mitigations: [
      (c) => `${c.svc} switched to the fallback path; degraded but working.`,
      (c) => `${cap(c.detail)} recovers; queued requests drain.`,
      () => `Traffic moved to the secondary provider.`,
    ],
    rootCause: [
      (c) => `${c.svc} calls ${c.detail} synchronously on the critical path, with no fallback when it is down.`,
      () => `There is no circuit breaker, so a slow dependency ties up every worker instead of failing fast.`,
      () => `The contract with the vendor has no failover region, and we never tested what happens when it fails.`,
      () => `A secondary provider was planned last year but never configured.`,
    ],
    factors: [
      ['No circuit breaker', 'No circuit breakers'],
      ['Single vendor without failover', 'Single vendors without failover'],
      ['Synchronous call on the critical path', 'Synchronous calls on the critical path'],
      ['No fallback', 'No fallbacks'],
    ],
    factorProse: [
      () => `Timeouts to the vendor were set to 30 seconds, far longer than our own callers wait.`,
      () => `The vendor status page lagged the outage by forty minutes.`,
      () => `Nobody owned the vendor relationship, so escalation took a while.`,
    ],
    wentWrong: [
      (c) => `${c.svc} treated ${c.detail} as if it could never fail.`,
      () => `We waited for the vendor instead of degrading gracefully.`,
    ],
    actions: [
      ['prevent', (c) => `Circuit breaker and fallback for calls from ${c.svc} to ${c.detail}`],
      ['prevent', () => `Configure a secondary provider and test failover`],
      ['detect', (c) => `Synthetic check of ${c.detail} from ${c.svc}`],
      ['mitigate', () => `Runbook to switch providers`],
      ['process', () => `Review vendor SLAs against our own`],
    ],
    tags: ['vendor', 'dependency'],
  },

  'insufficient-testing': {
    details: [
      { text: (x) => `the contract tests of \`${x.pascal}Request\``, kinds: ['api', 'queue'] },
      { text: (x) => `the canary traffic for \`${x.kebab}\``, kinds: ['api', 'web'] },
      { text: (x) => `the load test of \`${x.kebab}\``, kinds: ['api', 'db', 'web'] },
      { text: (x) => `the \`${x.kebab}\` integration suite` },
      { text: (x) => `the dry run of the \`${x.snake}\` backfill`, kinds: ['batch', 'data'] },
      { text: (x) => `the end-to-end test through \`${x.kebab}\``, kinds: ['web', 'api'] },
      { text: (x) => `the upgrade test of \`${x.kebab}\``, kinds: ['infra', 'db', 'cache', 'queue'] },
    ],
    signatures: [
      (x) => `contract mismatch in ${x.pascal}Request: field ${x.snake}_id missing`,
      (x) => `${x.pascal}Test skipped: environment unavailable`,
      (x) => `unexpected response shape from ${x.kebab}`,
    ],
    titles: [
      (c) => `Untested change to ${c.svc} broke ${c.other}`,
      (c) => `${c.svc} change passed CI but failed in production`,
      (c) => `Gap in ${c.detail} let a breaking change of ${c.svc} through`,
      (c) => `${c.name}: release reached production without a test that would have caught it`,
    ],
    summary: [
      (c) => `A change to ${c.svc} reached production without a test that covered it; ${c.detail} did not exercise the failing case.`,
      (c) => `${c.svc} passed every test and still broke ${c.other}: ${c.detail} missed the case that mattered.`,
      (c) => `The canary for ${c.svc} looked healthy because its traffic never hit the changed path.`,
    ],
    findings: [
      (c) => `The failing case is not covered by ${c.detail}.`,
      () => `Canary metrics were green: canary traffic had none of the affected requests.`,
      (c) => `Contract mismatch between ${c.svc} and ${c.other} confirmed in the request diff.`,
      () => `Test coverage of the changed module: 12%.`,
    ],
    mitigations: [
      (c) => `Rollback of ${c.svc} complete; ${c.other} recovers.`,
      () => `Release reverted; failing requests succeed again.`,
      (c) => `Change of ${c.svc} disabled behind its flag.`,
    ],
    rootCause: [
      (c) => `${cap(c.detail)} did not cover the failing case, so CI passed a change that broke ${c.other}.`,
      () => `The two services share a request shape by copy, not by a versioned contract, and nothing tests them together.`,
      () => `The canary's traffic did not exercise the changed path, so its metrics could not show the failure.`,
      () => `Load testing was skipped because the environment was broken, and the release went ahead anyway.`,
    ],
    factors: [
      ['Missing contract test', 'Missing contract tests'],
      ['Canary traffic not representative', 'Canary traffic not representative'],
      ['No load test', 'No load tests'],
      ['Flaky test suite ignored', 'Flaky test suites ignored'],
    ],
    factorProse: [
      () => `The integration suite is flaky, and its failures are routinely retried until green.`,
      () => `Test data is years old and lacks the shapes production now sees.`,
      () => `Staging is shared and rarely matches production versions.`,
    ],
    wentWrong: [
      () => `A green pipeline only proves what the tests exercise.`,
      () => `Customers found the gap in our tests before we did.`,
    ],
    actions: [
      ['prevent', (c) => `Contract tests between ${c.svc} and ${c.other}`],
      ['prevent', (c) => `Make the canary traffic of ${c.svc} representative`],
      ['prevent', (c) => `Load test ${c.svc} before major releases`],
      ['detect', (c) => `Synthetic end-to-end check through ${c.svc}`],
      ['process', () => `Quarantine flaky tests instead of retrying them`],
    ],
    tags: ['testing', 'ci'],
  },

  'process-gap': {
    details: [
      { text: (x) => `the missing runbook for \`${x.kebab}\`` },
      { text: (x) => `the unclear ownership of \`${x.kebab}\`` },
      { text: (x) => `the skipped review of the \`${x.kebab}\` change` },
      { text: (x) => `the handover of \`${x.kebab}\` between teams` },
      { text: (x) => `the broken escalation path for \`${x.kebab}\`` },
      { text: (x) => `the missing status page entry for \`${x.kebab}\`` },
    ],
    signatures: [
      (x) => `runbook for ${x.kebab} not found (404)`,
      (x) => `page for ${x.kebab} routed to an empty rotation`,
      (x) => `change to ${x.kebab} made by hand, no ticket`,
    ],
    titles: [
      (c) => `${c.svc} outage prolonged by ${c.detail}`,
      (c) => `No runbook for ${c.svc}: recovery took ${c.dur}`,
      (c) => `Nobody owned ${c.svc} when it failed`,
      (c) => `Manual change to ${c.svc} without review caused an outage`,
      (c) => `Escalation for ${c.svc} stalled for lack of a process`,
    ],
    summary: [
      (c) => `${c.svc} failed in a way the team had seen before, but ${c.detail} meant nobody knew the fix.`,
      (c) => `A change to ${c.svc} skipped review, and ${c.detail} made recovery slow.`,
      (c) => `The outage of ${c.svc} lasted ${c.dur}, most of it spent finding who owned it.`,
    ],
    findings: [
      (c) => `No runbook for ${c.svc}; the wiki page is from 2019.`,
      (c) => `On-call cannot find the owner of ${c.svc}; the team was reorganised.`,
      () => `The change was made from a laptop, outside the change process.`,
      () => `Status page not updated; support learns about the incident from customers.`,
    ],
    mitigations: [
      (c) => `The engineer who built ${c.svc} reached by phone; the fix is applied.`,
      () => `Change reverted once the person who made it was found.`,
      (c) => `Escalated to team ${c.team}; the known fix is applied.`,
    ],
    rootCause: [
      (c) => `${cap(c.detail)} meant the knowledge needed to recover ${c.svc} lived in one person's head.`,
      () => `Ownership of the service was lost when teams were reorganised, and on-call rotations were not updated.`,
      () => `Changes made by hand in production bypass review and leave no record.`,
      () => `Nobody was responsible for communication, so customers and support were left guessing.`,
    ],
    factors: [
      ['No runbook', 'No runbooks'],
      ['Unclear ownership', 'Unclear ownership'],
      ['Change without review', 'Changes without review'],
      ['No incident commander', 'No incident commanders'],
      ['Status page not updated', 'Status pages not updated'],
    ],
    factorProse: [
      () => `The on-call rotation still listed people who had left the team.`,
      () => `There was no incident commander, so three people worked on the same lead.`,
      () => `Handover notes between shifts were not written.`,
    ],
    wentWrong: [
      () => `Most of the time went into finding people, not fixing the problem.`,
      () => `The process existed on paper but nobody had practised it.`,
    ],
    actions: [
      ['process', (c) => `Write a runbook for ${c.svc}`],
      ['process', (c) => `Name an owner and an on-call rotation for ${c.svc}`],
      ['process', () => `Incident commander role in every SEV1 and SEV2`],
      ['prevent', () => `Block production changes that bypass review`],
      ['detect', (c) => `Page the owning team of ${c.svc} directly from its alerts`],
    ],
    tags: ['process', 'runbook'],
  },
};

export function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function stripThe(text: string): string {
  return text.replace(/^(the|a|an) /, '');
}
