import {
  groupBy,
  isOnSite,
  RECURRENCE_KINDS,
  severeSeverities as severeOf,
  type ActionItemRow,
  type Analysis,
  type Catalog,
  type DraftPreview,
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
  /** The durations the time metrics count: incidents only. */
  durationsOf: Map<string, IncidentDurations>;
  /** The possible recurrences suggested of an incident: those that may repeat it. */
  suggestionsFrom: Map<string, RecurrenceSuggestion[]>;
  /** What the origin's prevent items make each confirmed recurrence: preventable, after the fix… */
  kindOf: Map<string, { kind: RecurrenceKind; entry: RecurrenceWithItems }>;
  /** Incidents confirmed to recur an earlier one, and those that recurred while a prevent item of their origin was overdue. */
  recurrences: Set<string>;
  preventable: Set<string>;
  /** The program files, by id, for their bodies; what they mean is in `analysis.programs`. */
  programs: Map<string, Program>;
  /** In the writer's preview, what each draft's page shows, computed beside the analysis (`previewDrafts`). */
  previews: Map<string, DraftPreview>;
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
  /** The drafts' previews, when drafts are shown. Default none. */
  previews?: readonly DraftPreview[] | undefined;
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
  // A draft is in no list of the analysis; its page marks itself in the family it would join.
  for (const preview of input.previews ?? []) if (preview.kind) kindOf.set(preview.id, preview.kind);
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
    durationsOf: new Map(analysis.durations.map((d) => [d.id, d])),
    suggestionsFrom: groupBy(analysis.recurrence.suggestions, (s) => [s.from]),
    kindOf,
    recurrences: new Set(analysis.recurrence.links.map((l) => l.to)),
    preventable: new Set(analysis.recurrence.preventable.map((p) => p.id)),
    programs: new Map((input.programs ?? []).map((p) => [p.id, p])),
    previews: new Map((input.previews ?? []).map((p) => [p.id, p])),
  };
}

/** What the analysis computed for one incident, as its page shows it. */
export interface IncidentFindings {
  items: ActionItemRow[];
  /** The recurrence its authors confirmed, and what its origin's prevent items make it. */
  link: RecurrenceLink | undefined;
  kind: { kind: RecurrenceKind; entry: RecurrenceWithItems } | undefined;
  suggestion: RecurrenceSuggestion | undefined;
  family: RecurrenceFamily | undefined;
  similar: SimilarIncident[];
}

/** For a draft in the writer's preview, what its preview computed; otherwise what the analysis did. */
export function findingsOf(data: SiteData, id: string): IncidentFindings {
  const preview = data.previews.get(id);
  if (preview) return { items: preview.actionItems, link: preview.link, kind: preview.kind, suggestion: preview.suggestion, family: preview.family, similar: preview.similar };
  return {
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
