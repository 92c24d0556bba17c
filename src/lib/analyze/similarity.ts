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
const QUERY_TERMS = 24;
/** Documents kept per term for finding candidates: a term shared by thousands of incidents says little. */
const POSTINGS_PER_TERM = 256;
/** Candidates rescored exactly per incident. */
const RESCORED = 25;
const SHARED_TERMS = 5;
const UNLINKED_PAIRS = 100;

export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (word.length < 3 || STOPWORDS.has(word) || /^\d+$/.test(word)) continue;
    tokens.push(singular(word));
  }
  return tokens;
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

function dotTerms(a: Vector, b: Vector): { score: number; products: [number, number][] } {
  let i = 0, j = 0, score = 0;
  const products: [number, number][] = [];
  while (i < a.terms.length && j < b.terms.length) {
    const ta = a.terms[i]!, tb = b.terms[j]!;
    if (ta === tb) {
      const p = a.weights[i]! * b.weights[j]!;
      score += p;
      products.push([ta, p]);
      i++; j++;
    } else if (ta < tb) i++;
    else j++;
  }
  return { score, products };
}

/**
 * The most similar other incidents of each incident: cosine similarity of TF-IDF vectors
 * (sublinear term frequency, idf = ln(N / df)). Candidates come from an inverted index, so the
 * work grows with the number of incidents, not with its square; each is then scored exactly.
 */
export function findSimilar(cases: readonly Case[], options: { top: number; minScore: number; linked: (a: string, b: string) => boolean }): SimilarityAnalysis {
  const n = cases.length;
  const vocabulary = new Map<string, number>();
  const words: string[] = [];
  const counts = cases.map((c) => {
    const tf = new Map<number, number>();
    for (const token of tokenize(comparableText(c))) {
      let id = vocabulary.get(token);
      if (id === undefined) {
        vocabulary.set(token, (id = words.length));
        words.push(token);
      }
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    return tf;
  });
  const df = new Int32Array(words.length);
  for (const tf of counts) for (const id of tf.keys()) df[id]!++;

  const vectors: Vector[] = counts.map((tf) => {
    const terms = Int32Array.from([...tf.keys()].sort((a, b) => a - b));
    const weights = Float64Array.from(terms, (t) => (1 + Math.log(tf.get(t)!)) * Math.log(n / df[t]!));
    const norm = Math.hypot(...weights) || 1;
    for (let i = 0; i < weights.length; i++) weights[i]! /= norm;
    return { terms, weights };
  });

  // Postings: for each term shared by at least two incidents, the incidents where it weighs most.
  const postings: { doc: number; weight: number }[][] = words.map(() => []);
  vectors.forEach((v, doc) => v.terms.forEach((t, i) => {
    if (df[t]! > 1) postings[t]!.push({ doc, weight: v.weights[i]! });
  }));
  for (const list of postings) {
    if (list.length > POSTINGS_PER_TERM) {
      list.sort((a, b) => b.weight - a.weight || a.doc - b.doc);
      list.length = POSTINGS_PER_TERM;
    }
  }

  const partial = new Float64Array(n);
  const byIncident: Record<string, SimilarIncident[]> = {};
  const pairs = new Map<string, SimilarityAnalysis['unlinkedPairs'][number]>();
  vectors.forEach((v, doc) => {
    const query = [...v.terms.keys()].sort((a, b) => v.weights[b]! - v.weights[a]! || a - b).slice(0, QUERY_TERMS);
    const touched: number[] = [];
    for (const i of query) {
      for (const posting of postings[v.terms[i]!]!) {
        if (posting.doc === doc) continue;
        if (partial[posting.doc] === 0) touched.push(posting.doc);
        partial[posting.doc]! += v.weights[i]! * posting.weight;
      }
    }
    touched.sort((a, b) => partial[b]! - partial[a]! || a - b);
    const rescored = touched.slice(0, RESCORED).map((other) => ({ other, ...dotTerms(v, vectors[other]!) }));
    for (const other of touched) partial[other] = 0;

    const id = cases[doc]!.id;
    const best = rescored
      .filter((r) => r.score >= options.minScore)
      .sort((a, b) => b.score - a.score || a.other - b.other)
      .slice(0, options.top)
      .map((r): SimilarIncident => {
        const otherId = cases[r.other]!.id;
        const terms = r.products.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, SHARED_TERMS).map(([t]) => words[t]!);
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
