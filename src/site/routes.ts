import type { Dimension } from '../lib/index.ts';
import { href, siteData } from './data.ts';

/** The dimensions that have pages, and where. */
export const DIMENSION_PAGES = {
  service: { path: 'services', title: 'Services', one: 'Service' },
  root_cause: { path: 'causes', title: 'Root causes', one: 'Root cause' },
  trigger: { path: 'triggers', title: 'Triggers', one: 'Trigger' },
  team: { path: 'teams', title: 'Teams', one: 'Team' },
} as const satisfies Partial<Record<Dimension, { path: string; title: string; one: string }>>;

export type PagedDimension = keyof typeof DIMENSION_PAGES;

export function incidentHref(id: string): string {
  return href(`/incidents/${id}/`);
}

export function programHref(id: string): string {
  return href(`/programs/${id}/`);
}

export function valueHref(dimension: PagedDimension, value: string): string {
  return href(`/${DIMENSION_PAGES[dimension].path}/${value}/`);
}

/** The static paths of a dimension's value pages: one per value the analysis lists. */
export async function valuePaths(dimension: PagedDimension) {
  const { analysis } = await siteData();
  const values = analysis.dimensions.find((d) => d.dimension === dimension)!.values;
  return values.map((value) => ({ params: { value: value.value }, props: { value } }));
}
