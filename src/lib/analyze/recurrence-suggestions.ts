import type { RecurrenceProfile } from './recurrence-profile.ts';
import { round } from './stats.ts';
import { sharedTerms, tokenise, weigh, type FieldWeights, type TermVector, type TextIndex, type Tokenised } from './text-index.ts';
import type { RecurrenceSuggestion } from './types.ts';

const DAY_MS = 86_400_000;
const TERMS = 5;

/**
 * How far above the folder's background a pair's text must be. The background is the similarity
 * of the pairs that share a service and a root cause within the window: most of them are not
 * recurrences (two incidents of one database, both capacity problems, months apart), so the
 * pairs that are stand out of that distribution. `upper` is its upper quartile, and a suggestion
 * needs `upper + SPREAD × (upper − median)`.
 */
const SPREAD = 1.5;
/** Below this many pairs the background says little; the bins below then hold at least this many. */
const MIN_BACKGROUND = 20;
const BINS = 1000;

/**
 * Field weights of the text a suggested recurrence is judged by: what went wrong and why, not the
 * story around it. Root cause and title weigh most, as in duplicate bug-report retrieval, where the
 * summary field is the strongest (Sun et al., ASE 2011).
 */
export const RECURRENCE_FIELDS: FieldWeights = { title: 2, rootCause: 3, trigger: 1, factors: 1.5, summary: 0 };

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

/** The threshold a histogram of pair scores sets: see SPREAD. */
function thresholdOf(histogram: Uint32Array, total: number): number {
  if (total < MIN_BACKGROUND) return 0;
  const quantile = (q: number) => {
    const rank = Math.max(1, Math.ceil(q * total));
    let seen = 0;
    for (let bin = 0; bin < BINS; bin++) {
      seen += histogram[bin]!;
      if (seen >= rank) return (bin + 1) / BINS;
    }
    return 1;
  };
  const median = quantile(0.5), upper = quantile(0.75);
  return Math.min(1, upper + SPREAD * (upper - median));
}

function describe(input: Input, b: number, candidate: Candidate): RecurrenceSuggestion {
  const a = input.profiles[candidate.a]!, later = input.profiles[b]!;
  const suggestion: RecurrenceSuggestion = {
    from: a.id,
    to: later.id,
    gapDays: round((later.start - a.start) / DAY_MS, 1),
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

function push(map: Map<string, number[]>, key: string, value: number) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const byStart = (a: RecurrenceProfile, b: RecurrenceProfile) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Possible recurrences: for each target without `recurrence_of`, the earlier incident within the
 * window with the strongest evidence that it repeats it. Evidence is structural — the same
 * primary service, or one's primary service among the other's services, and a shared root cause
 * (a shared trigger alone is not enough) — and textual: title, root cause, trigger and
 * contributing factors more alike than the folder's background (see SPREAD). Candidates an author
 * dismissed with `not_recurrence_of` are never suggested. Incidents only: near-misses, game days
 * and drafts are never suggested as origins, and make no part of the background.
 */
export function suggestRecurrences(all: readonly RecurrenceProfile[], options: SuggestionOptions): Suggestions {
  const order = all.map((_, i) => i).sort((x, y) => byStart(all[x]!, all[y]!));
  const tokens = options.tokens ?? tokenise(all.map((p) => p.text));
  const index = weigh(tokens, RECURRENCE_FIELDS);
  const input: Input = { profiles: order.map((i) => all[i]!), vectors: order.map((i) => index.vectors[i]!), index };
  const { profiles, vectors } = input;
  const isTarget = options.targets ?? ((p: RecurrenceProfile) => !p.draft);
  const windowMs = options.windowDays * DAY_MS;
  // Earlier incidents by primary service and by every service they name, in time order.
  const byPrimary = new Map<string, number[]>();
  const byService = new Map<string, number[]>();
  const histogram = new Uint32Array(BINS);
  let pairs = 0;
  const best: (Candidate | undefined)[] = [];
  const dismissedScores: number[] = [];
  const seen = new Int32Array(profiles.length).fill(-1);
  const dense = new Float64Array(index.words.length);

  profiles.forEach((b, bi) => {
    if (b.kind !== 'incident' || !b.services.length) return;
    const target = b.recurrenceOf === undefined && isTarget(b);
    if (!target && b.draft) return;
    const v = vectors[bi]!;
    for (let k = 0; k < v.terms.length; k++) dense[v.terms[k]!] = v.weights[k]!;
    const dismissed = new Set(b.notRecurrenceOf);
    const lists = [byPrimary.get(b.services[0]!), byService.get(b.services[0]!), ...b.services.map((s) => byPrimary.get(s))];
    for (const list of lists) {
      if (!list) continue;
      for (let i = list.length - 1; i >= 0; i--) {
        const ai = list[i]!;
        const a = profiles[ai]!;
        if (b.start - a.start > windowMs) break;
        if (seen[ai] === bi || a.start >= b.start) continue;
        seen[ai] = bi;
        const match = structure(a, b);
        if (!match) continue;
        const score = cosineDense(dense, v.norm, vectors[ai]!);
        if (!b.draft) {
          histogram[Math.min(BINS - 1, Math.floor(score * BINS))]!++;
          pairs++;
        }
        if (!target) continue;
        if (dismissed.has(a.id)) {
          dismissedScores.push(score);
          continue;
        }
        const candidate: Candidate = { a: ai, score, match };
        const current = best[bi];
        if (!current || stronger(candidate, current)) best[bi] = candidate;
      }
    }
    for (let k = 0; k < v.terms.length; k++) dense[v.terms[k]!] = 0;
    if (b.draft) return;
    push(byPrimary, b.services[0]!, bi);
    for (const s of b.services) push(byService, s, bi);
  });

  const threshold = thresholdOf(histogram, pairs);
  const suggestions: RecurrenceSuggestion[] = [];
  best.forEach((candidate, bi) => {
    if (candidate && candidate.score > 0 && candidate.score >= threshold) suggestions.push(describe(input, bi, candidate));
  });
  suggestions.sort((x, y) => y.score - x.score || (x.to < y.to ? -1 : x.to > y.to ? 1 : 0));
  return { suggestions, dismissed: dismissedScores.filter((s) => s > 0 && s >= threshold).length, threshold: round(threshold) };
}
