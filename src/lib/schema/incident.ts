import { z } from 'zod';
import { actionItemSchema } from './action-item.ts';
import { freeText, nonEmptyText, slug, timestamp } from './fields.ts';
import { responderSchema } from './responder.ts';

export const STATUSES = ['draft', 'in-review', 'published'] as const;
export const KINDS = ['incident', 'near-miss', 'game-day'] as const;
export const DETECTIONS = ['alert', 'customer-report', 'employee-report', 'automation', 'other'] as const;

/** The timestamps a postmortem can mark approximate. */
export const TIMESTAMP_FIELDS = ['started_at', 'detected_at', 'mitigated_at', 'resolved_at'] as const;

export const incidentId = slug('incident id', '2025-03-04-orders-db-saturation');

export const impactSchema = z.strictObject({
  summary: nonEmptyText,
  customer_facing: z.boolean().optional(),
  users_affected: z.int({ error: 'must be a whole number' }).min(0, { error: 'must not be negative' }).optional(),
});

/**
 * A postmortem's frontmatter, format version 1. Field rules that involve other fields, the catalog
 * or other files (required unless draft, timestamp order, known services…) are checked by the
 * validator, so that every problem is reported, not only the first layer.
 */
export const frontmatterSchema = z.strictObject({
  title: freeText(z.string().trim().min(5, { error: 'must be at least 5 characters' }).max(200, { error: 'must be at most 200 characters' })),
  status: z.enum(STATUSES),
  /** Default `incident`; only incidents count in incident metrics. */
  kind: z.enum(KINDS).default('incident'),
  /** One of the catalog's severities. */
  severity: z.string(),
  started_at: timestamp,
  detected_at: timestamp.optional(),
  mitigated_at: timestamp.optional(),
  /** Required unless `status: draft`. */
  resolved_at: timestamp.optional(),
  /**
   * The timestamps are estimates (only the date was known, say): `true` for all of them, or a list
   * of the ones that are. Durations that use them are left out of time metrics. Default: none.
   */
  times_approximate: z.union([z.boolean(), z.array(z.enum(TIMESTAMP_FIELDS)).min(1, { error: 'must list at least one timestamp field' })]).optional(),
  authors: z.array(nonEmptyText).min(1, { error: 'must name at least one author' }),
  /** Catalog service ids. */
  services: z.array(z.string()).min(1, { error: 'must name at least one service' }),
  /** Catalog root-cause ids; required unless `status: draft`. */
  root_causes: z.array(z.string()).min(1, { error: 'must name at least one root cause' }).optional(),
  /** A catalog trigger id. */
  trigger: z.string().optional(),
  contributing_factors: z.array(nonEmptyText).optional(),
  detection: z.enum(DETECTIONS).optional(),
  /** Required unless `status: draft`. */
  impact: impactSchema.optional(),
  related: z.array(incidentId).optional(),
  recurrence_of: incidentId.optional(),
  /** Incidents this one is not a recurrence of: the analysis stops suggesting them. */
  not_recurrence_of: z.array(incidentId).optional(),
  tags: z.array(slug('tag', 'database')).optional(),
  action_items: z.array(actionItemSchema).optional(),
  /** Optional: who worked on the incident, in what role; the analysis measures the load from it. */
  responders: z.array(responderSchema).min(1, { error: 'must name at least one responder, or be left out' }).optional(),
});

export type FrontmatterInput = z.input<typeof frontmatterSchema>;
export type Frontmatter = z.output<typeof frontmatterSchema>;
