import { KINDS, formatMinutes, plural, type Incident } from '../../lib/index.ts';
import { severityBadge, severityRank, type SeverityBadge } from './severity.ts';
import { severeSeverities, type SiteData } from './site-data.ts';

export interface IncidentRowView {
  id: string;
  date: string;
  title: string;
  href: string;
  /** `near-miss`, `game-day`; undefined for an incident. */
  kind: string | undefined;
  inReview: boolean;
  severity: SeverityBadge;
  severityRank: number;
  services: string;
  causes: string;
  duration: string;
  /** Minutes, for sorting; empty when unresolved. */
  durationSort: string;
  items: { done: number; toDo: number; overdue: number } | undefined;
  /** What the table's filters match on (`data-*`). */
  filter: Record<'severity' | 'services' | 'causes' | 'trigger' | 'team' | 'kind' | 'date' | 'recurrence' | 'customer' | 'preventable', string>;
}

export interface Option {
  value: string;
  label: string;
}

export interface IncidentsTableView {
  total: number;
  note: string;
  options: { severities: Option[]; services: Option[]; causes: Option[]; triggers: Option[]; teams: Option[]; kinds: Option[] };
  rows: IncidentRowView[];
}

function row(data: SiteData, incident: Incident, severe: ReadonlySet<string>, teamOf: ReadonlyMap<string, string>): IncidentRowView {
  const fm = incident.frontmatter;
  const counts = data.analysis.actionItems.byIncident[incident.id];
  const resolve = data.durationsOf.get(incident.id)?.resolve ?? null;
  const causes = fm.root_causes ?? [];
  return {
    id: incident.id,
    date: fm.started_at.slice(0, 10),
    title: fm.title,
    href: data.links.incident(incident.id),
    kind: fm.kind === 'incident' ? undefined : fm.kind,
    inReview: fm.status === 'in-review',
    severity: severityBadge(data.catalog, fm.severity),
    severityRank: severityRank(data.catalog, fm.severity),
    services: fm.services.join(', '),
    causes: causes.join(', '),
    duration: formatMinutes(resolve),
    durationSort: resolve === null ? '' : String(resolve),
    items: counts && { done: counts.done, toDo: counts.total - counts.wontDo, overdue: counts.overdue },
    filter: {
      severity: severe.has(fm.severity) ? `${fm.severity} severe` : fm.severity,
      services: fm.services.join(' '),
      causes: causes.join(' '),
      trigger: fm.trigger ?? '',
      team: [...new Set(fm.services.flatMap((s) => teamOf.get(s) ?? []))].join(' '),
      kind: fm.kind,
      date: fm.started_at.slice(0, 10),
      recurrence: String(data.recurrences.has(incident.id)),
      customer: String(fm.impact?.customer_facing === true),
      preventable: String(data.preventable.has(incident.id)),
    },
  };
}

export function incidentsTableView(data: SiteData): IncidentsTableView {
  const { catalog } = data;
  const severe = severeSeverities(catalog);
  const teamOf = new Map(catalog.services.map((s) => [s.id, s.team]));
  const teams = [...new Set(catalog.services.map((s) => s.team))].sort();
  return {
    total: data.incidents.length,
    note: `of ${plural(data.incidents.length, 'postmortem')}, newest first${data.leftOut > 0 ? `; ${plural(data.leftOut, 'draft')} not published` : ''}.`,
    options: {
      severities: [{ value: 'severe', label: severe.join(' + ') }, ...catalog.severities.map((s) => ({ value: s.id, label: s.id }))],
      services: catalog.services.map((s) => ({ value: s.id, label: s.name })),
      causes: catalog.root_causes.map((c) => ({ value: c.id, label: c.label })),
      triggers: catalog.triggers.map((t) => ({ value: t.id, label: t.label })),
      teams: teams.map((t) => ({ value: t, label: t })),
      kinds: KINDS.map((k) => ({ value: k, label: k })),
    },
    rows: data.incidents.map((i) => row(data, i, new Set(severe), teamOf)),
  };
}
