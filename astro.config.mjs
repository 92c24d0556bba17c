// @ts-check
import { defineConfig } from 'astro/config';
import hindsight from './src/integration/hindsight.ts';
import { INCIDENTS_DIR } from './src/site/config.ts';

export default defineConfig({
  output: 'static',
  integrations: [hindsight({ incidents: INCIDENTS_DIR })],
});
