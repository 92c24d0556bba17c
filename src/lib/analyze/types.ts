/**
 * The Analysis: everything the site and the CLI show about a set of postmortems. Plain,
 * JSON-serialisable data in a fixed order, so the same input gives byte-identical JSON.
 * Durations are minutes; dates are `YYYY-MM-DD`; periods are `YYYY-MM` or `YYYY-Qn`.
 * docs/analysis.md defines every number.
 */

import type { ProgramEvaluation } from '../programs/types.ts';
import type { WorkingHours } from '../schema/working-hours.ts';

export type PeriodUnit = 'month' | 'quarter';

export type Dimension = 'service' | 'team' | 'root_cause' | 'trigger' | 'contributing_factor' | 'tag' | 'detection';

export interface AnalysisSettings {
  asOf: string;
  period: PeriodUnit;
  recurrenceWindowDays: number;
  trendPeriods: number;
  similarPerIncident: number;
  /** When a page counts as in working hours, on the clock of its own offset. */
  workingHours: WorkingHours;
}

/** Why a postmortem is not in the incident metrics. */
export type LeftOutReason = 'draft' | 'near-miss' | 'game-day' | 'after-as-of';

export interface Scope {
  /** Postmortems in the incident metrics: not drafts, `kind: incident`, started by the analysis date. */
  incidents: number;
  /** Near-misses and game days, counted apart. */
  nearMisses: number;
  gameDays: number;
  /** Every postmortem left out of the incident metrics, by reason, ids in time order. */
  leftOut: Record<LeftOutReason, string[]>;
  /** Every period from the first incident to the later of the last incident and the analysis date. */
  periods: string[];
  first?: string;
  last?: string;
}

/**
 * count, p50, p90 and max of a set of durations; never a mean (the distributions are skewed).
 * Every percentile is shown with `count`, its n.
 */
export interface DurationSummary {
  /** n: the durations the percentiles are computed over. */
  count: number;
  /** Incidents lacking one of the two timestamps: counted here, not as zero. */
  missing: number;
  /** Incidents whose author marked one of the two timestamps approximate: left out, counted here. */
  approximate: number;
  p50: number | null;
  /** Null below 10 durations, where nearest-rank p90 is only the maximum again. */
  p90: number | null;
  max: number | null;
}

export interface PeriodDurations extends DurationSummary {
  period: string;
  /** Fewer than 5 durations: show the points, draw no trend through them. */
  smallSample: boolean;
}

export type TimeMetric = 'detect' | 'mitigate' | 'resolve';

export interface HistogramBin {
  /** Inclusive lower bound, minutes. */
  from: number;
  /** Exclusive upper bound, minutes; null for the last, open bin. */
  to: number | null;
  label: string;
  count: number;
}

export interface TimeMetricAnalysis {
  metric: TimeMetric;
  /** Which timestamps it measures between, e.g. `started_at → detected_at`. */
  span: string;
  overall: DurationSummary;
  /** Ids of incidents lacking a timestamp this metric needs. */
  missing: string[];
  /** Ids of incidents left out because a timestamp this metric needs is marked approximate. */
  approximate: string[];
  perPeriod: PeriodDurations[];
  histogram: HistogramBin[];
  /** The 10 longest, longest first. */
  slowest: { id: string; minutes: number }[];
}

export interface IncidentDurations {
  id: string;
  detect: number | null;
  mitigate: number | null;
  resolve: number | null;
}

/** `flat`: no change beyond chance; `too-few`: fewer than 5 events, too few to tell. */
export type Trend = 'rising' | 'falling' | 'flat' | 'too-few';

/** Two counts of events in consecutive windows, and whether they differ beyond chance. */
export interface CountChange {
  direction: Trend;
  recent: number;
  previous: number;
  /** Two-sided p-value of the conditional binomial test; null when too few to test. */
  pValue: number | null;
}

/** Time to mitigate and time to resolve over the same incidents: those with both measured exactly. */
export interface MitigateAndResolve {
  count: number;
  mitigate: DurationSummary;
  resolve: DurationSummary;
}

export interface ValueStats {
  value: string;
  label: string;
  count: number;
  /** Severity id → count, every catalog severity present (zeros included), worst first. */
  bySeverity: Record<string, number>;
  /** `started_at` → `resolved_at`; incidents without `resolved_at` are counted in `missing`. */
  impactMinutes: { total: number; median: number | null; missing: number };
  customerFacing: number;
  /** Null for a catalog value no incident names. */
  firstSeen: string | null;
  lastSeen: string | null;
  /** Confirmed recurrences among these incidents. */
  recurrences: number;
  /** Counts on the analysis' period axis (`Scope.periods`). */
  perPeriod: number[];
  trend: CountChange;
  /** Ids, in time order. */
  incidents: string[];
}

export interface DimensionStats {
  dimension: Dimension;
  /** Incidents with no value in this dimension (e.g. no trigger given). */
  incidentsWithout: number;
  /** Most incidents first, then by value. */
  values: ValueStats[];
}

export interface MatrixCell {
  row: string;
  column: string;
  count: number;
  incidents: string[];
}

export interface CoOccurrence {
  rows: Dimension;
  columns: Dimension;
  /** Row and column values in the order of their dimension's stats. */
  rowValues: string[];
  columnValues: string[];
  /** Non-zero cells only, most incidents first. */
  cells: MatrixCell[];
}

/** One way a contributing factor was written, and how it was matched to the value it counts as. */
export interface FactorWriting {
  text: string;
  /** Postmortems past draft, of any kind, that write it so. */
  postmortems: number;
  /**
   * `id`: the catalog id; `exact`: the same content words as a label, an alias or the cluster's
   * leading writing; `similar`: close to them (`similarity`, 0–1; 0 for a misspelt id).
   */
  how: 'id' | 'exact' | 'similar';
  similarity?: number;
}

/** A contributing factor as the analysis counts it: a declared one, or a cluster of free text. */
export interface FactorGroup {
  /** The dimension value: the catalog id, or the words of the cluster's label. */
  value: string;
  label: string;
  declared: boolean;
  /** Incidents naming it (near-misses and game days not counted). */
  incidents: number;
  writings: FactorWriting[];
  /** For a cluster: the id to declare it with in the catalog. */
  suggestedId?: string;
}

export interface PatternPart {
  dimension: Dimension;
  value: string;
  label: string;
}

/** `active`: an incident in the trend window; `resolved`: none since, and every prevent item done; `quiet`: none since, prevent work still open. */
export type PatternStatus = 'active' | 'quiet' | 'resolved';

export interface Pattern {
  /**
   * What it is named by: a contributing factor (it says why), or a pair of values from two
   * dimensions, or one service, root cause or trigger.
   */
  parts: PatternPart[];
  /** Other values and pairs that cover exactly the same incidents, most associated first. */
  sameIncidents: PatternPart[][];
  score: number;
  /**
   * How many times more often the combination happens than its parts predict, shrunk toward 1 for
   * small counts (docs/analysis.md); 1 when nothing pairs these incidents more than chance.
   */
  lift: number;
  /** For a contributing factor: the service, root cause or trigger its lift is with. */
  liftWith?: PatternPart;
  count: number;
  /** e.g. "4 incidents in 5 months: contributing factor "No connection pooling", 1 of them SEV1, 3 recurrences". */
  explanation: string;
  bySeverity: Record<string, number>;
  recurrences: number;
  firstSeen: string;
  lastSeen: string;
  status: PatternStatus;
  /** The last N periods against the N before. */
  trend: CountChange;
  incidents: string[];
  /** Recurrence families with at least two of its incidents, each named by its origin. */
  chains: string[];
  /** The action items of its incidents: counts, and the items still to do (open or in progress). */
  actionItems: { total: number; open: number; overdue: number; done: number; prevent: number; preventDone: number; toDo: { incident: string; index: number }[] };
}

/** A recurrence an author confirmed: B's `recurrence_of` names A. */
export interface RecurrenceLink {
  /** The earlier incident. */
  from: string;
  /** The later incident: the recurrence. */
  to: string;
  gapDays: number;
}

/**
 * A possible recurrence nobody confirmed: B has no `recurrence_of`, and A is the earlier incident
 * with the strongest evidence that B repeats it. Shown as a suggestion, never counted as a
 * recurrence; `recurrence_of: A` confirms it, `not_recurrence_of: [A]` dismisses it.
 */
export interface RecurrenceSuggestion {
  /** The earlier incident: the suggested origin. */
  from: string;
  /** The incident that looks like a recurrence. */
  to: string;
  gapDays: number;
  /**
   * Structural evidence: `primary-service` when both name the same service first; `component`
   * when the service one names first is among the other's services.
   */
  match: 'primary-service' | 'component';
  /** The values both incidents share. */
  shared: { services: string[]; rootCauses: string[]; trigger?: string; factors: string[] };
  /** Text similarity of title, root cause, trigger and contributing factors, 0–1. */
  score: number;
  /** The terms that contribute most to the score. */
  terms: string[];
}

/** One incident of a recurrence family, after the incident it repeats. */
export interface FamilyMember {
  id: string;
  /** The incident it repeats; null for the family's origin. */
  parent: string | null;
  /** 0 for the origin, 1 for its repeats, 2 for theirs… */
  depth: number;
  date: string;
  /** Days after its parent; null for the origin. */
  gapDays: number | null;
}

/** An action item as recurrence findings list it, with the incident it belongs to. */
export interface PreventItem {
  incident: string;
  /** Position in the incident's `action_items`, from 0. */
  index: number;
  title: string;
  owner: string;
  priority: string;
  status: ActionItemStatus;
  due: string | null;
  completedAt: string | null;
  ticket: string | null;
}

export type FamilyStatus = 'active' | 'quiet' | 'fixed';

/** The tree of confirmed recurrences that start from one incident. */
export interface RecurrenceFamily {
  origin: string;
  /** Depth-first from the origin: each repeat right after the incident it repeats, earliest first. */
  members: FamilyMember[];
  /** Start dates of the first and the last incident. */
  first: string;
  last: string;
  lastId: string;
  /** Days from the last incident to the analysis date. */
  daysSinceLast: number;
  /** Prevent items of the family's incidents that are open or in progress. */
  openPreventItems: PreventItem[];
  /** Of those, the ones overdue at the analysis date. */
  overduePreventItems: PreventItem[];
  /**
   * `fixed`: every prevent item done, and no recurrence since the last was done; `quiet`: no
   * recurrence within the recurrence window before the analysis date; `active` otherwise.
   */
  status: FamilyStatus;
}

/** A confirmed recurrence with the prevent items of its origin that explain its kind. */
export interface RecurrenceWithItems {
  /** The recurrence. */
  id: string;
  /** The incident it confirms as its origin. */
  origin: string;
  items: (PreventItem & {
    /** Days from `due` to the recurrence's start: positive when overdue, negative when not yet due; null without a due date or when done before. */
    daysPastDue: number | null;
  })[];
}

export interface RecurrenceAnalysis {
  /** Confirmed recurrences: the only links recurrence numbers count. */
  links: RecurrenceLink[];
  /** Possible recurrences, most similar first. */
  suggestions: RecurrenceSuggestion[];
  /** Candidates the authors dismissed with `not_recurrence_of`. */
  dismissed: number;
  /** The text score a suggestion needs: the folder's background similarity, as docs/analysis.md defines it. */
  textThreshold: number;
  families: RecurrenceFamily[];
  /** The origin had a prevent item overdue when the recurrence started. */
  preventable: RecurrenceWithItems[];
  /** No prevent item was overdue, but one was not yet due. */
  recurredBeforeDue: RecurrenceWithItems[];
  /** No prevent item was overdue or due later: the unfinished ones had no due date. */
  recurredWithoutDueDate: RecurrenceWithItems[];
  /** Every prevent item of the origin was done before the recurrence: the fix did not work. */
  recurredAfterFix: RecurrenceWithItems[];
  /** Per period: incidents, confirmed recurrences among them and their ratio (null without incidents), and suggested ones. */
  perPeriod: { period: string; incidents: number; recurrences: number; rate: number | null; suggested: number }[];
  /** Confirmed recurrences among all incidents, and suggested ones apart. */
  total: { incidents: number; recurrences: number; rate: number | null; suggested: number };
}

/** What the blind check measured: inference run with the authors' `recurrence_of` hidden. */
export interface BlindCheck {
  /** Confirmed recurrences hidden from inference. */
  hidden: number;
  /** Hidden recurrences for which inference suggested the author's origin. */
  agreed: number;
  /** Hidden recurrences for which it suggested another origin. */
  otherOrigin: number;
  /** Hidden recurrences for which it suggested nothing; `outsideWindow` of them are further apart than the window. */
  missed: number;
  outsideWindow: number;
  /** agreed ÷ hidden; null when nothing was hidden. */
  agreement: number | null;
  /** Suggestions for incidents without a confirmed recurrence. */
  otherSuggestions: number;
  /** Each hidden recurrence with what inference suggested for it. */
  cases: { id: string; origin: string; suggested: string | null }[];
}

export interface SimilarIncident {
  id: string;
  /** BM25F score of the other incident with this one's text as the query: higher is more alike; comparable within one folder. */
  score: number;
  /** The terms that contribute most to the score. */
  terms: string[];
  /** Connected by a path of links authors wrote (`related`, `recurrence_of`). */
  linked: boolean;
}

export interface SimilarityAnalysis {
  /** The score a similar incident needs: the folder's background similarity, as docs/analysis.md defines it. */
  threshold: number;
  /** Incident id → its most similar others, best first (ids with none are absent). */
  byIncident: Record<string, SimilarIncident[]>;
  /** Pairs nobody linked, most similar first. */
  unlinkedPairs: { a: string; b: string; score: number; terms: string[] }[];
}

export type ActionItemStatus = 'open' | 'in-progress' | 'done' | 'wont-do';

export interface ActionItemRow {
  incident: string;
  /** Position in the incident's `action_items`, from 0. */
  index: number;
  title: string;
  owner: string;
  /** The owning team of the incident's first service. */
  team: string;
  type: string;
  priority: string;
  status: ActionItemStatus;
  due: string | null;
  completedAt: string | null;
  ticket: string | null;
  /** The item's labels, in the order written; none is `[]`. */
  labels: string[];
  /** Why the item has its status, as written; a `wont-do` item counts as closed in a program only with one. */
  reason: string | null;
  /** Open at the analysis date (`isOpen`): not done by then, not won't do. */
  open: boolean;
  /** Overdue at the analysis date (`isOverdue`): open then and due before it. */
  overdue: boolean;
  /** Days past due at the analysis date, for overdue items. */
  overdueDays: number | null;
  /** Days from the incident's start date to completion, for done items. */
  daysToComplete: number | null;
}

export interface ActionItemCounts {
  total: number;
  open: number;
  inProgress: number;
  done: number;
  wontDo: number;
  /** Open at the analysis date (`isOpen`): what the headline calls open, whatever the status says now. */
  unfinished: number;
  overdue: number;
  /** Done by the analysis date ÷ (total − won't do); null when nothing is left to do. */
  completionRate: number | null;
}

export interface GroupedCounts extends ActionItemCounts {
  key: string;
}

export interface ActionItemAnalysis {
  totals: ActionItemCounts;
  medianDaysToComplete: number | null;
  byOwner: GroupedCounts[];
  byTeam: GroupedCounts[];
  byType: GroupedCounts[];
  byPriority: GroupedCounts[];
  /** Opened (by the incident's period), closed (done, by `completed_at`) and overdue at the period's end. */
  perPeriod: { period: string; opened: number; closed: number; overdueAtEnd: number }[];
  byIncident: Record<string, ActionItemCounts>;
  items: ActionItemRow[];
}

export interface HeadlineNumbers {
  incidents: number;
  bySeverity: Record<string, number>;
  customerFacing: number;
  /** Confirmed recurrences. */
  recurrences: number;
  /** Possible recurrences nobody confirmed or dismissed, counted apart. */
  suggestedRecurrences: number;
  preventableRecurrences: number;
  openActionItems: number;
  overdueActionItems: number;
  resolveP50: number | null;
  /** n of resolveP50. */
  resolveCount: number;
}

/** The headline numbers of a window of days (both ends included). */
export interface HeadlineWindow {
  from: string;
  to: string;
  incidents: number;
  /** Incidents of the catalog's two worst severities (SEV1 and SEV2 by default). */
  severe: number;
  customerFacing: number;
  recurrences: number;
  resolveP50: number | null;
  /** n of resolveP50: incidents of the window with an exact time to resolve. */
  resolveCount: number;
  /** Incidents of the window without `resolved_at`, left out of resolveP50. */
  resolveMissing: number;
  /** Incidents of the window whose time to resolve is marked approximate, left out of resolveP50. */
  resolveApproximate: number;
  /** Action items overdue at the window's last day. */
  overdueActionItems: number;
}

/** The counts the dashboard compares window over window; the others are levels or medians. */
export type WindowCount = 'incidents' | 'severe' | 'customerFacing' | 'recurrences';

export interface HeadlineWindows {
  days: number;
  /** The severities counted as `severe` (`severeSeverities`). */
  severe: string[];
  recent: HeadlineWindow;
  previous: HeadlineWindow;
  /** Recent against previous for each count: a direction only when it is beyond chance. */
  changes: Record<WindowCount, CountChange>;
}

export interface PersonLoad {
  /** As written in `responders[].who`. */
  who: string;
  /** The teams the person responded for, most incidents first. */
  teams: string[];
  /** Incidents the person is listed in. */
  incidents: number;
  /** Of them, as incident commander. */
  asCommander: number;
  /** Sum of `hours` where given. */
  hours: number;
  /** Entries without `hours`: left out of the sum, not counted as zero. */
  hoursMissing: number;
  /** Entries with `paged_at`. */
  pages: number;
  /** Of them, outside working hours on the clock of `paged_at`'s offset. */
  outOfHoursPages: number;
}

export interface TeamLoad {
  /** A catalog team, as responders name it. */
  team: string;
  /** Incidents at least one of the team's people responded to. */
  incidents: number;
  responders: number;
  hours: number;
  hoursMissing: number;
  pages: number;
  outOfHoursPages: number;
  /** The person of the team with most incidents (then by name); null without any. */
  busiest: string | null;
  busiestIncidents: number;
  /** busiestIncidents ÷ incidents: how much of the team's load one person carries. */
  concentration: number | null;
  /** The team's people, counted over their entries for this team only. */
  people: PersonLoad[];
}

export interface LoadSummary {
  /** First and last day counted. */
  from: string | null;
  to: string;
  /** Incidents in the span, and how many of them list responders. */
  incidents: number;
  withResponders: number;
  people: PersonLoad[];
  /** Teams in catalog order, those without responders left out. */
  teams: TeamLoad[];
}

export interface ResponderAnalysis {
  allTime: LoadSummary;
  /** The last 90 days up to the analysis date. */
  recent: LoadSummary;
}

export interface Analysis {
  version: 1;
  settings: AnalysisSettings;
  scope: Scope;
  headline: HeadlineNumbers;
  /** Incidents per period, by severity (every catalog severity, worst first). */
  perPeriod: { period: string; total: number; bySeverity: Record<string, number> }[];
  /** The last 90 days up to the analysis date against the 90 before. */
  windows: HeadlineWindows;
  dimensions: DimensionStats[];
  coOccurrence: CoOccurrence[];
  /** Every contributing factor: declared ones in catalog order, then clusters by incidents. */
  factors: FactorGroup[];
  patterns: Pattern[];
  recurrence: RecurrenceAnalysis;
  similarity: SimilarityAnalysis;
  timeMetrics: TimeMetricAnalysis[];
  mitigateAndResolve: MitigateAndResolve;
  durations: IncidentDurations[];
  actionItems: ActionItemAnalysis;
  responders: ResponderAnalysis;
  /** Programs declared by the analysis date, active ones first. */
  programs: ProgramEvaluation[];
}
