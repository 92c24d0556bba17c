import { level2HeadingName, sectionKey } from '../parse/body.ts';
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
const SECTIONS = new Set([...ROOT_CAUSE, ...FACTORS, ...TRIGGER]);

/**
 * The text of the `##` sections of a Markdown body whose key is `wanted`, by key (sections of one
 * key joined). Read line by line rather than parsed: a file being validated has not been parsed
 * into sections, and the text is only split into words, where Markdown's punctuation does not
 * count. Headings inside code fences are not headings. Only heading and fence lines are looked at
 * closely, so a long body costs little more than finding its line breaks.
 */
export function sectionTexts(markdown: string, wanted: ReadonlySet<string>): Map<string, string> {
  const sections = new Map<string, string[]>();
  let current: string | undefined;
  let from = 0;
  let fence: string | undefined;
  const close = (to: number) => {
    if (current === undefined) return;
    const list = sections.get(current);
    const text = markdown.slice(from, to);
    if (list) list.push(text);
    else sections.set(current, [text]);
  };
  for (let start = 0; start < markdown.length;) {
    const newline = markdown.indexOf('\n', start);
    const end = newline < 0 ? markdown.length : newline;
    let first = start;
    while (first < end && first - start < 4 && markdown[first] === ' ') first++;
    const c = markdown[first];
    if (c === '`' || c === '~') {
      const marker = FENCE.exec(markdown.slice(start, end))?.[1];
      if (marker && (fence === undefined || marker.startsWith(fence))) fence = fence === undefined ? marker : undefined;
    } else if (c === '#' && fence === undefined && start === first) {
      const name = level2HeadingName(markdown.slice(start, end));
      if (name !== undefined) {
        close(start);
        const key = sectionKey(name);
        current = wanted.has(key) ? key : undefined;
        from = end + 1;
      }
    }
    start = end + 1;
  }
  close(markdown.length);
  return new Map([...sections].map(([key, texts]) => [key, texts.join('\n')]));
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
  const sections = sectionTexts(body, SECTIONS);
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
