/**
 * Words whose trailing `s` is not a plural: names of systems and protocols postmortems are full
 * of, and English words that end in `s` in the singular. Checked before any rule.
 */
const NOT_PLURAL = new Set([
  'ddos', 'dos', 'redis', 'kubernetes', 'k8s', 'dns', 'aws', 'https', 'postgres', 'jenkins', 'cors', 'iops', 'ios', 'macos',
  'chaos', 'kudos', 'alias', 'bias', 'canvas', 'atlas', 'gas', 'lens', 'news', 'series', 'species', 'always', 'perhaps',
  'whereas', 'towards', 'afterwards', 'sometimes', 'devops',
]);

/** Plurals the rules below get wrong. */
const IRREGULAR = new Map([
  ['caches', 'cache'], ['niches', 'niche'], ['avalanches', 'avalanche'], ['headaches', 'headache'],
  ['indices', 'index'], ['vertices', 'vertex'], ['matrices', 'matrix'], ['analyses', 'analysis'], ['crises', 'crisis'],
  ['databases', 'database'], ['releases', 'release'], ['responses', 'response'], ['leases', 'lease'], ['cases', 'case'],
  ['purchases', 'purchase'], ['phases', 'phase'], ['bases', 'base'], ['uses', 'use'], ['causes', 'cause'], ['pauses', 'pause'],
  ['clauses', 'clause'], ['licenses', 'license'], ['courses', 'course'], ['houses', 'house'], ['nurses', 'nurse'],
]);

/** Endings whose `s` is part of the singular: `process`, `status`, `analysis`, `previous`. */
const SINGULAR_ENDING = /(?:ss|us|is|ous)$/;

/**
 * The singular of a lowercase English word, for comparing texts: `limits` → `limit`, `retries`
 * → `retry`, `processes` → `process`, `indexes` → `index`, `patches` → `patch`. Conservative in
 * the way of Harman's "S" stemmer (JASIS 1991): it only removes plural endings, so `ddos`,
 * `redis`, `kubernetes` and `dns` stay as they are. Words of three letters or fewer, and words
 * whose stem has no vowel (`sqs`, `rds`), are left alone: they are acronyms.
 */
export function singular(word: string): string {
  if (word.length <= 3 || NOT_PLURAL.has(word) || !word.endsWith('s') || SINGULAR_ENDING.test(word)) return word;
  const irregular = IRREGULAR.get(word);
  if (irregular) return irregular;
  if (!/[aeiouy]/.test(word.slice(0, -1))) return word;
  if (word.endsWith('ies')) return word.length > 4 && !/[ae]ies$/.test(word) ? `${word.slice(0, -3)}y` : word.slice(0, -1);
  if (/(?:ss|x|z|ch|sh|us)es$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}
