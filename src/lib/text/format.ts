/** `45 min`, `3 h 20 min`, `2 d 4 h`: durations as a person reads them. */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '—';
  if (minutes < 60) return `${Math.round(minutes)} min`;
  if (minutes < 1440) {
    const h = Math.floor(minutes / 60), m = Math.round(minutes % 60);
    return m ? `${h} h ${m} min` : `${h} h`;
  }
  const d = Math.floor(minutes / 1440), h = Math.round((minutes % 1440) / 60);
  return h ? `${d} d ${h} h` : `${d} d`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/** A horizontal bar `width` cells long at most, for counts in a terminal. */
export function bar(value: number, max: number, width = 30): string {
  return max ? '█'.repeat(Math.round((value / max) * width)) : '';
}

/** `2025-05-06T10:05:00+02:00` → `2025-05-06 10:05 +02:00`: the author's wall-clock time and zone. */
export function formatTimestamp(timestamp: string): string {
  const m = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d)(?::\d\d(?:\.\d+)?)?\s*(Z|[+-]\d\d:?\d\d)?$/i.exec(timestamp.trim());
  if (!m) return timestamp;
  return `${m[1]} ${m[2]}${m[3] ? ` ${m[3].toUpperCase() === 'Z' ? 'UTC' : m[3]}` : ''}`;
}

/**
 * Percentiles with their n: "p50 41 min · p90 8 h (n = 25)". Below 10 durations p90 is the maximum
 * by nearest rank, so the maximum is shown under its own name instead.
 */
export function describeDurations(s: { count: number; p50: number | null; p90: number | null; max: number | null }): string {
  if (s.count === 0) return 'no durations (n = 0)';
  const tail = s.p90 === null ? `max ${formatMinutes(s.max)}` : `p90 ${formatMinutes(s.p90)} · max ${formatMinutes(s.max)}`;
  return `p50 ${formatMinutes(s.p50)} · ${tail} (n = ${s.count})`;
}

/**
 * The word for a change between two windows: `rising` and `falling` only beyond chance; `flat` for
 * equal counts, `no clear change` for unequal ones within chance; `too few to tell` below 5 events.
 */
export function trendWord(change: { direction: 'rising' | 'falling' | 'flat' | 'too-few'; recent: number; previous: number }): string {
  if (change.direction === 'too-few') return 'too few to tell';
  if (change.direction === 'flat') return change.recent === change.previous ? 'flat' : 'no clear change';
  return change.direction;
}

/** Text from a file as quoted in a message: long enough to recognise, never the whole 1 MB of it. */
export function shorten(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
