import {
  groupBy,
  isOnSite,
  RECURRENCE_KINDS,
  severeSeverities as severeOf,
  type ActionItemRow,
  type Analysis,
  type Catalog,
  type Incident,
  type IncidentDurations,
  type Program,
  type RecurrenceFamily,
  type RecurrenceKind,
  type RecurrenceLink,
  type RecurrenceSuggestion,
  type RecurrenceWithItems,
  type SimilarIncident,
} from '../../lib/index.ts';
import { siteLinks, type Links } from './links.ts';

/** Everything the pages show: the postmortems on the site, the catalog, the analysis, and lookups into them. */
export interface SiteData {
  /** The postmortems with a page (`isOnSite`), newest first. */
  incidents: Incident[];
  byId: Map<string, Incident>;
  catalog: Catalog;
  analysis: Analysis;
  /** The analysis the trend charts draw: by quarter when months are too thin to draw a line. */
  trends: Analysis;
  /** Postmortems loaded but not on the site: drafts. */
  leftOut: number;
  links: Links;
  /** Lookups by incident id into what the analysis computed. */
  itemsOf: Map<string, ActionItemRow[]>;
  linksFrom: Map<string, RecurrenceLink[]>;
  linkTo: Map<string, RecurrenceLink>;
  /** The recurrence family an incident belongs to, and the possible recurrence suggested for it. */
  familyOf: Map<string, RecurrenceFamily>;
  suggestionFor: Map<string, RecurrenceSuggestion>;
  /** The possible recurrences suggested of an incident: those that may repeat it. */
  suggestionsFrom: Map<string, RecurrenceSuggestion[]>;
  /** What the origin's prevent items make each confirmed recurrence: preventable, after the fix… */
  kindOf: Map<string, { kind: RecurrenceKind; entry: RecurrenceWithItems }>;
  durationsOf: Map<string, IncidentDurations>;
  /** Incidents confirmed to recur an earlier one, and those that recurred while a prevent item of their origin was overdue. */
  recurrences: Set<string>;
  preventable: Set<string>;
  /** The program files, by id, for their bodies; what they mean is in `analysis.programs`. */
  programs: Map<string, Program>;
}

export interface SiteInput {
  /** Every postmortem loaded, drafts included. */
  incidents: readonly Incident[];
  catalog: Catalog;
  analysis: Analysis;
  /** The same analysis by quarter, when the trend charts need it. */
  trends?: Analysis | undefined;
  /** Drafts too, for the writer's preview. */
  drafts: boolean;
  /** The site's base path, `/` or e.g. `/postmortems/`. */
  base: string;
  /** The programs loaded. Default none. */
  programs?: readonly Program[] | undefined;
}

export function buildSiteData(input: SiteInput): SiteData {
  const { analysis } = input;
  const incidents = input.incidents
    .filter((i) => isOnSite(i.frontmatter.status, { drafts: input.drafts }))
    .sort((a, b) => b.times.startedAt - a.times.startedAt || (a.id < b.id ? -1 : 1));
  const familyOf = new Map<string, RecurrenceFamily>();
  for (const family of analysis.recurrence.families) for (const m of family.members) familyOf.set(m.id, family);
  const kindOf: SiteData['kindOf'] = new Map();
  for (const kind of RECURRENCE_KINDS) for (const entry of analysis.recurrence[kind]) kindOf.set(entry.id, { kind, entry });
  return {
    incidents,
    byId: new Map(incidents.map((i) => [i.id, i])),
    catalog: input.catalog,
    analysis,
    trends: input.trends ?? analysis,
    leftOut: input.incidents.length - incidents.length,
    links: siteLinks(input.base),
    itemsOf: groupBy(analysis.actionItems.items, (i) => [i.incident]),
    linksFrom: groupBy(analysis.recurrence.links, (l) => [l.from]),
    linkTo: new Map(analysis.recurrence.links.map((l) => [l.to, l])),
    familyOf,
    suggestionFor: new Map(analysis.recurrence.suggestions.map((s) => [s.to, s])),
    suggestionsFrom: groupBy(analysis.recurrence.suggestions, (s) => [s.from]),
    kindOf,
    durationsOf: new Map(analysis.durations.map((d) => [d.id, d])),
    recurrences: new Set(analysis.recurrence.links.map((l) => l.to)),
    preventable: new Set(analysis.recurrence.preventable.map((p) => p.id)),
    programs: new Map((input.programs ?? []).map((p) => [p.id, p])),
  };
}

/** What the analysis computed for one incident, as its page shows it. */
export interface IncidentFindings {
  durations: IncidentDurations | undefined;
  items: ActionItemRow[];
  /** The recurrence its authors confirmed, and what its origin's prevent items make it. */
  link: RecurrenceLink | undefined;
  kind: { kind: RecurrenceKind; entry: RecurrenceWithItems } | undefined;
  suggestion: RecurrenceSuggestion | undefined;
  family: RecurrenceFamily | undefined;
  similar: SimilarIncident[];
}

export function findingsOf(data: SiteData, id: string): IncidentFindings {
  return {
    durations: data.durationsOf.get(id),
    items: data.itemsOf.get(id) ?? [],
    link: data.linkTo.get(id),
    kind: data.kindOf.get(id),
    suggestion: data.suggestionFor.get(id),
    family: data.familyOf.get(id),
    similar: data.analysis.similarity.byIncident[id] ?? [],
  };
}

/** An incident's title, or its id when it has no page. */
export function titleOf(data: SiteData, id: string): string {
  return data.byId.get(id)?.frontmatter.title ?? id;
}

/** A link to an incident's page, or none when it has no page (a draft, an unknown id). */
export function incidentLink(data: SiteData, id: string): { title: string; href: string | undefined } {
  return { title: titleOf(data, id), href: data.byId.has(id) ? data.links.incident(id) : undefined };
}

/** The catalog's severities that count as severe (the core's `severeSeverities`: its two worst). */
export function severeSeverities(catalog: Catalog): string[] {
  return severeOf(catalog.severities.map((s) => s.id));
}
