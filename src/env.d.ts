/// <reference types="astro/client" />

interface ImportMetaEnv {
  /** Set by the Hindsight integration: true under `astro dev` (drafts shown, no Content-Security-Policy for Vite's inline styles). */
  readonly HINDSIGHT_DEV_SERVER: boolean;
}
