import { loadConfig } from '../lib/index.ts';

/**
 * What the site is built from and how, read once from hindsight.config.json. Environment
 * variables override it for tests, previews and CI: HINDSIGHT_INCIDENTS (the folder),
 * HINDSIGHT_AS_OF (the analysis date, YYYY-MM-DD; default the build's date), HINDSIGHT_BASE and
 * HINDSIGHT_SITE_URL.
 */
const { config } = loadConfig(process.cwd());

export const INCIDENTS_OVERRIDE = process.env.HINDSIGHT_INCIDENTS || undefined;

export const SITE = {
  title: config.site?.title ?? 'Hindsight',
  organisation: config.site?.organisation,
  base: process.env.HINDSIGHT_BASE || config.site?.base || '/',
  /** The site's origin, e.g. `https://acme.github.io`, when configured: the feed's links are absolute. */
  url: process.env.HINDSIGHT_SITE_URL || config.site?.url,
  asOf: process.env.HINDSIGHT_AS_OF || new Date().toISOString().slice(0, 10),
  analysis: config.analysis,
};
