import type { APIRoute } from 'astro';
import { siteData } from '../site/data.ts';

/** Every postmortem on the site: id, file, frontmatter as written, and its timeline. */
export const GET: APIRoute = async () => {
  const { incidents } = await siteData();
  const data = incidents.map((i) => ({ id: i.id, file: i.file, ...i.frontmatter, timeline: i.body.timeline.map(({ at, text }) => ({ at, text })) }));
  return new Response(`${JSON.stringify(data)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
