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

/**
 * Words incident reviews use for one idea, read as that idea: "no canary", "no staged rollout" and
 * "no progressive deployment" all say the change was not staged. The classes are general SRE
 * vocabulary; each word belongs to one.
 */
const CONCEPTS: Record<string, readonly string[]> = {
  rollout: ['rollout', 'rollouts', 'roll', 'rolled', 'rolling', 'deploy', 'deploys', 'deployed', 'deploying', 'deployment', 'deployments', 'release', 'released', 'propagate', 'propagated', 'propagation', 'push', 'pushed', 'pushes', 'ship', 'shipped', 'replicated'],
  staged: ['staged', 'stage', 'stages', 'staging', 'canary', 'canaries', 'progressive', 'progressively', 'gradual', 'gradually', 'incremental', 'incrementally', 'phased'],
  everywhere: ['all', 'every', 'everywhere', 'whole', 'entire', 'global', 'globally', 'broadly', 'simultaneously', 'fleet', 'once'],
  alert: ['alert', 'alerts', 'alerted', 'alerting', 'page', 'paged', 'paging', 'monitor', 'monitors', 'monitored', 'monitoring', 'instrumented', 'watching', 'watched', 'noticed', 'unnoticed', 'detect', 'detected', 'detection'],
  depend: ['depend', 'depends', 'depended', 'dependency', 'dependencies', 'dependent', 'rely', 'relies', 'relied', 'relying', 'behind', 'fronted'],
  shared: ['share', 'shares', 'shared', 'sharing', 'same'],
  limit: ['limit', 'limits', 'limited', 'limiting', 'bound', 'bounded', 'cap', 'capped', 'throttle', 'throttled', 'throttling', 'quota', 'quotas', 'guard', 'protection', 'protect', 'ceiling'],
  test: ['test', 'tests', 'tested', 'testing', 'exercised', 'rehearsed', 'rehearsal', 'practised', 'practiced', 'simulated', 'drill', 'drills'],
  latent: ['latent', 'dormant', 'hidden', 'hid'],
  capacity: ['capacity', 'headroom', 'spare', 'provisioned', 'provisioning'],
  rollback: ['rollback', 'rollbacks', 'revert', 'reverted', 'reverting', 'reverts', 'undo'],
  failover: ['failover', 'failovers', 'promote', 'promoted', 'promotion'],
  restore: ['restore', 'restored', 'restores', 'restoring', 'backup', 'backups'],
  retry: ['retry', 'retries', 'retried', 'retrying', 'backoff', 'thundering', 'herd', 'lockstep'],
  cache: ['cache', 'caches', 'cached', 'caching'],
  validate: ['validate', 'validated', 'validation', 'validator', 'check', 'checked', 'checks', 'verify', 'verified', 'reject', 'rejected', 'filter', 'filtered', 'filtering'],
  config: ['config', 'configs', 'configuration', 'configurations', 'setting', 'settings'],
  tool: ['tool', 'tools', 'tooling', 'portal', 'portals', 'dashboard', 'dashboards', 'console', 'script', 'scripts'],
  facility: ['region', 'regions', 'zone', 'zones', 'facility', 'facilities', 'datacenter', 'datacentre'],
};
const CONCEPT_OF = new Map(Object.entries(CONCEPTS).flatMap(([concept, list]) => list.map((w) => [w, concept] as const)));

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
    const concept = CONCEPT_OF.get(word);
    if (NEGATIONS.has(word)) out.add('no');
    else if (concept) out.add(concept);
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

const MECHANISM_TOKENS = new Set([...Object.keys(CONCEPTS), 'no']);

/**
 * The part of a writing that says what kind of failure it is: its concept words and negation
 * ("deployed to the whole fleet at once, without a staged rollout" → everywhere, no, rollout,
 * staged), without the specifics (WAF, regex, fleet size) that differ from incident to incident.
 */
export function mechanismTokens(tokens: readonly string[]): string[] {
  return tokens.filter((t) => MECHANISM_TOKENS.has(t));
}

/** Concept words in a mechanism, negation not counted: "no X" is as generic as X. */
export function conceptCount(mechanism: readonly string[]): number {
  return mechanism.length - (mechanism.includes('no') ? 1 : 0);
}

/** A mechanism of fewer concept words than this is too generic to group writings by. */
export const MIN_MECHANISM = 2;

/**
 * How alike two free-text writings are, for clustering: the better of their words' similarity and,
 * when both name a mechanism of at least two concept words, their mechanisms' similarity.
 */
export function writingSimilarity(a: { tokens: readonly string[]; mechanism: readonly string[] }, b: { tokens: readonly string[]; mechanism: readonly string[] }, minMechanism = MIN_MECHANISM): number {
  const words = tokenSimilarity(a.tokens, b.tokens);
  if (conceptCount(a.mechanism) < minMechanism || conceptCount(b.mechanism) < minMechanism) return words;
  return Math.max(words, tokenSimilarity(a.mechanism, b.mechanism));
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
