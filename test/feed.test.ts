import { join } from 'node:path';
import { expect, test } from 'vitest';
import { loadProject } from '../src/lib/index.ts';
import { atomFeed, rfc3339, xmlText } from '../src/site/view/feed.ts';
import { NOW } from './helpers.ts';

const LINKS = { self: 'feed.xml', home: './', incident: (id: string) => `incidents/${id}/` };

/** XML 1.0's `Char` production: what a well-formed document may contain, and nothing else. */
const XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

test('text is escaped for XML, and characters XML 1.0 forbids are replaced', () => {
  expect(xmlText('a\x01b\0c\x1bd\uFFFEe\uFFFFf\uD800g <&> "h" \t\n\u{1F600}')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg &lt;&amp;&gt; &quot;h&quot; \t\n\u{1F600}');
});

test('dates are RFC 3339 in UTC, whatever form the author wrote', () => {
  expect(rfc3339(Date.parse('2025-07-05T13:00:00+02:00'))).toBe('2025-07-05T11:00:00Z');
  expect(rfc3339(Date.parse('2025-07-05T13:00:00.250+02:00'))).toBe('2025-07-05T11:00:00.250Z');
});

test('a feed of postmortems with control characters in their text is well-formed, with RFC 3339 dates', async () => {
  const dir = join(import.meta.dirname, 'fixtures/site/hostile/incidents');
  const { incidents } = await loadProject({ incidentsDir: dir, cwd: dir, now: NOW });
  const newestFirst = [...incidents].sort((a, b) => b.times.startedAt - a.times.startedAt);
  const feed = atomFeed(newestFirst, { title: 'Postmortems\x1b', asOf: '2025-08-01', links: LINKS });
  expect(feed).toMatch(XML_CHARS);
  expect(feed.slice(0, feed.indexOf('<entry>', feed.indexOf('<entry>') + 1))).toBe(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:hindsight:Postmortems\uFFFD</id>
  <title>Postmortems\uFFFD: postmortems</title>
  <link rel="self" href="feed.xml"/>
  <link rel="alternate" type="text/html" href="./"/>
  <updated>2025-07-05T12:30:00Z</updated>
  <entry>
    <id>urn:hindsight:incident:2025-07-05-control-characters</id>
    <title>SEV2: Control\uFFFD \uFFFD \uFFFD[31m \uFFFD characters in a title</title>
    <link href="incidents/2025-07-05-control-characters/"/>
    <updated>2025-07-05T12:30:00Z</updated>
    <author><name>dana\uFFFD.k</name></author>
    <summary>A summary with a \uFFFD]8;;https://evil.example\uFFFDlink\uFFFD]8;;\uFFFD in it</summary>
  </entry>
  `);
  expect(feed.endsWith('  </entry>\n</feed>\n')).toBe(true);
});

test('an empty feed is dated at the analysis date', () => {
  expect(atomFeed([], { title: 'Hindsight', asOf: '2025-08-01', links: LINKS })).toContain('<updated>2025-08-01T00:00:00Z</updated>\n</feed>\n');
});
