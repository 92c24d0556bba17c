import type { APIRoute } from 'astro';
import { siteData } from '../site/data.ts';
import { SITE } from '../site/config.ts';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * An Atom feed of published postmortems, newest first. Links are relative to the feed: a static
 * site does not know the host it is served from.
 */
export const GET: APIRoute = async () => {
  const { incidents } = await siteData();
  const published = incidents.filter((i) => i.frontmatter.status === 'published').slice(0, 50);
  const updated = published[0]?.frontmatter.resolved_at ?? published[0]?.frontmatter.started_at ?? `${SITE.asOf}T00:00:00Z`;
  const entries = published.map((i) => `  <entry>
    <id>urn:hindsight:incident:${escape(i.id)}</id>
    <title>${escape(`${i.frontmatter.severity}: ${i.frontmatter.title}`)}</title>
    <link href="incidents/${escape(i.id)}/"/>
    <updated>${escape(i.frontmatter.resolved_at ?? i.frontmatter.started_at)}</updated>
    <author><name>${escape(i.frontmatter.authors.join(', '))}</name></author>
    <summary>${escape(i.frontmatter.impact?.summary ?? '')}</summary>
  </entry>`);
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:hindsight:${escape(SITE.title)}</id>
  <title>${escape(SITE.title)}: postmortems</title>
  <updated>${escape(updated)}</updated>
${entries.join('\n')}
</feed>
`;
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml' } });
};
