import { percent, plural, type LoadSummary, type PersonLoad, type TeamLoad } from '../../lib/index.ts';
import type { Links } from './links.ts';
import type { SiteData } from './site-data.ts';

/**
 * A team whose busiest person was in more than this share of its incidents is flagged, once it
 * has handled enough incidents for a share to say something.
 */
export const HIGH_CONCENTRATION = 0.5;
export const MIN_INCIDENTS_TO_FLAG = 3;

export interface TeamLoadRow {
  team: string;
  href: string;
  incidents: number;
  responders: number;
  /** `4 of 9`: pages outside working hours, of all pages. */
  outOfHours: string;
  hours: string;
  busiest: string;
  concentration: string;
  /** The busiest person carries more than half of the team's incidents, of 3 or more. */
  concentrated: boolean;
}

export interface PersonRow {
  who: string;
  incidents: number;
  asCommander: number;
  outOfHours: string;
  hours: string;
}

const hours = (h: number, missing: number) => `${h.toLocaleString('en')} h${missing ? ` (${missing} without hours)` : ''}`;
const pages = (outOfHours: number, all: number) => `${outOfHours} of ${all}`;

function teamRow(t: TeamLoad, links: Links): TeamLoadRow {
  return {
    team: t.team,
    href: links.value('team', t.team),
    incidents: t.incidents,
    responders: t.responders,
    outOfHours: pages(t.outOfHoursPages, t.pages),
    hours: hours(t.hours, t.hoursMissing),
    busiest: t.busiest ? `${t.busiest} (${t.busiestIncidents})` : '—',
    concentration: percent(t.concentration),
    concentrated: t.incidents >= MIN_INCIDENTS_TO_FLAG && (t.concentration ?? 0) > HIGH_CONCENTRATION,
  };
}

/** The dashboard's table: each team's load over the last 90 days. */
export function loadView(data: SiteData): { note: string; rows: TeamLoadRow[] } {
  const summary = data.analysis.responders.recent;
  return { note: loadNote(summary), rows: summary.teams.map((t) => teamRow(t, data.links)) };
}

export function personRows(people: readonly PersonLoad[]): PersonRow[] {
  return people.map((p) => ({ who: p.who, incidents: p.incidents, asCommander: p.asCommander, outOfHours: pages(p.outOfHoursPages, p.pages), hours: hours(p.hours, p.hoursMissing) }));
}

/** What a span says it covers and leaves out. */
export function loadNote(summary: LoadSummary): string {
  const span = summary.from ? `${summary.from} to ${summary.to}` : `to ${summary.to}`;
  return `${span}: ${summary.withResponders} of ${plural(summary.incidents, 'incident')} list their responders; the others are not counted. Near-misses, game days and drafts never are.`;
}

export interface TeamSpan {
  note: string;
  /** Undefined when no one of the team responded in the span. */
  team: (TeamLoadRow & { pages: number; outOfHoursPages: number }) | undefined;
  people: PersonRow[];
}

export interface TeamLoadView {
  recent: TeamSpan;
  allTime: TeamSpan;
}

/** A team's load for its page: the last 90 days and all time, with its people. */
export function teamLoad(data: SiteData, team: string): TeamLoadView {
  const of = (summary: LoadSummary): TeamSpan => {
    const own = summary.teams.find((t) => t.team === team);
    return {
      note: loadNote(summary),
      team: own && { ...teamRow(own, data.links), pages: own.pages, outOfHoursPages: own.outOfHoursPages },
      people: personRows(own?.people ?? []),
    };
  };
  return { recent: of(data.analysis.responders.recent), allTime: of(data.analysis.responders.allTime) };
}
