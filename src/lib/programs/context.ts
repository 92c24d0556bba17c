import type { Case, Population } from '../analyze/cases.ts';
import type { ActionItemRow } from '../analyze/types.ts';
import type { ProgramScope } from '../schema/program.ts';

/** What a criterion is judged on. */
export interface CriterionContext {
  population: Population;
  /** Every action item of the population, as the analysis reads them. */
  items: readonly ActionItemRow[];
  /** The evaluation day: incidents after it do not exist yet, items done after it were not done. */
  date: string;
  /** The program's declaration day: no criterion is said to be met before it. */
  declared: string;
  /** The criterion's own scope, or the program's. */
  scope: ProgramScope | undefined;
}

/** The later of two `YYYY-MM-DD` dates. */
export const later = (a: string, b: string) => (a > b ? a : b);

export const caseOf = (ctx: CriterionContext, id: string): Case => ctx.population.byId.get(id)!;
