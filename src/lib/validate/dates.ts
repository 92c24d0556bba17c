import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnostic } from '../diagnostics/diagnostic.ts';
import type { YamlSpans } from '../parse/yaml-spans.ts';
import { parseDate, parseTimestamp } from '../schema/timestamp.ts';
import { formatMinutes } from '../text/format.ts';
import { listOf } from '../text/suggest.ts';

export interface DateCheckContext {
  file: string;
  id: string;
  spans: YamlSpans;
}

const LATER = ['detected_at', 'mitigated_at', 'resolved_at'] as const;
/** Longer than this is looked at twice: past it, a duration that a fixed year would shorten is a typo. */
const LONG_DAYS = 30;
const DAY_MS = 86_400_000;

interface Written {
  text: string;
  /** `YYYY-MM-DD` as written, in the timestamp's own offset. */
  date: string;
  epochMs: number;
}

function written(value: unknown): Written | undefined {
  if (typeof value !== 'string') return undefined;
  const parsed = parseTimestamp(value);
  const text = value.trim();
  return parsed.ok ? { text, date: text.slice(0, 10), epochMs: parsed.epochMs } : undefined;
}

const minutes = (ms: number) => formatMinutes(ms / 60_000);

/**
 * The file name's date (`2025-03-05-…`) is the day the incident started or a day up to its
 * detection: postmortems are named either way. Any other day means one of the two is a typo.
 * Dates are compared as written, in each timestamp's own offset.
 */
function checkNameDate(started: Written, detected: Written | undefined, ctx: DateCheckContext): Diagnostic[] {
  const named = /^(\d{4}-\d{2}-\d{2})-/.exec(ctx.id)?.[1];
  if (named === undefined || parseDate(named) === undefined) return [];
  const last = detected && detected.date > started.date ? detected.date : started.date;
  if (named >= started.date && named <= last) return [];
  const rest = ctx.id.slice(named.length);
  const detection = last === started.date ? '' : ` and \`detected_at\` on ${last}`;
  return [diagnostic(ctx.file, ctx.spans.value(['started_at']), 'name-date-mismatch', 'warning',
    `the file name says ${named} but \`started_at\` is on ${started.date}${detection}: correct the date in \`started_at\` if it is wrong, or rename the file to \`${started.date}${rest}.md\` if it is right`)];
}

/**
 * A duration over LONG_DAYS that shrinks to under it when both timestamps have the same year is a
 * year typo (`2024` for `2025`): "max time to detect 365 d" on every chart. Genuinely long
 * incidents (a leak found five months later) do not shrink that way, so they pass.
 */
function checkDurations(started: Written, present: readonly { field: (typeof LATER)[number]; later: Written }[], ctx: DateCheckContext): Diagnostic[] {
  const year = started.text.slice(0, 4);
  const typos = present.flatMap(({ field, later }) => {
    const duration = later.epochMs - started.epochMs;
    if (duration <= LONG_DAYS * DAY_MS) return [];
    const fixed = parseTimestamp(`${year}${later.text.slice(4)}`);
    if (!fixed.ok) return [];
    const fixedDuration = fixed.epochMs - started.epochMs;
    return fixedDuration >= 0 && fixedDuration < LONG_DAYS * DAY_MS ? [{ field, later, duration, fixedDuration }] : [];
  });
  if (!typos.length) return [];
  // Every other timestamp a year or more after it: `started_at` is the one to fix.
  if (typos.length === present.length && present.length > 1) {
    const first = typos[0]!;
    const laterYear = first.later.text.slice(0, 4);
    const sameYear = typos.every((t) => t.later.text.startsWith(laterYear));
    const says = sameYear ? ` (it says ${year}, ${listOf(typos.map((t) => t.field), 'and')} say ${laterYear})` : '';
    return [diagnostic(ctx.file, ctx.spans.value(['started_at']), 'implausible-duration', 'warning',
      `\`started_at\` is ${minutes(first.duration)} before \`${first.field}\`, but ${minutes(first.fixedDuration)} with the same year${says}: check the year of \`started_at\``)];
  }
  return typos.map(({ field, later, duration, fixedDuration }) => diagnostic(ctx.file, ctx.spans.value([field]), 'implausible-duration', 'warning',
    `\`${field}\` is ${minutes(duration)} after \`started_at\`, but ${minutes(fixedDuration)} if both are in ${year}: check the year of both (\`${field}\` says ${later.text.slice(0, 4)})`));
}

/**
 * Dates that are valid one by one but read like a typo together: warnings, since a real incident
 * can be odd, each with what to check and how to fix it.
 */
export function checkDates(data: Record<string, unknown>, ctx: DateCheckContext): Diagnostic[] {
  const started = written(data.started_at);
  if (!started) return [];
  const present = LATER.flatMap((field) => {
    const later = written(data[field]);
    return later ? [{ field, later }] : [];
  });
  const detected = present.find((p) => p.field === 'detected_at')?.later;
  return [...checkNameDate(started, detected, ctx), ...checkDurations(started, present, ctx)];
}
