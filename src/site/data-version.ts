/**
 * A counter the dev server bumps when a postmortem or the catalog changes. It lives on
 * `globalThis` because the integration and the pages load this module separately (Astro's config
 * and Vite's server-side modules), in one process.
 */
const KEY = Symbol.for('hindsight.data-version');

type Holder = { [KEY]?: number };

export function dataVersion(): number {
  return (globalThis as Holder)[KEY] ?? 0;
}

export function bumpDataVersion(): void {
  (globalThis as Holder)[KEY] = dataVersion() + 1;
}
