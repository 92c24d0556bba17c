import { FACTOR_SIMILARITY, factorKey, factorMatcher, factorTokens, MIN_MECHANISM, mechanismTokens, conceptCount, writingSimilarity, type DeclaredFactor } from '../text/factor-text.ts';
import type { FactorWriting } from './types.ts';

/**
 * Contributing factors grouped into the values the analysis counts: a declared factor's id, or a
 * cluster of free-text writings that read alike. Clusters form around their most common writing
 * (leader clustering: each writing joins the most similar leader at or above FACTOR_SIMILARITY,
 * else leads a cluster of its own), so a chain of small differences never merges unrelated factors.
 */
export interface FactorGrouping {
  /** A writing, as cleaned by cleanFactor → the value it counts as. */
  valueOf: Map<string, string>;
  /** Value → label: the catalog's, or the cluster's most common writing. */
  labelOf: Map<string, string>;
  /** Every value with how it was written, declared ones first. */
  groups: { value: string; label: string; declared: boolean; writings: FactorWriting[] }[];
}

/** A writing as it is shown and compared: whitespace collapsed, trailing punctuation dropped. */
export function cleanFactor(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/[.;:,!]+$/, '');
}

interface Form {
  tokens: string[];
  mechanism: string[];
  /** Writings with these tokens, with the number of postmortems that use each, first seen first. */
  writings: [string, number][];
  count: number;
  order: number;
}

/**
 * Groups distinct writings (with how many postmortems use each, in first-seen order) into values.
 * Candidate leaders are found with a prefix filter (Bayardo et al., "Scaling up all pairs similarity
 * search", 2007): tokens ordered rarest first, two sets this similar must share one of the first few,
 * so the work follows the writings, not their square.
 */
export function groupFactorWritings(writings: ReadonlyMap<string, number>, declared: readonly DeclaredFactor[], tuning = { similarity: FACTOR_SIMILARITY, minMechanism: MIN_MECHANISM }): FactorGrouping {
  const threshold = tuning.similarity;
  const match = factorMatcher(declared);
  const valueOf = new Map<string, string>();
  const labelOf = new Map(declared.map((f) => [f.id, f.label]));
  const declaredWritings = new Map<string, FactorWriting[]>(declared.map((f) => [f.id, []]));
  const forms = new Map<string, Form>();
  for (const [text, count] of writings) {
    const tokens = factorTokens(text);
    const found = match(text, tokens);
    if (found) {
      valueOf.set(text, found.id);
      const writing: FactorWriting = { text, postmortems: count, how: text === found.id ? 'id' : found.how };
      if (found.how === 'similar') writing.similarity = found.similarity;
      declaredWritings.get(found.id)!.push(writing);
      continue;
    }
    const key = tokens.length ? tokens.join(' ') : factorKey(text);
    let form = forms.get(key);
    if (!form) forms.set(key, (form = { tokens, mechanism: mechanismTokens(tokens), writings: [], count: 0, order: forms.size }));
    form.writings.push([text, count]);
    form.count += count;
  }

  const ordered = [...forms.values()].sort((a, b) => b.count - a.count || a.order - b.order);
  const words = prefixIndex(ordered.map((f) => f.tokens), threshold);
  const mechanisms = prefixIndex(ordered.map((f) => (conceptCount(f.mechanism) >= tuning.minMechanism ? f.mechanism : [])), threshold);
  const leaders: { form: Form; members: Form[] }[] = [];
  ordered.forEach((form, i) => {
    let best = -1, bestSimilarity = 0;
    for (const l of new Set([...words.candidates(i), ...mechanisms.candidates(i)])) {
      const similarity = writingSimilarity(form, leaders[l]!.form, tuning.minMechanism);
      if (similarity >= threshold && (similarity > bestSimilarity || (similarity === bestSimilarity && l < best))) {
        best = l;
        bestSimilarity = similarity;
      }
    }
    if (best >= 0) { leaders[best]!.members.push(form); return; }
    leaders.push({ form, members: [form] });
    words.add(i, leaders.length - 1);
    mechanisms.add(i, leaders.length - 1);
  });

  const groups: FactorGrouping['groups'] = declared.map((f) => ({ value: f.id, label: f.label, declared: true, writings: declaredWritings.get(f.id)! }));
  for (const { form: leader, members } of leaders) {
    const all = members.flatMap((m) => m.writings.map(([text, postmortems]): FactorWriting => ({
      text,
      postmortems,
      how: m === leader ? 'exact' : 'similar',
      ...(m === leader ? {} : { similarity: Math.round(writingSimilarity(m, leader, tuning.minMechanism) * 100) / 100 }),
    })));
    // The label is the most used writing, the first seen of equals; the value is its words.
    const label = all.reduce((a, b) => (b.postmortems > a.postmortems ? b : a)).text;
    const value = factorKey(label) || label;
    labelOf.set(value, label);
    for (const w of all) valueOf.set(w.text, value);
    groups.push({ value, label, declared: false, writings: all });
  }
  return { valueOf, labelOf, groups };
}

/**
 * Sets indexed by their rarest tokens, so that those at least FACTOR_SIMILARITY alike (Dice) are
 * found without comparing every pair: two such sets share a token among the first
 * |x| − ⌈t·|x|⌉ + 1 of each, t being the equivalent Jaccard bound.
 */
function prefixIndex(sets: readonly (readonly string[])[], threshold: number) {
  const df = new Map<string, number>();
  for (const set of sets) for (const t of set) df.set(t, (df.get(t) ?? 0) + 1);
  const rarestFirst = (a: string, b: string) => df.get(a)! - df.get(b)! || (a < b ? -1 : a > b ? 1 : 0);
  const jaccard = threshold / (2 - threshold);
  const prefixes = sets.map((set) => [...set].sort(rarestFirst).slice(0, set.length - Math.ceil(jaccard * set.length - 1e-9) + 1));
  const index = new Map<string, number[]>();
  return {
    /** Leaders that may be alike set i. */
    candidates(i: number): number[] {
      return prefixes[i]!.flatMap((t) => index.get(t) ?? []);
    },
    /** Set i leads `leader`. */
    add(i: number, leader: number) {
      for (const t of prefixes[i]!) {
        const list = index.get(t);
        if (list) list.push(leader);
        else index.set(t, [leader]);
      }
    },
  };
}
