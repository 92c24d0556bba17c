import { gapDays } from './calendar.ts';
import { byStart, type Population } from './cases.ts';
import { findFamilies } from './recurrence-families.ts';
import { classifyRecurrences } from './recurrence-prevent.ts';
import type { Suggestions } from './recurrence-suggestions.ts';
import { round } from './stats.ts';
import type { ActionItemRow, AnalysisSettings, RecurrenceAnalysis, RecurrenceLink } from './types.ts';


/**
 * The recurrences authors confirmed: each `recurrence_of` that names an incident in the analysis
 * and started earlier (validation guarantees it; checking again keeps any input acyclic).
 */
export function confirmedLinks(population: Population): RecurrenceLink[] {
  const links: RecurrenceLink[] = [];
  for (const b of population.all) {
    const id = b.incident.frontmatter.recurrence_of;
    const origin = id === undefined ? undefined : population.byId.get(id);
    if (origin && byStart(origin, b) < 0) links.push({ from: origin.id, to: b.id, gapDays: gapDays(origin.start, b.start) });
  }
  return links;
}

export function analyseRecurrence(
  population: Population,
  links: readonly RecurrenceLink[],
  suggested: Suggestions,
  rows: readonly ActionItemRow[],
  settings: AnalysisSettings,
): RecurrenceAnalysis {
  const recurrences = new Set(links.map((l) => l.to));
  const suggestedIds = new Set(suggested.suggestions.map((s) => s.to));
  const perPeriod = new Map(population.scope.periods.map((p) => [p, { period: p, incidents: 0, recurrences: 0, rate: null as number | null, suggested: 0 }]));
  for (const c of population.incidents) {
    const row = perPeriod.get(c.period)!;
    row.incidents++;
    if (recurrences.has(c.id)) row.recurrences++;
    if (suggestedIds.has(c.id)) row.suggested++;
  }
  for (const row of perPeriod.values()) row.rate = row.incidents ? round(row.recurrences / row.incidents) : null;
  const total = population.incidents.filter((c) => recurrences.has(c.id)).length;
  return {
    links: [...links],
    suggestions: suggested.suggestions,
    dismissed: suggested.dismissed,
    textThreshold: suggested.threshold,
    families: findFamilies(population, links, rows, settings.asOf, settings.recurrenceWindowDays),
    ...classifyRecurrences(population, links),
    perPeriod: [...perPeriod.values()],
    total: {
      incidents: population.incidents.length,
      recurrences: total,
      rate: population.incidents.length ? round(total / population.incidents.length) : null,
      suggested: suggested.suggestions.length,
    },
  };
}
