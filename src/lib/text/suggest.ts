import { distance } from 'fastest-levenshtein';

/** A value longer than this gets no suggestion. */
const MAX_COMPARED = 256;

/**
 * The closest candidate to a misspelt value, or undefined when nothing is close enough to be a
 * plausible typo. "Close enough" is an edit distance of at most a third of the longer word (and at
 * least 1), the threshold most "did you mean" implementations settle on; case is ignored.
 */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  // An edit distance takes time in the product of the two lengths; no id or name is this long.
  if (value.length > MAX_COMPARED) return undefined;
  const needle = value.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    const limit = Math.max(1, Math.floor(Math.max(needle.length, candidate.length) / 3));
    // The distance is at least the difference in length: a 40-letter id is never computed against 60,000 letters.
    if (Math.abs(lower.length - needle.length) > limit) continue;
    // `SEV9` is no typo of `SEV1`, nor `P5` of `P0`: a different number is a different value.
    if (needle.replace(/\d/g, '') === lower.replace(/\d/g, '')) continue;
    const d = distance(needle, lower);
    if (d <= limit && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** "; did you mean `x`?" or nothing: appended to a message about an unknown value. */
export function didYouMean(value: string, candidates: Iterable<string>): string {
  const match = closest(value, candidates);
  return match === undefined ? '' : `; did you mean \`${match}\`?`;
}

/** A message lists the allowed values only while they are this few: more is not read. */
export const LISTED_UP_TO = 8;

/** `a`, `b` or `c`: a short list of allowed values for a message. */
export function listOf(values: readonly string[], conjunction = 'or'): string {
  const quoted = values.map((v) => `\`${v}\``);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1]}`;
}
