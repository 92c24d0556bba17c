// @ts-check
import { defineConfig } from 'astro/config';
import hindsight from './src/integration/hindsight.ts';
import { INCIDENTS_OVERRIDE, SITE } from './src/site/config.ts';

export default defineConfig({
  output: 'static',
  base: SITE.base,
  ...(SITE.url ? { site: SITE.url } : {}),
  // Page links end in `/`, as GitHub Pages and most static hosts serve folders.
  trailingSlash: 'always',
  // Stylesheets as files, so the Content-Security-Policy needs no 'unsafe-inline'.
  build: { inlineStylesheets: 'never' },
  // Scripts as files too: an inlined script would need 'unsafe-inline' in script-src.
  vite: { build: { assetsInlineLimit: 0 } },
  integrations: [hindsight({ incidentsDir: INCIDENTS_OVERRIDE })],
});
