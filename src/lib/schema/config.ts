import { z } from 'zod';
import { workingHoursSchema } from './working-hours.ts';

const sectionName = z.string().trim().min(1, { error: 'must not be empty' });

/** A path a site is served under: `/`, or segments each ending in `/`, e.g. `/postmortems/`. */
export const BASE_PATH = /^\/([\w.-]+\/)*$/;

/** `hindsight.config.json`: optional; every field has a default. */
export const configSchema = z.strictObject({
  /** The incidents folder, relative to the config file. Default `incidents`. */
  incidents: z.string().min(1).default('incidents'),
  /**
   * The catalog, relative to the config file. Default: `_catalog.yaml` in the incidents folder.
   * Lets a monorepo keep one catalog beside several incidents folders, or outside them.
   */
  catalog: z.string().min(1).optional(),
  /**
   * The programs folder (code yellows and other programs), relative to the config file.
   * Default: `programs` beside the incidents folder.
   */
  programs: z.string().min(1).optional(),
  /**
   * The `##` sections every postmortem past `draft` must have. An entry that is a list names
   * alternatives. Default: Summary, Impact, Timeline, Root cause (or Root causes), Lessons learned.
   */
  requiredSections: z
    .array(z.union([sectionName, z.array(sectionName).min(1)], { error: 'must be a section name or a list of alternative names' }))
    .transform((entries) => entries.map((entry) => (typeof entry === 'string' ? [entry] : entry)))
    .optional(),
  /** The published site. */
  site: z
    .strictObject({
      /** The site's title. Default `Hindsight`. */
      title: z.string().trim().min(1).optional(),
      /** Shown beside the title, e.g. `Acme Engineering`. */
      organisation: z.string().trim().min(1).optional(),
      /** The path the site is served under, e.g. `/postmortems/` for a GitHub Pages project site. Default `/`. */
      base: z.string().regex(BASE_PATH, { error: 'must start and end with `/`, e.g. `/postmortems/`' }).optional(),
      /** Where the site is served, e.g. `https://acme.github.io`: the feed's links are absolute with it. Optional. */
      url: z.url({ protocol: /^https?$/, error: 'must be an http or https address, e.g. `https://acme.github.io`' }).optional(),
    })
    .optional(),
  /** How incidents are analysed; docs/analysis.md explains each. */
  analysis: z
    .strictObject({
      /** Trend charts and per-period counts by `month` (default) or `quarter`. */
      period: z.enum(['month', 'quarter']).optional(),
      /** An unlinked incident recurs an earlier one only within this many days. Default 90. */
      recurrenceWindowDays: z.int().min(1).max(3650).optional(),
      /** Trends compare the last N periods with the N before. Default 3. */
      trendPeriods: z.int().min(1).max(24).optional(),
      /** When pages count as in working hours, in the offset of each `paged_at`. Default Mon–Fri 09:00–18:00. */
      workingHours: workingHoursSchema.optional(),
    })
    .optional(),
});

export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;
