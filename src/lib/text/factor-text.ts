import { singular } from '../analyze/normalise.ts';
import { SLUG } from '../schema/fields.ts';
import { closest } from './suggest.ts';

/**
 * Contributing factors are free text or a catalog id. Two writings are the same factor when their
 * sets of content words are alike: "No CPU alerting" and "CPU alerting completely missing" both
 * read {cpu, alert, no}. This module turns a writing into that set and compares two of them.
 */

/** Words that say a thing is absent: one token, so "no", "missing" and "lack of" meet. */
const NEGATIONS = new Set([
  'no', 'not', 'none', 'without', 'missing', 'lack', 'lacks', 'lacking', 'lacked', 'absent', 'absence', 'never', 'nor', 'cannot',
  'didn', 'doesn', 'don', 'wasn', 'weren', 'isn', 'aren', 'hasn', 'haven', 'hadn', 'couldn', 'wouldn', 'shouldn',
]);

/** Function words and intensifiers, which change how a factor reads but not which factor it is. */
const STOPWORDS = new Set([
  'a', 'an', 'the', 'of', 'on', 'in', 'at', 'to', 'for', 'from', 'by', 'with', 'and', 'or', 'but', 'as', 'into', 'onto', 'via',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'could', 'should', 'can',
  'it', 'its', 'this', 'that', 'these', 'those', 'there', 'their', 'them', 'they', 'we', 'our', 'us', 'which', 'who', 'whose',
  'when', 'where', 'while', 'so', 'than', 'then', 'too', 'very', 'only', 'also', 'still', 'yet', 'just', 'even', 'already',
  'all', 'any', 'each', 'every', 'whole', 'some', 'own', 'same', 'per', 'such', 'other', 'more', 'most', 'much', 'many',
  'completely', 'entirely', 'totally', 'fully', 'whatsoever', 'altogether', 'properly', 'correctly', 'enough', 'adequate', 'adequately',
]);

/** A light stemmer: plurals (shared with similar-incident search), -ing, -ed, a final e, a doubled last consonant. */
function stem(word: string): string {
  let w = singular(word);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 3 && w.at(-1) === w.at(-2) && !/[lsz]/.test(w.at(-1)!) && !/\d/.test(w.at(-1)!)) w = w.slice(0, -1);
  return w;
}

/** Lowercase words of a writing, accents removed, split on anything but letters and digits. */
function words(text: string): string[] {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** The set a factor is compared by: content words, stemmed, negations as `no`, sorted, unique. */
export function factorTokens(text: string): string[] {
  const out = new Set<string>();
  for (const word of words(text)) {
    if (NEGATIONS.has(word)) out.add('no');
    else if (word.length > 1 && !STOPWORDS.has(word)) out.add(stem(word));
  }
  return [...out].sort();
}

/**
 * How a factor is keyed when written in words: lowercase, punctuation removed, simple plurals made
 * singular, in the author's word order ("No connection limits." → `no connection limit`).
 */
export function factorKey(text: string): string {
  return words(text).map(singular).join(' ');
}

/**
 * Dice coefficient of two sorted token sets: twice the shared tokens over the sum of their sizes,
 * 0 to 1. Chosen over Jaccard because one extra word in a short factor should cost less.
 */
export function tokenSimilarity(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) { shared++; i++; j++; } else if (a[i]! < b[j]!) i++; else j++;
  }
  return (2 * shared) / (a.length + b.length);
}

/** Two writings at least this similar are one factor. */
export const FACTOR_SIMILARITY = 0.7;

/** A factor the catalog declares, as matching needs it. */
export interface DeclaredFactor {
  id: string;
  label: string;
  aliases: readonly string[];
}

export type FactorMatch =
  /** The id itself, or a writing whose words equal the label's or an alias's. */
  | { id: string; how: 'exact' }
  /** Words close to the label or an alias, or a misspelt id. */
  | { id: string; how: 'similar'; similarity: number; to: string };

/** The texts a declared factor is recognised by: its label, its aliases and its id read as words. */
export function declaredTexts(factor: DeclaredFactor): string[] {
  return [factor.label, ...factor.aliases, factor.id.replace(/-/g, ' ')];
}

/**
 * Which declared factor a writing names, if any. A declared id matches exactly; so does a writing
 * whose content words equal those of a label or alias. Otherwise the most similar label or alias
 * at or above FACTOR_SIMILARITY, or, for a slug like `no-conection-pooling`, the closest id.
 * The catalog's texts are read once; the returned function is called per writing.
 */
export function factorMatcher(declared: readonly DeclaredFactor[]): (text: string, tokens?: readonly string[]) => FactorMatch | undefined {
  const ids = new Set(declared.map((f) => f.id));
  const texts = declared.flatMap((f) => declaredTexts(f).map((written) => ({ id: f.id, written, tokens: factorTokens(written) })));
  return (text, tokens = factorTokens(text)) => {
    const trimmed = text.trim();
    if (ids.has(trimmed)) return { id: trimmed, how: 'exact' };
    let best: (FactorMatch & { how: 'similar' }) | undefined;
    for (const t of texts) {
      const similarity = tokenSimilarity(tokens, t.tokens);
      if (similarity === 1) return { id: t.id, how: 'exact' };
      if (similarity >= FACTOR_SIMILARITY && (!best || similarity > best.similarity)) best = { id: t.id, how: 'similar', similarity, to: t.written };
    }
    if (best) return { ...best, similarity: Math.round(best.similarity * 100) / 100 };
    if (SLUG.test(trimmed) && trimmed.includes('-')) {
      const id = closest(trimmed, ids);
      if (id) return { id, how: 'similar', similarity: 0, to: id };
    }
    return undefined;
  };
}
