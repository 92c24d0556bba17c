import { z } from 'zod';
import { ACTION_ITEM_TYPES, PRIORITIES } from './action-item.ts';
import { date, nonEmptyText, slug } from './fields.ts';
import { RESPONDER_ROLES } from './responder.ts';

export const PROGRAM_KINDS = ['code-yellow', 'code-red', 'initiative'] as const;
export const CRITERION_KINDS = [
  'action-items-done', 'labelled-items-done', 'no-incidents', 'no-recurrence', 'detection', 'rotation', 'attested',
] as const;

const ids = (what: string, example: string) => z.array(z.string()).min(1, { error: `must name at least one ${what}, e.g. \`[${example}]\`, or be left out` });
const label = slug('label', 'connection-pooling');
const days = z.int({ error: 'must be a whole number of days' }).min(1, { error: 'must be at least 1 day' }).max(3650, { error: 'must be at most 3650 days' });
const share = z.number({ error: 'must be a share between 0 and 1, e.g. `0.4` for 40 %' }).gt(0, { error: 'must be more than 0' }).max(1, { error: 'must be at most 1 (100 %)' });

/**
 * Which incidents a program (or one criterion) looks at. Each list given narrows the scope: an
 * incident is in it when it names one of the services, one of the teams' services and one of the
 * root causes. An empty scope is every incident.
 */
export const scopeSchema = z.strictObject({
  /** Catalog service ids. */
  services: ids('service', 'orders-db').optional(),
  /** Catalog teams: an incident is theirs when it names one of their services. */
  teams: ids('team', 'platform').optional(),
  /** Catalog root-cause ids. */
  root_causes: ids('root cause', 'missing-limits').optional(),
});

const base = {
  /** Unique in the program, a slug, e.g. `past-action-items`. */
  id: slug('criterion id', 'past-action-items'),
  /** What has to be true, in a sentence. */
  description: nonEmptyText,
};
/** What every criterion has, whatever its kind. */
export const criterionBaseSchema = z.object(base);

/** Replaces the program's scope for this criterion. */
const scope = scopeSchema.optional();

export const actionItemsDoneSchema = z.strictObject({
  ...base,
  kind: z.literal('action-items-done'),
  scope,
  /** Only items of incidents that started before this date ("every past action item"). */
  started_before: date.optional(),
  priorities: z.array(z.enum(PRIORITIES)).min(1).optional(),
  types: z.array(z.enum(ACTION_ITEM_TYPES)).min(1).optional(),
  /** Only items carrying one of these labels. */
  labels: z.array(label).min(1).optional(),
});

export const labelledItemsDoneSchema = z.strictObject({
  ...base,
  kind: z.literal('labelled-items-done'),
  scope,
  /** Every item carrying one of these is done, and each label is on at least one item. */
  labels: z.array(label).min(1, { error: 'must name at least one label' }),
});

export const noIncidentsSchema = z.strictObject({
  ...base,
  kind: z.literal('no-incidents'),
  scope,
  /** A catalog severity: incidents of it or worse count. */
  severity: z.string(),
  days,
});

export const noRecurrenceSchema = z.strictObject({
  ...base,
  kind: z.literal('no-recurrence'),
  scope,
  days,
});

export const detectionSchema = z.strictObject({
  ...base,
  kind: z.literal('detection'),
  scope,
  days,
  /** The p50 time to detect must be below this many minutes. */
  detect_p50_below: z.number({ error: 'must be a number of minutes' }).gt(0, { error: 'must be more than 0 minutes' }).optional(),
  /** The share of incidents reported by customers must be below this. */
  customer_share_below: share.optional(),
});

export const rotationSchema = z.strictObject({
  ...base,
  kind: z.literal('rotation'),
  scope,
  days,
  /** At least this many people handled the incidents. */
  min_responders: z.int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' }),
  /** Nobody handled more than this share of them. */
  max_share: share,
  /** The roles that count as handling an incident. Default `incident-commander` and `responder`. */
  roles: z.array(z.enum(RESPONDER_ROLES)).min(1).default(['incident-commander', 'responder']),
});

export const attestedSchema = z.strictObject({
  ...base,
  kind: z.literal('attested'),
  /** The day it was met. */
  met_on: date,
  /** Who says so. */
  by: nonEmptyText,
  /** A link to the evidence: a document, a ticket, a dashboard. */
  evidence: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
});

/** Each criterion kind's schema, by kind: the validator picks one by `kind`. */
export const CRITERION_SCHEMAS = {
  'action-items-done': actionItemsDoneSchema,
  'labelled-items-done': labelledItemsDoneSchema,
  'no-incidents': noIncidentsSchema,
  'no-recurrence': noRecurrenceSchema,
  detection: detectionSchema,
  rotation: rotationSchema,
  attested: attestedSchema,
} as const satisfies Record<(typeof CRITERION_KINDS)[number], z.ZodType>;

export const criterionSchema = z.discriminatedUnion('kind', [
  actionItemsDoneSchema, labelledItemsDoneSchema, noIncidentsSchema, noRecurrenceSchema, detectionSchema, rotationSchema, attestedSchema,
]);

/**
 * A program's frontmatter: a code yellow, code red or initiative, with the criteria that end it.
 * Rules across fields (date order, unique criterion ids, known catalog values) are checked by the
 * validator, so that every problem is reported at once.
 */
export const programSchema = z.strictObject({
  title: z.string().trim().min(5, { error: 'must be at least 5 characters' }).max(200, { error: 'must be at most 200 characters' }),
  kind: z.enum(PROGRAM_KINDS),
  /** The day it was declared. */
  declared_at: date,
  /** The person or team accountable for it. */
  owner: nonEmptyText,
  /** Default: every incident. */
  scope: scopeSchema.optional(),
  /** Optional: the day it should end by. */
  target_date: date.optional(),
  /** The day it ended; criteria are then judged on that day. */
  exited_at: date.optional(),
  exit_criteria: z.array(criterionSchema).min(1, { error: 'must list at least one exit criterion' }),
});

export type ProgramFrontmatterInput = z.input<typeof programSchema>;
export type ProgramFrontmatter = z.output<typeof programSchema>;
export type ProgramScope = z.output<typeof scopeSchema>;
export type ExitCriterion = z.output<typeof criterionSchema>;
export type CriterionKind = (typeof CRITERION_KINDS)[number];
