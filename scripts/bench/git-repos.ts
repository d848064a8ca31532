/**
 * The repositories the git benchmarks run on: the synthetic one (generated, git-synthetic-repo.ts)
 * and real public ones, cloned once into the bench cache by whoever runs the benchmark:
 *
 *   mkdir -p ~/.cache/multiplier-bench && cd ~/.cache/multiplier-bench
 *   git clone --bare https://github.com/git/git git.git
 *   git clone --bare https://github.com/gitkraken/vscode-gitlens vscode-gitlens.git
 *
 * A missing one is skipped with that message, never a failure. The benchmarks only read them, but
 * for the refresh measurement, which adds a commit to HEAD's branch and puts the branch back after.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { deflateSync } from 'node:zlib';
import { benchCacheDir } from './git-synthetic-repo';

export interface RealRepo {
  name: string;
  url: string;
  /** Folder name under the bench cache. */
  dir: string;
}

export const REAL_REPOS: readonly RealRepo[] = [
  { name: 'git/git', url: 'https://github.com/git/git', dir: 'git.git' },
  { name: 'gitkraken/vscode-gitlens', url: 'https://github.com/gitkraken/vscode-gitlens', dir: 'vscode-gitlens.git' },
];

export function cloneCommand(repo: RealRepo): string {
  return `git clone --bare ${repo.url} ${path.join(benchCacheDir(), repo.dir)}`;
}

/** The repository's path, or undefined (with a message on stderr) when it was not cloned yet. */
export function realRepoPath(repo: RealRepo): string | undefined {
  const dir = path.join(benchCacheDir(), repo.dir);
  if (!existsSync(dir)) {
    process.stderr.write(`skipped ${repo.name}: not in the bench cache. To add it:\n  ${cloneCommand(repo)}\n`);
    return undefined;
  }
  fillMissingBlobs(dir, repo.name);
  return dir;
}

/**
 * A copy made from an archive that leaves out large files (some mirrors drop files of 4 MiB and
 * more) lacks a few blobs, and `git log --numstat` stops at the first one it needs. A full clone
 * never does. For such a copy, each missing blob gets a one-byte binary stand-in, so numstat reads
 * it as the binary file it was ("-  -"): commits, authors, messages and every other file's line
 * counts are unchanged. Checked once per repository (a marker file records it) and reported.
 */
function fillMissingBlobs(dir: string, name: string): void {
  const marker = path.join(dir, 'multiplier-bench-checked');
  if (existsSync(marker)) return;
  const listing = execFileSync('git', ['rev-list', '--objects', '--missing=print', 'HEAD'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const missing = listing
    .split('\n')
    .filter((line) => line.startsWith('?'))
    .map((line) => line.slice(1).trim());
  for (const sha of missing) {
    const folder = path.join(dir, 'objects', sha.slice(0, 2));
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, sha.slice(2)), deflateSync(Buffer.concat([Buffer.from('blob 1\0'), Buffer.from([0])])));
  }
  if (missing.length > 0) {
    process.stderr.write(`${name}: ${missing.length} blobs were missing from this copy (not a full clone); each got a binary stand-in\n`);
  }
  writeFileSync(marker, `${missing.length} missing blobs replaced by binary stand-ins\n${missing.join('\n')}\n`);
}

export function headOf(dir: string): string {
  return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
}
