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
