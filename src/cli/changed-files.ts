import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * The files that differ from a git ref: committed since it, changed in the working tree, or new
 * and not ignored. Absolute paths, or the message git gave.
 */
export function changedFiles(ref: string, cwd: string): { files: string[] } | { error: string } {
  const git = (args: string[]) => spawnSync('git', args, { cwd, encoding: 'utf8' });
  const top = git(['rev-parse', '--show-toplevel']);
  if (top.status !== 0) return { error: `--changed needs a git repository: ${top.stderr.trim() || 'git is not available'}` };
  const root = top.stdout.trim();
  const diff = git(['diff', '--name-only', '--diff-filter=ACMRT', '-z', ref, '--']);
  if (diff.status !== 0) return { error: `cannot compare with \`${ref}\`: ${diff.stderr.trim().split('\n')[0]}` };
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z', '--full-name', ':/']);
  const names = [...diff.stdout.split('\0'), ...(untracked.status === 0 ? untracked.stdout.split('\0') : [])].filter(Boolean);
  return { files: [...new Set(names)].map((name) => resolve(root, name)) };
}
