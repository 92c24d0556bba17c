/**
 * What an analysis claims about recurrences and similar incidents, read from its JSON. The JSON is
 * read as loose data rather than through the core's types, so that this evaluation keeps working,
 * and keeps measuring, while the shape of the recurrence analysis changes.
 */
import type { Pair } from './truth.ts';

export interface Claims {
  /** Links an author wrote (`recurrence_of`). */
  confirmed: Pair[];
  /** Links the analysis inferred and offers for confirmation. */
  suggestions: Pair[];
  /** Incidents grouped as one problem coming back, each group's ids. */
  families: string[][];
  /** Recurrences the analysis calls preventable, with the origin whose item was not done. */
  preventable: Pair[];
  /** Incident id → its similar incidents, best first. */
  similar: Map<string, string[]>;
  /** Postmortems the analysis left out, by reason (`draft`, `near-miss`, `game-day`, `after-as-of`). */
  leftOut: Record<string, string[]>;
}

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => Array.isArray(value) ? value : [];
const text = (value: unknown): string | undefined => typeof value === 'string' ? value : undefined;

/** `{ from, to }` (links, today's suggestions) or `{ origin, id }` (the announced suggestions). */
function pairOf(entry: unknown, earlier: string, later: string): Pair | undefined {
  if (!isObject(entry)) return undefined;
  const origin = text(entry[earlier]) ?? text(entry.origin) ?? text(entry.from);
  const id = text(entry[later]) ?? text(entry.id) ?? text(entry.to);
  return origin !== undefined && id !== undefined ? { origin, id } : undefined;
}

/** A family's members: a list of ids or of `{ id }`, under `incidents` or `members`. */
function membersOf(family: unknown): string[] {
  if (!isObject(family)) return [];
  return list(family.incidents ?? family.members).flatMap((m) => {
    const id = typeof m === 'string' ? m : isObject(m) ? text(m.id) : undefined;
    return id === undefined ? [] : [id];
  });
}

/**
 * The one place that knows the analysis' shape. Today `recurrence.links` holds confirmed and
 * inferred links (`kind: 'inferred'`) and groups are `recurrence.chains`; announced are
 * `recurrence.suggestions` beside confirmed-only links, `recurrence.families`, and preventable
 * entries as `{ id, origin, items }` instead of one per item with `original` and `recurrence`.
 */
export function claimsOf(analysis: unknown): Claims {
  const root = isObject(analysis) ? analysis : {};
  const recurrence = isObject(root.recurrence) ? root.recurrence : {};
  const links = list(recurrence.links).filter(isObject);
  const pairs = (entries: unknown[], earlier = 'from', later = 'to') => entries.flatMap((e) => pairOf(e, earlier, later) ?? []);

  const byIncident = isObject(root.similarity) && isObject(root.similarity.byIncident) ? root.similarity.byIncident : {};
  const similar = new Map(Object.entries(byIncident).map(([id, others]) => [id, list(others).flatMap((o) => (isObject(o) && text(o.id)) || [])]));

  return {
    confirmed: pairs(links.filter((l) => l.kind !== 'inferred')),
    suggestions: [...pairs(links.filter((l) => l.kind === 'inferred')), ...pairs(list(recurrence.suggestions))],
    families: list(recurrence.families ?? recurrence.chains).map(membersOf).filter((m) => m.length > 0),
    preventable: pairs(list(recurrence.preventable), 'original', 'recurrence'),
    similar,
    leftOut: isObject(root.scope) && isObject(root.scope.leftOut)
      ? Object.fromEntries(Object.entries(root.scope.leftOut).map(([reason, ids]) => [reason, list(ids).flatMap((x) => text(x) ?? [])]))
      : {},
  };
}
