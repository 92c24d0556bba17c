import { siteData } from './data.ts';
import type { PagedDimension } from './view/links.ts';

/** The static paths of a dimension's value pages: one per value the analysis lists. */
export async function valuePaths(dimension: PagedDimension) {
  const { analysis } = await siteData();
  const values = analysis.dimensions.find((d) => d.dimension === dimension)!.values;
  return values.map((value) => ({ params: { value: value.value }, props: { value } }));
}
