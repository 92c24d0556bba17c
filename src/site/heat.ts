/** The shade (0–5) of a heatmap cell: how the page colours a count, not a figure it reports. */
export function heatLevel(count: number, max: number): number {
  return count === 0 || max === 0 ? 0 : Math.max(1, Math.ceil((count / max) * 5));
}
