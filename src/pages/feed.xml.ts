import type { APIRoute } from 'astro';
import { SITE } from '../site/config.ts';
import { siteData } from '../site/data.ts';
import { atomFeed } from '../site/view/feed.ts';

/** An Atom feed of published postmortems, newest first. */
export const GET: APIRoute = async () => {
  const { incidents } = await siteData();
  return new Response(atomFeed(incidents, SITE), { headers: { 'Content-Type': 'application/atom+xml' } });
};
