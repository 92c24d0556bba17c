/**
 * The prefix that draws each node of a tree given depth first (`parent` names the node it hangs
 * from; null for the root): `├─ ` before a node with later siblings, `└─ ` before the last one,
 * and `│  ` for each ancestor that still has siblings to come. The root's prefix is empty.
 */
export function treePrefixes(nodes: readonly { parent: string | null; depth: number }[]): string[] {
  const lastOf = new Map<string | null, number>();
  nodes.forEach((n, i) => {
    lastOf.set(n.parent, i);
  });
  const open: boolean[] = []; // per depth: whether the node there has siblings still to come
  return nodes.map((n, i) => {
    if (n.depth === 0) return '';
    const last = lastOf.get(n.parent) === i;
    open.length = n.depth;
    const prefix = open.slice(1).map((more) => (more ? '│  ' : '   ')).join('');
    open[n.depth] = !last;
    return `${prefix}${last ? '└─ ' : '├─ '}`;
  });
}
