import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { pretty } from '../cli/formatters/pretty.ts';
import { BASE_PATH, catalogPath, countBySeverity, loadConfig, loadConfiguredProject, parseDate, programsPath, type ConfiguredLoadOptions } from '../lib/index.ts';
import { SITE } from '../site/config.ts';
import { bumpDataVersion } from '../site/data-version.ts';
import { handOverProject } from '../site/loaded-project.ts';

/** The incidents folder, the catalog file and the programs folder the site is built from, as absolute paths. */
function sources(incidentsDir: string | undefined): { folder: string; catalog: string; programs: string } {
  const cwd = process.cwd();
  const { config } = loadConfig(cwd);
  const folder = resolve(cwd, incidentsDir ?? config.incidents);
  return { folder, catalog: catalogPath({ cwd, incidentsDir: folder, catalog: config.catalog }), programs: programsPath({ cwd, incidentsDir: folder, programs: config.programs }) };
}

/**
 * Validates the incidents before Astro builds anything: a build with an invalid postmortem prints
 * the same findings as `npm run validate` and stops, so nothing is published.
 */
export default function hindsight(options: { incidentsDir: string | undefined }): AstroIntegration {
  return {
    name: 'hindsight',
    hooks: {
      'astro:config:setup': async ({ command, updateConfig }) => {
        // Drafts are shown while writing (`astro dev`) and never published.
        updateConfig({ vite: { define: { 'import.meta.env.HINDSIGHT_DEV_SERVER': JSON.stringify(command === 'dev') } } });
        // Settings from the environment are checked here, before any page is built.
        const problems = [
          parseDate(SITE.asOf) === undefined && `HINDSIGHT_AS_OF must be a date such as 2026-06-30, not \`${SITE.asOf}\``,
          !BASE_PATH.test(SITE.base) && `HINDSIGHT_BASE must start and end with \`/\`, such as /postmortems/, not \`${SITE.base}\``,
          SITE.url !== undefined && !/^https?:\/\/[^/]+/.test(SITE.url) && `HINDSIGHT_SITE_URL must be an http or https address, such as https://acme.github.io, not \`${SITE.url}\``,
        ].filter(Boolean);
        if (problems.length) {
          process.stderr.write(problems.map((p) => `hindsight: ${p}\n`).join(''));
          process.exit(2);
        }
        if (command !== 'build') return;
        // Loaded once, with the models: the pages take this load over (src/site/data.ts).
        const load: ConfiguredLoadOptions = { cwd: process.cwd() };
        if (options.incidentsDir) load.incidentsDir = options.incidentsDir;
        const result = await loadConfiguredProject(load);
        const { errors } = countBySeverity(result.diagnostics);
        if (result.diagnostics.length) {
          process.stderr.write(pretty({ diagnostics: result.diagnostics, files: result.files }, { color: Boolean(process.stderr.isTTY) }));
        }
        if (errors > 0) {
          process.stderr.write('\nThe site was not built: fix the problems above (npm run validate checks them).\n');
          process.exit(1);
        }
        handOverProject(result);
      },
      // While writing: an edited postmortem, program or catalog shows on the next page, without a restart.
      'astro:server:setup': ({ server, logger }) => {
        const { folder, catalog, programs } = sources(options.incidentsDir);
        server.watcher.add([folder, catalog, programs]);
        const changed = (path: string) => {
          if (path !== catalog && !path.startsWith(folder + sep) && !path.startsWith(programs + sep)) return;
          bumpDataVersion();
          logger.info(`${path.slice(process.cwd().length + 1)} changed: reloading`);
          // Astro keeps each page's getStaticPaths until content changes: a new postmortem would
          // have no page. This is the event its own content layer sends to clear that cache.
          for (const [name, environment] of Object.entries(server.environments)) if (name !== 'client') environment.hot.send('astro:content-changed', {});
          server.hot.send({ type: 'full-reload' });
        };
        for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, changed);
      },
      // Full-text search: Pagefind indexes the built pages (those marked data-pagefind-body).
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`search index: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length) throw new Error(`search index: ${added.errors.join('; ')}`);
        await index.writeFiles({ outputPath: `${site}/pagefind` });
        await pagefind.close();
        logger.info(`search index: ${added.page_count} pages`);
      },
    },
  };
}