import { plural, type FamilyMember, type FamilyStatus, type RecurrenceFamily } from '../../lib/index.ts';
import { kindBadge, type KindBadge } from './recurrence-kind.ts';
import { titleOf, type SiteData } from './site-data.ts';

/** One list item of a family tree: an incident with the repeats under it, or a run of incidents left out. */
export type FamilyNode =
  | {
    kind: 'incident';
    id: string;
    date: string;
    title: string;
    /** None for the page's own incident (`current`) and for an incident without a page. */
    href: string | undefined;
    current: boolean;
    /** Whole days after the incident it repeats; null for the origin. */
    gapDays: number | null;
    /** What the analysis says of this recurrence (`preventable`…), if anything. */
    badge: KindBadge | undefined;
    children: FamilyNode[];
    /** Members further down not shown, counted in one line. */
    hidden: number;
  }
  | {
    kind: 'skipped';
    /** Members left out here: a run of the path to the page's incident, and whatever hangs from it. */
    count: number;
    /** The rest of the path, under the run. */
    children: FamilyNode[];
  };

export interface FamilyTreeView {
  root: FamilyNode;
  status: FamilyStatus;
  /** `4 incidents, 2025-03-18 to 2025-08-05, linked by their authors: fixed.` */
  summary: string;
}

/** A family this size or smaller is drawn whole. */
const WHOLE = 10;
/** Of a larger one: its first members depth first, the two incidents above the page's, and three of its repeats. */
const HEAD = 4;
const ABOVE = 2;
const BELOW = 3;

/** The ids of a node's path from the origin, the origin first. */
function pathTo(id: string, byId: ReadonlyMap<string, FamilyMember>): string[] {
  const path: string[] = [];
  for (let m = byId.get(id); m; m = m.parent === null ? undefined : byId.get(m.parent)) path.unshift(m.id);
  return path;
}

/**
 * A recurrence family as the tree its links make: each repeat under the incident it names in
 * `recurrence_of`, with the gap of that link. A family of more than WHOLE members is cut to its
 * first members, the path to `current` (its middle as one "… N more" line) and current's repeats;
 * every member left out is counted where it was left out.
 */
export function familyTree(data: SiteData, family: RecurrenceFamily, current?: string): FamilyTreeView {
  const byId = new Map(family.members.map((m) => [m.id, m]));
  const children = new Map<string, FamilyMember[]>();
  for (const m of family.members) {
    if (m.parent === null) continue;
    const list = children.get(m.parent);
    if (list) list.push(m);
    else children.set(m.parent, [m]);
  }
  const size = new Map<string, number>();
  for (let i = family.members.length - 1; i >= 0; i--) {
    const m = family.members[i]!;
    size.set(m.id, 1 + (children.get(m.id) ?? []).reduce((n, c) => n + size.get(c.id)!, 0));
  }

  const shown = new Set<string>();
  let skipped: string[] = [];
  if (family.members.length <= WHOLE) for (const m of family.members) shown.add(m.id);
  else {
    // Depth first, the first members are their own ancestors' descendants: a prefix is a tree.
    for (const m of family.members.slice(0, HEAD)) shown.add(m.id);
    if (current !== undefined && byId.has(current)) {
      const path = pathTo(current, byId);
      const near = path.slice(-1 - ABOVE);
      const between = path.slice(0, -1 - ABOVE).filter((id) => !shown.has(id));
      if (between.length > 1) skipped = between;
      else for (const id of between) shown.add(id);
      for (const id of near) shown.add(id);
      for (const c of (children.get(current) ?? []).slice(0, BELOW)) shown.add(c.id);
    }
  }

  const node = (m: FamilyMember): FamilyNode => {
    const kids: FamilyNode[] = [];
    let hidden = 0;
    for (const c of children.get(m.id) ?? []) {
      if (shown.has(c.id)) kids.push(node(c));
      else if (c.id === skipped[0]) kids.push(skip());
      else hidden += size.get(c.id)!;
    }
    return {
      kind: 'incident',
      id: m.id,
      date: m.date,
      title: titleOf(data, m.id),
      href: m.id === current || !data.byId.has(m.id) ? undefined : data.links.incident(m.id),
      current: m.id === current,
      gapDays: m.gapDays === null ? null : Math.round(m.gapDays),
      badge: kindBadge(data.kindOf.get(m.id)?.kind),
      children: kids,
      hidden,
    };
  };
  // The run stands for its members and all that hangs from them, but for the path it leads on to.
  const skip = (): FamilyNode => {
    const next = byId.get(children.get(skipped.at(-1)!)!.find((c) => shown.has(c.id))!.id)!;
    return { kind: 'skipped', count: size.get(skipped[0]!)! - size.get(next.id)!, children: [node(next)] };
  };

  const overdue = family.overduePreventItems.length;
  return {
    root: node(family.members[0]!),
    status: family.status,
    summary: `${plural(family.members.length, 'incident')}, ${family.first} to ${family.last}, linked by their authors: ${family.status}${overdue ? `, ${plural(overdue, 'prevent item')} overdue` : ''}.`,
  };
}
