import { formatMinutes, plural, trendWord, type ActionItemRow, type DimensionStats, type ValueStats } from '../../lib/index.ts';
import type { ChartSpec } from '../chart-spec.ts';
import { actionItemRow, type ActionItemRowView } from './action-items.ts';
import { familyTree, type FamilyTreeView } from './family-tree.ts';
import { DIMENSION_PAGES, type IncidentFilters, type PagedDimension } from './links.ts';
import { severityBadge, type SeverityBadge } from './severity.ts';
import type { SiteData } from './site-data.ts';

/** The incidents-table filter that selects one value of a dimension. */
export function filterFor(dimension: PagedDimension, value: string): IncidentFilters {
  const key = ({ service: 'services', root_cause: 'causes', trigger: 'trigger', team: 'team' } as const)[dimension];
  return { [key]: value };
}

export function dimensionStats(data: SiteData, dimension: PagedDimension): DimensionStats {
  return data.analysis.dimensions.find((d) => d.dimension === dimension)!;
}

export interface DimensionIndexView {
  title: string;
  one: string;
  note: string;
  severities: string[];
  rows: {
    label: string;
    /** The id, when it differs from the label. */
    id: string | undefined;
    href: string;
    count: number;
    bySeverity: number[];
    recurrences: number;
    medianDuration: string;
    lastSeen: string;
    trend: string;
  }[];
}

export function dimensionIndexView(data: SiteData, dimension: PagedDimension): DimensionIndexView {
  const page = DIMENSION_PAGES[dimension];
  const stats = dimensionStats(data, dimension);
  const { trendPeriods, period } = data.analysis.settings;
  const without = stats.incidentsWithout > 0 ? ` ${plural(stats.incidentsWithout, 'incident')} name none.` : '';
  return {
    title: page.title,
    one: page.one,
    note: `Incidents only (not near-misses, game days or drafts); an incident with two ${page.title.toLowerCase()} counts for both.${without} Trend: the last ${trendPeriods} ${period}s against the ${trendPeriods} before.`,
    severities: data.catalog.severities.map((s) => s.id),
    rows: stats.values.map((v) => ({
      label: v.label,
      id: v.label !== v.value ? v.value : undefined,
      href: data.links.value(dimension, v.value),
      count: v.count,
      bySeverity: data.catalog.severities.map((s) => v.bySeverity[s.id] ?? 0),
      recurrences: v.recurrences,
      medianDuration: `${formatMinutes(v.impactMinutes.median)} (n = ${v.count - v.impactMinutes.missing})`,
      lastSeen: v.lastSeen ?? '—',
      trend: `${trendWord(v.trend)} (${v.trend.recent} vs ${v.trend.previous})`,
    })),
  };
}

export interface DimensionValueView {
  title: string;
  index: { title: string; href: string };
  description: string | undefined;
  /** A team's services, with their names and tiers. */
  services: { name: string; href: string; tier: string }[];
  cards: { value: string; label: string; href?: string; metric?: string }[];
  chart: ChartSpec;
  chartTitle: string;
  incidents: { date: string; title: string; href: string; severity: SeverityBadge }[];
  allIncidents: { href: string; shown: number; total: number };
  chains: FamilyTreeView[];
  openItems: ActionItemRowView[];
}

/** At most this many incidents on a value's page; the incidents table has the rest, filtered. */
const LISTED = 100;

export function dimensionValueView(data: SiteData, dimension: PagedDimension, value: ValueStats): DimensionValueView {
  const page = DIMENSION_PAGES[dimension];
  const { catalog, analysis, links } = data;
  const { trendPeriods, period } = analysis.settings;
  const ids = value.incidents.filter((id) => data.byId.has(id));
  const newest = ids.slice(-LISTED).reverse();
  const open: ActionItemRow[] = ids.flatMap((id) => data.itemsOf.get(id) ?? []).filter((i) => i.open);
  const chains = [...new Set(ids.flatMap((id) => data.familyOf.get(id) ?? []))].slice(0, 10);
  const description =
    dimension === 'root_cause' ? catalog.root_causes.find((c) => c.id === value.value)?.description
      : dimension === 'trigger' ? catalog.triggers.find((t) => t.id === value.value)?.description
        : dimension === 'service' ? catalog.services.find((s) => s.id === value.value)?.description
          : undefined;
  const services = dimension === 'team'
    ? catalog.services.filter((s) => s.team === value.value).map((s) => ({ name: s.name, href: links.value('service', s.id), tier: s.tier === undefined ? '—' : `tier ${s.tier}` }))
    : [];
  const impact = value.impactMinutes;
  return {
    title: value.label,
    index: { title: page.title, href: links.index(dimension) },
    description,
    services,
    cards: [
      { value: String(value.count), label: `incidents${value.firstSeen ? `, ${value.firstSeen} to ${value.lastSeen}` : ''}`, href: links.incidents({ kind: 'incident', ...filterFor(dimension, value.value) }), metric: 'count' },
      { value: String(value.recurrences), label: 'recurrences', href: links.incidents({ kind: 'incident', recurrence: true, ...filterFor(dimension, value.value) }) },
      { value: String(value.customerFacing), label: 'customer-facing', href: links.incidents({ kind: 'incident', customer: true, ...filterFor(dimension, value.value) }) },
      { value: formatMinutes(impact.median), label: `median duration (n = ${value.count - impact.missing})${impact.missing > 0 ? `; ${impact.missing} without an exact time to resolve left out` : ''}` },
      { value: trendWord(value.trend), label: `${value.trend.recent} in the last ${trendPeriods} ${period}s, ${value.trend.previous} before` },
    ],
    chartTitle: `Incidents per ${period}`,
    chart: {
      kind: 'bar',
      xLabel: period === 'month' ? 'Month started' : 'Quarter started',
      yLabel: 'Incidents',
      labels: analysis.scope.periods,
      series: [{ label: value.label, color: 'accent', data: value.perPeriod }],
    },
    incidents: newest.map((id) => {
      const fm = data.byId.get(id)!.frontmatter;
      return { date: fm.started_at.slice(0, 10), title: fm.title, href: links.incident(id), severity: severityBadge(catalog, fm.severity) };
    }),
    allIncidents: { href: links.incidents({ kind: 'incident', ...filterFor(dimension, value.value) }), shown: newest.length, total: ids.length },
    chains: chains.map((family) => familyTree(data, family)),
    openItems: open.map((item) => actionItemRow(data, item)),
  };
}
