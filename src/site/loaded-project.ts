import type { LoadResult } from '../lib/index.ts';

/**
 * The project the build integration loaded, handed to the pages. Astro loads the integration with
 * Node and the pages through Vite, so each has its own copy of every module: only a global
 * reaches both. Without it every postmortem would be read and parsed twice per build.
 */
const KEY = Symbol.for('hindsight.loaded-project');

type Holder = { [KEY]?: LoadResult };

export function handOverProject(project: LoadResult): void {
  (globalThis as Holder)[KEY] = project;
}

export function loadedProject(): LoadResult | undefined {
  return (globalThis as Holder)[KEY];
}
