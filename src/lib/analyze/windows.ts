import { shiftDays } from './calendar.ts';
import type { Population } from './cases.ts';
import { isOverdue, isSevere, severeSeverities } from './concepts.ts';
import { median } from './stats.ts';
import type { ActionItemRow, HeadlineWindow } from './types.ts';

/** The last `days` days up to the analysis date, and the same number of days before them. */
export const WINDOW_DAYS = 90;

/**
 * The headline numbers of one window, both ends included. Action items are counted as they stood
 * at the window's last day: due before it and not done by it.
 */
function windowNumbers(population: Population, recurrences: ReadonlySet<string>, items: readonly ActionItemRow[], from: string, to: string): HeadlineWindow {
  const cases = population.incidents.filter((c) => c.date >= from && c.date <= to);
  const resolved = cases.flatMap((c) => (c.resolve === null ? [] : [c.resolve]));
  return {
    from,
    to,
    incidents: cases.length,
    severe: cases.filter((c) => isSevere(c.severity, population.severities)).length,
    customerFacing: cases.filter((c) => c.customerFacing).length,
    recurrences: cases.filter((c) => recurrences.has(c.id)).length,
    resolveP50: median(resolved),
    resolveMissing: cases.length - resolved.length,
    overdueActionItems: items.filter((i) => population.byId.get(i.incident)!.date <= to && isOverdue(i, to)).length,
  };
}

export function headlineWindows(population: Population, recurrences: ReadonlySet<string>, items: readonly ActionItemRow[], asOf: string) {
  const recentFrom = shiftDays(asOf, -(WINDOW_DAYS - 1));
  const previousTo = shiftDays(recentFrom, -1);
  const previousFrom = shiftDays(previousTo, -(WINDOW_DAYS - 1));
  return {
    days: WINDOW_DAYS,
    severe: severeSeverities(population.severities),
    recent: windowNumbers(population, recurrences, items, recentFrom, asOf),
    previous: windowNumbers(population, recurrences, items, previousFrom, previousTo),
  };
}
