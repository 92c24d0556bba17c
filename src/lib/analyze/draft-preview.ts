import type { Incident } from '../model.ts';
import type { Catalog } from '../schema/catalog.ts';
import { analyseActionItems } from './action-items.ts';
import { connectedGroups, populationProfiles, SIMILARITY_TEXT } from './analyze.ts';
import { buildPopulation } from './cases.ts';
import { confirmedLinks } from './recurrence.ts';
import { findFamilies } from './recurrence-families.ts';
import { classifyRecurrences, RECURRENCE_KINDS, type RecurrenceKind } from './recurrence-prevent.ts';
import { profileOf } from './recurrence-profile.ts';
import { suggestRecurrences } from './recurrence-suggestions.ts';
import { backgroundThreshold, rankSimilar, similarIncident } from './similarity.ts';
import { dot, tokenise, weigh } from './text-index.ts';
import type { ActionItemRow, Analysis, RecurrenceFamily, RecurrenceLink, RecurrenceSuggestion, RecurrenceWithItems, SimilarIncident } from './types.ts';

/** What a draft's page shows while it is written, as the analysis would say it once the draft is published. */
export interface DraftPreview {
  id: string;
  /** Its action items, judged on the analysis date. */
  actionItems: ActionItemRow[];
  /** The recurrence its `recurrence_of` confirms, and what its origin's prevent items make it. */
  link: RecurrenceLink | undefined;
  kind: { kind: RecurrenceKind; entry: RecurrenceWithItems } | undefined;
  /** The family it joins, with it in it. */
  family: RecurrenceFamily | undefined;
  /** The earlier incident it most likely repeats, when it names none. */
  suggestion: RecurrenceSuggestion | undefined;
  similar: SimilarIncident[];
}

/** A draft as if published: the status is all that keeps a postmortem out of the analysis. */
function asPublished(draft: Incident): Incident {
  return { ...draft, frontmatter: { ...draft.frontmatter, status: 'in-review' } };
}

/**
 * What each draft's page shows in the writer's preview (`npm run dev`): its suggested recurrence,
 * its similar incidents, what the incident it repeats promised, its family and its action items,
 * each computed as the analysis computes it, against `analysed` (the postmortems `analysis` was
 * computed from). Nothing of the analysis changes: a draft joins no folder statistic (text
 * weights, backgrounds, thresholds), no count and no other incident's list; each draft is
 * judged alone, as if it were the only one published.
 */
export function previewDrafts(drafts: readonly Incident[], analysed: readonly Incident[], catalog: Catalog, analysis: Analysis): DraftPreview[] {
  if (!drafts.length) return [];
  const { settings } = analysis;
  const population = buildPopulation(analysed, catalog, settings);
  // Drafts last, marked so: the text statistics and the background come from the others alone.
  const profiles = [
    ...populationProfiles(population),
    // Profiled as drafts whatever their status says: a draft profile is never an origin or part of a background.
    ...drafts.map((d) => profileOf(d.id, { ...d.frontmatter, status: 'draft' }, d.body.markdown, d.times.startedAt)),
  ];
  const tokens = tokenise(profiles.map((p) => p.text));
  const published = population.all.length;
  const { suggestions } = suggestRecurrences(profiles, { windowDays: settings.recurrenceWindowDays, tokens, targets: (p) => p.draft });
  const suggestionFor = new Map(suggestions.map((s) => [s.to, s]));
  const index = weigh(tokens, SIMILARITY_TEXT, (doc) => doc < published);
  const threshold = backgroundThreshold(index.vectors.slice(0, published));
  const group = connectedGroups(population);
  const familyOf = new Map(analysis.recurrence.families.flatMap((f) => f.members.map((m) => [m.id, f] as const)));
  const byId = new Map(analysed.map((i) => [i.id, i]));

  return drafts.map((draft, k) => {
    const v = index.vectors[published + k]!;
    const named = [...(draft.frontmatter.related ?? []), ...(draft.frontmatter.recurrence_of === undefined ? [] : [draft.frontmatter.recurrence_of])];
    const linkedGroups = new Set(named.map((id) => (byId.has(id) ? group(id) : id)));
    const scored = population.all.map((_, other) => ({ other, score: dot(v, index.vectors[other]!) }));
    const similar = rankSimilar(scored, threshold, settings.similarPerIncident)
      .map((r) => similarIncident(index, v, r, population.all[r.other]!.id, linkedGroups.has(group(population.all[r.other]!.id))));

    // Its recurrence, family and items: the analysis' own functions over the family it joins and the draft.
    const origin = draft.frontmatter.recurrence_of;
    const family = origin === undefined ? undefined : familyOf.get(origin);
    const related = family ? family.members.map((m) => byId.get(m.id)!) : origin !== undefined && byId.has(origin) ? [byId.get(origin)!] : [];
    const small = buildPopulation([...related, asPublished(draft)], catalog, settings);
    const links = confirmedLinks(small);
    const link = links.find((l) => l.to === draft.id);
    const actionItems = analyseActionItems(small, settings).items;
    const kinds = link ? classifyRecurrences(small, [link]) : undefined;
    const kind = kinds && RECURRENCE_KINDS.flatMap((name) => kinds[name].map((entry) => ({ kind: name, entry })))[0];
    return {
      id: draft.id,
      actionItems: actionItems.filter((i) => i.incident === draft.id),
      link,
      kind,
      family: link ? findFamilies(small, links, actionItems, settings.asOf, settings.recurrenceWindowDays).find((f) => f.members.some((m) => m.id === draft.id)) : undefined,
      suggestion: suggestionFor.get(draft.id),
      similar,
    };
  });
}
