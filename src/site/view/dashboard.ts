import { daysBetween, formatMinutes, percent, plural, trendWord, type CountChange, type HeadlineWindows } from '../../lib/index.ts';
import { actionItemRow, overdueFirst, type ActionItemRowView } from './action-items.ts';
import { dashboardCharts, type DashboardChart } from './dashboard-charts.ts';
import { familiesView, type FamiliesView } from './families.ts';
import { patternView, type PatternView } from './patterns.ts';
import { kindList, RECURRENCES_PAGE, recurrenceSummary, type KindListView, type RecurrenceSummaryView } from './recurrence-lists.ts';
import { severeSeverities, type SiteData } from './site-data.ts';

export interface DashboardCard {
  key: string;
  label: string;
  value: string;
  /** The previous window, or what the value leaves out. */
  note: string;
  /** The list behind the number, filtered to exactly the rows it counts. */
  href: string;
  /** A second number in the card, with its own list. */
  extra?: { text: string; href: string };
  /** Shown only for a change beyond chance; `bad` for a rise, as every count here is better lower. */
  change?: { arrow: '▲' | '▼'; tone: 'good' | 'bad' };
}

/** The arrow of a count that changed beyond chance, and nothing otherwise. */
function changeOf(change: CountChange): DashboardCard['change'] {
  if (change.direction === 'rising') return { arrow: '▲', tone: 'bad' };
  if (change.direction === 'falling') return { arrow: '▼', tone: 'good' };
  return undefined;
}

export interface TeamRow {
  team: string;
  href: string;
  recent: { count: number; href: string };
  severe: { count: number; href: string };
  allTime: { count: number; href: string };
  open: { count: number; href: string };
  overdue: { count: number; href: string };
}

export interface DashboardView {
  intro: string;
  window: { title: string; note: string; cards: DashboardCard[]; empty: string | undefined };
  allTime: DashboardCard[];
  overdue: { rows: ActionItemRowView[]; total: number; href: string };
  teams: { rows: TeamRow[]; note: string; severeLabel: string };
  charts: DashboardChart[];
  patterns: PatternView[];
  recurrence: {
    summary: RecurrenceSummaryView;
    /** The newest preventable recurrences, each with its overdue items. */
    preventable: KindListView & { href: string };
    /** Active families first, then quiet, then fixed. */
    families: FamiliesView & { href: string };
  };
}

/** Lists on the dashboard are bounded, with a link to the full list: its size does not grow with the corpus. */
const LIMITS = { overdue: 10, patterns: 10, preventable: 10, families: 5 };

/**
 * The window-over-window cards. A count carries an arrow and a colour only when the analysis' test
 * says the change is beyond chance, and says "flat", "no clear change" or "too few to tell"
 * otherwise. Overdue items are a level at a date and the p50 a median: no arrow; the p50 says its n.
 */
function windowCards(data: SiteData, windows: HeadlineWindows): DashboardCard[] {
  const { links } = data;
  const { recent, previous, days, changes } = windows;
  const range = { kind: 'incident', from: recent.from, to: recent.to };
  const before = `in the ${days} days before`;
  const count = (key: 'incidents' | 'severe' | 'customerFacing' | 'recurrences', label: string, href: string): DashboardCard => {
    const card: DashboardCard = { key, label, value: String(recent[key]), note: `${previous[key]} ${before}: ${trendWord(changes[key])}`, href };
    const change = changeOf(changes[key]);
    if (change) card.change = change;
    return card;
  };
  const leftOut = [recent.resolveMissing ? `${recent.resolveMissing} unresolved` : '', recent.resolveApproximate ? `${recent.resolveApproximate} approximate` : ''].filter(Boolean);
  return [
    count('incidents', 'Incidents', links.incidents(range)),
    count('severe', severeSeverities(data.catalog).join(' + '), links.incidents({ ...range, severity: 'severe' })),
    count('customerFacing', 'Customer-facing', links.incidents({ ...range, customer: true })),
    count('recurrences', 'Recurrences', links.incidents({ ...range, recurrence: true })),
    { key: 'overdueActionItems', label: 'Overdue action items (now)', value: String(recent.overdueActionItems), note: `${previous.overdueActionItems} at the end of the ${days} days before`, href: links.actionItems({ overdue: true, sort: 'overdue-desc' }) },
    {
      key: 'resolveP50',
      label: `p50 time to resolve (n = ${recent.resolveCount})`,
      value: formatMinutes(recent.resolveP50),
      note: `${formatMinutes(previous.resolveP50)} (n = ${previous.resolveCount}) ${before}${leftOut.length ? `; left out: ${leftOut.join(', ')}` : ''}`,
      href: links.incidents(range),
    },
  ];
}

function teamRows(data: SiteData, from: string, to: string): TeamRow[] {
  const { analysis, catalog, links } = data;
  const severe = new Set(severeSeverities(catalog));
  const stats = new Map(analysis.dimensions.find((d) => d.dimension === 'team')!.values.map((v) => [v.value, v]));
  const items = new Map(analysis.actionItems.byTeam.map((g) => [g.key, g]));
  const teams = [...new Set(catalog.services.map((s) => s.team))];
  return teams
    .map((team) => {
      const ids = stats.get(team)?.incidents ?? [];
      const recent = ids.filter((id) => {
        const date = data.byId.get(id)?.frontmatter.started_at.slice(0, 10) ?? '';
        return date >= from && date <= to;
      });
      const counts = items.get(team);
      const range = { kind: 'incident', team, from, to };
      return {
        team,
        href: links.value('team', team),
        recent: { count: recent.length, href: links.incidents(range) },
        severe: { count: recent.filter((id) => severe.has(data.byId.get(id)!.frontmatter.severity)).length, href: links.incidents({ ...range, severity: 'severe' }) },
        allTime: { count: ids.length, href: links.incidents({ kind: 'incident', team, to }) },
        open: { count: counts?.unfinished ?? 0, href: links.actionItems({ team, status: 'unfinished' }) },
        overdue: { count: counts?.overdue ?? 0, href: links.actionItems({ team, overdue: true, sort: 'overdue-desc' }) },
      };
    })
    .sort((a, b) => b.recent.count - a.recent.count || b.overdue.count - a.overdue.count || b.allTime.count - a.allTime.count || (a.team < b.team ? -1 : 1));
}

/** Everything the dashboard shows, every number with a link to the rows behind it. */
export function dashboardView(data: SiteData): DashboardView {
  const { analysis, links } = data;
  const { scope, windows, headline, recurrence } = analysis;
  const preventable = kindList(data, 'preventable', LIMITS.preventable);
  const { recent, previous, days } = windows;
  const resolve = analysis.timeMetrics.find((m) => m.metric === 'resolve')!;
  const overdue = overdueFirst(analysis.actionItems.items);
  const asOf = analysis.settings.asOf;
  const drafts = data.leftOut > 0 ? `, and ${plural(data.leftOut, 'draft')} left out of this site` : '';
  const empty = recent.incidents > 0 ? undefined
    : scope.last ? `No incidents in the last ${days} days. The last one started on ${scope.last}, ${plural(daysBetween(scope.last, asOf), 'day')} before ${asOf}.`
      : 'No incidents yet.';
  return {
    intro: `${plural(scope.incidents, 'incident')}${scope.first ? ` from ${scope.first} to ${scope.last}` : ''}, analysed as of ${asOf}. Not counted in incident metrics: ${plural(scope.nearMisses, 'near-miss', 'near-misses')}, ${plural(scope.gameDays, 'game day')}${drafts}.`,
    window: {
      title: `Last ${days} days`,
      note: `${recent.from} to ${recent.to}, against ${previous.from} to ${previous.to}. Each number links to the incidents or action items it counts; an arrow marks a change beyond chance (a two-sided test on the two counts, p < 0.05, at least 5 incidents in both windows together).`,
      cards: windowCards(data, windows),
      empty,
    },
    allTime: [
      { key: 'all-incidents', label: 'incidents', value: String(headline.incidents), note: '', href: links.incidents({ kind: 'incident', to: asOf }) },
      {
        key: 'recurrence-rate', label: `recurrence rate (${plural(headline.recurrences, 'confirmed recurrence')})`, value: percent(recurrence.total.rate),
        note: headline.suggestedRecurrences ? `${plural(headline.suggestedRecurrences, 'possible recurrence')} not yet confirmed` : '',
        href: links.incidents({ kind: 'incident', recurrence: true, to: asOf }),
      },
      { key: 'preventable', label: 'preventable recurrences', value: String(headline.preventableRecurrences), note: '', href: links.incidents({ preventable: true }) },
      {
        key: 'open-items', label: 'open action items', value: String(headline.openActionItems), note: '', href: links.actionItems({ status: 'unfinished' }),
        extra: { text: `${headline.overdueActionItems} overdue`, href: links.actionItems({ overdue: true, sort: 'overdue-desc' }) },
      },
      { key: 'all-resolveP50', label: `p50 time to resolve (n = ${headline.resolveCount})${resolve.missing.length > 0 ? `; ${resolve.missing.length} unresolved left out` : ''}${resolve.approximate.length > 0 ? `; ${resolve.approximate.length} approximate left out` : ''}`, value: formatMinutes(headline.resolveP50), note: '', href: links.incidents({ kind: 'incident', to: asOf }) },
    ],
    overdue: { rows: overdue.slice(0, LIMITS.overdue).map((item) => actionItemRow(data, item)), total: overdue.length, href: links.actionItems({ overdue: true, sort: 'overdue-desc' }) },
    teams: {
      rows: teamRows(data, recent.from, recent.to),
      severeLabel: severeSeverities(data.catalog).join(' + '),
      note: `Incidents in the last ${days} days and all time (an incident of two teams' services counts for both); action items by the team owning their incident's first service.`,
    },
    charts: dashboardCharts(data, data.trends),
    patterns: analysis.patterns.slice(0, LIMITS.patterns).map((p) => patternView(data, p)),
    recurrence: {
      summary: recurrenceSummary(data, RECURRENCES_PAGE),
      preventable: { ...preventable, href: links.page(`${RECURRENCES_PAGE}#${preventable.anchor}`) },
      families: { ...familiesView(data, LIMITS.families), href: links.page(`${RECURRENCES_PAGE}#families`) },
    },
  };
}
