/**
 * Timestamps and dates are kept as the text the author wrote (YAML 1.2 leaves them strings) and
 * parsed here explicitly, so nothing ever interprets them in the machine's local time zone.
 */

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type TimestampResult =
  | { ok: true; epochMs: number; offsetMinutes: number }
  | { ok: false; reason: 'no-offset' | 'invalid' };

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

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
  const epochMs = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
  return { ok: true, epochMs, offsetMinutes };
}

/** Parses a `YYYY-MM-DD` calendar date to the epoch milliseconds of its UTC midnight. */
export function parseDate(text: string): number | undefined {
  const m = DATE.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[1]), month = Number(m[2]), day = Number(m[3]);
  return isRealDate(year, month, day) ? Date.UTC(year, month - 1, day) : undefined;
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
