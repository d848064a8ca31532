/**
 * Changed files and their contents for the fake server: from a scenario's inline `files`, or from
 * a local git repository that holds the pull requests' branches (the demo). Commit ids of inline
 * scenarios are made up but stable; a git-backed repository answers with its real ones.
 */
import { execFileSync } from 'node:child_process';
import { shaOf, type ScenarioFile, type ScenarioPull, type ScenarioRepo } from './scenario';

export interface FileEntry {
  filename: string;
  previous_filename?: string;
  status: 'added' | 'removed' | 'modified' | 'renamed';
  additions: number;
  deletions: number;
  changes: number;
}

/** Bytes of a small binary file: a PNG signature and some NULs. */
const BINARY = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);

const lines = (text: string | undefined) => (text === undefined || text === '' ? [] : text.replace(/\n$/, '').split('\n'));

/** Added and deleted lines by multiset difference: close enough to a diff for the fake. */
function counts(base: string | undefined, head: string | undefined): { additions: number; deletions: number } {
  const left = new Map<string, number>();
  for (const l of lines(base)) left.set(l, (left.get(l) ?? 0) + 1);
  let additions = 0;
  for (const l of lines(head)) {
    const n = left.get(l) ?? 0;
    if (n > 0) left.set(l, n - 1);
    else additions++;
  }
  let deletions = 0;
  for (const n of left.values()) deletions += n;
  return { additions, deletions };
}

function statusOf(f: ScenarioFile): FileEntry['status'] {
  if (f.status) return f.status;
  if (f.base === undefined && !f.binary) return 'added';
  if (f.head === undefined && f.headSize === undefined && !f.binary) return 'removed';
  return f.previousPath ? 'renamed' : 'modified';
}

function headText(f: ScenarioFile): string | undefined {
  if (f.headSize !== undefined) return 'x'.repeat(Math.max(0, f.headSize - 1)) + '\n';
  return f.head;
}

function git(dir: string, args: string[]): Buffer {
  return execFileSync('git', args, { cwd: dir, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
}

const SHA = /^[0-9a-f]{40}$/;

export class PullFiles {
  private readonly shas = new Map<string, string | undefined>();

  /** The head commit: the branch's in a git-backed repository, else made up from the scenario. */
  headSha(repo: ScenarioRepo, pull: ScenarioPull): string {
    return this.resolve(repo, pull.head) ?? shaOf(`${repo.owner}/${repo.name}#${pull.number}:${pull.head}:${pull.updated ?? pull.created}`);
  }

  baseSha(repo: ScenarioRepo, pull: ScenarioPull): string {
    return this.resolve(repo, pull.base ?? 'main') ?? shaOf(`${repo.owner}/${repo.name}:${pull.base ?? 'main'}`);
  }

  /** The commit the pull request's diff starts from. */
  mergeBase(repo: ScenarioRepo, pull: ScenarioPull): string {
    if (repo.gitDir && this.resolve(repo, pull.head)) {
      return git(repo.gitDir, ['merge-base', this.baseSha(repo, pull), this.headSha(repo, pull)])
        .toString()
        .trim();
    }
    return shaOf(`merge-base:${repo.owner}/${repo.name}#${pull.number}`);
  }

  files(repo: ScenarioRepo, pull: ScenarioPull): FileEntry[] {
    if (repo.gitDir && this.resolve(repo, pull.head))
      return this.gitFiles(repo.gitDir, this.mergeBase(repo, pull), this.headSha(repo, pull));
    return (pull.files ?? []).map((f) => {
      const status = statusOf(f);
      const c = f.binary ? { additions: 0, deletions: 0 } : counts(status === 'added' ? undefined : f.base, headText(f));
      return {
        filename: f.path,
        ...(f.previousPath ? { previous_filename: f.previousPath } : {}),
        status,
        ...c,
        changes: c.additions + c.deletions,
      };
    });
  }

  /** Contents of `path` at `ref`, or undefined (404). */
  contents(repo: ScenarioRepo, path: string, ref: string): Buffer | undefined {
    if (repo.gitDir && SHA.test(ref) && !path.startsWith('-')) {
      try {
        return git(repo.gitDir, ['cat-file', 'blob', `${ref}:${path}`]);
      } catch {
        return undefined;
      }
    }
    for (const pull of repo.pulls) {
      for (const f of pull.files ?? []) {
        const status = statusOf(f);
        if (ref === this.headSha(repo, pull) && f.path === path && status !== 'removed') {
          return f.binary ? BINARY : Buffer.from(headText(f) ?? '', 'utf8');
        }
        if (ref === this.mergeBase(repo, pull) && (f.previousPath ?? f.path) === path && status !== 'added') {
          return f.binary ? BINARY : Buffer.from(f.base ?? '', 'utf8');
        }
      }
    }
    return undefined;
  }

  /** Commits on the branch, oldest first, for the timeline (git-backed repositories only). */
  commits(repo: ScenarioRepo, pull: ScenarioPull): { sha: string; message: string; at: string }[] | undefined {
    if (!repo.gitDir || !this.resolve(repo, pull.head)) return undefined;
    const out = git(repo.gitDir, [
      'log',
      '--reverse',
      '--format=%H%x00%s%x00%cI',
      `${this.mergeBase(repo, pull)}..${this.headSha(repo, pull)}`,
    ]);
    return out
      .toString()
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [sha, message, at] = line.split('\0');
        return { sha, message, at };
      });
  }

  private resolve(repo: ScenarioRepo, ref: string): string | undefined {
    if (!repo.gitDir) return undefined;
    const key = `${repo.gitDir}\n${ref}`;
    if (!this.shas.has(key)) {
      let sha: string | undefined;
      try {
        sha =
          git(repo.gitDir, ['rev-parse', '--verify', '--quiet', `refs/heads/${ref}^{commit}`])
            .toString()
            .trim() || undefined;
      } catch {
        sha = undefined;
      }
      this.shas.set(key, sha);
    }
    return this.shas.get(key);
  }

  private gitFiles(dir: string, base: string, head: string): FileEntry[] {
    const status = new Map<string, { status: FileEntry['status']; previous?: string }>();
    for (const line of git(dir, ['diff', '--name-status', '-M', base, head]).toString().split('\n').filter(Boolean)) {
      const [code, a, b] = line.split('\t');
      if (code.startsWith('R')) status.set(b, { status: 'renamed', previous: a });
      else status.set(a, { status: code === 'A' ? 'added' : code === 'D' ? 'removed' : 'modified' });
    }
    const out: FileEntry[] = [];
    for (const line of git(dir, ['diff', '--numstat', '-M', base, head]).toString().split('\n').filter(Boolean)) {
      const [add, del, ...rest] = line.split('\t');
      const renamed = /^(.*)\{(.*) => (.*)\}(.*)$/.exec(rest.join('\t'));
      const name = renamed ? `${renamed[1]}${renamed[3]}${renamed[4]}`.replace('//', '/') : (rest[1] ?? rest[0]);
      const s = status.get(name) ?? { status: 'modified' as const };
      const additions = add === '-' ? 0 : Number(add);
      const deletions = del === '-' ? 0 : Number(del);
      out.push({
        filename: name,
        ...(s.previous ? { previous_filename: s.previous } : {}),
        status: s.status,
        additions,
        deletions,
        changes: additions + deletions,
      });
    }
    return out;
  }
}
