import { sectionKey } from '../parse/body.ts';
import type { Case } from './cases.ts';
import { singular } from './normalise.ts';
import { round } from './stats.ts';
import type { SimilarIncident, SimilarityAnalysis } from './types.ts';

const STOPWORDS = new Set(`
about above after again against all also and any are because been before being below between both but can could did does
doing down during each few for from further had has have having her here hers him his how into its itself just more most
nor not now off once only other our ours out over own same she should some such than that the their theirs them then there
these they this those through too under until very was were what when where which while who whom why will with would you
your yours one two three per via within without across still yet may might must every nothing none
`.split(/\s+/).filter(Boolean));

/** The sections whose text says why an incident happened: what similar incidents share. */
const SECTIONS = new Set(['root cause', 'root causes', 'contributing factors']);

/** Terms per incident used to find candidates; the final score uses every term. */
const QUERY_TERMS = 10;
/** Documents kept per term for finding candidates: a term shared by thousands of incidents says little. */
const POSTINGS_PER_TERM = 96;
/** Candidates rescored exactly per incident. */
const RESCORED = 25;
const SHARED_TERMS = 5;
const UNLINKED_PAIRS = 100;

const WORD_BREAK = /[^\p{L}\p{N}]+/u;

/** The term a lowercase word counts as, or undefined for a word that says nothing. */
function term(word: string): string | undefined {
  if (word.length < 3 || STOPWORDS.has(word) || /^\d+$/.test(word)) return undefined;
  return singular(word);
}

/** The text an incident is compared by: title, impact, root cause and contributing factors. */
export function comparableText(c: Case): string {
  const fm = c.incident.frontmatter;
  const sections = c.incident.body.sections.filter((s) => SECTIONS.has(sectionKey(s.heading))).map((s) => s.text);
  return [fm.title, fm.impact?.summary ?? '', ...(fm.contributing_factors ?? []), ...sections].join('\n');
}

/** A TF-IDF vector: term ids ascending, with their weights, L2-normalised. */
interface Vector {
  terms: Int32Array;
  weights: Float64Array;
}

function dot(a: Vector, b: Vector): number {
  let i = 0, j = 0, score = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const ta = a.terms[i]!, tb = b.terms[j]!;
    if (ta === tb) score += a.weights[i++]! * b.weights[j++]!;
    else if (ta < tb) i++;
    else j++;
  }
  return score;
}

/** The terms that contribute most to the dot product of two vectors, heaviest first. */
function sharedTerms(a: Vector, b: Vector, count: number): number[] {
  const terms: number[] = [];
  const products: number[] = [];
  let i = 0, j = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const ta = a.terms[i]!, tb = b.terms[j]!;
    if (ta === tb) {
      terms.push(ta);
      products.push(a.weights[i++]! * b.weights[j++]!);
    } else if (ta < tb) i++;
    else j++;
  }
  return heaviest(Float64Array.from(products), count).map((k) => terms[k]!);
}

/** Positions of the k largest weights, largest first (ties by position). */
function heaviest(weights: Float64Array, k: number): number[] {
  const best: number[] = [];
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (best.length === k && w <= weights[best[k - 1]!]!) continue;
    let at = best.length === k ? k - 1 : best.length;
    while (at > 0 && w > weights[best[at - 1]!]!) {
      best[at] = best[at - 1]!;
      at--;
    }
    best[at] = i;
  }
  return best;
}

/**
 * The k documents with the highest partial scores, best first (ties by document number), without
 * sorting all of them: an incident can have thousands of candidates.
 */
function topByScore(docs: Int32Array, scores: Float64Array, k: number): number[] {
  const best: number[] = [];
  for (const doc of docs) {
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

/**
 * The most similar other incidents of each incident: cosine similarity of TF-IDF vectors
 * (sublinear term frequency, idf = ln(N / df)). Candidates come from an inverted index, so the
 * work grows with the number of incidents, not with its square; each is then scored exactly.
 */
export function findSimilar(cases: readonly Case[], options: { top: number; minScore: number; linked: (a: string, b: string) => boolean }): SimilarityAnalysis {
  const n = cases.length;
  const vocabulary = new Map<string, number>();
  // Each distinct word is made a term once, however often it occurs; -1 for words left out.
  const termOf = new Map<string, number>();
  const words: string[] = [];
  // Term ids and frequencies per incident in typed arrays: a Map per incident would hold
  // hundreds of megabytes at 100,000 incidents.
  const vectors: Vector[] = cases.map((c) => {
    const ids: number[] = [];
    for (const word of comparableText(c).toLowerCase().split(WORD_BREAK)) {
      let id = termOf.get(word);
      if (id === undefined) {
        const token = term(word);
        id = token === undefined ? -1 : vocabulary.get(token);
        if (id === undefined) {
          id = words.length;
          vocabulary.set(token!, id);
          words.push(token!);
        }
        termOf.set(word, id);
      }
      if (id >= 0) ids.push(id);
    }
    ids.sort((a, b) => a - b);
    const terms: number[] = [], tf: number[] = [];
    for (const id of ids) {
      if (terms.at(-1) === id) tf[tf.length - 1]!++;
      else {
        terms.push(id);
        tf.push(1);
      }
    }
    return { terms: Int32Array.from(terms), weights: Float64Array.from(tf) };
  });
  const df = new Int32Array(words.length);
  for (const v of vectors) for (const t of v.terms) df[t]!++;
  for (const v of vectors) {
    let sumSquares = 0;
    for (let i = 0; i < v.terms.length; i++) {
      const w = (1 + Math.log(v.weights[i]!)) * Math.log(n / df[v.terms[i]!]!);
      v.weights[i] = w;
      sumSquares += w * w;
    }
    const norm = Math.sqrt(sumSquares) || 1;
    for (let i = 0; i < v.weights.length; i++) v.weights[i]! /= norm;
  }

  // Postings: for each term shared by at least two incidents, the incidents where it weighs most.
  const postings = words.map((_, t) => ({ docs: new Int32Array(df[t]! > 1 ? df[t]! : 0), weights: new Float64Array(df[t]! > 1 ? df[t]! : 0) }));
  const filled = new Int32Array(words.length);
  vectors.forEach((v, doc) => {
    v.terms.forEach((t, i) => {
      if (df[t]! < 2) return;
      const at = filled[t]!++;
      postings[t]!.docs[at] = doc;
      postings[t]!.weights[at] = v.weights[i]!;
    });
  });
  postings.forEach((list, t) => {
    if (list.docs.length <= POSTINGS_PER_TERM) return;
    const order = heaviest(list.weights, POSTINGS_PER_TERM);
    postings[t] = { docs: Int32Array.from(order, (i) => list.docs[i]!), weights: Float64Array.from(order, (i) => list.weights[i]!) };
  });

  const partial = new Float64Array(n);
  const byIncident: Record<string, SimilarIncident[]> = {};
  const pairs = new Map<string, SimilarityAnalysis['unlinkedPairs'][number]>();
  const touched = new Int32Array(n);
  vectors.forEach((v, doc) => {
    let count = 0;
    for (const i of heaviest(v.weights, QUERY_TERMS)) {
      const { docs, weights } = postings[v.terms[i]!]!;
      const w = v.weights[i]!;
      for (let j = 0; j < docs.length; j++) {
        const other = docs[j]!;
        if (other === doc) continue;
        if (partial[other] === 0) touched[count++] = other;
        partial[other]! += w * weights[j]!;
      }
    }
    const candidates = touched.subarray(0, count);
    const rescored = topByScore(candidates, partial, RESCORED).map((other) => ({ other, score: dot(v, vectors[other]!) }));
    for (const other of candidates) partial[other] = 0;

    const id = cases[doc]!.id;
    const best = rescored
      .filter((r) => r.score >= options.minScore)
      .sort((a, b) => b.score - a.score || a.other - b.other)
      .slice(0, options.top)
      .map((r): SimilarIncident => {
        const otherId = cases[r.other]!.id;
        const terms = sharedTerms(v, vectors[r.other]!, SHARED_TERMS).map((t) => words[t]!);
        return { id: otherId, score: round(r.score), terms, linked: options.linked(id, otherId) };
      });
    if (best.length) byIncident[id] = best;
    for (const s of best) {
      if (s.linked) continue;
      const [a, b] = id < s.id ? [id, s.id] : [s.id, id];
      if (!pairs.has(`${a} ${b}`)) pairs.set(`${a} ${b}`, { a, b, score: s.score, terms: s.terms });
    }
  });
  const unlinkedPairs = [...pairs.values()].sort((x, y) => y.score - x.score || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : 1)).slice(0, UNLINKED_PAIRS);
  return { byIncident, unlinkedPairs };
}
