import type { APIRoute } from 'astro';
import { siteData } from '../site/data.ts';

/** The whole analysis, as `npm run analyze -- --json` writes it, for other tools. */
export const GET: APIRoute = async () => {
  const { analysis } = await siteData();
  return new Response(`${JSON.stringify(analysis, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
