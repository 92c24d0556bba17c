import { daysLate, itemStateOn, openWhenStarted, plural, type ActionItemRow, type RecurrenceKind, type RecurrenceWithItems } from '../../lib/index.ts';
import { KIND_WORDS, type KindBadge } from './recurrence-kind.ts';
import { incidentLink, type SiteData } from './site-data.ts';

type Tone = 'bad' | 'good' | 'muted';

/** One action item of the earlier incident, as it stood when this one started and as it stands now. */
export interface PromiseView {
  title: string;
  ticket: string | undefined;
  /** `P0 · prevent · team-platform · due 2025-05-31`. */
  meta: string;
  /** When this incident started: `24 days overdue`, `not yet due: due in 14 days`, `done on 2025-03-25`… */
  atStart: { text: string; tone: Tone };
  /** What became of it since, when it was not done then: `done on 2025-08-20, 81 days late`, `still open, 12 days overdue`. */
  since: string | undefined;
}

/** What the earlier incident promised: the "what did we promise last time?" of a recurrence. */
export interface PromisedView {
  /** Confirmed by `recurrence_of`, or only suggested. */
  confirmed: boolean;
  origin: { title: string; href: string | undefined; date: string };
  /** The sentence around the origin's link: `Repeats` … `(2025-03-18), linked by the authors 98 days earlier.` */
  intro: { before: string; after: string };
  badge: KindBadge | undefined;
  /** What the items' state makes this recurrence, in a sentence; undefined when the analysis says nothing. */
  verdict: string | undefined;
  prevent: PromiseView[];
  other: PromiseView[];
}

function stateText(item: ActionItemRow, date: string): PromiseView['atStart'] {
  const state = itemStateOn(item, date);
  switch (state.state) {
    case 'overdue': return { text: `${plural(state.days, 'day')} overdue`, tone: 'bad' };
    case 'not-yet-due': return { text: state.days ? `not yet due: due in ${plural(state.days, 'day')}` : 'due that day', tone: 'muted' };
    case 'no-due-date': return { text: 'not done, and no due date', tone: 'bad' };
    case 'done': return { text: state.completedAt ? `done on ${state.completedAt}` : 'done', tone: 'good' };
    case 'wont-do': return { text: `won't do${item.reason ? `: ${item.reason}` : ''}`, tone: 'muted' };
  }
}

/** What became of an item by the analysis date: done (and how late), given up, or still open (and how overdue). */
export function outcome(item: ActionItemRow): string {
  if (item.status === 'wont-do') return "given up (won't do)";
  if (!item.open) {
    const late = daysLate(item);
    const on = item.completedAt ? `done on ${item.completedAt}` : 'done';
    return late !== null && late > 0 ? `${on}, ${plural(late, 'day')} late` : on;
  }
  return item.overdue ? `still open, ${plural(item.overdueDays!, 'day')} overdue` : 'still open';
}

/** What became of an item, beside a status column that already says when it was done. */
function afterwards(item: ActionItemRow): string {
  if (item.open) return outcome(item);
  const late = daysLate(item);
  if (late === null) return item.due === null ? 'it had no due date' : 'done';
  return late > 0 ? `done ${plural(late, 'day')} late` : 'done by its due date';
}

/** An item as it stood on `date`, the day a recurrence started, and, if it was not done then, what became of it since. */
export function promiseState(item: ActionItemRow, date: string): Pick<PromiseView, 'atStart' | 'since'> {
  return {
    atStart: stateText(item, date),
    since: openWhenStarted(item, date) && item.status !== 'wont-do' ? outcome(item) : undefined,
  };
}

function promiseView(item: ActionItemRow, date: string): PromiseView {
  return {
    title: item.title,
    ticket: item.ticket ?? undefined,
    meta: [item.priority, item.type, item.owner, item.due ? `due ${item.due}` : 'no due date'].join(' · '),
    ...promiseState(item, date),
  };
}

function verdictOf(kind: { kind: RecurrenceKind; entry: RecurrenceWithItems } | undefined, prevent: number): string | undefined {
  if (!kind) return prevent ? undefined : 'The earlier incident recorded no prevent item.';
  const n = kind.entry.items.length;
  if (kind.kind !== 'preventable' || n === 1) return KIND_WORDS[kind.kind].verdict;
  return `Preventable: ${n} prevent items of the earlier incident were overdue when this one started.`;
}

/**
 * What the earlier incident `origin` promised, judged on `date`, the day this incident started:
 * its prevent items first, then the others, each as it stood then and what became of it. For a
 * confirmed recurrence, the analysis' verdict on it (`kind`); a suggested one has none.
 */
export function promisedView(
  data: SiteData,
  link: { origin: string; date: string; gapDays: number; confirmed: boolean },
  kind: { kind: RecurrenceKind; entry: RecurrenceWithItems } | undefined,
): PromisedView {
  const items = data.itemsOf.get(link.origin) ?? [];
  const origin = data.byId.get(link.origin);
  const prevent = items.filter((i) => i.type === 'prevent');
  const days = plural(Math.round(link.gapDays), 'day');
  return {
    confirmed: link.confirmed,
    origin: { ...incidentLink(data, link.origin), date: origin?.frontmatter.started_at.slice(0, 10) ?? '' },
    intro: link.confirmed
      ? { before: 'Repeats', after: `, ${days} earlier, as its authors linked.` }
      : { before: 'If this repeats', after: `, ${days} earlier (a suggestion, not confirmed), this is what it promised.` },
    badge: link.confirmed ? kind && KIND_WORDS[kind.kind].badge : undefined,
    verdict: link.confirmed ? verdictOf(kind, prevent.filter((i) => i.status !== 'wont-do').length) : undefined,
    prevent: prevent.map((i) => promiseView(i, link.date)),
    other: items.filter((i) => i.type !== 'prevent').map((i) => promiseView(i, link.date)),
  };
}

/**
 * For each action item of an incident, the recurrences under it in its family (its repeats, and
 * theirs) that started while the item was open: `3 incidents recurred while this was open; done 81
 * days late`. Undefined for an item no recurrence came back under.
 */
export function recurredWhileOpen(data: SiteData, incident: string, items: readonly ActionItemRow[]): (string | undefined)[] {
  const family = data.familyOf.get(incident);
  if (!family) return items.map(() => undefined);
  const below = new Set([incident]);
  const dates: string[] = [];
  // Depth first: a member's parent comes before it.
  for (const m of family.members) {
    if (m.parent === null || !below.has(m.parent)) continue;
    below.add(m.id);
    dates.push(m.date);
  }
  return items.map((item) => {
    if (item.status === 'wont-do') return undefined;
    const count = dates.filter((date) => openWhenStarted(item, date)).length;
    return count ? `${plural(count, 'incident')} recurred while this was open; ${afterwards(item)}` : undefined;
  });
}
