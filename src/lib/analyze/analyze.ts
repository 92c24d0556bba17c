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
import { analyseRecurrence, confirmedLinks } from './recurrence.ts';
import { profileOf, type RecurrenceProfile } from './recurrence-profile.ts';
import { suggestRecurrences } from './recurrence-suggestions.ts';
import { analyseResponders } from './responders.ts';
import { DEFAULT_WORKING_HOURS } from '../schema/working-hours.ts';
import { evaluatePrograms } from '../programs/evaluate.ts';
import type { Program } from '../programs/model.ts';
import { findSimilar } from './similarity.ts';
import { tokenise, weigh, type Weighting } from './text-index.ts';
import { analyseTimeMetrics, incidentDurations, mitigateAndResolve } from './time-metrics.ts';
import type { Analysis, AnalysisSettings, Dimension } from './types.ts';

export const DEFAULT_SETTINGS: Omit<AnalysisSettings, 'asOf'> = {
  period: 'month',
  recurrenceWindowDays: 180,
  trendPeriods: 3,
  similarPerIncident: 5,
  workingHours: DEFAULT_WORKING_HOURS,
};

/**
 * The text similar incidents are found by: BM25F (idf to the power ½ in each vector, so a dot
 * product is the BM25F score), root cause weighted up most, then title, trigger and factors, as
 * REP does for bug reports (Sun et al., ASE 2011). The summary is left out: it tells the story,
 * and on 117 public postmortems it did not make the nearest incident more often relevant.
 */
export const SIMILARITY_TEXT: Weighting = { fields: { title: 2, rootCause: 4, trigger: 2, factors: 2 }, idfPower: 0.5 };

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
 * Which incidents are connected by a path of links authors wrote (`related`, `recurrence_of`): a
 * similar pair inside one such group is already known to someone.
 */
export function connectedGroups(population: Population): (id: string) => string {
  const { root, join } = disjointSets();
  for (const c of population.all) {
    const fm = c.incident.frontmatter;
    for (const other of [...(fm.related ?? []), ...(fm.recurrence_of === undefined ? [] : [fm.recurrence_of])]) join(c.id, other);
  }
  return root;
}

/** The profiles recurrences are suggested from: what `validate` builds from the files, built from the Incidents. */
export function populationProfiles(population: Population): RecurrenceProfile[] {
  return population.all.map((c) => profileOf(c.id, c.incident.frontmatter, c.incident.body.markdown, c.start));
}

/**
 * Turns validated incidents (and programs, judged on them) into the Analysis. Pure: the same
 * input and options give the same value, so the JSON is byte-identical from run to run.
 */
export function analyze(incidents: readonly Incident[], catalog: Catalog, options: AnalysisOptions, programs: readonly Program[] = []): Analysis {
  const settings: AnalysisSettings = { ...DEFAULT_SETTINGS, ...options };
  const population = buildPopulation(incidents, catalog, settings);
  const profiles = populationProfiles(population);
  // The text is split into words once, for suggested recurrences and similar incidents alike.
  const tokens = tokenise(profiles.map((p) => p.text));
  const links = confirmedLinks(population);
  const actionItems = analyseActionItems(population, settings);
  const suggested = suggestRecurrences(profiles, { windowDays: settings.recurrenceWindowDays, tokens });
  const recurrence = analyseRecurrence(population, links, suggested, actionItems.items, settings);
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

  const connected = connectedGroups(population);
  // Each incident's group looked up once: similar incidents ask for hundreds of thousands of pairs.
  const groupOf = new Map(population.all.map((c) => [c.id, connected(c.id)]));
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
      suggestedRecurrences: recurrence.total.suggested,
      preventableRecurrences: recurrence.preventable.length,
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
    patterns: rankPatterns(patternCandidates(matrices, groups, readerOf, population), { ...ctx, items: actionItems.items, chains: recurrence.families.map((f) => ({ incidents: f.members.map((m) => m.id) })) }),
    recurrence,
    similarity: findSimilar(population.all, weigh(tokens, SIMILARITY_TEXT), { top: settings.similarPerIncident, linked: (a, b) => groupOf.get(a) === groupOf.get(b) }),
    timeMetrics,
    mitigateAndResolve: mitigateAndResolve(population),
    durations: incidentDurations(population),
    actionItems,
    responders: analyseResponders(population, settings, [...new Set(catalog.services.map((s) => s.team))]),
    programs: evaluatePrograms(programs, population, actionItems.items, settings.asOf),
  };
}
