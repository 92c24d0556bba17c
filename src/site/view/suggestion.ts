import { plural, type RecurrenceSuggestion } from '../../lib/index.ts';
import { incidentLink, type SiteData } from './site-data.ts';

/** A possible recurrence nobody confirmed: its evidence, and how its author confirms or dismisses it. */
export interface SuggestionView {
  /** The other incident: the possible origin on the later one's page, the possible repeat on the origin's. */
  other: { title: string; href: string | undefined };
  /** `76 days earlier; text 0.61 alike, where this folder's background is 0.21`. */
  note: string;
  /** Each piece of evidence: `both name Orders database first`, `shared root causes: Capacity…`, `words both use: …`. */
  evidence: string[];
  /** The postmortem the author edits, and the two lines to add there. */
  file: string;
  confirm: string;
  dismiss: string;
}

/**
 * A suggestion as a page shows it, on the page of `side`: the later incident (`to`), which may
 * repeat the earlier one, or the earlier (`from`), which may have recurred.
 */
export function suggestionView(data: SiteData, s: RecurrenceSuggestion, side: 'from' | 'to'): SuggestionView {
  const { catalog } = data;
  const service = new Map(catalog.services.map((x) => [x.id, x.name]));
  const cause = new Map(catalog.root_causes.map((x) => [x.id, x.label]));
  const trigger = new Map(catalog.triggers.map((x) => [x.id, x.label]));
  const names = (ids: readonly string[], label: Map<string, string>) => ids.map((id) => label.get(id) ?? id).join(', ');
  const days = plural(Math.round(s.gapDays), 'day');
  const evidence = [
    s.match === 'primary-service'
      ? `both name ${names(s.shared.services.slice(0, 1), service)} first${s.shared.services.length > 1 ? `, and share ${names(s.shared.services.slice(1), service)}` : ''}`
      : `the service one names first is among the other's: ${names(s.shared.services, service)}`,
    s.shared.rootCauses.length ? `shared root ${s.shared.rootCauses.length === 1 ? 'cause' : 'causes'}: ${names(s.shared.rootCauses, cause)}` : '',
    s.shared.trigger ? `same trigger: ${names([s.shared.trigger], trigger)}` : '',
    s.shared.factors.length ? `shared contributing factors: ${s.shared.factors.join(', ')}` : '',
    s.terms.length ? `words both use: ${s.terms.join(', ')}` : '',
  ].filter(Boolean);
  return {
    other: incidentLink(data, side === 'to' ? s.from : s.to),
    note: `${side === 'to' ? `${days} earlier` : `${days} later`}; text ${s.score.toFixed(2)} alike, where this folder's background is ${data.analysis.recurrence.textThreshold.toFixed(2)}`,
    evidence,
    file: s.to,
    confirm: `recurrence_of: ${s.from}`,
    dismiss: `not_recurrence_of: [${s.from}]`,
  };
}
