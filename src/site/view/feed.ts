import { isOnSite, type Incident } from '../../lib/index.ts';

/** How many postmortems the feed lists: the newest. */
export const FEED_ENTRIES = 50;

/**
 * Characters XML 1.0 forbids (controls other than tab and line breaks, U+FFFE, U+FFFF and lone
 * surrogates): one in a title would make the whole feed ill-formed, so every reader rejects it.
 * The validator accepts them in text, so they are replaced here, where XML is written.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An instant as RFC 3339 requires it (`2025-07-05T11:00:00Z`), whatever ISO 8601 form the author wrote. */
export function rfc3339(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.000Z$/, 'Z');
}

/** Where the feed's links lead: absolute with a configured site URL, else relative to the feed. */
export interface FeedLinks {
  self: string;
  home: string;
  incident: (id: string) => string;
}

/** An Atom feed of the postmortems on the site (`isOnSite`), newest first as the site orders them; in-review ones marked. */
export function atomFeed(incidents: readonly Incident[], site: { title: string; asOf: string; links: FeedLinks }): string {
  const shown = incidents.filter((i) => isOnSite(i.frontmatter.status)).slice(0, FEED_ENTRIES);
  const updatedAt = (i: Incident) => rfc3339(i.times.resolvedAt ?? i.times.startedAt);
  const entries = shown.map((i) => `  <entry>
    <id>urn:hindsight:incident:${xmlText(i.id)}</id>
    <title>${xmlText(`${i.frontmatter.severity}: ${i.frontmatter.title}${i.frontmatter.status === 'in-review' ? ' (in review)' : ''}`)}</title>
    <link href="${xmlText(site.links.incident(i.id))}"/>
    <updated>${updatedAt(i)}</updated>
    <author><name>${xmlText(i.frontmatter.authors.join(', '))}</name></author>
    <summary>${xmlText(i.frontmatter.impact?.summary ?? '')}</summary>
  </entry>
`).join('');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:hindsight:${xmlText(site.title)}</id>
  <title>${xmlText(site.title)}: postmortems</title>
  <link rel="self" href="${xmlText(site.links.self)}"/>
  <link rel="alternate" type="text/html" href="${xmlText(site.links.home)}"/>
  <updated>${shown[0] ? updatedAt(shown[0]) : `${site.asOf}T00:00:00Z`}</updated>
${entries}</feed>
`;
}
