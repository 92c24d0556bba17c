/** Where the site reads postmortems from: `incidents/` unless HINDSIGHT_INCIDENTS names another folder. */
export const INCIDENTS_DIR = process.env.HINDSIGHT_INCIDENTS || 'incidents';
