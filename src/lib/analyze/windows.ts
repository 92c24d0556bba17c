import { shiftDays } from './calendar.ts';
import type { Population } from './cases.ts';
import { isOverdue, isSevere, severeSeverities } from './concepts.ts';
import { compareCounts, median } from './stats.ts';
import { exactMinutes } from './time-metrics.ts';
import type { ActionItemRow, HeadlineWindow, HeadlineWindows, WindowCount } from './types.ts';

/** The last `days` days up to the analysis date, and the same number of days before them. */
export const WINDOW_DAYS = 90;

/**
 * The headline numbers of one window, both ends included. Action items are counted as they stood
 * at the window's last day: due before it and not done by it.
 */
function windowNumbers(population: Population, recurrences: ReadonlySet<string>, items: readonly ActionItemRow[], from: string, to: string): HeadlineWindow {
  const cases = population.incidents.filter((c) => c.date >= from && c.date <= to);
  const resolved = cases.flatMap((c) => { const m = exactMinutes(c, 'resolve'); return m === null ? [] : [m]; });
  return {
    from,
    to,
    incidents: cases.length,
    severe: cases.filter((c) => isSevere(c.severity, population.severities)).length,
    customerFacing: cases.filter((c) => c.customerFacing).length,
    recurrences: cases.filter((c) => recurrences.has(c.id)).length,
    resolveP50: median(resolved),
    resolveCount: resolved.length,
    resolveMissing: cases.filter((c) => c.resolve === null).length,
    resolveApproximate: cases.filter((c) => c.resolve !== null && exactMinutes(c, 'resolve') === null).length,
    overdueActionItems: items.filter((i) => population.byId.get(i.incident)!.date <= to && isOverdue(i, to)).length,
  };
}

/** Counts of events in a window, which the two-window test applies to. */
const COUNTS: readonly WindowCount[] = ['incidents', 'severe', 'customerFacing', 'recurrences'];

export function headlineWindows(population: Population, recurrences: ReadonlySet<string>, items: readonly ActionItemRow[], asOf: string): HeadlineWindows {
  const recentFrom = shiftDays(asOf, -(WINDOW_DAYS - 1));
  const previousTo = shiftDays(recentFrom, -1);
  const previousFrom = shiftDays(previousTo, -(WINDOW_DAYS - 1));
  const recent = windowNumbers(population, recurrences, items, recentFrom, asOf);
  const previous = windowNumbers(population, recurrences, items, previousFrom, previousTo);
  const changes = Object.fromEntries(COUNTS.map((key) => [key, compareCounts(recent[key], previous[key])])) as HeadlineWindows['changes'];
  return { days: WINDOW_DAYS, severe: severeSeverities(population.severities), recent, previous, changes };
}
