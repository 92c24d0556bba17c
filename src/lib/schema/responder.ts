import { z } from 'zod';
import { nonEmptyText, slug, timestamp } from './fields.ts';

export const RESPONDER_ROLES = ['incident-commander', 'responder', 'communications', 'scribe'] as const;

/** One person who worked on an incident: who carries the load is measured from these. */
export const responderSchema = z.strictObject({
  /** The person, as the organisation names people (a handle, an e-mail, a name). */
  who: nonEmptyText,
  /** The person's own team: one of the catalog's teams. */
  team: slug('team name', 'platform'),
  role: z.enum(RESPONDER_ROLES),
  /** Optional: when the person was paged, with the offset of where they were. */
  paged_at: timestamp.optional(),
  /** Optional: hours spent on the incident, e.g. `2.5`. */
  hours: z.number({ error: 'must be a number of hours, e.g. `2.5`' }).min(0, { error: 'must not be negative' }).max(10_000, { error: 'must be at most 10,000 hours' }).optional(),
});

export type Responder = z.output<typeof responderSchema>;
export type ResponderRole = (typeof RESPONDER_ROLES)[number];
