import { execFileSync } from 'node:child_process';

/** The commit the benchmarked code is at, "+ uncommitted changes" when the tree differs; undefined outside git. */
export function codeRevision(): string | undefined {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: import.meta.dirname, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    const commit = git('rev-parse', '--short', 'HEAD');
    const dirty = git('status', '--porcelain', '--untracked-files=no', '--', '../src', '../index.html', '../vite.config.ts', '../package.json') !== '';
    return dirty ? `${commit} + uncommitted changes in the app` : commit;
  } catch {
    return undefined;
  }
}
