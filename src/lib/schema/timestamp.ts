/**
 * Timestamps and dates are kept as the text the author wrote (YAML 1.2 leaves them strings) and
 * parsed here explicitly, so nothing ever interprets them in the machine's local time zone.
 */

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The years a timestamp or date may fall in. An incident from the year 1000 is a typo, and a
 * harmful one: the site draws a month for every month from the first incident on.
 */
export const YEARS = { first: 1990, last: 2099 } as const;

export type TimestampResult =
  | { ok: true; epochMs: number; offsetMinutes: number }
  | { ok: false; reason: 'no-offset' | 'invalid' | 'out-of-range' };

export type DateResult = { ok: true; epochMs: number } | { ok: false; reason: 'invalid' | 'out-of-range' };

/** Like `Date.UTC`, without its quirk of reading years 0–99 as 1900–1999. */
function utc(year: number, monthIndex: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime();
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(utc(year, month, 0)).getUTCDate();
}

const inRange = (year: number) => year >= YEARS.first && year <= YEARS.last;

/** Parses an ISO 8601 date-time that must carry `Z` or a `±HH:MM` offset. */
export function parseTimestamp(text: string): TimestampResult {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return { ok: false, reason: 'invalid' };
  const [, y, mo, d, h, mi, s = '0', frac = '0', zone] = m;
  const year = Number(y), month = Number(mo), day = Number(d);
  const hour = Number(h), minute = Number(mi), second = Number(s);
  if (!isRealDate(year, month, day) || hour > 23 || minute > 59 || second > 59) {
    return { ok: false, reason: 'invalid' };
  }
  if (!inRange(year)) return { ok: false, reason: 'out-of-range' };
  if (zone === undefined) return { ok: false, reason: 'no-offset' };
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2)), om = Number(digits.slice(2));
    if (oh > 23 || om > 59) return { ok: false, reason: 'invalid' };
    offsetMinutes = sign * (oh * 60 + om);
  }
  const ms = Math.round(Number(`0.${frac}`) * 1000);
  const epochMs = utc(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
  return { ok: true, epochMs, offsetMinutes };
}

/** Reads a `YYYY-MM-DD` calendar date as the epoch milliseconds of its UTC midnight. */
export function readDate(text: string): DateResult {
  const m = DATE.exec(text.trim());
  if (!m) return { ok: false, reason: 'invalid' };
  const year = Number(m[1]), month = Number(m[2]), day = Number(m[3]);
  if (!isRealDate(year, month, day)) return { ok: false, reason: 'invalid' };
  if (!inRange(year)) return { ok: false, reason: 'out-of-range' };
  return { ok: true, epochMs: utc(year, month - 1, day) };
}

/** Parses a `YYYY-MM-DD` calendar date to the epoch milliseconds of its UTC midnight. */
export function parseDate(text: string): number | undefined {
  const result = readDate(text);
  return result.ok ? result.epochMs : undefined;
}

/** `+01:00`, `-05:30` or `Z` for an offset in minutes. */
export function formatOffset(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'Z';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The same wall-clock text with an offset appended, normalised to `YYYY-MM-DDTHH:MM[:SS]±HH:MM`:
 * used to show an author exactly what to write.
 */
export function withOffset(naive: string, offset: string): string {
  return `${naive.trim().replace(' ', 'T')}${offset}`;
}
