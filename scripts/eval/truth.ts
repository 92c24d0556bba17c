/**
 * The truth an analysis is measured against, from either source: the synthetic generator's
 * `--truth` file (`explicit` on every repeat, `preventable` listed) or a hand-judged real-world
 * set (test/real-world/truth.json: a `judgement` on every pair, `distractors` that look alike but
 * are not, `mechanisms` naming what broke). Both are read into one shape.
 */
import { z } from 'zod';

export interface Pair {
  /** The earlier incident. */
  origin: string;
  /** The later one: the recurrence. */
  id: string;
}

export interface TruthPair extends Pair {
  /** Whether the later file writes `recurrence_of: origin`; read from the files when the truth does not say. */
  explicit: boolean | undefined;
}

export interface EvalTruth {
  /** Pairs that are the same problem coming back: every synthetic repeat, real-world pairs judged `same`. */
  recurrences: TruthPair[];
  /** Pairs judged not to be one problem (distractors): a suggestion matching one is wrong. */
  rejected: Pair[];
  /** Pairs judged `arguable`: a reasonable reviewer could go either way, so a claim of one is not scored. */
  uncertain: Pair[];
  /** Whether people judged the pairs (real-world truth), rather than a generator planting them. */
  judged: boolean;
  /** Undefined when the truth does not say (a real-world set need not). */
  preventable: (TruthPair & { items: string[] })[] | undefined;
  /** Incident id → what broke, in a word: similar incidents are relevant when theirs agree. */
  mechanisms: Record<string, string>;
}

const id = z.string().min(1);
const recurrenceSchema = z.object({ id, origin: id, explicit: z.boolean().optional(), judgement: z.string().optional() });
const truthSchema = z.object({
  recurrences: z.array(recurrenceSchema),
  preventable: z.array(recurrenceSchema.extend({ items: z.array(z.string()) })).optional(),
  distractors: z.array(z.object({ a: id, b: id })).optional(),
  mechanisms: z.record(z.string(), z.string()).optional(),
});

/** A pair is a recurrence unless a judge said otherwise. */
const SAME = 'same';
const ARGUABLE = 'arguable';

/** Reads a truth file's text. Throws an Error with a one-line message naming what is wrong. */
export function readTruth(text: string): EvalTruth {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`the truth file is not JSON: ${(error as Error).message}`);
  }
  const parsed = truthSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`the truth file does not have the expected shape: ${issue.message} at ${issue.path.join('.') || 'the top level'}`);
  }
  const { recurrences, preventable, distractors, mechanisms } = parsed.data;
  const pair = (r: z.infer<typeof recurrenceSchema>): TruthPair => ({ origin: r.origin, id: r.id, explicit: r.explicit });
  const judged = (judgement: string) => recurrences.filter((r) => (r.judgement ?? SAME) === judgement);
  return {
    recurrences: judged(SAME).map(pair),
    rejected: [
      ...recurrences.filter((r) => ![SAME, ARGUABLE].includes(r.judgement ?? SAME)).map((r) => ({ origin: r.origin, id: r.id })),
      ...(distractors ?? []).map((d) => ({ origin: d.a, id: d.b })),
    ],
    uncertain: judged(ARGUABLE).map((r) => ({ origin: r.origin, id: r.id })),
    judged: distractors !== undefined || recurrences.some((r) => r.judgement !== undefined),
    preventable: preventable?.map((p) => ({ ...pair(p), items: p.items })),
    mechanisms: mechanisms ?? {},
  };
}
