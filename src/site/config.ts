import { loadConfig } from '../lib/index.ts';

/**
 * What the site is built from and how, read once from hindsight.config.json. Environment
 * variables override it for tests, previews and CI: HINDSIGHT_INCIDENTS (the folder),
 * HINDSIGHT_AS_OF (the analysis date, YYYY-MM-DD; default the build's date) and HINDSIGHT_BASE.
 */
const { config } = loadConfig(process.cwd());

export const INCIDENTS_OVERRIDE = process.env.HINDSIGHT_INCIDENTS || undefined;

export const SITE = {
  title: config.site?.title ?? 'Hindsight',
  organisation: config.site?.organisation,
  base: process.env.HINDSIGHT_BASE || config.site?.base || '/',
  asOf: process.env.HINDSIGHT_AS_OF || new Date().toISOString().slice(0, 10),
  analysis: config.analysis,
};
