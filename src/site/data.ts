import {
  analyze,
  groupBy,
  loadConfiguredProject,
  optionsFromConfig,
  type ActionItemRow,
  type Analysis,
  type Catalog,
  type ConfiguredLoadOptions,
  type Incident,
  type Program,
  type RecurrenceChain,
  type RecurrenceLink,
} from '../lib/index.ts';
import { INCIDENTS_OVERRIDE, SITE } from './config.ts';

/** Everything the pages show, loaded and analysed once per build. */
export interface SiteData {
  /** The postmortems with a page: every one but drafts in a build, drafts too in `astro dev`. */
  incidents: Incident[];
  byId: Map<string, Incident>;
  /** An incident's title, or its id when it is not on the site. */
  titleOf: (id: string) => string;
  catalog: Catalog;
  analysis: Analysis;
  /** Drafts left out of this build. */
  draftsLeftOut: number;
  /** Lookups by incident id into what the analysis computed. */
  itemsOf: Map<string, ActionItemRow[]>;
  linksFrom: Map<string, RecurrenceLink[]>;
  linkTo: Map<string, RecurrenceLink>;
  chainOf: Map<string, RecurrenceChain>;
  durationsOf: Map<string, Analysis['durations'][number]>;
  /** The program files, by id, for their bodies; what they mean is in `analysis.programs`. */
  programs: Map<string, Program>;
}

async function load(): Promise<SiteData> {
  const options: ConfiguredLoadOptions = { cwd: process.cwd(), threads: 1 };
  if (INCIDENTS_OVERRIDE) options.incidentsDir = INCIDENTS_OVERRIDE;
  const project = await loadConfiguredProject(options);
  // The build integration has already stopped the build on any error; this is the dev server.
  if (!project.catalog) throw new Error('the catalog has errors: run npm run validate');
  const showDrafts = import.meta.env.HINDSIGHT_DEV_SERVER === true;
  const incidents = project.incidents
    .filter((i) => showDrafts || i.frontmatter.status !== 'draft')
    .sort((a, b) => b.times.startedAt - a.times.startedAt || (a.id < b.id ? -1 : 1));
  const byId = new Map(incidents.map((i) => [i.id, i]));
  const analysis = analyze(project.incidents, project.catalog, optionsFromConfig(SITE.analysis, SITE.asOf), project.programs);
  const draftsLeftOut = project.incidents.length - incidents.length;
  if (draftsLeftOut > 0) console.info(`[hindsight] ${draftsLeftOut === 1 ? '1 draft' : `${draftsLeftOut} drafts`} left out of the site`);
  const chainOf = new Map<string, RecurrenceChain>();
  for (const chain of analysis.recurrence.chains) for (const id of chain.incidents) chainOf.set(id, chain);
  return {
    incidents,
    byId,
    titleOf: (id) => byId.get(id)?.frontmatter.title ?? id,
    catalog: project.catalog,
    analysis,
    draftsLeftOut,
    itemsOf: groupBy(analysis.actionItems.items, (i) => [i.incident]),
    linksFrom: groupBy(analysis.recurrence.links, (l) => [l.from]),
    linkTo: new Map(analysis.recurrence.links.map((l) => [l.to, l])),
    chainOf,
    durationsOf: new Map(analysis.durations.map((d) => [d.id, d])),
    programs: new Map(project.programs.map((p) => [p.id, p])),
  };
}

let loaded: Promise<SiteData> | undefined;

/** The site's data; every page shares one load. */
export function siteData(): Promise<SiteData> {
  return (loaded ??= load());
}

/** A path inside the site, under its base path. */
export function href(path: string): string {
  return `${import.meta.env.BASE_URL.replace(/\/$/, '')}${path}`;
}
