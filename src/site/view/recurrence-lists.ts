import { plural, RECURRENCE_KINDS, type RecurrenceKind, type RecurrenceSuggestion, type RecurrenceWithItems } from '../../lib/index.ts';
import { familiesView, type FamiliesView } from './families.ts';
import { promiseState, type PromiseView } from './promises.ts';
import { KIND_WORDS, type KindBadge } from './recurrence-kind.ts';
import { incidentLink, type SiteData } from './site-data.ts';

type Linked = { title: string; href: string | undefined };

/** A confirmed recurrence in a list of its kind: when it started, what it repeats, and the items that explain its kind. */
export interface RecurrenceRowView {
  /** The recurrence's start date. */
  date: string;
  recurrence: Linked;
  origin: Linked & { date: string };
  /** How long before the recurrence the origin started: `98 days earlier`. */
  gap: string;
  /** The origin's prevent items the kind is about: overdue ones for a preventable recurrence, all of them after the fix. */
  items: (Pick<PromiseView, 'title' | 'ticket' | 'atStart' | 'since'> & { meta: string })[];
}

export interface KindListView {
  kind: RecurrenceKind;
  /** The id of its section, on every page that lists it. */
  anchor: string;
  heading: string;
  explanation: string;
  badge: KindBadge;
  total: number;
  /** Newest first, at most the limit. */
  rows: RecurrenceRowView[];
  /** Where all of them are listed. */
  href: string;
}

/** The page that lists every recurrence; the dashboard and the patterns page list the first of each list. */
export const RECURRENCES_PAGE = '/recurrences/';

export const KIND_ANCHORS: Record<RecurrenceKind, string> = {
  preventable: 'preventable',
  recurredAfterFix: 'after-fix',
  recurredBeforeDue: 'before-due',
  recurredWithoutDueDate: 'no-due-date',
};

function dateOf(data: SiteData, id: string): string {
  return data.byId.get(id)?.frontmatter.started_at.slice(0, 10) ?? '';
}

export function recurrenceRow(data: SiteData, entry: RecurrenceWithItems): RecurrenceRowView {
  const date = dateOf(data, entry.id);
  const gap = data.linkTo.get(entry.id)?.gapDays;
  return {
    date,
    recurrence: incidentLink(data, entry.id),
    origin: { ...incidentLink(data, entry.origin), date: dateOf(data, entry.origin) },
    gap: gap === undefined ? '' : `${plural(Math.round(gap), 'day')} earlier`,
    items: entry.items.map((item) => {
      const row = data.itemsOf.get(item.incident)?.[item.index];
      return {
        title: item.title,
        ticket: item.ticket ?? undefined,
        meta: `${item.priority} · ${item.owner}`,
        ...(row ? promiseState(row, date) : { atStart: { text: item.status, tone: 'muted' as const }, since: undefined }),
      };
    }),
  };
}

/** The confirmed recurrences of one kind, newest first, at most `limit` of them. */
export function kindList(data: SiteData, kind: RecurrenceKind, limit: number): KindListView {
  const entries = data.analysis.recurrence[kind];
  const words = KIND_WORDS[kind];
  return {
    kind,
    anchor: KIND_ANCHORS[kind],
    heading: words.heading,
    explanation: words.explanation,
    badge: words.badge,
    total: entries.length,
    // The analysis lists them oldest first.
    rows: (limit > 0 ? entries.slice(-limit) : []).reverse().map((e) => recurrenceRow(data, e)),
    href: data.links.page(`${RECURRENCES_PAGE}#${KIND_ANCHORS[kind]}`),
  };
}

/** Every kind, preventable first, then the fix that did not work, then before the due date, then without one. */
export function kindLists(data: SiteData, limit: number): KindListView[] {
  return RECURRENCE_KINDS.map((kind) => kindList(data, kind, limit));
}

export interface SuggestionRowView {
  score: string;
  date: string;
  incident: Linked;
  origin: Linked;
  /** `76 days later`. */
  gap: string;
  shared: string;
}

/** Possible recurrences, most alike first, at most `limit` of them. */
export function suggestionRows(data: SiteData, suggestions: readonly RecurrenceSuggestion[], limit: number): SuggestionRowView[] {
  return suggestions.slice(0, limit).map((s) => ({
    score: s.score.toFixed(2),
    date: dateOf(data, s.to),
    incident: incidentLink(data, s.to),
    origin: incidentLink(data, s.from),
    gap: `${plural(Math.round(s.gapDays), 'day')} later`,
    shared: [...s.shared.services, ...s.shared.rootCauses].join(', '),
  }));
}

/** The counts that open every list of recurrences: confirmed ones by kind, and the suggestions apart. */
export interface RecurrenceSummaryView {
  /** `5 confirmed recurrences in 2 families:`. */
  lead: string;
  /** Each kind's count, linked to its list. */
  kinds: { count: number; text: string; href: string; tone: KindBadge['tone'] }[];
  /** `1 whose earlier incident recorded no prevent item`, when there are such. */
  unjudged: string | undefined;
  /** `3 possible recurrences not yet confirmed`, linked to their list; undefined when there are none. */
  suggestions: { text: string; href: string } | undefined;
}

/** `page` is where the lists are: the full page, or the one the summary heads. */
export function recurrenceSummary(data: SiteData, page: string): RecurrenceSummaryView {
  const { recurrence, headline } = data.analysis;
  const at = (anchor: string) => data.links.page(`${page}#${anchor}`);
  const kinds = RECURRENCE_KINDS.map((kind) => ({ count: recurrence[kind].length, text: KIND_WORDS[kind].counted, href: at(KIND_ANCHORS[kind]), tone: KIND_WORDS[kind].badge.tone }));
  const unjudged = headline.recurrences - kinds.reduce((n, k) => n + k.count, 0);
  return {
    lead: `${plural(headline.recurrences, 'confirmed recurrence')} in ${plural(recurrence.families.length, 'family', 'families')}:`,
    kinds,
    unjudged: unjudged > 0 ? `${unjudged} whose earlier incident recorded no prevent item` : undefined,
    suggestions: headline.suggestedRecurrences
      ? { text: `${plural(headline.suggestedRecurrences, 'possible recurrence')} not yet confirmed`, href: at('suggestions') }
      : undefined,
  };
}

/** Every list of recurrences a page shows: families by status, the suggestions, and each kind. */
export interface RecurrenceSectionsView {
  summary: RecurrenceSummaryView;
  families: FamiliesView & { href: string };
  suggestions: { rows: SuggestionRowView[]; total: number; href: string };
  kinds: KindListView[];
}

/** The lists, each cut to `limits`; `page` is the page they are on, for the summary's links. */
export function recurrenceSections(data: SiteData, page: string, limits: { families: number; suggestions: number; kinds: number }): RecurrenceSectionsView {
  const all = (anchor: string) => data.links.page(`${RECURRENCES_PAGE}#${anchor}`);
  const { suggestions } = data.analysis.recurrence;
  return {
    summary: recurrenceSummary(data, page),
    families: { ...familiesView(data, limits.families), href: all('families') },
    suggestions: { rows: suggestionRows(data, suggestions, limits.suggestions), total: suggestions.length, href: all('suggestions') },
    kinds: kindLists(data, limits.kinds),
  };
}

/** The recurrences page lists each list whole, up to this many: a folder of 10,000 postmortems has about 600 families. */
const PAGE_LIMIT = 2_000;

export function recurrencesPageView(data: SiteData): RecurrenceSectionsView {
  return recurrenceSections(data, RECURRENCES_PAGE, { families: PAGE_LIMIT, suggestions: PAGE_LIMIT, kinds: PAGE_LIMIT });
}
