import type { Catalog } from '../../lib/index.ts';

export interface SeverityBadge {
  id: string;
  /** The catalog's label, e.g. `Critical`. */
  label: string;
  /** A colour class of site.css, `sev-1` to `sev-4`. */
  tone: string;
}

/**
 * The colour of a severity, by its place in the catalog (0 the worst): one of site.css's four
 * `--sev-N` variables, so a badge and a chart show SEV1 alike. Catalogs with more than four
 * severities share the mildest colour.
 */
export function severityTone(rank: number): string {
  return `sev-${Math.min(Math.max(rank, 0), 3) + 1}`;
}

export function severityBadge(catalog: Catalog, id: string): SeverityBadge {
  const rank = catalog.severities.findIndex((s) => s.id === id);
  return { id, label: catalog.severities[rank]?.label ?? id, tone: severityTone(rank) };
}

/** A severity's place in the catalog, 0 the worst, for sorting; unknown ones last. */
export function severityRank(catalog: Catalog, id: string): number {
  const rank = catalog.severities.findIndex((s) => s.id === id);
  return rank === -1 ? catalog.severities.length : rank;
}
