/**
 * A program as evaluated on one day: each exit criterion met or not, with its evidence, and the
 * program's status. Plain JSON-serialisable data: part of the Analysis (`analysis.programs`).
 * docs/analysis.md defines every number.
 */
import type { CriterionKind } from '../schema/program.ts';

export type ProgramState = 'active' | 'exited';
export type ProgramStatus = 'on-track' | 'at-risk' | 'ready-to-exit';

/** Where evidence is written: a postmortem's file and the path of the field in its frontmatter. */
export interface Place {
  file: string;
  path: (string | number)[];
}

/** An action item a criterion waits for, as it stood on the evaluation day. */
export interface ItemEvidence extends Place {
  incident: string;
  /** Position in the incident's `action_items`, from 0. */
  index: number;
  title: string;
  owner: string;
  team: string;
  priority: string;
  type: string;
  /** As written in the postmortem. */
  status: string;
  due: string | null;
  completedAt: string | null;
  ticket: string | null;
  /** Why it still counts as to do: `open`, `in progress`, `done only on …`, `won't do, without a reason`. */
  why: string;
  /** Days past due on the evaluation day; null unless overdue. */
  overdueDays: number | null;
}

/** An incident a criterion looked at. */
export interface IncidentEvidence extends Place {
  id: string;
  date: string;
  severity: string;
  /** What about it counts, e.g. `found by customer-report, detected after 47 min`. */
  detail: string;
}

export type CriterionMeasure =
  | { kind: 'items'; total: number; closed: number; labels: { label: string; total: number; closed: number }[] }
  | { kind: 'incidents'; from: string; to: string; count: number }
  | { kind: 'detection'; from: string; to: string; incidents: number; measured: number; detectP50: number | null; withDetection: number; customerReports: number; customerShare: number | null }
  | { kind: 'rotation'; from: string; to: string; incidents: number; withResponders: number; people: { who: string; incidents: number; share: number }[]; maxShare: number | null }
  | { kind: 'attested'; by: string; evidence: string; metOn: string };

export interface CriterionEvaluation {
  id: string;
  description: string;
  kind: CriterionKind;
  /** Where the criterion's `id` is written in the program file. */
  line: number;
  met: boolean;
  /** The day it became met, or the declaration day if it already was then; null while unmet. */
  metOn: string | null;
  /** What decides it, in a sentence. */
  summary: string;
  measure: CriterionMeasure;
  /** Items still to do: what blocks an item criterion (every one, oldest incident first). */
  blockingItems: ItemEvidence[];
  /** Incidents that block a window criterion, or that it measured (newest first). */
  incidents: IncidentEvidence[];
  /**
   * The day it would be met if nothing else happens: the latest due date of its blocking items, or
   * the day its window clears. Null when met, or when it cannot be told (an item without due date,
   * a rotation, a detection bound, an attestation).
   */
  projectedOn: string | null;
}

export interface ProgramEvaluation {
  id: string;
  file: string;
  title: string;
  kind: string;
  owner: string;
  declaredAt: string;
  targetDate: string | null;
  exitedAt: string | null;
  /** Exited when `exited_at` is on or before the analysis date. */
  state: ProgramState;
  /** The analysis date for an active program; `exited_at` for an exited one. */
  evaluatedOn: string;
  status: ProgramStatus;
  /** Why it is at risk, one sentence each; empty otherwise. */
  risks: string[];
  scope: { services: string[]; teams: string[]; rootCauses: string[] };
  criteria: CriterionEvaluation[];
  met: number;
  total: number;
  projection: {
    /** The latest day an unmet criterion is projected to be met; null when none can be told. */
    date: string | null;
    /** Blocking items without a due date. */
    undated: number;
    /** Unmet criteria that cannot be projected (rotation, detection, attestation, undated items). */
    unprojected: string[];
  };
  /** Incidents in the program's scope from its declaration to the evaluation day, in time order. */
  incidentsSinceDeclared: string[];
  /** The items the criteria wait for that were still open, every 7 days from the declaration and on the evaluation day. */
  burndown: { date: string; open: number }[];
}
