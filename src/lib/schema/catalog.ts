import { z } from 'zod';
import { nonEmptyText, slug } from './fields.ts';

export const severitySchema = z.strictObject({
  /** As written in postmortems, e.g. `SEV1`. */
  id: z.string().regex(/^[A-Za-z0-9-]+$/, { error: 'must be letters, digits and `-`, e.g. `SEV1`' }),
  label: nonEmptyText,
  /** Optional: when to use this severity. */
  description: z.string().optional(),
});

export const serviceSchema = z.strictObject({
  id: slug('service id', 'payments-api'),
  /** Display name. */
  name: nonEmptyText,
  /** The owning team's slug; teams are derived from services. */
  team: slug('team name', 'payments'),
  /** Business criticality, 1 most critical. Optional. */
  tier: z.int({ error: 'must be a whole number from 1 to 4' }).min(1).max(4).optional(),
  description: z.string().optional(),
});

export const rootCauseSchema = z.strictObject({
  id: slug('root-cause id', 'capacity-exhaustion'),
  label: nonEmptyText,
  description: z.string().optional(),
});

export const triggerSchema = z.strictObject({
  id: slug('trigger id', 'config-change'),
  label: nonEmptyText,
  description: z.string().optional(),
});

export const contributingFactorSchema = z.strictObject({
  /** What postmortems write to name it exactly, e.g. `no-connection-pooling`. */
  id: slug('contributing-factor id', 'no-connection-pooling'),
  label: nonEmptyText,
  description: z.string().optional(),
  /**
   * Other ways authors write it. Free text whose words equal the label's or an alias's counts as
   * this factor; text close to them counts too, with a notice. Default: none.
   */
  aliases: z.array(nonEmptyText).default([]),
});

export const labelSchema = z.strictObject({
  id: slug('label', 'connection-pooling'),
  /** Optional display name. */
  label: nonEmptyText.optional(),
  description: z.string().optional(),
});

/** The default severities when a catalog declares none: SEV1 is the worst. */
export const DEFAULT_SEVERITIES = [
  { id: 'SEV1', label: 'Critical' },
  { id: 'SEV2', label: 'Major' },
  { id: 'SEV3', label: 'Minor' },
  { id: 'SEV4', label: 'Low' },
];

/** `incidents/_catalog.yaml`: the organisation's vocabulary. Lists are in display order. */
export const catalogSchema = z.strictObject({
  /** Worst first. Default: SEV1 (Critical) to SEV4 (Low). */
  severities: z.array(severitySchema).min(1, { error: 'must list at least one severity' }).default(DEFAULT_SEVERITIES),
  services: z.array(serviceSchema).min(1, { error: 'must list at least one service' }),
  root_causes: z.array(rootCauseSchema).min(1, { error: 'must list at least one root-cause category' }),
  /** Default: none. */
  triggers: z.array(triggerSchema).default([]),
  /** The mechanisms incidents share, named once so that every postmortem counts them alike. Default: none. */
  contributing_factors: z.array(contributingFactorSchema).default([]),
  /** The action-item labels allowed. Default: not declared, so any label is allowed. */
  labels: z.array(labelSchema).optional(),
});

export type CatalogInput = z.input<typeof catalogSchema>;
export type Catalog = z.output<typeof catalogSchema>;
export type Service = z.output<typeof serviceSchema>;
export type ContributingFactor = z.output<typeof contributingFactorSchema>;
