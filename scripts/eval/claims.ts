/** What an analysis claims about recurrences and similar incidents. */
import type { Analysis } from '../../src/lib/index.ts';
import type { Pair } from './truth.ts';

export interface Claims {
  /** Links an author wrote (`recurrence_of`). */
  confirmed: Pair[];
  /** Links the analysis inferred and offers for confirmation. */
  suggestions: Pair[];
  /** Incidents grouped as one problem coming back, each group's ids. */
  families: string[][];
  /** Recurrences the analysis calls preventable, with the origin whose item was overdue. */
  preventable: Pair[];
  /** Incident id → its similar incidents, best first. */
  similar: Map<string, string[]>;
  /** Postmortems the analysis left out, by reason (`draft`, `near-miss`, `game-day`, `after-as-of`). */
  leftOut: Record<string, string[]>;
}

/**
 * The parts of an analysis the evaluation reads. Spelled out rather than picked from `Analysis`
 * so a test can hand-make one; an `Analysis` is one, so a renamed field fails the type check.
 */
export interface ClaimsSource {
  scope: { leftOut: Record<string, readonly string[]> };
  recurrence: {
    links: readonly { from: string; to: string }[];
    suggestions: readonly { from: string; to: string }[];
    families: readonly { members: readonly { id: string }[] }[];
    preventable: readonly { id: string; origin: string }[];
  };
  similarity: { byIncident: Record<string, readonly { id: string }[]> };
}

// An Analysis must stay readable as claims: this line fails to compile if it is not.
const _analysisIsASource = (analysis: Analysis): ClaimsSource => analysis;
void _analysisIsASource;

const pair = (link: { from: string; to: string }): Pair => ({ origin: link.from, id: link.to });

export function claimsOf(analysis: ClaimsSource): Claims {
  const { recurrence } = analysis;
  return {
    confirmed: recurrence.links.map(pair),
    suggestions: recurrence.suggestions.map(pair),
    families: recurrence.families.map((f) => f.members.map((m) => m.id)),
    preventable: recurrence.preventable.map((p) => ({ origin: p.origin, id: p.id })),
    similar: new Map(Object.entries(analysis.similarity.byIncident).map(([id, others]) => [id, others.map((o) => o.id)])),
    leftOut: Object.fromEntries(Object.entries(analysis.scope.leftOut).map(([reason, ids]) => [reason, [...ids]])),
  };
}
