import { distance } from 'fastest-levenshtein';

/**
 * The closest candidate to a misspelt value, or undefined when nothing is close enough to be a
 * plausible typo. "Close enough" is an edit distance of at most a third of the longer word (and at
 * least 1), the threshold most "did you mean" implementations settle on; case is ignored.
 */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  const needle = value.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // `SEV9` is no typo of `SEV1`, nor `P5` of `P0`: a different number is a different value.
    if (needle.replace(/\d/g, '') === candidate.toLowerCase().replace(/\d/g, '')) continue;
    const d = distance(needle, candidate.toLowerCase());
    const limit = Math.max(1, Math.floor(Math.max(needle.length, candidate.length) / 3));
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

/** `a`, `b` or `c`: a short list of allowed values for a message. */
export function listOf(values: readonly string[], conjunction = 'or'): string {
  const quoted = values.map((v) => `\`${v}\``);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1]}`;
}
