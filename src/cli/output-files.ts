import { closeSync, mkdirSync, openSync, statSync, writeSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';

const stat = (path: string): Stats | undefined => {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
};

/** `EACCES: permission denied`: Node's message without the call and path it repeats. */
const reason = (error: unknown) => (error as Error).message.replace(/, \w+ '.*$/s, '');

/**
 * Creates a folder for output, one level at a time from the nearest one that exists (a recursive
 * mkdir under `/proc` never returns). A message when it cannot, naming what is in the way.
 */
export function makeFolder(path: string, shown: string): string | undefined {
  const existing = stat(path);
  if (existing) return existing.isDirectory() ? undefined : `\`${shown}\` is a file, not a folder; name a folder to write into`;
  const missing: string[] = [];
  let ancestor = path;
  while (!stat(ancestor) && dirname(ancestor) !== ancestor) {
    missing.unshift(ancestor);
    ancestor = dirname(ancestor);
  }
  if (!stat(ancestor)?.isDirectory()) return `cannot create \`${shown}\`: \`${ancestor}\` is not a folder`;
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      return `cannot create \`${shown}\`: ${reason(error)}`;
    }
  }
  return undefined;
}

/**
 * Writes an output file, a chunk at a time: a new one, or a regular file replaced. Anything else
 * at the path (a folder, a named pipe that would block the run, a device) is refused with a
 * message, and so is a failed write.
 */
export function writeOutput(path: string, shown: string, chunks: Iterable<string>): string | undefined {
  const existing = stat(path);
  if (existing && !existing.isFile()) return `cannot write \`${shown}\`: it is ${existing.isDirectory() ? 'a folder' : 'not a regular file'}`;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'w');
    for (const chunk of chunks) writeSync(fd, chunk);
  } catch (error) {
    return `cannot write \`${shown}\`: ${reason(error)}`;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return undefined;
}
