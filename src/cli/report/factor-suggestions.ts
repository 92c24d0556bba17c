import { plural, type FactorGroup } from '../../lib/index.ts';
import { printable as show } from '../formatters/printable.ts';

/** JSON's quoting is valid YAML for any text. */
const quote = (text: string) => JSON.stringify(text);

/**
 * What to add to the catalog: free-text clusters that at least `min` incidents share, each as a
 * catalog entry to paste, and declared factors written in other words, as aliases to add. It
 * prints what the analysis grouped and computes nothing of its own.
 */
export function factorSuggestions(factors: readonly FactorGroup[], { min, catalogFile }: { min: number; catalogFile: string }): string {
  const out: string[] = [];
  const clusters = factors.filter((g) => !g.declared && g.incidents >= min);
  out.push(`Contributing factors worth declaring: free text that ${min} or more incidents share (${clusters.length})`);
  if (!clusters.length) out.push('  none');
  for (const g of clusters) {
    out.push('', `  ${plural(g.incidents, "incident")}  "${show(g.label)}"${g.writings.length > 1 ? `, written ${g.writings.length} ways` : ''}`);
    for (const w of g.writings.slice(1)) out.push(`      ${quote(w.text)}${w.similarity === undefined ? '' : ` (similarity ${w.similarity.toFixed(2)})`}`);
  }
  if (clusters.length) {
    out.push('', `Declare them in ${catalogFile} (and check each group: they were formed by similar words, not by meaning):`, '', 'contributing_factors:');
    for (const g of clusters) {
      out.push(`  - id: ${g.suggestedId}`, `    label: ${quote(g.label)}`);
      if (g.writings.length > 1) out.push(`    aliases: [${g.writings.slice(1).map((w) => quote(w.text)).join(', ')}]`);
    }
  }
  const paraphrased = factors.filter((g) => g.declared).flatMap((g) => g.writings.filter((w) => w.how === 'similar').map((w) => ({ g, w })));
  out.push('', `Declared factors written in other words: add them as aliases, or write the id (${paraphrased.length})`);
  if (!paraphrased.length) out.push('  none');
  for (const { g, w } of paraphrased) out.push(`  ${show(g.value)}: ${quote(w.text)} in ${plural(w.postmortems, 'postmortem')}`);
  return `${out.join('\n')}\n`;
}
