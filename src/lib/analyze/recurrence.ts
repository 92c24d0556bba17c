import { daysBetween, shiftDays } from './calendar.ts';
import { isOpen } from './concepts.ts';
import { actionItemFields } from './action-items.ts';
import { byStart, type Case, type Population } from './cases.ts';
import { disjointSets } from './groups.ts';
import { round } from './stats.ts';
import type { AnalysisSettings, PreventableRecurrence, RecurrenceAnalysis, RecurrenceChain, RecurrenceLink } from './types.ts';

const DAY_MS = 86_400_000;

function gapDays(from: Case, to: Case): number {
  return round((to.start - from.start) / DAY_MS, 1);
}

function countShared(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  for (const x of a) if (b.includes(x)) n++;
  return n;
}

/** How many values two incidents share: services, root causes and the trigger; 0 unless they share a service and a cause or the trigger. */
function evidence(a: Case, b: Case): number {
  const services = countShared(a.services, b.services);
  if (services === 0) return 0;
  const causes = countShared(a.rootCauses, b.rootCauses);
  const trigger = a.trigger !== undefined && a.trigger === b.trigger ? 1 : 0;
  return causes + trigger > 0 ? services + causes + trigger : 0;
}

/**
 * The keys an earlier incident must share one of to qualify: a service with a root cause, or a
 * service with the trigger. Indexing by them keeps the search to real candidates.
 */
function qualifyingKeys(c: Case): string[] {
  const keys: string[] = [];
  for (const service of c.services) {
    for (const cause of c.rootCauses) keys.push(`${service}\u0000cause\u0000${cause}`);
    if (c.trigger !== undefined) keys.push(`${service}\u0000trigger\u0000${c.trigger}`);
  }
  return keys;
}

/**
 * The earlier incident within the window that shares the most with this one (a service and a
 * root cause or the trigger at least); the latest of equals. One origin per incident: linking
 * every match would tie each incident to all its predecessors, while one makes chains
 * (A → B → C) that read as the story they are.
 */
function inferredOrigin(b: Case, earlierByKey: Map<string, Case[]>, windowMs: number): Case | undefined {
  let best: Case | undefined;
  let bestEvidence = 0;
  // Nothing can share more than everything: the search stops once the latest such incident is found.
  const most = b.services.length + b.rootCauses.length + (b.trigger === undefined ? 0 : 1);
  for (const key of qualifyingKeys(b)) {
    const earlier = earlierByKey.get(key) ?? [];
    for (let i = earlier.length - 1; i >= 0; i--) {
      const a = earlier[i]!;
      if (b.start - a.start > windowMs) break;
      if (best && bestEvidence === most && byStart(a, best) < 0) break;
      if (a.start >= b.start) continue;
      const e = evidence(a, b);
      if (e > bestEvidence || (e > 0 && e === bestEvidence && byStart(best!, a) < 0)) {
        best = a;
        bestEvidence = e;
      }
    }
  }
  return best;
}

function inferredLink(a: Case, b: Case): RecurrenceLink {
  const shared: NonNullable<RecurrenceLink['shared']> = {
    services: a.services.filter((s) => b.services.includes(s)),
    rootCauses: a.rootCauses.filter((c) => b.rootCauses.includes(c)),
  };
  if (a.trigger !== undefined && a.trigger === b.trigger) shared.trigger = a.trigger;
  return { from: a.id, to: b.id, kind: 'inferred', gapDays: gapDays(a, b), shared };
}

export function findLinks(population: Population, settings: AnalysisSettings): RecurrenceLink[] {
  const links: RecurrenceLink[] = [];
  const windowMs = settings.recurrenceWindowDays * DAY_MS;
  const earlierByKey = new Map<string, Case[]>();
  for (const b of population.all) {
    const explicit = b.incident.frontmatter.recurrence_of;
    const origin = explicit === undefined ? undefined : population.byId.get(explicit);
    if (origin) {
      links.push({ from: origin.id, to: b.id, kind: 'explicit', gapDays: gapDays(origin, b) });
    } else if (explicit === undefined && b.kind === 'incident') {
      const a = inferredOrigin(b, earlierByKey, windowMs);
      if (a) links.push(inferredLink(a, b));
    }
    if (b.kind !== 'incident') continue;
    for (const key of qualifyingKeys(b)) {
      const list = earlierByKey.get(key);
      if (list) list.push(b);
      else earlierByKey.set(key, [b]);
    }
  }
  return links;
}

function findChains(links: readonly RecurrenceLink[], population: Population): RecurrenceChain[] {
  const { root, join } = disjointSets();
  for (const link of links) join(link.from, link.to);
  const members = new Map<string, Case[]>();
  const linksOf = new Map<string, RecurrenceLink[]>();
  for (const link of links) {
    const r = root(link.from);
    if (!linksOf.has(r)) {
      linksOf.set(r, []);
      members.set(r, []);
    }
    linksOf.get(r)!.push(link);
  }
  for (const c of population.all) members.get(root(c.id))?.push(c);
  const chains: RecurrenceChain[] = [];
  for (const [r, cases] of members) {
    cases.sort(byStart);
    const chainLinks = linksOf.get(r)!;
    chains.push({
      incidents: cases.map((c) => c.id),
      gapsDays: cases.slice(1).map((c, i) => gapDays(cases[i]!, c)),
      links: chainLinks.length,
      explicit: chainLinks.filter((l) => l.kind === 'explicit').length,
      inferred: chainLinks.filter((l) => l.kind === 'inferred').length,
      firstSeen: cases[0]!.date,
      lastSeen: cases.at(-1)!.date,
    });
  }
  // Longest chains first: those are the outages that keep coming back.
  return chains.sort((a, b) => b.incidents.length - a.incidents.length || (a.firstSeen < b.firstSeen ? -1 : a.firstSeen > b.firstSeen ? 1 : 0) || (a.incidents[0]! < b.incidents[0]! ? -1 : 1));
}

/** How far back a chain is searched for unfinished prevent items: the origin and two before it. */
const PREVENT_DEPTH = 3;

/**
 * A `prevent` item of an earlier incident in the recurrence's chain (its origin, the origin's
 * origin, up to three links back) that was not done when the recurrence started: each of them
 * was meant to stop it. Further back, a chain of hundreds of incidents would blame every one of
 * them on the same old item.
 */
function findPreventable(links: readonly RecurrenceLink[], population: Population): PreventableRecurrence[] {
  const originOf = new Map(links.map((l) => [l.to, l]));
  const found: PreventableRecurrence[] = [];
  for (const link of links) {
    const recurrence = population.byId.get(link.to)!;
    let depth = 0;
    for (let via: RecurrenceLink | undefined = link; via && depth < PREVENT_DEPTH; via = originOf.get(via.from), depth++) {
      const original = population.byId.get(via.from)!;
      (original.incident.frontmatter.action_items ?? []).forEach((item, index) => {
        if (item.type !== 'prevent') return;
        // A date has no time of day: an item completed on the day the recurrence started did not
        // prevent it, so it counts as open if it was at the end of the day before.
        const fields = actionItemFields(item);
        if (!isOpen(fields, shiftDays(recurrence.date, -1))) return;
        found.push({
          original: original.id,
          recurrence: recurrence.id,
          link: via === link ? link.kind : 'chain',
          item: { index, ...fields },
          overdueDays: item.due === undefined ? null : daysBetween(item.due, recurrence.date),
        });
      });
    }
  }
  return found.sort((a, b) => {
    const ra = population.byId.get(a.recurrence)!, rb = population.byId.get(b.recurrence)!;
    const oa = population.byId.get(a.original)!, ob = population.byId.get(b.original)!;
    return byStart(ra, rb) || byStart(oa, ob) || a.item.index - b.item.index;
  });
}

export function analyseRecurrence(population: Population, links: readonly RecurrenceLink[]): RecurrenceAnalysis {
  const recurrences = new Set(links.map((l) => l.to));
  const perPeriod = new Map(population.scope.periods.map((p) => [p, { period: p, incidents: 0, recurrences: 0, rate: null as number | null }]));
  for (const c of population.incidents) {
    const row = perPeriod.get(c.period)!;
    row.incidents++;
    if (recurrences.has(c.id)) row.recurrences++;
  }
  for (const row of perPeriod.values()) row.rate = row.incidents ? round(row.recurrences / row.incidents) : null;
  const total = population.incidents.filter((c) => recurrences.has(c.id)).length;
  return {
    links: [...links],
    chains: findChains(links, population),
    preventable: findPreventable(links, population),
    perPeriod: [...perPeriod.values()],
    total: { incidents: population.incidents.length, recurrences: total, rate: population.incidents.length ? round(total / population.incidents.length) : null },
  };
}
