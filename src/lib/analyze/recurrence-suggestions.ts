import { DAY_MS, gapDays } from './calendar.ts';
import type { RecurrenceProfile } from './recurrence-profile.ts';
import { round } from './stats.ts';
import { backgroundPairs, cosine, heaviest, sharedTerms, tokenise, weigh, type TermVector, type TextIndex, type Tokenised, type Weighting } from './text-index.ts';
import type { RecurrenceSuggestion } from './types.ts';

/** Shared terms a suggestion lists as its text evidence. */
const TERMS = 5;

/**
 * The folder's background, against which a suggestion's text must stand out, is the higher of two
 * measures of how alike its postmortems are by chance, both taken from the folder itself, so the
 * threshold follows its size and writing style (docs/analysis.md has the measurements):
 * - two postmortems of different services picked at random (strangers, unless an author linked
 *   them): only one pair in 200 is as alike (RANDOM_PAIRS);
 * - an incident and its closest match, the most alike earlier incident sharing its service and
 *   root cause: most incidents recur nothing, so their closest match is a stranger. A suggestion
 *   must be far out of those scores, in the manner of Tukey's fences: above the upper quartile by
 *   twice the interquartile range (FAR_OUT). It needs MIN_MATCHES incidents with a match to count.
 */
const RANDOM_PAIRS = 0.995;
/** A word is distinctive when at most this share of the folder's postmortems (and MIN_DISTINCTIVE) use it. */
const DISTINCTIVE = 0.002;
const MIN_DISTINCTIVE = 10;
/** The distinctive words of an incident, heaviest first, that find its candidates. */
const QUERY_TERMS = 12;
/** Incidents whose closest match measures FAR_OUT: every one below that many. */
const CLOSEST_SAMPLE = 1_000;
/** Pairs drawn to measure RANDOM_PAIRS; every pair below that many. */
const PAIRS_DRAWN = 50_000;
const FAR_OUT = 2;
const MIN_MATCHES = 30;

/**
 * The text a suggested recurrence is judged by: what went wrong and why, not the story around it,
 * with root cause and title weighing most, as in duplicate bug-report retrieval (Sun et al., ASE
 * 2011). idf squared: two postmortems of one failure share its rare words (the component, the
 * error message); postmortems of one kind share only phrases. With plain idf, at 10,000 generated
 * postmortems, fewer than 1 suggestion in 5 was right; with idf squared, 9 in 10.
 */
export const RECURRENCE_TEXT: Weighting = { fields: { title: 2, rootCause: 3, trigger: 1, factors: 1.5 }, idfPower: 2 };

export interface SuggestionOptions {
  windowDays: number;
  /** The postmortems to suggest an origin for. Default: every incident that is not a draft. */
  targets?: (p: RecurrenceProfile) => boolean;
  /** The profiles' text already split into terms, in the same order. */
  tokens?: Tokenised;
}

interface Input {
  profiles: readonly RecurrenceProfile[];
  vectors: readonly TermVector[];
  index: TextIndex;
}

export interface Suggestions {
  suggestions: RecurrenceSuggestion[];
  /** Candidates over the threshold that authors dismissed with `not_recurrence_of`. */
  dismissed: number;
  threshold: number;
}

/** The structural evidence between two incidents, or undefined when they have none. */
function structure(a: RecurrenceProfile, b: RecurrenceProfile): RecurrenceSuggestion['match'] | undefined {
  if (!a.rootCauses.some((c) => b.rootCauses.includes(c))) return undefined;
  const pa = a.services[0], pb = b.services[0];
  if (pa === pb) return 'primary-service';
  if ((pa !== undefined && b.services.includes(pa)) || (pb !== undefined && a.services.includes(pb))) return 'component';
  return undefined;
}

/** Cosine of a vector against one spread into a dense array (`dense`, its norm `norm`). */
function cosineDense(dense: Float64Array, norm: number, v: TermVector): number {
  if (!norm || !v.norm) return 0;
  let sum = 0;
  for (let i = 0; i < v.terms.length; i++) sum += dense[v.terms[i]!]! * v.weights[i]!;
  return sum / (norm * v.norm);
}

interface Candidate {
  a: number;
  score: number;
  match: RecurrenceSuggestion['match'];
}

/** Whether candidate x is stronger evidence than y: more alike, then the same primary service, then later. */
function stronger(x: Candidate, y: Candidate): boolean {
  if (x.score !== y.score) return x.score > y.score;
  if (x.match !== y.match) return x.match === 'primary-service';
  return x.a > y.a;
}

/**
 * The score only one pair in 200 of the given postmortems reaches (RANDOM_PAIRS); 1 without a
 * pair. Only strangers count: pairs that share a service may be recurrences, and pairs an author
 * connected (`recurrence_of`, `related`, directly or through others) are known to be alike.
 */
function randomPairs(input: Input, docs: readonly number[]): number {
  const { profiles, vectors } = input;
  const group = linkedGroups(profiles);
  const scores = backgroundPairs(docs.length, PAIRS_DRAWN)
    .filter(([i, j]) => group(docs[i]!) !== group(docs[j]!) && !profiles[docs[i]!]!.services.some((s) => profiles[docs[j]!]!.services.includes(s)))
    .map(([i, j]) => cosine(vectors[docs[i]!]!, vectors[docs[j]!]!));
  if (!scores.length) return 1;
  scores.sort((a, b) => a - b);
  return scores[Math.ceil(RANDOM_PAIRS * scores.length) - 1]!;
}

/** Which group of author-linked postmortems each position is in. */
function linkedGroups(profiles: readonly RecurrenceProfile[]): (i: number) => number {
  const position = new Map(profiles.map((p, i) => [p.id, i]));
  const parent = profiles.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  profiles.forEach((p, i) => {
    for (const id of [...p.related, ...(p.recurrenceOf === undefined ? [] : [p.recurrenceOf])]) {
      const j = position.get(id);
      if (j !== undefined) parent[root(j)] = root(i);
    }
  });
  return root;
}

/** Tukey's far-out fence of the closest-match scores; 0 when too few incidents have a match. */
function farOut(scores: number[]): number {
  if (scores.length < MIN_MATCHES) return 0;
  scores.sort((a, b) => a - b);
  const quartile = (q: number) => scores[Math.ceil(q * scores.length) - 1]!;
  const upper = quartile(0.75);
  return upper + FAR_OUT * (upper - quartile(0.25));
}

function push(map: Map<string, number[]>, key: string, value: number) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function describe(input: Input, b: number, candidate: Candidate): RecurrenceSuggestion {
  const a = input.profiles[candidate.a]!, later = input.profiles[b]!;
  const suggestion: RecurrenceSuggestion = {
    from: a.id,
    to: later.id,
    gapDays: gapDays(a.start, later.start),
    match: candidate.match,
    shared: {
      services: a.services.filter((s) => later.services.includes(s)),
      rootCauses: a.rootCauses.filter((c) => later.rootCauses.includes(c)),
      factors: a.factors.filter((f) => later.factors.includes(f)),
    },
    score: round(candidate.score),
    terms: sharedTerms(input.index, input.vectors[candidate.a]!, input.vectors[b]!, TERMS),
  };
  if (a.trigger !== undefined && a.trigger === later.trigger) suggestion.shared.trigger = a.trigger;
  return suggestion;
}


const byStart = (a: RecurrenceProfile, b: RecurrenceProfile) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Possible recurrences: for each target without `recurrence_of`, the earlier incident within the
 * window with the strongest evidence that it repeats it. Evidence is structural — the same
 * primary service, or one's primary service among the other's services, and a shared root cause
 * (a shared trigger alone is not enough) — and textual: title, root cause, trigger and
 * contributing factors more alike than the folder's background (RANDOM_PAIRS, FAR_OUT). Candidates
 * an author dismissed with `not_recurrence_of` are never suggested. Only incidents are suggested as
 * recurrences; their origin may be an incident or a near-miss (the warning that went unheeded).
 * Game days and drafts are never origins, and make no part of the background.
 */
export function suggestRecurrences(all: readonly RecurrenceProfile[], options: SuggestionOptions): Suggestions {
  const order = all.map((_, i) => i).sort((x, y) => byStart(all[x]!, all[y]!));
  const tokens = options.tokens ?? tokenise(all.map((p) => p.text));
  const index = weigh(tokens, RECURRENCE_TEXT, (d) => !all[d]!.draft);
  const input: Input = { profiles: order.map((i) => all[i]!), vectors: order.map((i) => index.vectors[i]!), index };
  const { profiles, vectors } = input;
  const isTarget = options.targets ?? ((p: RecurrenceProfile) => !p.draft);
  const windowMs = options.windowDays * DAY_MS;
  // Candidates come from the earlier incidents that share one of the incident's distinctive
  // words, in time order: comparing every pair that shares a service and a root cause would grow
  // with the square of the folder (48 million pairs at 100,000 postmortems).
  // Counted without drafts, as the analysis never sees them: `validate` and `analyze` must agree.
  const df = new Int32Array(index.words.length);
  let counted = 0;
  vectors.forEach((v, i) => {
    if (profiles[i]!.draft) return;
    counted++;
    for (let k = 0; k < v.terms.length; k++) df[v.terms[k]!]!++;
  });
  const distinctive = Math.max(MIN_DISTINCTIVE, Math.ceil(DISTINCTIVE * counted));
  const postings: number[][] = Array.from({ length: index.words.length }, () => []);
  const best: (Candidate | undefined)[] = [];
  const closest: number[] = [];
  const dismissedScores: number[] = [];
  const seen = new Int32Array(profiles.length).fill(-1);
  const dense = new Float64Array(index.words.length);

  // The closest match of every incident in a fixed sample, spread evenly over time: enough for
  // the quartiles of FAR_OUT, and bounded however large the folder.
  const incidents = profiles.flatMap((p, i) => (p.kind === 'incident' && !p.draft && p.services.length ? [i] : []));
  const sampled = new Set(incidents.length <= CLOSEST_SAMPLE ? incidents : Array.from({ length: CLOSEST_SAMPLE }, (_, j) => incidents[Math.floor((j * incidents.length) / CLOSEST_SAMPLE)]!));
  const byPrimary = new Map<string, number[]>();
  const byService = new Map<string, number[]>();
  const key = (service: string, cause: string) => `${service}\u0000${cause}`;

  profiles.forEach((b, bi) => {
    if (!b.services.length || b.kind === 'game-day') return;
    const v = vectors[bi]!;
    const target = b.kind === 'incident' && b.recurrenceOf === undefined && isTarget(b);
    if (target || sampled.has(bi)) for (let k = 0; k < v.terms.length; k++) dense[v.terms[k]!] = v.weights[k]!;
    if (target) suggestFor(b, bi);
    const nearest = sampled.has(bi) ? closestMatch(b, bi) : -1;
    if (nearest >= 0) closest.push(nearest);
    if (target || sampled.has(bi)) for (let k = 0; k < v.terms.length; k++) dense[v.terms[k]!] = 0;
    if (b.draft) return;
    for (let k = 0; k < v.terms.length; k++) if (df[v.terms[k]!]! <= distinctive) postings[v.terms[k]!]!.push(bi);
    for (const cause of b.rootCauses) {
      push(byPrimary, key(b.services[0]!, cause), bi);
      for (const s of b.services) push(byService, key(s, cause), bi);
    }
  });

  /** How alike the most alike earlier incident that shares a service and a root cause, within the window, is; -1 when none does. */
  function closestMatch(b: RecurrenceProfile, bi: number): number {
    let nearest = -1;
    const v = vectors[bi]!;
    const lists = b.rootCauses.flatMap((cause) => [byPrimary.get(key(b.services[0]!, cause)), byService.get(key(b.services[0]!, cause)), ...b.services.map((s) => byPrimary.get(key(s, cause)))]);
    for (const list of lists) {
      for (let i = (list?.length ?? 0) - 1; i >= 0; i--) {
        const ai = list![i]!;
        const a = profiles[ai]!;
        if (b.start - a.start > windowMs) break;
        if (seen[ai] === -2 - bi || a.start >= b.start || !structure(a, b)) continue;
        seen[ai] = -2 - bi;
        nearest = Math.max(nearest, cosineDense(dense, v.norm, vectors[ai]!));
      }
    }
    return nearest;
  }

  /** The strongest candidate among the earlier incidents that share a distinctive word. */
  function suggestFor(b: RecurrenceProfile, bi: number) {
    const v = vectors[bi]!;
    const dismissed = b.notRecurrenceOf;
    const query = heaviest(Float64Array.from(v.terms, (t, k) => (df[t]! <= distinctive ? v.weights[k]! : 0)), QUERY_TERMS);
    for (const k of query) {
      const list = postings[v.terms[k]!]!;
      for (let i = list.length - 1; i >= 0; i--) {
        const ai = list[i]!;
        const a = profiles[ai]!;
        if (b.start - a.start > windowMs) break;
        if (seen[ai] === bi || a.start >= b.start) continue;
        seen[ai] = bi;
        const match = structure(a, b);
        if (!match) continue;
        const score = cosineDense(dense, v.norm, vectors[ai]!);
        if (dismissed.length && dismissed.includes(a.id)) {
          dismissedScores.push(score);
          continue;
        }
        const candidate: Candidate = { a: ai, score, match };
        const current = best[bi];
        if (!current || stronger(candidate, current)) best[bi] = candidate;
      }
    }
  }

  const background = profiles.flatMap((p, i) => (p.draft || p.kind === 'game-day' ? [] : [i]));
  const threshold = Math.max(randomPairs(input, background), farOut(closest));
  const suggestions: RecurrenceSuggestion[] = [];
  best.forEach((candidate, bi) => {
    if (candidate && candidate.score > 0 && candidate.score >= threshold) suggestions.push(describe(input, bi, candidate));
  });
  suggestions.sort((x, y) => y.score - x.score || (x.to < y.to ? -1 : x.to > y.to ? 1 : 0));
  return { suggestions, dismissed: dismissedScores.filter((s) => s > 0 && s >= threshold).length, threshold: round(threshold) };
}
