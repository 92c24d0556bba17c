import type { Incident } from '../model.ts';
import { sectionKey } from '../parse/body.ts';
import type { TextFields } from './text-index.ts';

const ROOT_CAUSE = new Set(['root cause', 'root causes']);
const FACTORS = new Set(['contributing factors', 'contributing factor']);
const TRIGGER = new Set(['trigger']);
const SUMMARY = new Set(['summary']);

function sections(incident: Incident, names: ReadonlySet<string>): string[] {
  return incident.body.sections.filter((s) => names.has(sectionKey(s.heading))).map((s) => s.text);
}

/**
 * What a postmortem says, by field: the title; the root-cause section; the trigger (its catalog
 * label and a `Trigger` section if there is one); the contributing factors (the list and the
 * section); and the summary (the impact summary and the `Summary` section).
 */
export function incidentText(incident: Incident, triggerLabel: (id: string) => string): TextFields {
  const fm = incident.frontmatter;
  return {
    title: fm.title,
    rootCause: sections(incident, ROOT_CAUSE).join('\n'),
    trigger: [fm.trigger === undefined ? '' : triggerLabel(fm.trigger), ...sections(incident, TRIGGER)].join('\n'),
    factors: [...(fm.contributing_factors ?? []), ...sections(incident, FACTORS)].join('\n'),
    summary: [fm.impact?.summary ?? '', ...sections(incident, SUMMARY)].join('\n'),
  };
}
