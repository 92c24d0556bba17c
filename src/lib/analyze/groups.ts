/**
 * Disjoint sets of ids: `join` two, then `root` names the group an id belongs to. What turns
 * pairwise links into chains and connected groups.
 */
export function disjointSets() {
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let r = id;
    while (parent.has(r)) r = parent.get(r)!;
    if (r !== id) parent.set(id, r);
    return r;
  };
  const join = (a: string, b: string) => {
    const ra = root(a), rb = root(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  return { root, join };
}

/**
 * Items grouped by the keys each one has (none, one or several), in the order the items come;
 * `declared` keys are listed first, and kept even when no item has them.
 */
export function groupBy<T>(items: Iterable<T>, keysOf: (item: T) => Iterable<string>, declared: Iterable<string> = []): Map<string, T[]> {
  const groups = new Map<string, T[]>([...declared].map((key) => [key, []]));
  for (const item of items) {
    for (const key of keysOf(item)) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}
