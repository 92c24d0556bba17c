/**
 * The Analysis: everything the site and the CLI show about a set of postmortems. Plain,
 * JSON-serialisable data in a fixed order, so the same input gives byte-identical JSON.
 * Durations are minutes; dates are `YYYY-MM-DD`; periods are `YYYY-MM` or `YYYY-Qn`.
 * docs/analysis.md defines every number.
 */

export type PeriodUnit = 'month' | 'quarter';

export type Dimension = 'service' | 'team' | 'root_cause' | 'trigger' | 'contributing_factor' | 'tag' | 'detection';

export interface AnalysisSettings {
  asOf: string;
  period: PeriodUnit;
  recurrenceWindowDays: number;
  trendPeriods: number;
  similarPerIncident: number;
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

/** count, p50, p90 and max of a set of durations; never a mean (the distributions are skewed). */
export interface DurationSummary {
  count: number;
  /** Incidents lacking one of the two timestamps: counted here, not as zero. */
  missing: number;
  p50: number | null;
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

export type Trend = 'rising' | 'falling' | 'flat';

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
  trend: { direction: Trend; recent: number; previous: number };
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

export interface PatternPart {
  dimension: Dimension;
  value: string;
  label: string;
}

export interface Pattern {
  /** One value, or a pair of values from two dimensions. */
  parts: PatternPart[];
  score: number;
  count: number;
  /** e.g. "4 incidents in 5 months: payments-api × capacity-exhaustion, 2 of them SEV1". */
  explanation: string;
  bySeverity: Record<string, number>;
  recurrences: number;
  firstSeen: string;
  lastSeen: string;
  incidents: string[];
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
  status: string;
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
  overdue: number;
  /** done ÷ (total − won't do); null when nothing is left to do. */
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
  /** Incidents of the window without `resolved_at`, left out of resolveP50. */
  resolveMissing: number;
  /** Action items overdue at the window's last day. */
  overdueActionItems: number;
}

export interface Analysis {
  version: 1;
  settings: AnalysisSettings;
  scope: Scope;
  headline: HeadlineNumbers;
  /** Incidents per period, by severity (every catalog severity, worst first). */
  perPeriod: { period: string; total: number; bySeverity: Record<string, number> }[];
  /** The last 90 days up to the analysis date against the 90 before. */
  windows: { days: number; recent: HeadlineWindow; previous: HeadlineWindow };
  dimensions: DimensionStats[];
  coOccurrence: CoOccurrence[];
  patterns: Pattern[];
  recurrence: RecurrenceAnalysis;
  similarity: SimilarityAnalysis;
  timeMetrics: TimeMetricAnalysis[];
  durations: IncidentDurations[];
  actionItems: ActionItemAnalysis;
}
