import type { RawTimelineEntry } from '../parse/body.ts';
import type { TimelineEntry } from '../model.ts';
import { formatOffset, parseTimestamp } from '../schema/timestamp.ts';

const DAY_MS = 86_400_000;

/** The `YYYY-MM-DD` wall-clock date of an instant in a given offset. */
function localDate(epochMs: number, offsetMinutes: number): string {
  return new Date(epochMs + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/**
 * Gives each Timeline item its instant. An item without a date is on the previous item's date
 * (the first on `started_at`'s date), or the next day when its time is earlier than the previous
 * item's, so a timeline that runs past midnight stays in order. Items without `UTC` take
 * `started_at`'s offset. Returns the entries and the items whose time is impossible.
 */
export function resolveTimeline(
  raw: readonly RawTimelineEntry[],
  started: { epochMs: number; offsetMinutes: number },
): { entries: TimelineEntry[]; invalid: RawTimelineEntry[] } {
  const entries: TimelineEntry[] = [];
  const invalid: RawTimelineEntry[] = [];
  let previous: TimelineEntry | undefined;
  let previousDate = localDate(started.epochMs, started.offsetMinutes);
  for (const item of raw) {
    const offset = item.utc ? 'Z' : formatOffset(started.offsetMinutes);
    const time = item.time.padStart(item.time.indexOf(':') === 1 ? item.time.length + 1 : item.time.length, '0');
    const seconds = time.length === 5 ? ':00' : '';
    let date = item.date ?? previousDate;
    let parsed = parseTimestamp(`${date}T${time}${seconds}${offset}`);
    if (!parsed.ok) {
      invalid.push(item);
      continue;
    }
    if (!item.date && previous && parsed.epochMs < previous.epochMs) {
      date = new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
      parsed = parseTimestamp(`${date}T${time}${seconds}${offset}`);
      if (!parsed.ok) continue;
    }
    previous = { at: `${date}T${time}${seconds}${offset}`, epochMs: parsed.epochMs, text: item.text, line: item.line };
    previousDate = date;
    entries.push(previous);
  }
  return { entries, invalid };
}
