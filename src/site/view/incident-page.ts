import { durationsOf, formatMinutes, formatTimestamp, plural, renderBodySections, type Incident } from '../../lib/index.ts';
import { actionItemRow, type ActionItemRowView } from './action-items.ts';
import { familyTree, type FamilyTreeView } from './family-tree.ts';
import { promisedView, recurredWhileOpen, type PromisedView } from './promises.ts';
import { severityBadge, type SeverityBadge } from './severity.ts';
import { findingsOf, incidentLink, type SiteData } from './site-data.ts';
import { suggestionView, type SuggestionView } from './suggestion.ts';

type Linked = { title: string; href: string | undefined };

/** One fact of the panel: plain text, a list of links, or a time with its offset from the start. */
export type Fact =
  | { label: string; kind: 'text'; text: string }
  | { label: string; kind: 'links'; links: { text: string; href: string }[] }
  | { label: string; kind: 'list'; items: string[] }
  | { label: string; kind: 'time'; at: string; text: string; after: string | undefined }
  | { label: string; kind: 'severity'; badge: SeverityBadge };

export interface IncidentPageView {
  title: string;
  description: string | undefined;
  draft: boolean;
  inReview: boolean;
  severity: SeverityBadge;
  /** `in-review · near-miss · 2025-03-01 · <id>` under the title. */
  byline: string;
  body: ReturnType<typeof renderBodySections>;
  timeline: { at: string; text: string; display: string }[];
  facts: Fact[];
  /** Each with the recurrences that came back under this incident while it was open, if any. */
  items: (ActionItemRowView & { whileOpen: string | undefined })[];
  /** What the earlier incident promised, for a recurrence (confirmed or suggested). */
  promised: PromisedView | undefined;
  origin: (Linked & { note: string }) | undefined;
  /** The earlier incident this one may repeat: a suggestion nobody confirmed, with its evidence. */
  possibleOrigin: SuggestionView | undefined;
  recurredAs: (Linked & { note: string })[];
  /** Later incidents that may repeat this one: suggestions. */
  possibleRepeats: SuggestionView[];
  family: FamilyTreeView | undefined;
  related: Linked[];
  similar: (Linked & { note: string })[];
  /** Whether any of origin, recurredAs, family, related or similar is there: the panel is left out otherwise. */
  connected: boolean;
}

function time(label: string, at: string | undefined, minutes: number | null | undefined): Fact[] {
  if (!at) return [];
  return [{ label, kind: 'time', at, text: formatTimestamp(at), after: minutes === undefined ? undefined : `+${formatMinutes(minutes)}` }];
}

/** Everything an incident's page shows, beside its rendered body. */
export function incidentPageView(data: SiteData, incident: Incident): IncidentPageView {
  const { catalog, links } = data;
  const fm = incident.frontmatter;
  const serviceName = new Map(catalog.services.map((s) => [s.id, s.name]));
  const causeLabel = new Map(catalog.root_causes.map((c) => [c.id, c.label]));
  const triggerLabel = new Map(catalog.triggers.map((t) => [t.id, t.label]));
  const found = findingsOf(data, incident.id);
  const { family, suggestion, similar } = found;
  // From its own timestamps: a near-miss or a draft has them too, though no metric counts it.
  const durations = durationsOf(incident);
  const origin = found.link;
  const date = fm.started_at.slice(0, 10);
  const customer = fm.impact?.customer_facing;
  const text = (label: string, value: string | undefined): Fact[] => (value ? [{ label, kind: 'text', text: value }] : []);
  const list = (label: string, items: readonly string[] | undefined): Fact[] => (items?.length ? [{ label, kind: 'list', items: [...items] }] : []);
  const linked = (label: string, values: readonly string[] | undefined, name: (v: string) => string, href: (v: string) => string): Fact[] =>
    values?.length ? [{ label, kind: 'links', links: values.map((v) => ({ text: name(v), href: href(v) })) }] : [];
  const users = fm.impact?.users_affected;
  const facts: Fact[] = [
    { label: 'Severity', kind: 'severity', badge: severityBadge(catalog, fm.severity) },
    ...text('Status', fm.status),
    ...text('Kind', fm.kind === 'incident' ? undefined : fm.kind),
    ...linked('Services', fm.services, (s) => serviceName.get(s) ?? s, (s) => links.value('service', s)),
    ...linked('Root causes', fm.root_causes, (c) => causeLabel.get(c) ?? c, (c) => links.value('root_cause', c)),
    ...linked('Trigger', fm.trigger ? [fm.trigger] : undefined, (t) => triggerLabel.get(t) ?? t, (t) => links.value('trigger', t)),
    ...list('Contributing factors', fm.contributing_factors),
    ...text('Customer-facing', customer === undefined ? undefined : customer ? 'yes' : 'no'),
    ...text('Impact', fm.impact && `${fm.impact.summary}${users !== undefined ? ` (${users.toLocaleString('en')} users)` : ''}`),
    ...text('Detection', fm.detection),
    ...time('Started', fm.started_at, undefined),
    ...time('Detected', fm.detected_at, durations.detect),
    ...time('Mitigated', fm.mitigated_at, durations.mitigate),
    ...time('Resolved', fm.resolved_at, durations.resolve),
    ...text('Authors', fm.authors.join(', ')),
    ...list('Tags', fm.tags),
  ];
  const recurredAs = data.linksFrom.get(incident.id) ?? [];
  const possibleRepeats = data.suggestionsFrom.get(incident.id) ?? [];
  const whileOpen = recurredWhileOpen(data, incident.id, found.items);
  return {
    title: fm.title,
    description: fm.impact?.summary,
    draft: fm.status === 'draft',
    inReview: fm.status === 'in-review',
    severity: severityBadge(catalog, fm.severity),
    byline: [fm.kind !== 'incident' ? fm.kind : '', fm.started_at.slice(0, 10), incident.id].filter(Boolean).join(' · '),
    body: renderBodySections(incident.body),
    timeline: incident.body.timeline.map((entry) => ({ at: entry.at, text: entry.text, display: formatTimestamp(entry.at) })),
    facts,
    items: found.items.map((item, i) => ({ ...actionItemRow(data, item), whileOpen: whileOpen[i] })),
    promised: origin ? promisedView(data, { origin: origin.from, date, gapDays: origin.gapDays, confirmed: true }, found.kind)
      : suggestion && promisedView(data, { origin: suggestion.from, date, gapDays: suggestion.gapDays, confirmed: false }, undefined),
    origin: origin && {
      ...incidentLink(data, origin.from),
      note: `linked by the authors, ${plural(Math.round(origin.gapDays), 'day')} earlier`,
    },
    possibleOrigin: suggestion && suggestionView(data, suggestion, 'to'),
    recurredAs: recurredAs.map((l) => ({ ...incidentLink(data, l.to), note: `${plural(Math.round(l.gapDays), 'day')} later` })),
    possibleRepeats: possibleRepeats.map((s) => suggestionView(data, s, 'from')),
    family: family && familyTree(data, family, incident.id),
    related: (fm.related ?? []).map((id) => incidentLink(data, id)),
    similar: similar.map((s) => ({
      ...incidentLink(data, s.id),
      note: `${s.score.toFixed(2)} · ${s.terms.join(', ')}${s.linked ? '' : ' · not linked'}`,
    })),
    connected: Boolean(origin || suggestion || recurredAs.length || possibleRepeats.length || family || fm.related?.length || similar.length),
  };
}
