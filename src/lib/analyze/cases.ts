import type { Incident } from '../model.ts';
import type { Catalog } from '../schema/catalog.ts';
import { localDate, periodOf, periodsBetween } from './calendar.ts';
import { cleanFactor, groupFactorWritings } from './factor-groups.ts';
import { approximateMetrics } from './time-metrics.ts';
import type { AnalysisSettings, FactorGroup, LeftOutReason, Scope, TimeMetric } from './types.ts';

/** An incident as analysis reads it: every value precomputed once, in the form comparisons need. */
export interface Case {
  incident: Incident;
  id: string;
  kind: Incident['frontmatter']['kind'];
  /** Epoch milliseconds of `started_at`. */
  start: number;
  /** `started_at`'s date as written, `YYYY-MM-DD`. */
  date: string;
  period: string;
  severity: string;
  /** 0 for the catalog's worst severity. */
  severityRank: number;
  services: string[];
  teams: string[];
  rootCauses: string[];
  trigger: string | undefined;
  factors: string[];
  tags: string[];
  detection: string | undefined;
  customerFacing: boolean;
  /** Minutes from `started_at`; null when the timestamp is missing. */
  detect: number | null;
  mitigate: number | null;
  resolve: number | null;
  /** The durations the author marked approximate (`times_approximate`). */
  approximate: readonly TimeMetric[];
}

export interface Population {
  /** `kind: incident`, not drafts, started by the analysis date: what incident metrics count. */
  incidents: Case[];
  /** Every postmortem past draft and started by the analysis date, of any kind. */
  all: Case[];
  byId: Map<string, Case>;
  scope: Scope;
  severities: string[];
  /** Each contributing-factor value's label. */
  factorLabels: Map<string, string>;
  /** Every contributing factor with its writings. */
  factors: FactorGroup[];
}

const MINUTE_MS = 60_000;

/** Minutes from `start` to `end` (epoch milliseconds), or null without an end. */
export function minutesBetween(start: number, end: number | undefined): number | null {
  return end === undefined ? null : (end - start) / MINUTE_MS;
}

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** Incidents in time order; ties by id, so the order never depends on the file system's. */
export function byStart(a: { start: number; id: string }, b: { start: number; id: string }): number {
  return a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function buildPopulation(incidents: readonly Incident[], catalog: Catalog, settings: AnalysisSettings): Population {
  const severities = catalog.severities.map((s) => s.id);
  const teamOf = new Map(catalog.services.map((s) => [s.id, s.team]));
  const writings = new Map<string, number>();
  const factorTexts = new Map<string, string[]>();
  const leftOut: Record<LeftOutReason, string[]> = { draft: [], 'near-miss': [], 'game-day': [], 'after-as-of': [] };
  const all: Case[] = [];

  const ordered = incidents.map((incident) => ({ incident, start: incident.times.startedAt, id: incident.id })).sort(byStart);
  for (const { incident } of ordered) {
    const fm = incident.frontmatter;
    const date = localDate(fm.started_at);
    if (fm.status === 'draft') { leftOut.draft.push(incident.id); continue; }
    if (date > settings.asOf) { leftOut['after-as-of'].push(incident.id); continue; }
    if (fm.kind !== 'incident') leftOut[fm.kind].push(incident.id);
    const texts = unique((fm.contributing_factors ?? []).map(cleanFactor).filter(Boolean));
    for (const text of texts) writings.set(text, (writings.get(text) ?? 0) + 1);
    factorTexts.set(incident.id, texts);
    const { times } = incident;
    all.push({
      incident,
      id: incident.id,
      kind: fm.kind,
      start: times.startedAt,
      date,
      period: periodOf(date, settings.period),
      severity: fm.severity,
      severityRank: Math.max(0, severities.indexOf(fm.severity)),
      services: unique(fm.services),
      teams: unique(fm.services.map((s) => teamOf.get(s) ?? 'unknown')),
      rootCauses: unique(fm.root_causes ?? []),
      trigger: fm.trigger,
      factors: [],
      tags: unique(fm.tags ?? []),
      detection: fm.detection,
      customerFacing: fm.impact?.customer_facing === true,
      detect: minutesBetween(times.startedAt, times.detectedAt),
      mitigate: minutesBetween(times.startedAt, times.mitigatedAt),
      resolve: minutesBetween(times.startedAt, times.resolvedAt),
      approximate: approximateMetrics(fm.times_approximate),
    });
  }

  const grouping = groupFactorWritings(writings, catalog.contributing_factors);
  const factorIncidents = new Map<string, number>();
  for (const c of all) {
    c.factors = unique(factorTexts.get(c.id)!.map((text) => grouping.valueByWriting.get(text)!));
    if (c.kind === 'incident') for (const f of c.factors) factorIncidents.set(f, (factorIncidents.get(f) ?? 0) + 1);
  }
  const factors: FactorGroup[] = grouping.groups.map((g) => ({
    value: g.value,
    label: g.label,
    declared: g.declared,
    incidents: factorIncidents.get(g.value) ?? 0,
    writings: g.writings,
    ...(g.declared ? {} : { suggestedId: g.value.split(' ').slice(0, 6).join('-').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'factor' }),
  }));
  // Declared factors keep the catalog's order; clusters come most shared first.
  factors.sort((a, b) => (a.declared === b.declared ? (a.declared ? 0 : b.incidents - a.incidents || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)) : a.declared ? -1 : 1));

  const counted = all.filter((c) => c.kind === 'incident');
  const first = counted[0]?.period;
  const lastIncident = counted.at(-1)?.period;
  const asOfPeriod = periodOf(settings.asOf, settings.period);
  const scope: Scope = {
    incidents: counted.length,
    nearMisses: leftOut['near-miss'].length,
    gameDays: leftOut['game-day'].length,
    leftOut,
    // biome-ignore lint/complexity/useMathMinMax: periods are `YYYY-MM` strings, which Math.max cannot compare
    periods: first ? periodsBetween(first, lastIncident! > asOfPeriod ? lastIncident! : asOfPeriod, settings.period) : [],
  };
  if (counted[0]) scope.first = counted[0].date;
  if (counted.length) scope.last = counted.at(-1)!.date;
  return { incidents: counted, all, byId: new Map(all.map((c) => [c.id, c])), scope, severities, factorLabels: grouping.labelOf, factors };
}
