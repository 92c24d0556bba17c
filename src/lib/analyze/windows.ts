import type { Population } from './cases.ts';
import { overdueOn } from './action-items.ts';
import { median } from './stats.ts';
import type { ActionItemRow, HeadlineWindow } from './types.ts';

/** The last `days` days up to the analysis date, and the same number of days before them. */
export const WINDOW_DAYS = 90;

export function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The headline numbers of one window, both ends included. Action items are counted as they stood
 * at the window's last day: due before it and not done by it.
 */
function windowNumbers(population: Population, recurrences: ReadonlySet<string>, items: readonly ActionItemRow[], from: string, to: string): HeadlineWindow {
  const severe = new Set(population.severities.slice(0, 2));
  const cases = population.incidents.filter((c) => c.date >= from && c.date <= to);
  const resolved = cases.flatMap((c) => (c.resolve === null ? [] : [c.resolve]));
  return {
    from,
    to,
    incidents: cases.length,
    severe: cases.filter((c) => severe.has(c.severity)).length,
    customerFacing: cases.filter((c) => c.customerFacing).length,
    recurrences: cases.filter((c) => recurrences.has(c.id)).length,
    resolveP50: median(resolved),
    resolveMissing: cases.length - resolved.length,
    overdueActionItems: items.filter((i) => population.byId.get(i.incident)!.date <= to && overdueOn(i, to)).length,
  };
}

export function headlineWindows(population: Population, recurrences: ReadonlySet<string>, items: readonly ActionItemRow[], asOf: string) {
  const recentFrom = shiftDays(asOf, -(WINDOW_DAYS - 1));
  const previousTo = shiftDays(recentFrom, -1);
  const previousFrom = shiftDays(previousTo, -(WINDOW_DAYS - 1));
  return {
    days: WINDOW_DAYS,
    recent: windowNumbers(population, recurrences, items, recentFrom, asOf),
    previous: windowNumbers(population, recurrences, items, previousFrom, previousTo),
  };
}
