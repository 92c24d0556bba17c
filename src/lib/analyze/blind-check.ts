import type { Incident } from '../model.ts';
import type { Catalog } from '../schema/catalog.ts';
import { DEFAULT_SETTINGS, populationProfiles, type AnalysisOptions } from './analyze.ts';
import { DAY_MS } from './calendar.ts';
import { buildPopulation } from './cases.ts';
import { suggestRecurrences } from './recurrence-suggestions.ts';
import { round } from './stats.ts';
import type { AnalysisSettings, BlindCheck } from './types.ts';


/**
 * The blind check: suggestions made with every `recurrence_of` hidden, compared with what the
 * authors wrote. Agreement is how often inference proposes the author's origin; the suggestions
 * it makes for incidents nobody linked are counted apart (they are not known to be wrong).
 */
export function blindCheck(incidents: readonly Incident[], catalog: Catalog, options: AnalysisOptions): BlindCheck {
  const settings: AnalysisSettings = { ...DEFAULT_SETTINGS, ...options };
  const population = buildPopulation(incidents, catalog, settings);
  const profiles = populationProfiles(population);
  const written = new Map<string, string>();
  for (const p of profiles) {
    const origin = p.recurrenceOf === undefined ? undefined : population.byId.get(p.recurrenceOf);
    // Only what inference could propose: an incident repeating an earlier incident or near-miss.
    if (origin && origin.start < p.start && p.kind === 'incident' && origin.kind !== 'game-day') written.set(p.id, origin.id);
  }
  const blind = profiles.map((p) => (p.recurrenceOf === undefined ? p : { ...p, recurrenceOf: undefined }));
  const { suggestions } = suggestRecurrences(blind, { windowDays: settings.recurrenceWindowDays });
  const suggested = new Map(suggestions.map((s) => [s.to, s.from]));

  const check: BlindCheck = { hidden: written.size, agreed: 0, otherOrigin: 0, missed: 0, outsideWindow: 0, agreement: null, otherSuggestions: 0, cases: [] };
  for (const [id, origin] of written) {
    const proposal = suggested.get(id) ?? null;
    check.cases.push({ id, origin, suggested: proposal });
    if (proposal === origin) check.agreed++;
    else if (proposal !== null) check.otherOrigin++;
    else {
      check.missed++;
      if (population.byId.get(id)!.start - population.byId.get(origin)!.start > settings.recurrenceWindowDays * DAY_MS) check.outsideWindow++;
    }
  }
  check.otherSuggestions = suggestions.filter((s) => !written.has(s.to)).length;
  check.agreement = check.hidden ? round(check.agreed / check.hidden) : null;
  return check;
}
