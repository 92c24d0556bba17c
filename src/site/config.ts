/** The folder the site reads: HINDSIGHT_INCIDENTS when set (tests, previews), else the config's. */
export const INCIDENTS_OVERRIDE = process.env.HINDSIGHT_INCIDENTS || undefined;
