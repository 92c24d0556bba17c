import { z } from 'zod';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time of day written `HH:MM`, e.g. `09:00`' });

/** When people are expected to work: a page outside these hours is counted as such. */
export const workingHoursSchema = z
  .strictObject({
    /** Default Monday to Friday. */
    days: z.array(z.enum(WEEKDAYS)).min(1, { error: 'must list at least one day' }).default(['mon', 'tue', 'wed', 'thu', 'fri']),
    /** Default `09:00`. */
    start: clock.default('09:00'),
    /** Default `18:00`; must be later than `start`. */
    end: clock.default('18:00'),
  })
  .check((ctx) => {
    if (ctx.value.end > ctx.value.start) return;
    ctx.issues.push({ code: 'custom', input: ctx.value.end, path: ['end'], message: `must be later than \`start\` (${ctx.value.start}): working hours end on the day they start` });
  });

export type WorkingHours = z.output<typeof workingHoursSchema>;

export const DEFAULT_WORKING_HOURS: WorkingHours = workingHoursSchema.parse({});
