import { readdirSync, readlinkSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Severity } from '../diagnostics/diagnostic.ts';
import type { RuleId } from '../diagnostics/rules.ts';

/** Why a file or folder that could hold a postmortem is not read: a finding on `path`. */
export interface FileFinding {
  /** Absolute path, under the incidents folder as it was named. */
  path: string;
  rule: Extract<RuleId, 'ignored-file' | 'file-unreadable' | 'symlink-outside' | 'symlink-loop'>;
  severity: Severity;
  message: string;
}

export interface IncidentFiles {
  /** Absolute paths of the postmortems, each file once (by its real path), sorted. */
  postmortems: string[];
  /** Every file or folder that looks like it could hold a postmortem but is not read, and why. */
  findings: FileFinding[];
}

/** The file system calls the walk makes; a test replaces them to fail where a real one cannot. */
export interface FileSystem {
  readdir(path: string): Dirent[];
  stat(path: string): Stats;
  realpath(path: string): string;
  readlink(path: string): string;
}

export const NODE_FILE_SYSTEM: FileSystem = {
  readdir: (path) => readdirSync(path, { withFileTypes: true }),
  stat: (path) => statSync(path),
  realpath: (path) => realpathSync(path),
  readlink: (path) => readlinkSync(path),
};

const LOOKS_LIKE_MARKDOWN = /\.(md|markdown|mdown|mkd|mdx)$/i;

/** Folders that never hold postmortems: hidden ones (`.git`, editor state) and dependencies. */
const isSkippedFolder = (name: string) => name.startsWith('.') || name === 'node_modules';

const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const REASONS: Record<string, string> = { EACCES: 'permission denied', EPERM: 'permission denied', ENOENT: 'it does not exist', ENOTDIR: 'not a folder', EIO: 'an input/output error' };

/** Why a file system call failed, in words, with the code for a search. */
const codeOf = (error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `${REASONS[code] ?? 'error'}: ${code}` : (error as Error).message;
};

/** Whether `path` is `folder` or inside it; both real paths. */
function isWithin(folder: string, path: string): boolean {
  const inside = relative(folder, path);
  return inside === '' || (!inside.startsWith(`..${sep}`) && inside !== '..' && !isAbsolute(inside));
}

/**
 * Which files of an incidents folder are postmortems: `**\/*.md` except names starting with `_`.
 * Every other thing that looks like one is a finding, so the files read and the files reported
 * always add up:
 * - a symbolic link to a file or folder inside the incidents folder is an alias: what it leads to
 *   is read once, where it really is; a link leading outside (`ln -s /usr/share/doc docs`) is
 *   never followed (`symlink-outside`), nor one leading back up to a folder containing it
 *   (`symlink-loop`);
 * - hidden files, hidden folders and `node_modules`, named pipes, sockets and devices are not
 *   read, and those named like Markdown are reported (`ignored-file`); a pipe is never opened;
 * - a folder that cannot be listed is `file-unreadable`, like a file that cannot be read.
 */
export function findIncidentFiles(dir: string, fs: FileSystem = NODE_FILE_SYSTEM): IncidentFiles {
  const root = resolve(dir);
  const postmortems = new Set<string>();
  const findings: FileFinding[] = [];
  const found = (path: string, rule: FileFinding['rule'], severity: Severity, message: string) => findings.push({ path, rule, severity, message });
  let realRoot: string;
  try {
    realRoot = fs.realpath(root);
  } catch (error) {
    found(root, 'file-unreadable', 'error', `the incidents folder could not be read (${codeOf(error)})`);
    return { postmortems: [], findings };
  }
  // A real path inside the folder, as a path under the folder as it was named.
  const underRoot = (real: string) => join(root, relative(realRoot, real));
  const links: { path: string; target: string }[] = [];

  const walk = (folder: string) => {
    let entries: Dirent[];
    try {
      entries = fs.readdir(folder);
    } catch (error) {
      found(folder, 'file-unreadable', 'error', `the ${folder === root ? 'incidents folder' : 'folder'} could not be read (${codeOf(error)}), so the postmortems in it are not checked; make it readable`);
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isSymbolicLink()) link(path, entry.name);
      else if (entry.isDirectory()) {
        if (isSkippedFolder(entry.name)) skippedFolder(path, entry.name);
        else walk(path);
      } else file(path, entry);
    }
  };

  const file = (path: string, entry: Dirent) => {
    const name = entry.name;
    if (!LOOKS_LIKE_MARKDOWN.test(name) || name.startsWith('_')) return;
    if (name.startsWith('.')) {
      found(path, 'ignored-file', 'warning', 'this file is not read as a postmortem: its name starts with `.`, which hides it. Rename it without the dot, or start its name with `_` if it is not a postmortem');
    } else if (!entry.isFile()) {
      found(path, 'ignored-file', 'warning', 'this is not a regular file (a named pipe, socket or device), so it is not read; replace it with the postmortem\'s text or remove it');
    } else if (!name.endsWith('.md')) {
      found(path, 'ignored-file', 'warning', 'this file is not read as a postmortem: only `.md` files are. Rename it to end in `.md`, or start its name with `_` if it is not a postmortem');
    } else postmortems.add(path);
  };

  const skippedFolder = (path: string, name: string) => {
    const count = countMarkdown(path, fs);
    if (!count) return;
    const why = name === 'node_modules' ? 'holds dependencies' : 'is hidden (its name starts with `.`)';
    found(path, 'ignored-file', 'warning', `this folder ${why}, so it is not read: ${count === 1 ? 'the Markdown file in it is not checked as a postmortem' : `its ${count} Markdown files are not checked as postmortems`}. Move any postmortem out of it`);
  };

  const link = (path: string, name: string) => {
    if (name.startsWith('_')) return;
    if (name.startsWith('.')) {
      if (LOOKS_LIKE_MARKDOWN.test(name)) found(path, 'ignored-file', 'warning', 'this link is not read as a postmortem: its name starts with `.`, which hides it. Rename it without the dot or remove it');
      return;
    }
    let target: string;
    try {
      target = fs.readlink(path);
    } catch {
      target = '?';
    }
    let real: string;
    let stats: Stats;
    try {
      real = fs.realpath(path);
      stats = fs.stat(real);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOOP') found(path, 'symlink-loop', 'warning', `this symbolic link (to \`${target}\`) leads round in a circle, so it is not followed; remove it`);
      else if (LOOKS_LIKE_MARKDOWN.test(name)) found(path, 'file-unreadable', 'error', `this symbolic link leads to \`${target}\`, which does not exist; point it at the postmortem or remove it`);
      return;
    }
    const folder = stats.isDirectory();
    if (!isWithin(realRoot, real)) {
      if (folder || LOOKS_LIKE_MARKDOWN.test(name) || LOOKS_LIKE_MARKDOWN.test(real)) {
        found(path, 'symlink-outside', 'error', `this symbolic link leads to \`${target}\`, outside the incidents folder, so it is not followed: postmortems must be in the folder itself. Move the ${folder ? 'folder' : 'file'} here or remove the link`);
      }
      return;
    }
    if (folder) {
      // Every folder inside is walked where it really is; a link up to a folder containing it
      // would only make the walk go round.
      if (isWithin(real, fs.realpath(join(path, '..')))) {
        found(path, 'symlink-loop', 'warning', `this symbolic link leads back to \`${target}\`, a folder that contains it, so it is not followed; its postmortems are read where they are. Remove the link`);
      }
      return;
    }
    if (LOOKS_LIKE_MARKDOWN.test(name)) links.push({ path, target: underRoot(real) });
  };

  walk(root);
  // A link to a postmortem is the postmortem itself, read once where it is; a link to anything
  // else named like one is reported, as the file it leads to would be.
  for (const { path, target } of links) {
    if (!postmortems.has(target)) {
      found(path, 'ignored-file', 'warning', `this symbolic link leads to \`${relative(root, target).split(sep).join('/')}\`, which is not read as a postmortem; link to a \`.md\` postmortem in the folder or remove the link`);
    }
  }
  return { postmortems: [...postmortems].sort(byPath), findings: findings.sort((a, b) => byPath(a.path, b.path)) };
}

/** How many Markdown-looking files a folder holds, links not followed; unreadable parts count as none. */
function countMarkdown(folder: string, fs: FileSystem): number {
  let entries: Dirent[];
  try {
    entries = fs.readdir(folder);
  } catch {
    return 0;
  }
  let count = 0;
  for (const entry of entries) {
    if (entry.isDirectory()) count += countMarkdown(join(folder, entry.name), fs);
    else if (LOOKS_LIKE_MARKDOWN.test(entry.name)) count++;
  }
  return count;
}

/** The incident id of a postmortem file: its name without `.md`. */
export function incidentIdOf(path: string): string {
  const name = path.slice(path.lastIndexOf(sep) + 1);
  return name.slice(0, -'.md'.length);
}
