import { round } from './stats.ts';
import type { PeriodUnit } from './types.ts';

/**
 * Dates as the author wrote them: an incident that started at 23:30+01:00 on 31 March belongs to
 * March, whatever the machine's zone. The first ten characters of an ISO 8601 timestamp are that
 * local date.
 */
export function localDate(timestamp: string): string {
  return timestamp.slice(0, 10);
}

export const DAY_MS = 86_400_000;

/** Days from one incident's start to a later one's (epoch milliseconds), to a tenth: a recurrence's gap. */
export function gapDays(from: number, to: number): number {
  return round((to - from) / DAY_MS, 1);
}

/** Whole days from one `YYYY-MM-DD` to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The date `days` days after (or, negative, before) a `YYYY-MM-DD` date. */
export function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function periodOf(date: string, unit: PeriodUnit): string {
  if (unit === 'month') return date.slice(0, 7);
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

function nextPeriod(period: string, unit: PeriodUnit): string {
  const year = Number(period.slice(0, 4));
  if (unit === 'month') {
    const month = Number(period.slice(5, 7));
    return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
  }
  const quarter = Number(period.slice(6));
  return quarter === 4 ? `${year + 1}-Q1` : `${year}-Q${quarter + 1}`;
}

/** Every period from `first` to `last`, both included. */
export function periodsBetween(first: string, last: string, unit: PeriodUnit): string[] {
  const periods: string[] = [];
  for (let p = first; p <= last; p = nextPeriod(p, unit)) periods.push(p);
  return periods;
}

/** The last day of a period, `YYYY-MM-DD`. */
export function periodEnd(period: string, unit: PeriodUnit): string {
  const year = Number(period.slice(0, 4));
  const lastMonth = unit === 'month' ? Number(period.slice(5, 7)) : Number(period.slice(6)) * 3;
  return new Date(Date.UTC(year, lastMonth, 0)).toISOString().slice(0, 10);
}

/** "12 days", "5 months", "2 years": how long a span of days reads. */
export function describeSpan(days: number): string {
  if (days < 45) return days === 1 ? '1 day' : `${Math.max(days, 1)} days`;
  const months = Math.round(days / 30.44);
  if (months < 24) return months === 1 ? '1 month' : `${months} months`;
  return `${Math.round(days / 365.25)} years`;
}
