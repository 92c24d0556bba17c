import type { Case } from './cases.ts';
import { round } from './stats.ts';
import { backgroundPairs, dot, heaviest, sharedTerms, type TermVector, type TextIndex } from './text-index.ts';
import type { SimilarIncident, SimilarityAnalysis } from './types.ts';

/** Terms per incident used to find candidates; the final score uses every term. */
const QUERY_TERMS = 10;
/** Documents kept per term for finding candidates: a term shared by thousands of incidents says little. */
const POSTINGS_PER_TERM = 40;
/** Candidates rescored exactly per incident. */
const RESCORED = 15;
/** Up to this many incidents, every pair is scored exactly. */
const EXACT_UP_TO = 1_000;
const SHARED_TERMS = 5;
const UNLINKED_PAIRS = 100;

/** Pairs drawn to measure the folder's background; every pair below that many. */
const BACKGROUND_PAIRS = 20_000;
/** A similar incident must score this many standard deviations above the background's mean. */
const STANDOUT = 2;

/**
 * The folder's background: the mean BM25F score of two of its postmortems, plus STANDOUT
 * standard deviations.
 */
export function backgroundThreshold(vectors: readonly TermVector[]): number {
  const scores = backgroundPairs(vectors.length, BACKGROUND_PAIRS).map(([i, j]) => dot(vectors[i]!, vectors[j]!));
  if (!scores.length) return 0;
  const mean = scores.reduce((sum, s) => sum + s, 0) / scores.length;
  const variance = scores.reduce((sum, s) => sum + (s - mean) ** 2, 0) / scores.length;
  return mean + STANDOUT * Math.sqrt(variance);
}

/**
 * For each term shared by at least two incidents, the POSTINGS_PER_TERM incidents where it weighs
 * most, in flat arrays: term t's are `docs[start[t]]` to `docs[end[t] - 1]`.
 */
function buildPostings(vectors: readonly TermVector[], terms: number) {
  const df = new Int32Array(terms);
  for (const v of vectors) for (let i = 0; i < v.terms.length; i++) df[v.terms[i]!]!++;
  const start = new Int32Array(terms + 1);
  for (let t = 0; t < terms; t++) start[t + 1] = start[t]! + (df[t]! > 1 ? df[t]! : 0);
  const docs = new Int32Array(start[terms]!);
  const weights = new Float64Array(start[terms]!);
  const end = start.slice(0, terms);
  vectors.forEach((v, doc) => {
    for (let i = 0; i < v.terms.length; i++) {
      const t = v.terms[i]!;
      if (df[t]! < 2) continue;
      docs[end[t]!] = doc;
      weights[end[t]!++] = v.weights[i]!;
    }
  });
  for (let t = 0; t < terms; t++) {
    if (df[t]! <= POSTINGS_PER_TERM) continue;
    // Keep the heaviest in place: the list's first POSTINGS_PER_TERM slots.
    const from = start[t]!;
    const order = heaviest(weights.subarray(from, end[t]), POSTINGS_PER_TERM);
    const keptDocs = order.map((i) => docs[from + i]!), keptWeights = order.map((i) => weights[from + i]!);
    keptDocs.forEach((d, k) => {
      docs[from + k] = d;
      weights[from + k] = keptWeights[k]!;
    });
    end[t] = from + POSTINGS_PER_TERM;
  }
  return { start, end, docs, weights };
}

/**
 * The k documents with the highest partial scores, best first (ties by document number), without
 * sorting all of them: an incident can have thousands of candidates.
 */
function topByScore(docs: Int32Array, scores: Float64Array, k: number): number[] {
  const best: number[] = [];
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d]!;
    const score = scores[doc]!;
    if (best.length === k) {
      const last = best[k - 1]!;
      if (score < scores[last]! || (score === scores[last] && doc > last)) continue;
    }
    let i = best.length === k ? k - 1 : best.length;
    while (i > 0 && (score > scores[best[i - 1]!]! || (score === scores[best[i - 1]!] && doc < best[i - 1]!))) {
      best[i] = best[i - 1]!;
      i--;
    }
    best[i] = doc;
  }
  return best;
}

/** The `top` best of the scored others above the threshold, best first, ties by position. */
export function rankSimilar<T extends { other: number; score: number }>(scored: readonly T[], threshold: number, top: number): T[] {
  return scored.filter((r) => r.score > threshold).sort((a, b) => b.score - a.score || a.other - b.other).slice(0, top);
}

/** A similar incident as the analysis reports it: its score rounded, and the terms that weigh most in it. */
export function similarIncident(index: TextIndex, v: TermVector, r: { other: number; score: number }, id: string, linked: boolean): SimilarIncident {
  return { id, score: round(r.score), terms: sharedTerms(index, v, index.vectors[r.other]!, SHARED_TERMS), linked };
}

/**
 * The most similar other incidents of each incident: the highest BM25F scores (see text-index.ts)
 * above the folder's background, the incident's own text as the query. Candidates come from an inverted index, so the work grows with the
 * number of incidents, not with its square; each is then scored exactly.
 */
export function findSimilar(cases: readonly Case[], index: TextIndex, options: { top: number; linked: (a: string, b: string) => boolean }): SimilarityAnalysis {
  const n = cases.length;
  const { vectors, words } = index;
  const threshold = backgroundThreshold(vectors);
  const postings = buildPostings(vectors, words.length);

  const partial = new Float64Array(n);
  const byIncident: Record<string, SimilarIncident[]> = {};
  const pairs = new Map<number, SimilarityAnalysis['unlinkedPairs'][number]>();
  const touched = new Int32Array(n);
  vectors.forEach((v, doc) => {
    let count = 0;
    if (n <= EXACT_UP_TO) {
      // A small folder is scored exactly: every other incident is a candidate.
      for (let other = 0; other < n; other++) if (other !== doc) touched[count++] = other;
      keep(doc, v, [...touched.subarray(0, count)].map((other) => ({ other, score: dot(v, vectors[other]!) })));
      return;
    }
    for (const i of heaviest(v.weights, QUERY_TERMS)) {
      const t = v.terms[i]!;
      const w = v.weights[i]!;
      for (let j = postings.start[t]!, end = postings.end[t]!; j < end; j++) {
        const other = postings.docs[j]!;
        if (other === doc) continue;
        if (partial[other] === 0) touched[count++] = other;
        partial[other]! += w * postings.weights[j]!;
      }
    }
    const candidates = touched.subarray(0, count);
    const rescored = topByScore(candidates, partial, RESCORED).map((other) => ({ other, score: dot(v, vectors[other]!) }));
    for (let k = 0; k < count; k++) partial[touched[k]!] = 0;
    keep(doc, v, rescored);
  });

  function keep(doc: number, v: TermVector, rescored: { other: number; score: number }[]) {
    const id = cases[doc]!.id;
    const kept = rankSimilar(rescored, threshold, options.top);
    const rescoredOrder = kept.map((r) => r.other);
    const best = kept.map((r) => similarIncident(index, v, r, cases[r.other]!.id, options.linked(id, cases[r.other]!.id)));
    if (best.length) byIncident[id] = best;
    best.forEach((s, k) => {
      if (s.linked) return;
      // Each pair once, under a number: a string per pair would be garbage at 100,000 incidents.
      const other = rescoredOrder[k]!;
      const key = Math.min(doc, other) * n + Math.max(doc, other);
      const [a, b] = id < s.id ? [id, s.id] : [s.id, id];
      if (!pairs.has(key)) pairs.set(key, { a, b, score: s.score, terms: s.terms });
    });
  }
  const unlinkedPairs = [...pairs.values()].sort((x, y) => y.score - x.score || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : 1)).slice(0, UNLINKED_PAIRS);
  return { threshold: round(threshold), byIncident, unlinkedPairs };
}
