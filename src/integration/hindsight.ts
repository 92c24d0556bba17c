import type { AstroIntegration } from 'astro';
import { countBySeverity, loadProject } from '../lib/index.ts';
import { pretty } from '../cli/formatters/pretty.ts';

/**
 * Validates the incidents folder before Astro builds anything: a build with an invalid postmortem
 * prints the same findings as `npm run validate` and stops, so nothing is published.
 */
export default function hindsight(options: { incidents: string }): AstroIntegration {
  return {
    name: 'hindsight',
    hooks: {
      'astro:config:setup': async ({ command }) => {
        if (command !== 'build') return;
        const result = await loadProject({ incidentsDir: options.incidents, cwd: process.cwd() });
        const { errors } = countBySeverity(result.diagnostics);
        if (result.diagnostics.length) process.stderr.write(pretty({ diagnostics: result.diagnostics, files: result.files }, { color: Boolean(process.stderr.isTTY) }));
        if (errors > 0) {
          process.stderr.write('\nThe site was not built: fix the postmortems above (npm run validate checks them).\n');
          process.exit(1);
        }
      },
    },
  };
}
