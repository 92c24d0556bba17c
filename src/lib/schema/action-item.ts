import { z } from 'zod';
import { date, nonEmptyText } from './fields.ts';

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
});

export type ActionItemInput = z.input<typeof actionItemSchema>;
export type ActionItem = z.output<typeof actionItemSchema>;
