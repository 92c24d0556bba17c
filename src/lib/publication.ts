import type { Frontmatter } from './schema/incident.ts';

/**
 * The statuses the site publishes. `in-review` is published too, marked as such: the people who
 * review a postmortem read it on the site, and the analysis already counts it. Drafts never are.
 */
export const PUBLISHED_STATUSES = ['in-review', 'published'] as const satisfies readonly Frontmatter['status'][];

/**
 * Whether a postmortem reaches the site: its pages, feed, search index and data files alike.
 * `drafts` is for the writer's own preview (`npm run dev`), never for a build.
 */
export function isOnSite(status: Frontmatter['status'], options: { drafts?: boolean } = {}): boolean {
  return (PUBLISHED_STATUSES as readonly string[]).includes(status) || (options.drafts === true && status === 'draft');
}
