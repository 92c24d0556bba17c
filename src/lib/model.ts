import type { Frontmatter } from './schema/incident.ts';
import type { Section } from './parse/body.ts';

export type { Section } from './parse/body.ts';

/** A Timeline item with its instant resolved. */
export interface TimelineEntry {
  /** ISO 8601 with the offset it was written in, e.g. `2025-03-04T14:02:00+01:00`. */
  at: string;
  epochMs: number;
  text: string;
  /** 1-based line in the file. */
  line: number;
}

/** The instants of an incident's timestamps, in epoch milliseconds. */
export interface IncidentTimes {
  startedAt: number;
  detectedAt?: number;
  mitigatedAt?: number;
  resolvedAt?: number;
}

/**
 * One valid postmortem, as analysis and the site consume it. Plain data, JSON-serialisable:
 * nothing downstream re-reads the file.
 */
export interface Incident {
  /** The file name without `.md`. */
  id: string;
  /** The file's path, relative to the working directory of the run that loaded it. */
  file: string;
  frontmatter: Frontmatter;
  times: IncidentTimes;
  body: {
    /** The Markdown after the frontmatter. */
    markdown: string;
    /** 1-based line of the file on which `markdown` starts. */
    line: number;
    sections: Section[];
    timeline: TimelineEntry[];
    wordCount: number;
  };
}
