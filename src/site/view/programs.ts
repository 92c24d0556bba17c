import {
  percent, plural, renderBodyHtml,
  type CriterionEvaluation, type IncidentEvidence, type ItemEvidence, type ProgramEvaluation,
} from '../../lib/index.ts';
import type { ChartSpec } from '../chart-spec.ts';
import type { Links } from './links.ts';
import { severityBadge, type SeverityBadge } from './severity.ts';
import { incidentLink, type SiteData } from './site-data.ts';

/** A list on a page shows this many rows; analysis.json has every one. */
export const MAX_ROWS = 200;

const KIND = { 'code-yellow': 'Code yellow', 'code-red': 'Code red', initiative: 'Initiative' } as Record<string, string>;
const STATUS = {
  'ready-to-exit': { label: 'Ready to exit', tone: 'good' },
  'on-track': { label: 'On track', tone: 'warn' },
  'at-risk': { label: 'At risk', tone: 'bad' },
} as const;

const CRITERION_KIND: Record<CriterionEvaluation['kind'], string> = {
  'action-items-done': 'Action items done',
  'labelled-items-done': 'Labelled items done',
  'no-incidents': 'No incidents',
  'no-recurrence': 'No recurrence',
  detection: 'Detection',
  rotation: 'Rotation',
  attested: 'Attested',
};

export interface ProgramCard {
  id: string;
  href: string;
  title: string;
  kind: string;
  state: ProgramEvaluation['state'];
  /** `Exited` for an exited program, else its status. */
  status: string;
  /** A colour variable of site.css: `good`, `bad` or `warn`. */
  tone: 'good' | 'bad' | 'warn';
  /** `3 of 5 exit criteria met`. */
  progress: string;
  dates: string;
  /** Where it is headed, for an active program with unmet criteria. */
  projection: string | null;
  risks: string[];
}

function projectionText(p: ProgramEvaluation): string | null {
  if (p.state === 'exited' || p.met === p.total) return null;
  const parts = [p.projection.date ? `Projected exit ${p.projection.date}` : 'No projected exit'];
  if (p.projection.undated) parts.push(`${plural(p.projection.undated, 'item')} without a due date`);
  if (p.projection.unprojected.length) parts.push(`cannot tell for ${p.projection.unprojected.join(', ')}`);
  return parts.join('; ');
}

export function programCard(p: ProgramEvaluation, links: Links): ProgramCard {
  const status = p.state === 'exited' ? { label: `Exited ${p.exitedAt}`, tone: p.met === p.total ? 'good' : 'bad' } as const : STATUS[p.status];
  return {
    id: p.id,
    href: links.program(p.id),
    title: p.title,
    kind: KIND[p.kind] ?? p.kind,
    state: p.state,
    status: status.label,
    tone: status.tone,
    progress: `${p.met} of ${plural(p.total, 'exit criterion', 'exit criteria')} met`,
    dates: [`declared ${p.declaredAt}`, ...(p.targetDate ? [`target ${p.targetDate}`] : []), ...(p.state === 'exited' ? [`exited ${p.exitedAt}`] : [])].join(' · '),
    projection: projectionText(p),
    risks: p.risks,
  };
}

/** The programs as cards: active ones first, as the analysis orders them, then exited ones. */
export function programGroups(data: SiteData): { active: ProgramCard[]; exited: ProgramCard[] } {
  const cards = data.analysis.programs.map((p) => programCard(p, data.links));
  return { active: cards.filter((c) => c.state === 'active'), exited: cards.filter((c) => c.state === 'exited') };
}

export interface ItemRow {
  title: string;
  /** The item's ticket, linked from its title. */
  ticket: string | null;
  owner: string;
  priority: string;
  due: string;
  state: string;
  overdue: string | null;
  /** The postmortem it comes from; no link when it has no page. */
  incident: { title: string; href: string | undefined };
}

export interface IncidentRow {
  date: string;
  severity: SeverityBadge;
  incident: { title: string; href: string | undefined };
  detail: string;
}

export interface CriterionView {
  id: string;
  description: string;
  kind: string;
  met: boolean;
  /** `Met on 2025-10-30` or `Not met`. */
  verdict: string;
  summary: string;
  /** `programs/x.md:12`: where the criterion is written. */
  source: string;
  items: ItemRow[];
  itemsHidden: number;
  incidents: IncidentRow[];
  incidentsHidden: number;
  incidentsHeading: string;
  people: { who: string; incidents: number; share: string }[];
  attestation: { by: string; href: string; on: string } | null;
}

function itemRow(i: ItemEvidence, data: SiteData): ItemRow {
  return {
    title: i.title,
    ticket: i.ticket,
    owner: i.owner,
    priority: i.priority,
    due: i.due ?? '—',
    state: i.why,
    overdue: i.overdueDays === null ? null : `${plural(i.overdueDays, 'day')} overdue`,
    incident: incidentLink(data, i.incident),
  };
}

function incidentRow(i: IncidentEvidence, data: SiteData): IncidentRow {
  return { date: i.date, severity: severityBadge(data.catalog, i.severity), incident: incidentLink(data, i.id), detail: i.detail };
}

function criterionView(c: CriterionEvaluation, file: string, data: SiteData): CriterionView {
  const m = c.measure;
  return {
    id: c.id,
    description: c.description,
    kind: CRITERION_KIND[c.kind],
    met: c.met,
    verdict: c.met ? `Met on ${c.metOn}` : 'Not met',
    // The core writes labels as `code` for the terminal; a page shows them plain.
    summary: c.summary.replaceAll('`', ''),
    source: `${file}:${c.line}`,
    items: c.blockingItems.slice(0, MAX_ROWS).map((i) => itemRow(i, data)),
    itemsHidden: Math.max(0, c.blockingItems.length - MAX_ROWS),
    incidents: c.incidents.slice(0, MAX_ROWS).map((i) => incidentRow(i, data)),
    incidentsHidden: Math.max(0, c.incidents.length - MAX_ROWS),
    incidentsHeading: c.kind === 'detection' || c.kind === 'rotation' ? 'Incidents measured' : 'Incidents that block it',
    people: m.kind === 'rotation' ? m.people.map((p) => ({ who: p.who, incidents: p.incidents, share: percent(p.share) })) : [],
    attestation: m.kind === 'attested' ? { by: m.by, href: m.evidence, on: m.metOn } : null,
  };
}

function burndownChart(p: ProgramEvaluation): { spec: ChartSpec; note: string } | null {
  if (!p.criteria.some((c) => c.kind === 'action-items-done' || c.kind === 'labelled-items-done')) return null;
  return {
    spec: {
      kind: 'line', unit: 'count', xLabel: 'Week of', yLabel: 'Open items', labels: p.burndown.map((b) => b.date),
      series: [{ label: 'Items still to do', color: 'accent', data: p.burndown.map((b) => b.open) }],
    },
    note: `The action items the criteria wait for that were not done (or dropped with a reason), every 7 days from ${p.declaredAt} to ${p.evaluatedOn}; an item counts from its incident's start.`,
  };
}

function scopeText(p: ProgramEvaluation): string {
  const parts = [
    p.scope.services.length ? `services ${p.scope.services.join(', ')}` : '',
    p.scope.teams.length ? `teams ${p.scope.teams.join(', ')}` : '',
    p.scope.rootCauses.length ? `root causes ${p.scope.rootCauses.join(', ')}` : '',
  ].filter(Boolean);
  return parts.length ? `Incidents naming ${parts.join(' and ')}` : 'Every incident';
}

export interface ProgramPage {
  card: ProgramCard;
  owner: string;
  file: string;
  scope: string;
  judged: string;
  criteria: CriterionView[];
  burndown: { spec: ChartSpec; note: string } | null;
  /** The program's Markdown body, as safe HTML. */
  bodyHtml: string;
  incidents: IncidentRow[];
  incidentsNote: string;
}

/** What a program's page shows. */
export function programPage(data: SiteData, p: ProgramEvaluation): ProgramPage {
  const since = [...p.incidentsSinceDeclared].reverse();
  const program = data.programs.get(p.id);
  return {
    card: programCard(p, data.links),
    owner: p.owner,
    file: p.file,
    scope: scopeText(p),
    judged: p.state === 'exited' ? `Judged on ${p.evaluatedOn}, the day it exited: the record of why it could end.` : `Judged on ${p.evaluatedOn}, the analysis date.`,
    criteria: p.criteria.map((c) => criterionView(c, p.file, data)),
    burndown: burndownChart(p),
    bodyHtml: program ? renderBodyHtml(program.body.markdown) : '',
    incidents: since.slice(0, MAX_ROWS).map((id) => {
      const fm = data.byId.get(id)?.frontmatter;
      return { date: fm?.started_at.slice(0, 10) ?? '', severity: severityBadge(data.catalog, fm?.severity ?? ''), incident: incidentLink(data, id), detail: '' };
    }),
    incidentsNote: `${plural(since.length, 'incident')} in scope from ${p.declaredAt} to ${p.evaluatedOn}${since.length > MAX_ROWS ? `; the latest ${MAX_ROWS} are listed` : ''}.`,
  };
}
