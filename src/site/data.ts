import { analyze, isOnSite, loadConfiguredProject, optionsFromConfig, previewDrafts, type ConfiguredLoadOptions, type LoadResult } from '../lib/index.ts';
import { INCIDENTS_OVERRIDE, SITE } from './config.ts';
import { dataVersion } from './data-version.ts';
import { loadedProject } from './loaded-project.ts';
import { tooThinByMonth } from './view/dashboard-charts.ts';
import { buildSiteData, type SiteData } from './view/site-data.ts';

export type { SiteData } from './view/site-data.ts';

/** A build takes over what the integration validated; the dev server loads for itself. */
async function loadProject(): Promise<LoadResult> {
  const loaded = loadedProject();
  if (loaded) return loaded;
  if (import.meta.env.HINDSIGHT_DEV_SERVER !== true) throw new Error('the Hindsight integration did not hand over the postmortems it validated');
  const options: ConfiguredLoadOptions = { cwd: process.cwd(), threads: 1 };
  if (INCIDENTS_OVERRIDE) options.incidentsDir = INCIDENTS_OVERRIDE;
  return loadConfiguredProject(options);
}

async function load(): Promise<SiteData> {
  const project = await loadProject();
  // The build integration has already stopped the build on any error; this is the dev server.
  if (!project.catalog) throw new Error('the catalog has errors: run npm run validate');
  const drafts = import.meta.env.HINDSIGHT_DEV_SERVER === true;
  // The analysis is the published site's, in the preview too: a draft's id must not reach
  // analysis.json, nor a draft any number. A draft's page gets its own findings beside it.
  const published = project.incidents.filter((i) => isOnSite(i.frontmatter.status));
  const settings = optionsFromConfig(SITE.analysis, SITE.asOf);
  const analysis = analyze(published, project.catalog, settings, project.programs);
  const data = buildSiteData({
    incidents: project.incidents,
    catalog: project.catalog,
    analysis,
    // Only a small corpus has thin months, so the second analysis is cheap when it runs.
    trends: tooThinByMonth(analysis) ? analyze(published, project.catalog, { ...settings, period: 'quarter' }, project.programs) : undefined,
    drafts,
    base: SITE.base,
    programs: project.programs,
    previews: drafts ? previewDrafts(project.incidents.filter((i) => !isOnSite(i.frontmatter.status)), published, project.catalog, analysis) : undefined,
  });
  if (data.leftOut > 0) console.info(`[hindsight] ${data.leftOut === 1 ? '1 draft' : `${data.leftOut} drafts`} left out of the site`);
  return data;
}

let loaded: { version: number; data: Promise<SiteData> } | undefined;

/**
 * The site's data; every page shares one load. The dev server bumps the version when a postmortem
 * or the catalog changes (src/integration/hindsight.ts), so the next page shows the edit.
 */
export function siteData(): Promise<SiteData> {
  const version = dataVersion();
  if (loaded?.version !== version) loaded = { version, data: load() };
  return loaded.data;
}
