import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * The files a branch changed since it left `ref`: committed since the merge base of `ref` and
 * HEAD, changed in the working tree, or new and not ignored. Against the merge base, not `ref`
 * itself: once the base branch has moved on, its own new commits are not this branch's changes.
 * Absolute paths, or the message saying why there are none.
 */
export function changedFiles(ref: string, cwd: string, env: Record<string, string | undefined>): { files: string[] } | { error: string } {
  const git = (args: string[]) => spawnSync('git', args, { cwd, env, encoding: 'utf8' });
  const top = git(['rev-parse', '--show-toplevel']);
  if (top.error) return { error: `--changed needs git, which was not found on the PATH (${(top.error as NodeJS.ErrnoException).code}); install git or validate without --changed` };
  if (top.status !== 0) return { error: `--changed needs a git repository: ${firstLine(top.stderr)}` };
  const root = top.stdout.trim();
  const base = git(['merge-base', ref, 'HEAD']);
  if (base.status !== 0) {
    const known = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).status === 0;
    return { error: known ? `\`${ref}\` and this branch share no history, so nothing can be compared: use the branch this one started from` : `cannot compare with \`${ref}\`: git does not know it (fetch it, or name a branch, tag or commit)` };
  }
  const diff = git(['diff', '--name-only', '--diff-filter=ACMRT', '-z', base.stdout.trim(), '--']);
  if (diff.status !== 0) return { error: `cannot compare with \`${ref}\`: ${firstLine(diff.stderr)}` };
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z', '--full-name', ':/']);
  const names = [...diff.stdout.split('\0'), ...(untracked.status === 0 ? untracked.stdout.split('\0') : [])].filter(Boolean);
  return { files: [...new Set(names)].map((name) => resolve(root, name)) };
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] || 'git gave no reason';
}
