// @ts-check
import { defineConfig } from 'astro/config';
import hindsight from './src/integration/hindsight.ts';
import { INCIDENTS_OVERRIDE } from './src/site/config.ts';

export default defineConfig({
  output: 'static',
  integrations: [hindsight({ incidentsDir: INCIDENTS_OVERRIDE })],
});
