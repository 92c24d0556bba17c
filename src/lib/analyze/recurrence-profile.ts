import { sectionKey } from '../parse/body.ts';
import { factorKey } from '../text/factor-text.ts';
import type { TextFields } from './text-index.ts';

/**
 * What suggesting recurrences needs of a postmortem, and nothing more: `validate` builds it from a
 * file without building the whole Incident, the analysis from the Incident, and both through
 * `profileOf`, so the two can never disagree on the same file.
 */
export interface RecurrenceProfile {
  id: string;
  kind: string;
  draft: boolean;
  /** Epoch milliseconds of `started_at`. */
  start: number;
  services: string[];
  rootCauses: string[];
  trigger: string | undefined;
  /** Normalised contributing factors. */
  factors: string[];
  recurrenceOf: string | undefined;
  notRecurrenceOf: string[];
  related: string[];
  text: TextFields;
}

const ROOT_CAUSE = new Set(['root cause', 'root causes']);
const FACTORS = new Set(['contributing factors', 'contributing factor']);
const TRIGGER = new Set(['trigger']);
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/**
 * The text of each `##` section of a Markdown body, by key. Read line by line rather than parsed:
 * a file being validated has not been parsed into sections, and the text is only split into
 * words, where Markdown's punctuation does not count. Headings inside code fences are not headings.
 */
export function sectionTexts(markdown: string): Map<string, string> {
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const marker = FENCE.exec(line)?.[1];
    if (marker && (fence === undefined || marker.startsWith(fence))) fence = fence === undefined ? marker : undefined;
    else if (fence === undefined && /^##\s/.test(line)) {
      const key = sectionKey(line.replace(/^##\s+/, '').replace(/\s+#*\s*$/, ''));
      current = sections.get(key) ?? [];
      sections.set(key, current);
      continue;
    }
    current?.push(line);
  }
  return new Map([...sections].map(([key, lines]) => [key, lines.join('\n')]));
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const string = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * A postmortem's profile from its frontmatter (as written, so a file that is not otherwise read
 * can be profiled: values of the wrong type are ignored) and its body. The trigger counts as text
 * by its id (`config-change`): its words are what its label would say, and a file can be
 * profiled without the catalog.
 */
export function profileOf(id: string, data: Record<string, unknown>, body: string, start: number): RecurrenceProfile {
  const sections = sectionTexts(body);
  const pick = (keys: ReadonlySet<string>) => [...sections].filter(([key]) => keys.has(key)).map(([, text]) => text);
  const trigger = string(data.trigger);
  const factors = strings(data.contributing_factors);
  return {
    id,
    kind: string(data.kind) ?? 'incident',
    draft: data.status === 'draft',
    start,
    services: [...new Set(strings(data.services))],
    rootCauses: [...new Set(strings(data.root_causes))],
    trigger,
    factors: [...new Set(factors.map(factorKey).filter(Boolean))],
    recurrenceOf: string(data.recurrence_of),
    notRecurrenceOf: strings(data.not_recurrence_of),
    related: strings(data.related),
    text: {
      title: string(data.title) ?? '',
      rootCause: pick(ROOT_CAUSE).join('\n'),
      trigger: [trigger?.replaceAll('-', ' ') ?? '', ...pick(TRIGGER)].join('\n'),
      factors: [...factors, ...pick(FACTORS)].join('\n'),
    },
  };
}
