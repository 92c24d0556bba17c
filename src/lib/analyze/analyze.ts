import type { Incident } from '../model.ts';
import type { Catalog } from '../schema/catalog.ts';
import type { Config } from '../schema/config.ts';
import { analyseActionItems } from './action-items.ts';
import { buildPopulation, type Population } from './cases.ts';
import { coOccurrence, CO_OCCURRING, countSeverities, dimensionStats, type GroupContext } from './commonalities.ts';
import { dimensionReaders } from './dimensions.ts';
import { disjointSets, groupBy } from './groups.ts';
import { headlineWindows } from './windows.ts';
import { patternCandidates, rankPatterns } from './patterns.ts';
import { analyseRecurrence, findLinks } from './recurrence.ts';
import { analyseResponders } from './responders.ts';
import { DEFAULT_WORKING_HOURS } from '../schema/working-hours.ts';
import { evaluatePrograms } from '../programs/evaluate.ts';
import type { Program } from '../programs/model.ts';
import { findSimilar } from './similarity.ts';
import { analyseTimeMetrics, incidentDurations, mitigateAndResolve } from './time-metrics.ts';
import type { Analysis, AnalysisSettings, Dimension, RecurrenceLink } from './types.ts';

export const DEFAULT_SETTINGS: Omit<AnalysisSettings, 'asOf'> = {
  period: 'month',
  recurrenceWindowDays: 90,
  trendPeriods: 3,
  similarPerIncident: 5,
  minSimilarity: 0.15,
  workingHours: DEFAULT_WORKING_HOURS,
};

export type AnalysisOptions = Partial<AnalysisSettings> & {
  /** The analysis date, `YYYY-MM-DD`: overdue items and recency are judged on it. */
  asOf: string;
};

/** Options from `hindsight.config.json`'s `analysis` block. */
export function optionsFromConfig(config: Config['analysis'], asOf: string): AnalysisOptions {
  const options: AnalysisOptions = { asOf };
  if (config?.period !== undefined) options.period = config.period;
  if (config?.recurrenceWindowDays !== undefined) options.recurrenceWindowDays = config.recurrenceWindowDays;
  if (config?.trendPeriods !== undefined) options.trendPeriods = config.trendPeriods;
  if (config?.workingHours !== undefined) options.workingHours = config.workingHours;
  return options;
}

/**
 * Which incidents are connected by any path of links (`related`, `recurrence_of`, inferred
 * recurrences): a similar pair inside one such group is already known to someone.
 */
function connectedGroups(population: Population, links: readonly RecurrenceLink[]): (id: string) => string {
  const { root, join } = disjointSets();
  for (const link of links) join(link.from, link.to);
  for (const c of population.all) for (const other of c.incident.frontmatter.related ?? []) join(c.id, other);
  return root;
}

/**
 * Turns validated incidents (and programs, judged on them) into the Analysis. Pure: the same
 * input and options give the same value, so the JSON is byte-identical from run to run.
 */
export function analyze(incidents: readonly Incident[], catalog: Catalog, options: AnalysisOptions, programs: readonly Program[] = []): Analysis {
  const settings: AnalysisSettings = { ...DEFAULT_SETTINGS, ...options };
  const population = buildPopulation(incidents, catalog, settings);
  const links = findLinks(population, settings);
  const recurrence = analyseRecurrence(population, links);
  const ctx: GroupContext = {
    population,
    settings,
    recurrences: new Set(links.map((l) => l.to)),
    periodIndex: new Map(population.scope.periods.map((p, i) => [p, i])),
  };

  const readers = dimensionReaders(catalog, population);
  const readerOf = new Map(readers.map((r) => [r.dimension, r]));
  // Incidents come in time order, so each value's group is in time order too.
  const groups = new Map(readers.map((r) => [r.dimension, groupBy(population.incidents, r.values, r.declared)]));
  const dimensions = readers.map((r) => dimensionStats(r, groups.get(r.dimension)!, ctx));
  const order = new Map<Dimension, string[]>(dimensions.map((d) => [d.dimension, d.values.map((v) => v.value)]));
  const matrices = CO_OCCURRING.map(([rows, columns]) => coOccurrence(readerOf.get(rows)!, readerOf.get(columns)!, population.incidents, order));

  const connected = connectedGroups(population, links);

  const actionItems = analyseActionItems(population, settings);
  const timeMetrics = analyseTimeMetrics(population);
  const resolveOverall = timeMetrics.find((m) => m.metric === 'resolve')!.overall;
  const byPeriod = groupBy(population.incidents, (c) => [c.period], population.scope.periods);
  return {
    version: 1,
    settings,
    scope: population.scope,
    headline: {
      incidents: population.incidents.length,
      bySeverity: countSeverities(population.incidents, population.severities),
      customerFacing: population.incidents.filter((c) => c.customerFacing).length,
      recurrences: recurrence.total.recurrences,
      preventableRecurrences: new Set(recurrence.preventable.map((p) => p.recurrence)).size,
      openActionItems: actionItems.totals.unfinished,
      overdueActionItems: actionItems.totals.overdue,
      resolveP50: resolveOverall.p50,
      resolveCount: resolveOverall.count,
    },
    perPeriod: [...byPeriod].map(([period, cases]) => ({ period, total: cases.length, bySeverity: countSeverities(cases, population.severities) })),
    windows: headlineWindows(population, ctx.recurrences, actionItems.items, settings.asOf),
    dimensions,
    coOccurrence: matrices,
    factors: population.factors,
    patterns: rankPatterns(patternCandidates(matrices, groups, readerOf, population), { ...ctx, items: actionItems.items, chains: recurrence.chains }),
    recurrence,
    similarity: findSimilar(population.all, { top: settings.similarPerIncident, minScore: settings.minSimilarity, linked: (a, b) => connected(a) === connected(b) }),
    timeMetrics,
    mitigateAndResolve: mitigateAndResolve(population),
    durations: incidentDurations(population),
    actionItems,
    responders: analyseResponders(population, settings, [...new Set(catalog.services.map((s) => s.team))]),
    programs: evaluatePrograms(programs, population, actionItems.items, settings.asOf),
  };
}
