import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnostic } from '../diagnostics/diagnostic.ts';
import type { RuleId } from '../diagnostics/rules.ts';
import type { YamlSpans } from '../parse/yaml-spans.ts';
import { STATUSES } from '../schema/incident.ts';
import { parseTimestamp } from '../schema/timestamp.ts';

export interface FieldRuleContext {
  file: string;
  id: string;
  spans: YamlSpans;
  /** The instant "now" for the future-start check. */
  now: number;
}

const TIMESTAMPS = ['started_at', 'detected_at', 'mitigated_at', 'resolved_at'] as const;
type TimestampField = (typeof TIMESTAMPS)[number];

/** Each timestamp field must not be earlier than these, checked in order; the first failure is reported. */
const NOT_BEFORE: Record<TimestampField, readonly TimestampField[]> = {
  started_at: [],
  detected_at: ['started_at'],
  mitigated_at: ['detected_at', 'started_at'],
  resolved_at: ['mitigated_at', 'detected_at', 'started_at'],
};

const REQUIRED_UNLESS_DRAFT = ['resolved_at', 'root_causes', 'impact'] as const;

function validInstant(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const parsed = parseTimestamp(value);
  return parsed.ok ? parsed.epochMs : undefined;
}

/**
 * The rules that relate one field to another or to the file's own id. They read the raw data and
 * skip values that are themselves invalid (zod reports those), so every layer is reported at once.
 */
export function checkFieldRules(data: Record<string, unknown>, ctx: FieldRuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const push = (path: PropertyKey[], rule: RuleId, message: string) =>
    out.push(diagnostic(ctx.file, ctx.spans.value(path), rule, 'error', message));

  const status = data.status;
  if (typeof status === 'string' && (STATUSES as readonly string[]).includes(status) && status !== 'draft') {
    for (const field of REQUIRED_UNLESS_DRAFT) {
      if (!ctx.spans.has([field])) push([field], 'missing-field', `missing field \`${field}\`: it is required unless \`status\` is \`draft\``);
    }
  }

  const instants = new Map<TimestampField, number>();
  for (const field of TIMESTAMPS) {
    const instant = validInstant(data[field]);
    if (instant !== undefined) instants.set(field, instant);
  }
  for (const field of TIMESTAMPS) {
    const instant = instants.get(field);
    if (instant === undefined) continue;
    const earlier = NOT_BEFORE[field].find((other) => (instants.get(other) ?? -Infinity) > instant);
    if (earlier) {
      push([field], 'timestamp-order', `\`${field}\` (${String(data[field])}) is earlier than \`${earlier}\` (${String(data[earlier])}); ${field.replace('_at', '')} cannot come before ${earlier.replace('_at', '')}: check the date, time and offset of both`);
    }
  }
  const started = instants.get('started_at');
  if (started !== undefined && started > ctx.now) {
    push(['started_at'], 'start-in-future', `\`started_at\` (${String(data.started_at)}) is in the future; check the year, the date and the offset`);
  }

  const items = Array.isArray(data.action_items) ? data.action_items : [];
  items.forEach((item: unknown, i) => {
    if (item === null || typeof item !== 'object') return;
    const { status: itemStatus, completed_at: completedAt, title } = item as Record<string, unknown>;
    const label = typeof title === 'string' ? `action item “${title}”` : `action item ${i + 1}`;
    if (itemStatus === 'done' && completedAt === undefined) {
      push(['action_items', i, 'status'], 'completed-at', `${label} is done but has no \`completed_at\`; add the date it was completed (\`completed_at: YYYY-MM-DD\`)`);
    } else if (typeof itemStatus === 'string' && itemStatus !== 'done' && completedAt !== undefined) {
      push(['action_items', i, 'completed_at'], 'completed-at', `${label} has \`completed_at\` but its status is \`${itemStatus}\`; set \`status: done\` or remove \`completed_at\``);
    }
  });

  if (data.recurrence_of === ctx.id) push(['recurrence_of'], 'self-reference', `\`recurrence_of\` names this incident itself (\`${ctx.id}\`); name the earlier incident it recurs`);
  for (const field of ['related', 'not_recurrence_of'] as const) {
    const ids = data[field];
    if (!Array.isArray(ids)) continue;
    ids.forEach((other, i) => {
      if (other === ctx.id) push([field, i], 'self-reference', `\`${field}\` lists this incident itself (\`${ctx.id}\`); remove it`);
      else if (field === 'not_recurrence_of' && other === data.recurrence_of) {
        push([field, i], 'recurrence-contradiction', `\`not_recurrence_of\` lists \`${String(other)}\`, which \`recurrence_of\` names: keep \`recurrence_of\` if this incident repeats it, or remove \`recurrence_of\` if it does not`);
      }
    });
  }
  return out;
}
