/**
 * The colour of a severity, by its place in the catalog (0 the worst): one of site.css's four
 * `--sev-N` variables, so a badge and a chart show SEV1 alike. Catalogs with more than four
 * severities share the mildest colour.
 */
export function severityTone(rank: number): string {
  return `sev-${Math.min(Math.max(rank, 0), 3) + 1}`;
}
