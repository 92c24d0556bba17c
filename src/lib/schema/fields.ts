import { z } from 'zod';
import { parseTimestamp, readDate, YEARS } from './timestamp.ts';

const OUT_OF_RANGE = `is outside the years ${YEARS.first}–${YEARS.last} a postmortem can be about; check the year`;

/** Lowercase letters, digits and single hyphens: ids, tags, team names. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slug = (what: string, example: string) =>
  z.string().regex(SLUG, { error: `must be a lowercase ${what} (letters, digits and \`-\`), e.g. \`${example}\`` });

/**
 * An ISO 8601 date-time with `Z` or a UTC offset, kept as the author's text. A value without an
 * offset gets its own rule: the validator adds which offset to write.
 */
export const timestamp = z.string().check((ctx) => {
  const result = parseTimestamp(ctx.value);
  if (result.ok) return;
  ctx.issues.push({
    code: 'custom',
    input: ctx.value,
    params: { rule: result.reason === 'no-offset' ? 'timestamp-without-offset' : 'invalid-timestamp' },
    message:
      result.reason === 'no-offset'
        ? 'has no UTC offset'
        : result.reason === 'out-of-range'
          ? OUT_OF_RANGE
          : 'is not an ISO 8601 date-time with an offset, such as `2025-03-04T14:02:00+01:00`',
  });
});

/** A calendar date written `YYYY-MM-DD`. */
export const date = z.string().check((ctx) => {
  const result = readDate(ctx.value);
  if (result.ok) return;
  ctx.issues.push({
    code: 'custom',
    input: ctx.value,
    params: { rule: 'invalid-date' },
    message: result.reason === 'out-of-range' ? OUT_OF_RANGE : 'is not a real calendar date written `YYYY-MM-DD`, such as `2025-03-18`',
  });
});

/**
 * The schemas of text in the author's own words (a title, a summary, a name): the fields where a
 * template's example text is a placeholder to replace, never a value to keep.
 */
export const FREE_TEXT = new WeakSet<z.ZodType>();

export function freeText<T extends z.ZodType>(schema: T): T {
  FREE_TEXT.add(schema);
  return schema;
}

export const nonEmptyText = freeText(z.string().trim().min(1, { error: 'must not be empty' }));
