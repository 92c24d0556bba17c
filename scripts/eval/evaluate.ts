/**
 * One corpus' report: an analysis' claims measured against the truth. Only what the analysis could
 * see is expected of it: a pair with a draft (or a postmortem that failed validation) on either
 * side is left out of the truth and counted apart.
 */
import { claimsOf, type ClaimsSource } from './claims.ts';
import {
  exactFamilies, groupsOf, hitRateAtK, pairKey, precisionAtK, ratio, scorePairs, sizeStats, type PairScore, type SizeStats,
} from './metrics.ts';
import type { EvalTruth, Pair } from './truth.ts';

/** What the evaluation needs of each postmortem that loaded without errors. */
export interface Postmortem {
  id: string;
  rootCauses: readonly string[];
  recurrenceOf: string | undefined;
}

export interface Report {
  corpus: string;
  /** Files with errors: not loaded, so not analysed. */
  invalid: number;
  /** Postmortems loaded without errors; `analysed` of them in the analysis, `incidents` of those `kind: incident`. */
  postmortems: number;
  analysed: number;
  incidents: number;
  truth: {
    recurrences: number;
    /** Of them, written as `recurrence_of`. */
    explicit: number;
    unlinked: number;
    /** Null when the truth does not list preventable recurrences. */
    preventable: number | null;
    /** True pairs left out because one side is not in the analysis. */
    outOfScope: number;
    /** Pairs judged `arguable`: claims of them are not scored, either way. */
    arguable: number;
    /** Whether people judged the pairs, rather than a generator planting them. */
    judged: boolean;
  };
  /** Confirmed links against the true pairs written as `recurrence_of`. */
  links: PairScore;
  /** Suggestions against the true pairs nobody wrote. */
  suggestions: PairScore & {
    /** Share of suggested pairs whose two incidents are in one true family, even if not a direct pair. */
    sameFamily: number | null;
    /** Suggestions matching a true pair, an arguable one (left out of the scores), and a pair judged not to be one. */
    accepted: number;
    arguable: number;
    rejected: number;
  };
  /** Recurrences ÷ incidents. */
  rate: { claimed: number | null; confirmed: number | null; suggested: number | null; truth: number | null };
  families: { claimed: SizeStats; truth: SizeStats; exact: number };
  /** Against the true preventable recurrences whose link is written; null without that truth. */
  preventable: (PairScore & { recurrences: number }) | null;
  similar: {
    /** Postmortems with at least one similar incident. */
    queries: number;
    coverage: number | null;
    atOne: number | null;
    atFive: number | null;
    /** Incidents of a true family with another member of it among their first five. */
    familyHitAtFive: number | null;
  };
}

export function evaluate(input: { corpus: string; analysis: ClaimsSource; postmortems: readonly Postmortem[]; truth: EvalTruth; invalid?: number }): Report {
  const { truth } = input;
  const claims = claimsOf(input.analysis);
  const outside = new Set([...(claims.leftOut.draft ?? []), ...(claims.leftOut['after-as-of'] ?? [])]);
  const quiet = new Set([...(claims.leftOut['near-miss'] ?? []), ...(claims.leftOut['game-day'] ?? [])]);
  const byId = new Map(input.postmortems.map((p) => [p.id, p]));
  const analysed = input.postmortems.filter((p) => !outside.has(p.id)).map((p) => p.id);
  const inAnalysis = new Set(analysed);
  const incidents = new Set(analysed.filter((id) => !quiet.has(id)));

  const seen = (pair: Pair) => inAnalysis.has(pair.origin) && inAnalysis.has(pair.id);
  const explicitOf = (pair: Pair & { explicit: boolean | undefined }) => pair.explicit ?? byId.get(pair.id)?.recurrenceOf === pair.origin;
  const recurrences = truth.recurrences.filter(seen);
  const explicit = recurrences.filter(explicitOf);
  const unlinked = recurrences.filter((r) => !explicitOf(r));

  const trueFamilies = groupsOf(recurrences);
  const familyOf = new Map(trueFamilies.flatMap((family, i) => family.map((id) => [id, i] as const)));
  const sameFamily = (a: string, b: string) => familyOf.has(a) && familyOf.get(a) === familyOf.get(b);

  // A claim of an arguable pair is neither right nor wrong: it leaves the scores.
  const uncertainKeys = new Set(truth.uncertain.map(pairKey));
  const scored = (pairs: readonly Pair[]) => pairs.filter((p) => !uncertainKeys.has(pairKey(p)));
  const confirmedKeys = new Set(claims.confirmed.map(pairKey));
  const allSuggestions = claims.suggestions.filter((s) => !confirmedKeys.has(pairKey(s)));
  const suggestions = scored(allSuggestions);
  const suggestionKeys = new Set(allSuggestions.map(pairKey));
  const trueKeys = new Set(recurrences.map(pairKey));
  const rejectedKeys = new Set(truth.rejected.map(pairKey));
  const countIn = (keys: Set<string>) => [...suggestionKeys].filter((k) => keys.has(k)).length;
  const suggestedPairs = [...new Map(suggestions.map((s) => [pairKey(s), s])).values()];

  const confirmedTargets = new Set(claims.confirmed.map((l) => l.id).filter((id) => incidents.has(id)));
  const suggestedTargets = new Set(allSuggestions.map((s) => s.id).filter((id) => incidents.has(id) && !confirmedTargets.has(id)));
  const trueTargets = new Set(recurrences.map((r) => r.id).filter((id) => incidents.has(id)));

  const rootCauses = (id: string) => byId.get(id)?.rootCauses ?? [];
  const relevant = (a: string, b: string) => sameFamily(a, b)
    || (truth.mechanisms[a] !== undefined && truth.mechanisms[a] === truth.mechanisms[b])
    || rootCauses(a).some((c) => rootCauses(b).includes(c));
  const shown = analysed.filter((id) => (claims.similar.get(id) ?? []).length > 0).length;

  let preventable: Report['preventable'] = null;
  if (truth.preventable) {
    const expected = truth.preventable.filter((p) => seen(p) && explicitOf(p));
    preventable = { ...scorePairs(scored(claims.preventable), expected), recurrences: new Set(claims.preventable.map((p) => p.id)).size };
  }

  return {
    corpus: input.corpus,
    invalid: input.invalid ?? 0,
    postmortems: input.postmortems.length,
    analysed: analysed.length,
    incidents: incidents.size,
    truth: {
      recurrences: recurrences.length,
      explicit: explicit.length,
      unlinked: unlinked.length,
      preventable: truth.preventable ? truth.preventable.filter((p) => seen(p) && explicitOf(p)).length : null,
      outOfScope: truth.recurrences.length - recurrences.length,
      arguable: truth.uncertain.length,
      judged: truth.judged,
    },
    links: scorePairs(scored(claims.confirmed), explicit),
    suggestions: {
      ...scorePairs(suggestions, unlinked),
      sameFamily: ratio(suggestedPairs.filter((s) => sameFamily(s.origin, s.id)).length, suggestedPairs.length),
      accepted: countIn(trueKeys),
      arguable: countIn(uncertainKeys),
      rejected: countIn(rejectedKeys),
    },
    rate: {
      claimed: ratio(confirmedTargets.size + suggestedTargets.size, incidents.size),
      confirmed: ratio(confirmedTargets.size, incidents.size),
      suggested: ratio(suggestedTargets.size, incidents.size),
      truth: ratio(trueTargets.size, incidents.size),
    },
    families: { claimed: sizeStats(claims.families), truth: sizeStats(trueFamilies), exact: exactFamilies(claims.families, trueFamilies) },
    preventable,
    similar: {
      queries: shown,
      coverage: ratio(shown, analysed.length),
      atOne: precisionAtK(claims.similar, relevant, 1),
      atFive: precisionAtK(claims.similar, relevant, 5),
      familyHitAtFive: hitRateAtK(claims.similar, [...familyOf.keys()], sameFamily, 5),
    },
  };
}
