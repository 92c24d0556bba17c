import type { Responder } from '../schema/responder.ts';
import type { Weekday, WorkingHours } from '../schema/working-hours.ts';
import type { Case, Population } from './cases.ts';
import { groupBy } from './groups.ts';
import { round } from './stats.ts';
import { shiftDays } from './calendar.ts';
import { WINDOW_DAYS } from './windows.ts';
import type { AnalysisSettings, LoadSummary, PersonLoad, ResponderAnalysis, TeamLoad } from './types.ts';

const WEEKDAY_OF_UTC_DAY: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * Whether a page came outside working hours, read on the clock of its own offset: a page at
 * 03:10+01:00 is at night for the person paged, whatever the zone of the incident or the build.
 */
export function outsideWorkingHours(pagedAt: string, hours: WorkingHours): boolean {
  const text = pagedAt.trim();
  const date = text.slice(0, 10);
  const time = text.slice(11, 16);
  const weekday = WEEKDAY_OF_UTC_DAY[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
  return !hours.days.includes(weekday) || time < hours.start || time >= hours.end;
}

/** One responder entry of one incident. */
interface Entry {
  incident: string;
  who: string;
  team: string;
  role: Responder['role'];
  hours: number | undefined;
  paged: boolean;
  outOfHours: boolean;
}

/** The responders of incidents, one entry per person and incident: a person listed twice counts once. */
export function responderEntries(cases: readonly Case[], hours: WorkingHours): Entry[] {
  const entries: Entry[] = [];
  for (const c of cases) {
    const seen = new Map<string, Entry>();
    for (const r of c.incident.frontmatter.responders ?? []) {
      const who = r.who.trim();
      const earlier = seen.get(who);
      const paged = r.paged_at !== undefined;
      const outOfHours = paged && outsideWorkingHours(r.paged_at!, hours);
      if (earlier) {
        // Two roles for one person: their hours add up; one page is enough to count as paged.
        if (r.hours !== undefined) earlier.hours = (earlier.hours ?? 0) + r.hours;
        earlier.paged ||= paged;
        earlier.outOfHours ||= outOfHours;
        if (r.role === 'incident-commander') earlier.role = r.role;
        continue;
      }
      const entry: Entry = { incident: c.id, who, team: r.team, role: r.role, hours: r.hours, paged, outOfHours };
      seen.set(who, entry);
      entries.push(entry);
    }
  }
  return entries;
}

const byLoad = (a: { incidents: number; key: string }, b: { incidents: number; key: string }) =>
  b.incidents - a.incidents || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

function people(entries: readonly Entry[]): PersonLoad[] {
  const rows = [...groupBy(entries, (e) => [e.who])].map(([who, own]): PersonLoad => {
    const teams = [...groupBy(own, (e) => [e.team])].map(([key, list]) => ({ key, incidents: list.length })).sort(byLoad).map((t) => t.key);
    const withHours = own.filter((e) => e.hours !== undefined);
    return {
      who,
      teams,
      incidents: own.length,
      asCommander: own.filter((e) => e.role === 'incident-commander').length,
      hours: round(withHours.reduce((sum, e) => sum + e.hours!, 0), 2),
      hoursMissing: own.length - withHours.length,
      pages: own.filter((e) => e.paged).length,
      outOfHoursPages: own.filter((e) => e.outOfHours).length,
    };
  });
  return rows.sort((a, b) => byLoad({ incidents: a.incidents, key: a.who }, { incidents: b.incidents, key: b.who }));
}

function team(key: string, entries: readonly Entry[]): TeamLoad {
  const members = people(entries);
  const incidents = new Set(entries.map((e) => e.incident)).size;
  const busiest = members[0];
  return {
    team: key,
    incidents,
    responders: members.length,
    hours: round(members.reduce((sum, p) => sum + p.hours, 0), 2),
    hoursMissing: members.reduce((sum, p) => sum + p.hoursMissing, 0),
    pages: members.reduce((sum, p) => sum + p.pages, 0),
    outOfHoursPages: members.reduce((sum, p) => sum + p.outOfHoursPages, 0),
    busiest: busiest?.who ?? null,
    busiestIncidents: busiest?.incidents ?? 0,
    concentration: busiest && incidents ? round(busiest.incidents / incidents) : null,
    people: members,
  };
}

function summary(cases: readonly Case[], hours: WorkingHours, from: string | null, to: string, teamOrder: readonly string[]): LoadSummary {
  const entries = responderEntries(cases, hours);
  const byTeam = groupBy(entries, (e) => [e.team], teamOrder);
  return {
    from,
    to,
    incidents: cases.length,
    withResponders: new Set(entries.map((e) => e.incident)).size,
    people: people(entries),
    teams: [...byTeam].filter(([, list]) => list.length).map(([key, list]) => team(key, list)),
  };
}

/** Who handled the incidents, per person and per team, over all time and over the last 90 days. */
export function analyseResponders(population: Population, settings: AnalysisSettings, teamOrder: readonly string[]): ResponderAnalysis {
  const from = shiftDays(settings.asOf, -(WINDOW_DAYS - 1));
  const recent = population.incidents.filter((c) => c.date >= from);
  return {
    allTime: summary(population.incidents, settings.workingHours, population.scope.first ?? null, settings.asOf, teamOrder),
    recent: summary(recent, settings.workingHours, from, settings.asOf, teamOrder),
  };
}
