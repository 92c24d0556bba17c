/** Calendar arithmetic on whole days and minutes, in UTC, so the host's time zone never leaks in. */

export const DAY_MS = 86_400_000;
export const MINUTES_PER_DAY = 1440;

/** Nothing in a generated corpus starts, ends or is completed after this day. */
export const LATEST_DAY = Date.UTC(2026, 10, 1) / DAY_MS;

export function dayOf(isoDate: string): number | undefined {
  if (!/^\d{4}-\d\d-\d\d$/.test(isoDate)) return undefined;
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== isoDate) return undefined;
  return ms / DAY_MS;
}

export function addMonths(day: number, months: number): number {
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate()) / DAY_MS;
}

const DATES = new Map<number, string>();

/** `YYYY-MM-DD`; memoised, as every incident formats a handful of dates. */
export function dateOf(day: number): string {
  let text = DATES.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    DATES.set(day, text);
  }
  return text;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `HH:MM` of a local wall-clock minute count. */
export function clock(wallMinutes: number): string {
  const m = ((wallMinutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return `${two(Math.floor(m / 60))}:${two(m % 60)}`;
}

export function offsetText(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'Z';
  const abs = Math.abs(offsetMinutes);
  return `${offsetMinutes < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** An ISO 8601 timestamp from local wall-clock minutes since the epoch and their offset. */
export function timestamp(wallMinutes: number, offsetMinutes: number): string {
  return `${dateOf(Math.floor(wallMinutes / MINUTES_PER_DAY))}T${clock(wallMinutes)}:00${offsetText(offsetMinutes)}`;
}

/** Central European offset of a local date: summer time from the last Sunday of March to that of October. */
export function centralEuropeanOffset(day: number): number {
  const year = new Date(day * DAY_MS).getUTCFullYear();
  const lastSunday = (month: number) => {
    const last = Date.UTC(year, month + 1, 0) / DAY_MS;
    return last - new Date(last * DAY_MS).getUTCDay();
  };
  return day >= lastSunday(2) && day < lastSunday(9) ? 120 : 60;
}

/** `52 minutes`, `3 hours 10 minutes`, `2 days`. */
export function duration(minutes: number): string {
  if (minutes < 60) return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  if (minutes < 48 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    const hours = h === 1 ? '1 hour' : `${h} hours`;
    return m === 0 || h >= 10 ? hours : `${hours} ${m === 1 ? '1 minute' : `${m} minutes`}`;
  }
  return `${Math.round(minutes / MINUTES_PER_DAY)} days`;
}
