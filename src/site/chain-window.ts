/**
 * The part of a long recurrence chain a page shows: the first and last incidents and those around
 * the one the page is about, with how many are left out between them. Synthetic corpora (and
 * years of history) make chains of thousands; a page lists a handful.
 */
export type ChainStep = { id: string; index: number } | { skipped: number };

export function chainWindow(ids: readonly string[], around?: string, reach = 2): ChainStep[] {
  const centre = around === undefined ? -1 : ids.indexOf(around);
  const keep = (i: number) => i < reach || i >= ids.length - reach || (centre >= 0 && Math.abs(i - centre) <= reach);
  const steps: ChainStep[] = [];
  let skipped = 0;
  ids.forEach((id, index) => {
    if (keep(index)) {
      if (skipped) steps.push({ skipped });
      skipped = 0;
      steps.push({ id, index });
    } else skipped++;
  });
  if (skipped) steps.push({ skipped });
  return steps;
}
