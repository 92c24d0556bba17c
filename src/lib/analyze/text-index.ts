import { singular } from './normalise.ts';

const STOPWORDS = new Set(`
about above after again against all also and any are because been before being below between both but can could did does
doing down during each few for from further had has have having her here hers him his how into its itself just more most
nor not now off once only other our ours out over own same she should some such than that the their theirs them then there
these they this those through too under until very was were what when where which while who whom why will with would you
your yours one two three per via within without across still yet may might must every nothing none
`.split(/\s+/).filter(Boolean));

const WORD_BREAK = /[^\p{L}\p{N}]+/u;
const SPACE = /\s+/;
const MAYBE_COMPOUND = /[-_.]|[a-z][A-Z]|[^ -~\s]/;
const PLAIN_WORD = /^[a-z]+$/;
const OPENING_PUNCTUATION = '([{"\'`*_';
const CLOSING_PUNCTUATION = ')]}"\'`*_.,;:!?';

/** A chunk without the punctuation around it. A loop: `/[.,]+$/` retries every run, quadratic on `....x`. */
function withoutEdgePunctuation(chunk: string): string {
  let start = 0;
  let end = chunk.length;
  while (start < end && OPENING_PUNCTUATION.includes(chunk[start]!)) start++;
  while (end > start && CLOSING_PUNCTUATION.includes(chunk[end - 1]!)) end--;
  return chunk.slice(start, end);
}
/** Runs of letters and digits, joined by single `-`, `_` or `.`: each is matched from its start to its end, once. */
const RUN = /[\p{L}\p{N}]+(?:[-_.][\p{L}\p{N}]+)*/gu;
const SEPARATOR = /[-_.]/;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/**
 * The camelCase identifiers in a run of letters and digits (`InvoiceSync`, `xmlHttp`): two or
 * more humps side by side, a hump being lowercase letters after at most one capital. A scan, not
 * `/\p{Ll}+(?:\p{Lu}\p{Ll}+)+/u`, which tries every start in a run of lowercase letters and
 * every length from there: quadratic in the run.
 */
function camelCompounds(run: string): string[] {
  const found: string[] = [];
  const chars = [...run];
  let chainStart = -1;
  let humps = 0;
  let i = 0;
  const close = (end: number) => {
    if (humps >= 2) found.push(chars.slice(chainStart, end).join(''));
    humps = 0;
    chainStart = -1;
  };
  while (i < chars.length) {
    const capital = UPPER.test(chars[i]!) && i + 1 < chars.length && LOWER.test(chars[i + 1]!);
    if (!capital && !LOWER.test(chars[i]!)) {
      close(i);
      i++;
      continue;
    }
    // A hump starts here; after another it can only start with a capital, which joins the chain.
    if (humps === 0) chainStart = i;
    i += capital ? 1 : 0;
    while (i < chars.length && LOWER.test(chars[i]!)) i++;
    humps++;
  }
  close(chars.length);
  return found;
}

/**
 * The words of a text, lowercase: each word, and each identifier of several parts both whole
 * (`invoice-sync`, `invoice_sync` and `InvoiceSync` are all `invoicesync`) and as its parts. The
 * whole is what names one component; its parts (`invoice`, `sync`) are common words.
 */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  // Most text has no identifier in it: skip the search for one when it cannot match.
  if (MAYBE_COMPOUND.test(text)) {
    for (const [run] of text.matchAll(RUN)) {
      // The plain split below gives the parts of `invoice-sync` and the whole of `InvoiceSync`.
      if (SEPARATOR.test(run)) {
        const whole = run.replace(/[-_.]/g, '').toLowerCase();
        if (!/^\p{N}+$/u.test(whole)) words.push(whole);
      } else for (const compound of camelCompounds(run)) words.push(...compound.split(/(?=\p{Lu})/u).map((w) => w.toLowerCase()));
    }
  }
  for (const word of text.toLowerCase().split(WORD_BREAK)) if (word) words.push(word);
  return words;
}

/** The term a lowercase word counts as, or undefined for a word that says nothing. */
export function termOf(word: string): string | undefined {
  if (word.length < 3 || STOPWORDS.has(word) || /^\d+$/.test(word)) return undefined;
  return singular(word);
}

/** The fields a postmortem's text is compared by, each weighted on its own (BM25F). */
export const TEXT_FIELDS = ['title', 'rootCause', 'trigger', 'factors'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export type TextFields = Record<TextField, string>;
export type FieldWeights = Record<TextField, number>;

/**
 * BM25F (Robertson, Zaragoza & Taylor, CIKM 2004) as duplicate bug-report retrieval uses it
 * (Sun et al., ASE 2011): a term's frequency is summed over the fields, each weighted and
 * normalised by its length, then saturated once. k1 and b are the usual defaults.
 */
const K1 = 1.2;
const B = 0.75;

/** A document's weighted terms: ids ascending, each a power of idf × saturated BM25F frequency. */
export interface TermVector {
  terms: Int32Array;
  weights: Float64Array;
  /** Euclidean length of `weights`. */
  norm: number;
}

export interface TextIndex {
  /** Term id → term. */
  words: string[];
  vectors: TermVector[];
}

/** Dot product of two vectors: the BM25F score of one as a query against the other. */
export function dot(a: TermVector, b: TermVector): number {
  let i = 0, j = 0, score = 0;
  const at = a.terms, bt = b.terms;
  while (i < at.length && j < bt.length) {
    const ta = at[i]!, tb = bt[j]!;
    if (ta === tb) score += a.weights[i++]! * b.weights[j++]!;
    else if (ta < tb) i++;
    else j++;
  }
  return score;
}

/** Cosine of two vectors, 0 to 1: how alike two texts are, whatever their lengths. */
export function cosine(a: TermVector, b: TermVector): number {
  return a.norm && b.norm ? dot(a, b) / (a.norm * b.norm) : 0;
}

/** Positions of the k largest values, largest first (ties by position). */
export function heaviest(values: ArrayLike<number>, k: number): number[] {
  const best: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const w = values[i]!;
    if (best.length === k && w <= values[best[k - 1]!]!) continue;
    let at = best.length === k ? k - 1 : best.length;
    while (at > 0 && w > values[best[at - 1]!]!) {
      best[at] = best[at - 1]!;
      at--;
    }
    best[at] = i;
  }
  return best;
}

/** The terms that contribute most to the dot product of two vectors, heaviest first. */
export function sharedTerms(index: TextIndex, a: TermVector, b: TermVector, count: number): string[] {
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
  return heaviest(products, count).map((k) => index.words[terms[k]!]!);
}

const FIELD_COUNT = TEXT_FIELDS.length;

/** Documents split into terms, before any weighting: term frequencies per field. */
export interface Tokenised {
  words: string[];
  /** Per document: sorted codes (term id × field count + field). */
  codes: Int32Array[];
  /** How often each code occurs. */
  counts: Uint16Array[];
  /** Terms per document and field. */
  lengths: Float64Array;
}

/**
 * Splits documents given as fields into terms. Frequencies are kept per field in typed arrays:
 * a Map per document would hold hundreds of megabytes at 100,000 postmortems.
 */
export function tokenise(documents: readonly TextFields[]): Tokenised {
  const n = documents.length;
  const ids = new Map<string, number>();
  const words: string[] = [];
  const wordIds = new Map<string, number>();
  const termId = (word: string) => {
    let id = wordIds.get(word);
    if (id !== undefined) return id;
    const term = termOf(word);
    if (term === undefined) id = -1;
    else {
      id = ids.get(term);
      if (id === undefined) {
        id = words.length;
        ids.set(term, id);
        words.push(term);
      }
    }
    wordIds.set(word, id);
    return id;
  };
  // Postmortems repeat their phrases: each distinct run of non-space characters is split into
  // terms once (compound identifiers never contain a space).
  const chunkTerms = new Map<string, number[]>();
  const lengths = new Float64Array(n * FIELD_COUNT);
  const codes: Int32Array[] = [];
  const counts: Uint16Array[] = [];
  // One buffer for every document's codes, grown when a document needs more.
  let all = new Int32Array(1024);
  for (let d = 0; d < n; d++) {
    let size = 0;
    for (let f = 0; f < FIELD_COUNT; f++) {
      const text = documents[d]![TEXT_FIELDS[f]!];
      if (!text) continue;
      let length = 0;
      for (const chunk of text.split(SPACE)) {
        if (!chunk) continue;
        let terms = chunkTerms.get(chunk);
        if (!terms) {
          // Most chunks are one lowercase word, perhaps with punctuation around it.
          const bare = withoutEdgePunctuation(chunk);
          terms = (PLAIN_WORD.test(bare) ? [bare] : wordsOf(bare)).map(termId).filter((id) => id >= 0);
          chunkTerms.set(chunk, terms);
        }
        if (size + terms.length > all.length) {
          const grown = new Int32Array(Math.max(all.length * 2, size + terms.length));
          grown.set(all.subarray(0, size));
          all = grown;
        }
        for (const id of terms) all[size++] = id * FIELD_COUNT + f;
        length += terms.length;
      }
      lengths[d * FIELD_COUNT + f] = length;
    }
    const sorted = all.slice(0, size).sort();
    const docCodes = new Int32Array(sorted.length);
    const docCounts = new Uint16Array(sorted.length);
    let distinct = 0;
    for (let k = 0; k < sorted.length; k++) {
      if (distinct && docCodes[distinct - 1] === sorted[k]) {
        if (docCounts[distinct - 1]! < 65535) docCounts[distinct - 1]!++;
      } else {
        docCodes[distinct] = sorted[k]!;
        docCounts[distinct++] = 1;
      }
    }
    codes.push(docCodes.slice(0, distinct));
    counts.push(docCounts.slice(0, distinct));
  }
  return { words, codes, counts, lengths };
}

export interface Weighting {
  /** The weight of each field; 0 leaves a field out. */
  fields: FieldWeights;
  /**
   * The power of idf in each vector. ½ makes the dot product of two vectors their BM25F score
   * (idf × both saturated frequencies); 2 makes a rare term two texts share (the name of one
   * component, one error message) count far more than the phrases every postmortem of a kind
   * repeats.
   */
  idfPower: number;
}

/**
 * Term vectors of tokenised documents. Term statistics (document frequency, average field length)
 * come from the documents `counted` accepts (default: all), so that adding a draft to compare
 * does not change every other score.
 */
export function weigh(tokens: Tokenised, weighting: Weighting, counted: (doc: number) => boolean = () => true): TextIndex {
  const weights = weighting.fields;
  const { words, codes, counts, lengths } = tokens;
  const docs = codes.map((_, d) => d).filter(counted);
  const n = Math.max(1, docs.length);
  const fieldWeights = TEXT_FIELDS.map((f) => weights[f]);
  const average = new Float64Array(FIELD_COUNT);
  for (const d of docs) for (let f = 0; f < FIELD_COUNT; f++) average[f]! += lengths[d * FIELD_COUNT + f]! / n;
  // Document frequency over the fields that count, so that a left-out field does not dilute idf.
  const df = new Int32Array(words.length);
  for (const d of docs) {
    const docCodes = codes[d]!;
    let last = -1;
    for (const code of docCodes) {
      const term = Math.floor(code / FIELD_COUNT);
      if (term !== last && fieldWeights[code % FIELD_COUNT]! > 0) {
        df[term]!++;
        last = term;
      }
    }
  }
  const idf = Float64Array.from(df, (count) => Math.log(1 + (n - count + 0.5) / (count + 0.5)) ** weighting.idfPower);

  // Per field of a document: its weight over its length normalisation (0 for a left-out field).
  const scale = new Float64Array(FIELD_COUNT);
  // Every vector is a view into two arrays for the whole folder: one allocation, not thousands.
  let total = 0;
  for (const docCodes of codes) total += docCodes.length;
  const allTerms = new Int32Array(total);
  const allWeights = new Float64Array(total);
  let offset = 0;
  const vectors = codes.map((docCodes, d): TermVector => {
    for (let f = 0; f < FIELD_COUNT; f++) {
      const avg = average[f]!;
      scale[f] = fieldWeights[f]! / (avg ? 1 - B + (B * lengths[d * FIELD_COUNT + f]!) / avg : 1);
    }
    const docCounts = counts[d]!;
    const terms = allTerms.subarray(offset, offset + docCodes.length);
    const tf = allWeights.subarray(offset, offset + docCodes.length);
    let size = 0;
    for (let k = 0; k < docCodes.length; k++) {
      const code = docCodes[k]!;
      const f = code % FIELD_COUNT;
      if (!scale[f]) continue;
      const term = (code - f) / FIELD_COUNT;
      const weighted = scale[f]! * docCounts[k]!;
      // Codes are sorted, so a term's fields are next to each other.
      if (size && terms[size - 1] === term) tf[size - 1]! += weighted;
      else {
        terms[size] = term;
        tf[size++] = weighted;
      }
    }
    let sumSquares = 0;
    for (let k = 0; k < size; k++) {
      const w = (idf[terms[k]!]! * tf[k]!) / (K1 + tf[k]!);
      tf[k] = w;
      sumSquares += w * w;
    }
    offset += size;
    return { terms: terms.subarray(0, size), weights: tf.subarray(0, size), norm: Math.sqrt(sumSquares) };
  });
  return { words, vectors };
}

/**
 * Pairs of positions below `n` to measure a folder's background by: every pair when there are at
 * most `max`, else `max` drawn by a fixed linear congruential sequence, so that the same folder
 * always gives the same background.
 */
export function backgroundPairs(n: number, max: number): [number, number][] {
  const pairs: [number, number][] = [];
  if ((n * (n - 1)) / 2 <= max) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push([i, j]);
    return pairs;
  }
  let state = 2_463_534_242;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state % n;
  };
  while (pairs.length < max) {
    const i = next(), j = next();
    if (i !== j) pairs.push([i, j]);
  }
  return pairs;
}
