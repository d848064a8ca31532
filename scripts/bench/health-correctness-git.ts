/**
 * The independent side's raw data: what plain `git` commands say about a repository, parsed into
 * plain records. Nothing here uses the engine; the commands are listed in GIT_COMMANDS for the report.
 */
import { execFileSync } from 'node:child_process';
import { isBotAuthor } from '../../src/core/bots';

export interface GitCommit {
  hash: string;
  parents: string[];
  /** Lower-cased `%aE` (after .mailmap). */
  email: string;
  name: string;
  authorTime: number;
  commitTime: number;
  subject: string;
  body: string;
  bot: boolean;
  /** Path → added + deleted lines (binary 0), from `--numstat --no-renames`; empty for merges. */
  files: Map<string, number>;
  /** Paths with a text change (numstat gives numbers, not "-"). */
  textFiles: Set<string>;
}

export interface GitTag {
  name: string;
  commit: string;
  /** Tagger date of the outermost annotated tag, else the commit's committer date (ms). */
  date: number;
}

export const GIT_COMMANDS = {
  log: "git log --no-renames --numstat --format='%x00%H%x00%P%x00%aE%x00%aN%x00%at%x00%ct%x00%s' HEAD; git log --format='%H%x00%B%x01' HEAD",
  tags: "git for-each-ref --format='%(refname:strip=2)%00%(objecttype)%00%(taggerdate:unix)' refs/tags; per tag <T>^{} | git cat-file --batch-check; git show -s --format='%H %ct' <peeled commits>",
  headFiles: 'git ls-tree -r --name-only HEAD (every command runs with -c core.quotepath=off)',
  prCommits: 'git rev-list --no-merges M^1..M^2 (merge PRs in the period); mainline: parent 1 from HEAD',
  firstRelease: 'git rev-list --no-merges R --not <every release dated before R, ties by name> (releases in the period)',
  containing: 'git tag --contains <commit> (the first release of a reverted commit or of a fix)',
};

export function git(repo: string, args: string[], input?: string): string {
  // Paths as they are (UTF-8), not octal-quoted, so numstat and ls-tree agree with the engine's.
  return execFileSync('git', ['-c', 'core.quotepath=off', ...args], {
    cwd: repo,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    input,
    env: { ...process.env, LC_ALL: 'C' },
  });
}

export const lines = (text: string) => text.split('\n').filter((l) => l !== '');

/** Every commit reachable from HEAD, newest first (git log's default order), with numstat and body. */
export function readCommits(repo: string): GitCommit[] {
  const bodies = new Map<string, string>();
  for (const record of git(repo, ['log', '--format=%H%x00%B%x01', 'HEAD']).split('\x01')) {
    const [hash, body] = record.replace(/^\n/, '').split('\0');
    if (hash) bodies.set(hash, body ?? '');
  }
  const commits: GitCommit[] = [];
  let current: GitCommit | undefined;
  const out = git(repo, ['log', '--no-renames', '--numstat', '--format=%x00%H%x00%P%x00%aE%x00%aN%x00%at%x00%ct%x00%s', 'HEAD']);
  for (const line of out.split('\n')) {
    if (line.startsWith('\0')) {
      const [, hash, parents, email, name, at, ct, subject] = line.split('\0');
      current = {
        hash,
        parents: parents === '' ? [] : parents.split(' '),
        email: email.toLowerCase(),
        name,
        authorTime: Number(at) * 1000,
        commitTime: Number(ct) * 1000,
        subject,
        body: bodies.get(hash) ?? '',
        bot: isBotAuthor(name, email),
        files: new Map(),
        textFiles: new Set(),
      };
      commits.push(current);
    } else if (current && line !== '') {
      const [added, deleted, ...rest] = line.split('\t');
      const size = (added === '-' ? 0 : Number(added)) + (deleted === '-' ? 0 : Number(deleted));
      const file = rest.join('\t');
      current.files.set(file, (current.files.get(file) ?? 0) + size);
      if (added !== '-') current.textFiles.add(file);
    }
  }
  return commits;
}

/** Every tag peeled to a commit, with its date. Tags of trees or blobs are left out. */
export function readTags(repo: string): GitTag[] {
  const tags: GitTag[] = [];
  const rows = lines(git(repo, ['for-each-ref', '--format=%(refname:strip=2)%00%(objecttype)%00%(taggerdate:unix)', 'refs/tags']));
  const peeled = lines(
    git(repo, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], rows.map((r) => `refs/tags/${r.split('\0')[0]}^{}\n`).join('')),
  );
  const commitDates = new Map<string, number>();
  const commitsToDate = peeled.filter((p) => p.endsWith(' commit')).map((p) => p.split(' ')[0]);
  if (commitsToDate.length > 0) {
    const dated = lines(git(repo, ['show', '-s', '--format=%H %ct', '--no-walk=unsorted', '--stdin'], commitsToDate.join('\n') + '\n'));
    for (const d of dated) commitDates.set(d.split(' ')[0], Number(d.split(' ')[1]) * 1000);
  }
  rows.forEach((row, i) => {
    const [name, type, taggerDate] = row.split('\0');
    const [object, kind] = peeled[i].split(' ');
    if (kind !== 'commit') return;
    const date = type === 'tag' && taggerDate !== '' ? Number(taggerDate) * 1000 : commitDates.get(object)!;
    tags.push({ name, commit: object, date });
  });
  return tags;
}

export function headFiles(repo: string): string[] {
  return lines(git(repo, ['ls-tree', '-r', '--name-only', 'HEAD']));
}

/** The list the extension passes (NUL-separated, so no quoting at all). */
export function headFilesExact(repo: string): string[] {
  return git(repo, ['ls-tree', '-r', '--name-only', '-z', 'HEAD'])
    .split('\0')
    .filter((f) => f !== '');
}
