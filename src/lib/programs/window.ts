import type { Case } from '../analyze/cases.ts';
import { shiftDays } from '../analyze/calendar.ts';
import type { CriterionContext } from './context.ts';
import { inScope } from './scope.ts';

/** A figure over the incidents of a window, kept up to date as incidents enter and leave it. */
export interface WindowTally {
  add(c: Case): void;
  remove(c: Case): void;
  met(): boolean;
}

/** The incidents in a criterion's scope known by the evaluation day, by start date. */
export class Incidents {
  readonly cases: Case[];
  readonly #dates: string[];

  constructor(ctx: CriterionContext) {
    this.cases = ctx.population.incidents.filter((c) => c.date <= ctx.date && inScope(c, ctx.scope)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    this.#dates = this.cases.map((c) => c.date);
  }

  /** Those that started in the `days` days up to and including `to`. */
  window(to: string, days: number): Case[] {
    const [lo, hi] = this.#span(to, days);
    return this.cases.slice(lo, hi);
  }

  /**
   * The day a window criterion, met on the evaluation day, became met. What a window holds changes
   * only on the days an incident enters or leaves it, so only those days are looked at, going back
   * from the evaluation day until one leaves it unmet. The tally follows the window as it moves, so
   * each incident is added and removed once: the work grows with the incidents, not their square.
   */
  metSince(ctx: CriterionContext, days: number, tally: WindowTally): string {
    let [lo, hi] = this.#span(ctx.date, days);
    for (let i = lo; i < hi; i++) tally.add(this.cases[i]!);
    const moveTo = (day: string) => {
      // Going back in time, both ends of the window move down: the latest leave, earlier ones enter.
      const [newLo, newHi] = this.#span(day, days);
      for (let i = Math.max(lo, newHi); i < hi; i++) tally.remove(this.cases[i]!);
      for (let i = newLo; i < Math.min(lo, newHi); i++) tally.add(this.cases[i]!);
      [lo, hi] = [newLo, newHi];
    };
    const changes = [...new Set(this.#dates.flatMap((d) => [d, shiftDays(d, days)]))]
      .filter((d) => d > ctx.declared && d < ctx.date)
      .sort()
      .reverse();
    let since = ctx.date;
    for (const day of changes) {
      moveTo(day);
      if (!tally.met()) return since;
      since = day;
    }
    // Met on every change since the declaration: since the declaration, if it was met that day too.
    moveTo(ctx.declared);
    return tally.met() ? ctx.declared : since;
  }

  #span(to: string, days: number): [number, number] {
    return [this.#bound(shiftDays(to, -(days - 1)), false), this.#bound(to, true)];
  }

  #bound(date: string, after: boolean): number {
    let lo = 0, hi = this.#dates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (after ? this.#dates[mid]! <= date : this.#dates[mid]! < date) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
