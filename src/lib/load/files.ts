import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface IncidentFiles {
  /** Absolute paths of the postmortems, sorted. */
  postmortems: string[];
  /** Files that look like postmortems but are not read as such (`.markdown`, `.MD`…). */
  ignored: string[];
}

const LOOKS_LIKE_MARKDOWN = /\.(md|markdown|mdown|mkd|mdx)$/i;

/** `incidents/**\/*.md`, minus files whose name starts with `_`, which are not postmortems. */
export function findIncidentFiles(dir: string): IncidentFiles {
  const postmortems: string[] = [];
  const ignored: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    // Hidden folders (.git, editor state) and dependencies are never postmortems.
    if (relative(dir, path).split(sep).some((part) => part.startsWith('.') || part === 'node_modules')) continue;
    if (entry.name.startsWith('_')) continue;
    if (entry.name.endsWith('.md')) postmortems.push(path);
    else if (LOOKS_LIKE_MARKDOWN.test(entry.name)) ignored.push(path);
  }
  const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return { postmortems: postmortems.sort(byPath), ignored: ignored.sort(byPath) };
}

/** The incident id of a postmortem file: its name without `.md`. */
export function incidentIdOf(path: string): string {
  const name = path.slice(path.lastIndexOf(sep) + 1);
  return name.slice(0, -'.md'.length);
}
