import type { APIRoute } from 'astro';
import { isOnSite } from '../lib/index.ts';
import { siteData } from '../site/data.ts';
import { SITE } from '../site/config.ts';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * An Atom feed of the postmortems on the site, newest first. Links are absolute when `site.url` is
 * configured, else relative to the feed: a static site does not know the host it is served from.
 */
export const GET: APIRoute = async () => {
  const { incidents, links } = await siteData();
  const published = incidents.filter((i) => isOnSite(i.frontmatter.status)).slice(0, 50);
  const at = (path: string) => (SITE.url ? new URL(path, SITE.url).href : path.slice(SITE.base.length) || './');
  const updated = published[0]?.frontmatter.resolved_at ?? published[0]?.frontmatter.started_at ?? `${SITE.asOf}T00:00:00Z`;
  const entries = published.map((i) => `  <entry>
    <id>urn:hindsight:incident:${escape(i.id)}</id>
    <title>${escape(`${i.frontmatter.severity}: ${i.frontmatter.title}${i.frontmatter.status === 'in-review' ? ' (in review)' : ''}`)}</title>
    <link href="${escape(at(links.incident(i.id)))}"/>
    <updated>${escape(i.frontmatter.resolved_at ?? i.frontmatter.started_at)}</updated>
    <author><name>${escape(i.frontmatter.authors.join(', '))}</name></author>
    <summary>${escape(i.frontmatter.impact?.summary ?? '')}</summary>
  </entry>`);
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:hindsight:${escape(SITE.title)}</id>
  <title>${escape(SITE.title)}: postmortems</title>
  <link rel="self" href="${escape(at(links.page('/feed.xml')))}"/>
  <link rel="alternate" type="text/html" href="${escape(at(links.page('/')))}"/>
  <updated>${escape(updated)}</updated>
${entries.join('\n')}
</feed>
`;
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml' } });
};
