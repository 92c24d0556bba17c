import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnostic } from '../diagnostics/diagnostic.ts';
import type { YamlSpans } from '../parse/yaml-spans.ts';
import type { Vocabulary } from '../schema/vocabulary.ts';
import { factorMatcher } from '../text/factor-text.ts';

const matchers = new WeakMap<Vocabulary['factors'], ReturnType<typeof factorMatcher>>();

/**
 * A contributing factor written as free text close to a declared one is counted as that factor;
 * a notice says so, and that the id would make it count exactly. Never a failure: free text is
 * allowed, and the match is a suggestion.
 */
export function checkContributingFactors(data: Record<string, unknown>, vocabulary: Vocabulary, ctx: { file: string; spans: YamlSpans }): Diagnostic[] {
  const list = data.contributing_factors;
  if (!Array.isArray(list) || !vocabulary.factors.length) return [];
  let match = matchers.get(vocabulary.factors);
  if (!match) {
    match = factorMatcher(vocabulary.factors);
    matchers.set(vocabulary.factors, match);
  }
  const labels = new Map(vocabulary.factors.map((f) => [f.id, f.label]));
  const out: Diagnostic[] = [];
  list.forEach((value: unknown, i) => {
    if (typeof value !== 'string') return;
    const found = match(value);
    if (found?.how !== 'similar') return;
    const what = found.similarity === 0 ? `\`${value.trim()}\` is not a declared contributing factor; it` : `the contributing factor "${value.trim()}"`;
    out.push(diagnostic(ctx.file, ctx.spans.value(['contributing_factors', i]), 'factor-reads-like', 'notice',
      `${what} reads like \`${found.id}\` (${labels.get(found.id)}) and is counted as it; write the id to make it count exactly`));
  });
  return out;
}
