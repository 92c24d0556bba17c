import { FACTOR_SIMILARITY, factorKey, factorMatcher, factorTokens, MIN_MECHANISM, mechanismTokens, conceptCount, tokenSimilarity, writingSimilarity, type DeclaredFactor } from '../text/factor-text.ts';
import type { FactorWriting } from './types.ts';

/**
 * Contributing factors grouped into the values the analysis counts: a declared factor's id, or a
 * cluster of free-text writings that read alike. Clusters form around their most common writing
 * (leader clustering: each writing joins the most similar leader at or above FACTOR_SIMILARITY,
 * else leads a cluster of its own), so a chain of small differences never merges unrelated factors.
 */
export interface FactorGrouping {
  /** A writing, as cleaned by cleanFactor → the value it counts as. */
  valueByWriting: Map<string, string>;
  /** Value → label: the catalog's, or the cluster's most common writing. */
  labelOf: Map<string, string>;
  /** Every value with how it was written, declared ones first. */
  groups: { value: string; label: string; declared: boolean; writings: FactorWriting[] }[];
}

/**
 * A writing as it is shown and compared: whitespace collapsed, trailing punctuation dropped. A
 * loop, not `/[.;:,!]+$/`, which tries every run of dots in turn: quadratic on `....…x`.
 */
export function cleanFactor(text: string): string {
  const clean = text.trim().replace(/\s+/g, ' ');
  let end = clean.length;
  while (end > 0 && '.;:,!'.includes(clean[end - 1]!)) end--;
  return clean.slice(0, end);
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
  const valueByWriting = new Map<string, string>();
  const labelOf = new Map(declared.map((f) => [f.id, f.label]));
  const declaredWritings = new Map<string, FactorWriting[]>(declared.map((f) => [f.id, []]));
  const forms = new Map<string, Form>();
  for (const [text, count] of writings) {
    const tokens = factorTokens(text);
    const found = match(text, tokens);
    if (found) {
      valueByWriting.set(text, found.id);
      const writing: FactorWriting = { text, postmortems: count, how: text === found.id ? 'id' : found.how };
      if (found.how === 'similar') writing.similarity = found.similarity;
      declaredWritings.get(found.id)!.push(writing);
      continue;
    }
    const key = tokens.length ? tokens.join(' ') : factorKey(text);
    let form = forms.get(key);
    if (!form) {
      form = { tokens, mechanism: mechanismTokens(tokens), writings: [], count: 0, order: forms.size };
      forms.set(key, form);
    }
    form.writings.push([text, count]);
    form.count += count;
  }

  const ordered = [...forms.values()].sort((a, b) => b.count - a.count || a.order - b.order);
  const words = prefixIndex(ordered.map((f) => f.tokens), threshold);
  const mechanisms = mechanismIndex(threshold);
  const leaders: { form: Form; members: Form[] }[] = [];
  // Which probe last looked at each leader, so a leader found through several words is compared once.
  const stamp = new Int32Array(ordered.length);
  const usable = (form: Form) => (conceptCount(form.mechanism) >= tuning.minMechanism ? form.mechanism : undefined);
  ordered.forEach((form, i) => {
    let best = -1, bestSimilarity = 0;
    const consider = (l: number, similarity: number) => {
      if (similarity >= threshold && (similarity > bestSimilarity || (similarity === bestSimilarity && l < best))) {
        best = l;
        bestSimilarity = similarity;
      }
    };
    // Dice ≥ t needs the smaller set to be at least t / (2 − t) of the larger.
    const ratio = threshold / (2 - threshold);
    for (const l of words.candidates(i)) {
      if (stamp[l] === i + 1) continue;
      stamp[l] = i + 1;
      const other = leaders[l]!.form;
      if (Math.min(form.tokens.length, other.tokens.length) < ratio * Math.max(form.tokens.length, other.tokens.length)) continue;
      consider(l, writingSimilarity(form, other, tuning.minMechanism));
    }
    // A leader not found by its words is as similar as its mechanism is: the first of each alike
    // mechanism is the best of them.
    const mechanism = usable(form);
    const byMechanism = mechanism && mechanisms.best(mechanism);
    if (byMechanism) consider(byMechanism[0], byMechanism[1]);
    if (best >= 0) { leaders[best]!.members.push(form); return; }
    leaders.push({ form, members: [form] });
    words.add(i, leaders.length - 1);
    if (mechanism) mechanisms.add(mechanism, leaders.length - 1);
  });

  const groups: FactorGrouping['groups'] = declared.map((f) => ({ value: f.id, label: f.label, declared: true, writings: declaredWritings.get(f.id)! }));
  for (const { form: leader, members } of leaders) {
    const all = members.flatMap((m) => m.writings.map(([text, postmortems]): FactorWriting => ({
      text,
      postmortems,
      how: m === leader ? 'exact' : 'similar',
      ...(m === leader ? {} : { similarity: Math.round(writingSimilarity(m, leader, tuning.minMechanism) * 100) / 100 }),
    })));
    // The label is the most used writing; of equals, the one most like the others (it reads as the
    // cluster, not as one incident's specifics), then the first seen. The value is its words.
    const formOf = new Map(members.flatMap((m) => m.writings.map(([text]) => [text, m] as const)));
    // How many other postmortems write something like it: each weighed by its similarity.
    const centrality = (w: FactorWriting) => {
      const form = formOf.get(w.text)!;
      const alike = members.slice(0, CENTRAL_SAMPLE).reduce((sum, m) => sum + m.count * (m === form ? 1 : writingSimilarity(form, m, tuning.minMechanism)), 0);
      return alike - w.postmortems;
    };
    const most = Math.max(...all.map((w) => w.postmortems));
    const tied = all.filter((w) => w.postmortems === most).slice(0, CENTRAL_SAMPLE);
    const label = tied.length === 1 ? tied[0]!.text : tied.map((w) => ({ text: w.text, c: centrality(w) })).reduce((a, b) => (b.c > a.c + 1e-9 ? b : a)).text;
    const value = factorKey(label) || label;
    labelOf.set(value, label);
    for (const w of all) valueByWriting.set(w.text, value);
    groups.push({ value, label, declared: false, writings: all });
  }
  return { valueByWriting, labelOf, groups };
}

/** How many writings of a cluster its label is chosen among, and compared with: a bound on the work. */
const CENTRAL_SAMPLE = 100;

/**
 * A word shared by more cluster leaders than this says little about which one a writing belongs
 * to; keeping only the first (most used) bounds the work per writing, whatever the input.
 */
const MAX_POSTINGS = 64;

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
    /** Set i leads `leader`. A word keeps its first MAX_POSTINGS leaders, the most used. */
    add(i: number, leader: number) {
      for (const t of prefixes[i]!) {
        const list = index.get(t);
        if (!list) index.set(t, [leader]);
        else if (list.length < MAX_POSTINGS) list.push(leader);
      }
    },
  };
}

/**
 * Leaders by mechanism. Mechanisms are drawn from a few dozen concept words, so there are few
 * distinct ones: a probe is compared with each distinct mechanism once (remembered), and only the
 * first leader of each matters, since leaders are numbered in the order they are found.
 */
function mechanismIndex(threshold: number) {
  const distinct: { key: string; tokens: readonly string[]; leader: number }[] = [];
  const seen = new Set<string>();
  const alike = new Map<string, { compared: number; best: [number, number] | undefined }>();
  return {
    /** [leader, similarity]: the most alike mechanism's first leader, the earliest of equals. */
    best(mechanism: readonly string[]): [number, number] | undefined {
      const key = mechanism.join(' ');
      let entry = alike.get(key);
      if (!entry) {
        entry = { compared: 0, best: undefined };
        alike.set(key, entry);
      }
      // Mechanisms first seen since the last look are compared now and remembered.
      for (; entry.compared < distinct.length; entry.compared++) {
        const other = distinct[entry.compared]!;
        const similarity = tokenSimilarity(mechanism, other.tokens);
        // Later mechanisms have later leaders: only a higher similarity replaces the best.
        if (similarity >= threshold && (!entry.best || similarity > entry.best[1])) entry.best = [other.leader, similarity];
      }
      return entry.best;
    },
    add(mechanism: readonly string[], leader: number) {
      const key = mechanism.join(' ');
      if (seen.has(key)) return;
      seen.add(key);
      distinct.push({ key, tokens: mechanism, leader });
    },
  };
}
