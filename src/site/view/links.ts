import type { Dimension } from '../../lib/index.ts';

/** The dimensions that have pages, and where. */
export const DIMENSION_PAGES = {
  service: { path: 'services', title: 'Services', one: 'Service' },
  root_cause: { path: 'causes', title: 'Root causes', one: 'Root cause' },
  trigger: { path: 'triggers', title: 'Triggers', one: 'Trigger' },
  team: { path: 'teams', title: 'Teams', one: 'Team' },
} as const satisfies Partial<Record<Dimension, { path: string; title: string; one: string }>>;

export type PagedDimension = keyof typeof DIMENSION_PAGES;

/**
 * A filtered view of the incidents table, as its form writes it into the URL. A value page,
 * a dashboard card and a team's row link to the rows they count.
 */
export interface IncidentFilters {
  kind?: string;
  /** A severity id, or `severe` for the catalog's two worst. */
  severity?: string;
  services?: string;
  causes?: string;
  trigger?: string;
  team?: string;
  /** First and last day, `YYYY-MM-DD`, both included. */
  from?: string;
  to?: string;
  recurrence?: boolean;
  customer?: boolean;
  preventable?: boolean;
  q?: string;
}

export interface ActionItemFilters {
  owner?: string;
  team?: string;
  /** A status, or `unfinished` for open and in progress. */
  status?: string;
  priority?: string;
  overdue?: boolean;
  q?: string;
  /** A column key and direction, e.g. `overdue-desc`. */
  sort?: string;
}

export interface Links {
  /** A path inside the site, e.g. `/search/`, under its base path. */
  page(path: string): string;
  incident(id: string): string;
  value(dimension: PagedDimension, value: string): string;
  index(dimension: PagedDimension): string;
  incidents(filters?: IncidentFilters): string;
  actionItems(filters?: ActionItemFilters): string;
  program(id: string): string;
}

/** `?a=1&b=true` in the order the filters are given; empty and false filters are left out. */
export function query(filters: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters) as [string, unknown][]) {
    if (value === undefined || value === false || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Every link of the site, under its base path (`/` or e.g. `/postmortems/`). */
export function siteLinks(base: string): Links {
  const root = base.replace(/\/$/, '');
  const page = (path: string) => `${root}${path}`;
  return {
    page,
    incident: (id) => page(`/incidents/${id}/`),
    value: (dimension, value) => page(`/${DIMENSION_PAGES[dimension].path}/${value}/`),
    index: (dimension) => page(`/${DIMENSION_PAGES[dimension].path}/`),
    incidents: (filters = {}) => page(`/incidents/${query(filters)}`),
    actionItems: (filters = {}) => page(`/action-items/${query(filters)}`),
    program: (id) => page(`/programs/${id}/`),
  };
}
