import type { Case } from '../analyze/cases.ts';
import type { ProgramScope } from '../schema/program.ts';

const meets = (values: readonly string[], wanted: readonly string[] | undefined) =>
  wanted === undefined || values.some((v) => wanted.includes(v));

/**
 * Whether an incident is in a scope: it names one of the services, one of the teams' services and
 * one of the root causes, for each list the scope gives. No scope is every incident.
 */
export function inScope(c: Case, scope: ProgramScope | undefined): boolean {
  if (!scope) return true;
  return meets(c.services, scope.services) && meets(c.teams, scope.teams) && meets(c.rootCauses, scope.root_causes);
}
