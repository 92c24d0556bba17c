import { z } from 'zod';
import { date, nonEmptyText, slug } from './fields.ts';

export const ACTION_ITEM_TYPES = ['prevent', 'detect', 'mitigate', 'process'] as const;
export const PRIORITIES = ['P0', 'P1', 'P2', 'P3'] as const;
export const ACTION_ITEM_STATUSES = ['open', 'in-progress', 'done', 'wont-do'] as const;

export const actionItemSchema = z.strictObject({
  title: nonEmptyText,
  /** A person or a team. */
  owner: nonEmptyText,
  type: z.enum(ACTION_ITEM_TYPES),
  /** Default `P2`. */
  priority: z.enum(PRIORITIES).default('P2'),
  status: z.enum(ACTION_ITEM_STATUSES),
  /** Optional due date. */
  due: date.optional(),
  /** Required when `status: done`, forbidden otherwise (checked with the other cross-field rules). */
  completed_at: date.optional(),
  ticket: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  /** Optional lowercase slugs that programs follow, e.g. `connection-pooling`; the catalog may list the allowed ones. */
  labels: z.array(slug('label', 'connection-pooling')).min(1, { error: 'must list at least one label, or be left out' }).optional(),
  /** Optional: why the item has its status. A `wont-do` item counts as closed in a program's criteria only with one. */
  reason: nonEmptyText.optional(),
});

export type ActionItemInput = z.input<typeof actionItemSchema>;
export type ActionItem = z.output<typeof actionItemSchema>;
