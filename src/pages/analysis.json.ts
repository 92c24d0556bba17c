import type { APIRoute } from 'astro';
import { siteData } from '../site/data.ts';

/** The whole analysis, as `npm run analyze -- --json` writes it, for other tools; compact, as it runs to megabytes. */
export const GET: APIRoute = async () => {
  const { analysis } = await siteData();
  return new Response(`${JSON.stringify(analysis)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
