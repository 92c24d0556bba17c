/** A report as a few aligned lines per corpus: one line per measure, the counts behind each ratio beside it. */
import type { PairScore, SizeStats } from './metrics.ts';
import type { Report } from './evaluate.ts';

export function percent(value: number | null): string {
  return value === null ? '—' : `${(100 * value).toFixed(1)}%`;
}

function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

function scores(s: PairScore): string {
  return `precision ${percent(s.precision).padStart(6)}  recall ${percent(s.recall).padStart(6)}  F1 ${percent(s.f1).padStart(6)}`;
}

function sizes(s: SizeStats): string {
  const bands = Object.entries(s.sizes).filter(([, n]) => n > 0).map(([band, n]) => `${band}: ${thousands(n)}`);
  return `${thousands(s.count)}, longest ${thousands(s.longest)}${bands.length ? ` (sizes ${bands.join(', ')})` : ''}`;
}

export function formatReport(r: Report): string {
  const row = (label: string, text: string) => `  ${label.padEnd(19)}${text}`;
  const t = r.truth;
  const lines = [
    `${r.corpus}: ${thousands(r.postmortems)} postmortems loaded${r.invalid ? ` (${thousands(r.invalid)} ${r.invalid === 1 ? 'file' : 'files'} with errors left out; npm run validate says why)` : ''}, `
      + `${thousands(r.analysed)} analysed, ${thousands(r.incidents)} of them incidents`,
    row('truth', `${thousands(t.recurrences)} recurrences (${thousands(t.explicit)} written as recurrence_of, ${thousands(t.unlinked)} not)`
      + `${t.judged ? `, ${thousands(t.arguable)} arguable` : ''}`
      + `${t.preventable === null ? '' : `, ${thousands(t.preventable)} preventable with a written link`}`
      + `${t.outOfScope ? `; ${thousands(t.outOfScope)} left out: a draft or an invalid file on one side` : ''}`),
    row('confirmed links', `${scores(r.links)}   ${thousands(r.links.claimed)} claimed, ${thousands(r.links.expected)} true`),
    row('suggestions', `${scores(r.suggestions)}   ${thousands(r.suggestions.claimed)} claimed, ${thousands(r.suggestions.expected)} true; `
      + `${percent(r.suggestions.sameFamily)} within one true family`
      + `${t.judged ? `; ${thousands(r.suggestions.accepted)} accepted, ${thousands(r.suggestions.arguable)} arguable (not scored), ${thousands(r.suggestions.rejected)} distractors` : ''}`),
    row('recurrence rate', `${percent(r.rate.claimed)} claimed (${percent(r.rate.confirmed)} confirmed + ${percent(r.rate.suggested)} suggested) vs ${percent(r.rate.truth)} true`),
    row('families', `${sizes(r.families.claimed)}; true ${sizes(r.families.truth)}; ${thousands(r.families.exact)} claimed exactly`),
    row('preventable', r.preventable === null ? 'not in the truth'
      : `${scores(r.preventable)}   ${thousands(r.preventable.claimed)} claimed for ${thousands(r.preventable.recurrences)} recurrences, ${thousands(r.preventable.expected)} true`),
    row('similar incidents', `p@1 ${percent(r.similar.atOne)}  p@5 ${percent(r.similar.atFive)} (same family, mechanism or root cause); `
      + `${percent(r.similar.coverage)} of postmortems have some; ${percent(r.similar.familyHitAtFive)} of family members find another in their first 5`),
  ];
  return `${lines.join('\n')}\n`;
}
