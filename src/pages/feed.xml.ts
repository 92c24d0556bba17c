import type { APIRoute } from 'astro';
import { SITE } from '../site/config.ts';
import { siteData } from '../site/data.ts';
import { atomFeed } from '../site/view/feed.ts';

/**
 * An Atom feed of the postmortems on the site, newest first. Links are absolute when `site.url` is
 * configured, else relative to the feed: a static site does not know the host it is served from.
 */
export const GET: APIRoute = async () => {
  const { incidents, links } = await siteData();
  const at = (path: string) => (SITE.url ? new URL(path, SITE.url).href : path.slice(SITE.base.length) || './');
  const feed = atomFeed(incidents, {
    title: SITE.title,
    asOf: SITE.asOf,
    links: { self: at(links.page('/feed.xml')), home: at(links.page('/')), incident: (id) => at(links.incident(id)) },
  });
  return new Response(feed, { headers: { 'Content-Type': 'application/atom+xml' } });
};
