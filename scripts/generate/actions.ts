/**
 * Action items, decided once it is known whether an incident was repeated. A repeated incident
 * gets, more often than not, a `prevent` item that was still unfinished when the repeat happened:
 * the preventable recurrences an analysis should find. The others had their fix done in time.
 */
import type { Organisation } from './catalog.ts';
import type { Planned } from './plan.ts';
import type { Rng } from './random.ts';
import { CAUSES, type ActionType, type Text } from './text-causes.ts';
import { TRIGGER_TEXT } from './text-triggers.ts';
import { LATEST_DAY } from './time.ts';

export interface ActionItem {
  title: string;
  owner: string;
  type: ActionType;
  priority: string | undefined;
  status: 'open' | 'in-progress' | 'done' | 'wont-do';
  due: number | undefined;
  completed: number | undefined;
  ticket: string | undefined;
}

const PRIORITY_WEIGHTS: Record<string, readonly number[]> = {
  SEV1: [30, 40, 20, 10],
  SEV2: [15, 40, 30, 15],
  SEV3: [5, 25, 45, 25],
  SEV4: [2, 15, 45, 38],
};
const DUE_IN_DAYS = [7, 14, 14, 21, 30, 30, 45, 60, 90];

const DETECTION_ACTIONS: readonly (readonly [ActionType, Text])[] = [
  ['detect', (c) => `Alert on the error rate of ${c.svc} before customers notice`],
  ['detect', (c) => `Add ${c.svc} to the synthetic checks`],
];

/**
 * `lastDay` is the local day the incident ended (or started, for a draft with no end): nothing is
 * completed before it.
 */
export function actionItems(p: Planned, lastDay: number, org: Organisation, tickets: Map<string, number>, rng: Rng): ActionItem[] {
  const planted = p.repeatedOn !== undefined && rng.chance(0.6);
  const drawn = p.status === 'draft' ? rng.weighted([30, 40, 30]) : rng.weighted([8, 15, 25, 25, 17, 10]);
  const count = planted ? Math.max(1, drawn) : drawn;
  if (count === 0) return [];
  const pool: (readonly [ActionType, Text])[] = [];
  for (const cause of p.causes) pool.push(...CAUSES[cause].actions);
  if (p.trigger) pool.push(...TRIGGER_TEXT[p.trigger].actions);
  if (p.detection === 'customer-report' || p.detection === 'employee-report') pool.push(...DETECTION_ACTIONS);

  // The cause's own prevent item first, so most incidents carry the fix that would stop a repeat.
  const first = CAUSES[p.causes[0]!].actions.filter(([type]) => type === 'prevent');
  const chosen = (planted || rng.chance(0.75)) && first.length ? [rng.pick(first)] : [];
  for (const entry of rng.shuffle(pool)) {
    if (chosen.length >= count) break;
    if (!chosen.includes(entry)) chosen.push(entry);
  }

  const team = p.services[0]!.team;
  const people = org.people[team]!;
  let plantedDone = false;
  const items = chosen.map(([type, text]): ActionItem => {
    const title = text(p.ctx).replaceAll('`', '');
    const item: ActionItem = {
      title: title.charAt(0).toUpperCase() + title.slice(1),
      owner: rng.chance(type === 'process' ? 0.7 : 0.4) ? `team-${team}` : rng.pick(people),
      type,
      priority: rng.chance(0.1) ? undefined : `P${rng.weighted(PRIORITY_WEIGHTS[p.severity]!)}`,
      status: 'open',
      due: rng.chance(0.7) ? lastDay + rng.pick(DUE_IN_DAYS) : undefined,
      completed: undefined,
      ticket: undefined,
    };
    if (rng.chance(0.55)) {
      const prefix = team.slice(0, 3).toUpperCase();
      const n = (tickets.get(prefix) ?? 100) + 1;
      tickets.set(prefix, n);
      item.ticket = `https://tracker.example.com/${prefix}-${n}`;
    }
    settle(item, p, lastDay, rng);
    if (type === 'prevent' && p.repeatedOn !== undefined) {
      if (planted && !plantedDone) {
        leaveUnfinishedOn(item, lastDay, p.repeatedOn, rng);
        plantedDone = true;
      } else if (!planted) {
        finishBefore(item, lastDay, p.repeatedOn, rng);
      }
    }
    return item;
  });
  return items;
}

/** Older incidents have more done items; some items are left to rot, some are dropped. */
function settle(item: ActionItem, p: Planned, lastDay: number, rng: Rng): void {
  const r = rng.next();
  if (p.status === 'draft' || r < 0.2) {
    item.status = r < 0.06 && p.status !== 'draft' ? 'wont-do' : rng.chance(0.6) ? 'open' : 'in-progress';
    return;
  }
  const completed = lastDay + Math.round(rng.logNormal(2.8, 0.9));
  if (completed <= LATEST_DAY) {
    item.status = 'done';
    item.completed = completed;
  } else {
    item.status = rng.chance(0.5) ? 'open' : 'in-progress';
  }
}

/** The fix was not in place when the incident happened again. */
function leaveUnfinishedOn(item: ActionItem, lastDay: number, repeatDay: number, rng: Rng): void {
  const lateCompletion = Math.max(lastDay, repeatDay + rng.int(1, 60));
  if (rng.chance(0.3) && lateCompletion <= LATEST_DAY) {
    item.status = 'done';
    item.completed = lateCompletion;
  } else {
    item.status = rng.chance(0.55) ? 'open' : 'in-progress';
    item.completed = undefined;
  }
}

/** The fix was done in time, and the incident happened again anyway. */
function finishBefore(item: ActionItem, lastDay: number, repeatDay: number, rng: Rng): void {
  if (repeatDay - 1 < lastDay) return;
  item.status = 'done';
  item.completed = rng.int(lastDay, repeatDay - 1);
}
