/**
 * The GitApi other capabilities use. It keeps the latest snapshot per repository (fed by the
 * editor layer) and serves history through a HistorySource it creates on first use, so nothing
 * runs git until someone asks. Until the workspace is trusted, history is refused outright.
 * Pure: the editor layer injects trust, start-up and the runner.
 */
import { Emitter, type Event } from '../core/event';
import type { FileOwner, GitApi, GitStatus, HistoryModel, RepoSnapshot } from './api';
import { join, relative } from 'node:path';
import { lazyModule } from '../core/lazyModule';
import type { HistorySource } from './source/historySource';
import { assertSha, GitError, isSha, type GitRunner } from './source/runGit';
import { sameSnapshot, snapshotContaining, toRepoPath } from './model/snapshot';
import { unsafeRepositoryIn, type UnsafeRepository } from './model/unsafe';

/** The history engine (reader, parser, cache, derived data): dist/git-history.js, required on the first history asked for. */
const historyEngine = lazyModule<typeof import('./source/historySource')>({
  bundled: join(__dirname, 'git-history.js'),
  source: join(__dirname, 'source', 'historySource'),
});

export interface GitControllerOptions {
  trusted: boolean;
  /** Called once, on first use of snapshots or status: subscribe to the editor's git state. */
  start: () => void;
  createRunner: () => GitRunner;
  storageDir?: string;
  halfLifeDays: () => number;
  /** Names or e-mails left out of ownership besides `[bot]` accounts (`multiplier.botAuthors`). */
  botAuthors?: () => readonly string[];
  maxCommits: () => number;
  /** The one clock's "now" (ms); nothing in the engine reads the wall clock itself. */
  now: () => number;
  timeoutMs?: number;
  onError?: (message: string, error: unknown) => void;
  onRefreshed?: (repoRoot: string, mode: string, read: number, ms: number) => void;
  /** A repository git refuses for dubious ownership was found (once per repository). */
  onUnsafe?: (repository: UnsafeRepository) => void;
}

export class GitController implements GitApi {
  private readonly snapshotsEmitter = new Emitter<readonly RepoSnapshot[]>();
  private readonly statusEmitter = new Emitter<GitStatus>();
  private readonly unsafeEmitter = new Emitter<readonly UnsafeRepository[]>();
  private readonly unsafe = new Map<string, UnsafeRepository>();
  private readonly byRoot = new Map<string, RepoSnapshot>();
  private readonly abort = new AbortController();
  private currentStatus: GitStatus;
  private started = false;
  private historySource: HistorySource | undefined;
  private runner: GitRunner | undefined;

  constructor(private readonly options: GitControllerOptions) {
    this.currentStatus = options.trusted ? 'starting' : 'untrusted';
  }

  readonly onDidChangeSnapshots: Event<readonly RepoSnapshot[]> = (listener) => {
    this.ensureStarted();
    return this.snapshotsEmitter.event(listener);
  };

  readonly onDidChangeStatus: Event<GitStatus> = (listener) => {
    this.ensureStarted();
    return this.statusEmitter.event(listener);
  };

  readonly onDidChangeUnsafe: Event<readonly UnsafeRepository[]> = this.unsafeEmitter.event;

  get unsafeRepositories(): readonly UnsafeRepository[] {
    return [...this.unsafe.values()];
  }

  /**
   * Asks git about folders the git extension did not open as repositories (it skips one owned by
   * another user without a word): a folder git refuses is recorded as unsafe. Trust-gated.
   */
  async checkFolders(folders: readonly string[]): Promise<void> {
    if (this.currentStatus === 'untrusted') return;
    for (const folder of folders) {
      if (this.snapshotContaining(folder) || this.abort.signal.aborted) continue;
      await this.gitRunner()(['rev-parse', '--show-toplevel'], {
        cwd: folder,
        signal: this.abort.signal,
        timeoutMs: 10_000,
        okExitCodes: [128], // not a repository, or one git refuses: stderr says which
      }).catch(() => undefined);
    }
  }

  get status(): GitStatus {
    this.ensureStarted();
    return this.currentStatus;
  }

  get snapshots(): readonly RepoSnapshot[] {
    this.ensureStarted();
    return [...this.byRoot.values()].sort((a, b) => a.repoRoot.localeCompare(b.repoRoot));
  }

  snapshotContaining(absolutePath: string): RepoSnapshot | undefined {
    return snapshotContaining(this.snapshots, absolutePath);
  }

  /** The editor layer grants trust; start-up happens then if someone was already listening. */
  grantTrust(): void {
    if (this.currentStatus !== 'untrusted') return;
    this.setStatus('starting');
    if (this.started) this.options.start();
  }

  setStatus(status: GitStatus): void {
    if (this.currentStatus === status || (this.currentStatus === 'untrusted' && status !== 'starting')) return;
    this.currentStatus = status;
    this.statusEmitter.fire(status);
  }

  /** Records a repository's snapshot; listeners hear about it only when something changed. */
  putSnapshot(snapshot: RepoSnapshot): void {
    if (sameSnapshot(this.byRoot.get(snapshot.repoRoot), snapshot)) return;
    this.byRoot.set(snapshot.repoRoot, snapshot);
    this.snapshotsEmitter.fire(this.snapshots);
  }

  removeSnapshot(repoRoot: string): void {
    if (this.byRoot.delete(repoRoot)) this.snapshotsEmitter.fire(this.snapshots);
  }

  history(repoRoot: string): Promise<HistoryModel> {
    if (this.currentStatus === 'untrusted') return Promise.reject(new Error('git is not run in an untrusted workspace'));
    return this.service().history(repoRoot);
  }

  async ownersOf(repoRoot: string, paths: readonly string[]): Promise<FileOwner[]> {
    return (await this.history(repoRoot)).ownersOf(paths);
  }

  async currentUserEmail(repoRoot: string): Promise<string | undefined> {
    if (this.currentStatus === 'untrusted') return undefined;
    const result = await this.gitRunner()(['config', '--get', 'user.email'], {
      cwd: repoRoot,
      signal: this.abort.signal,
      timeoutMs: 10_000,
      okExitCodes: [1], // not set
    });
    return result.stdout.trim() || undefined;
  }

  async filesAt(repoRoot: string, commit: string): Promise<string[]> {
    if (this.currentStatus === 'untrusted') throw new Error('git is not run in an untrusted workspace');
    const result = await this.gitRunner()(['ls-tree', '-r', '-z', '--name-only', '--full-tree', '--end-of-options', assertSha(commit)], {
      cwd: repoRoot,
      signal: this.abort.signal,
      timeoutMs: this.options.timeoutMs ?? 120_000,
    });
    return result.stdout.split('\0').filter((path) => path !== '');
  }

  async mergeBases(repoRoot: string, tip: string, asked: readonly string[]): Promise<Map<string, string[]>> {
    if (this.currentStatus === 'untrusted') throw new Error('git is not run in an untrusted workspace');
    const bases = new Map<string, string[]>();
    // What is not a commit id (a GitHub release with no local tag has none) names nothing git has.
    const commits = asked.filter(isSha);
    if (commits.length === 0) return bases;
    // One process for all of them: the commits reachable from them but not from the tip, with their
    // parents. A parent outside that set is on the tip's history; the ones a commit reaches below it
    // have the same ancestors as its merge bases with the tip (some may be ancestors of others).
    const input = [...commits, `^${assertSha(tip)}`].join('\n') + '\n';
    // --ignore-missing: a deployment's commit may never have been fetched here.
    const result = await this.gitRunner()(['rev-list', '--parents', '--ignore-missing', '--stdin'], {
      cwd: repoRoot,
      signal: this.abort.signal,
      timeoutMs: this.options.timeoutMs ?? 120_000,
      input,
    });
    const parentsOf = new Map<string, string[]>();
    for (const line of result.stdout.split('\n')) {
      const [hash, ...parents] = line.split(' ');
      if (hash) parentsOf.set(hash, parents);
    }
    const unlisted = commits.filter((commit) => !parentsOf.has(commit));
    const present = unlisted.length === 0 ? new Set<string>() : await this.presentCommits(repoRoot, unlisted);
    for (const commit of commits) {
      if (!parentsOf.has(commit)) {
        if (present.has(commit)) bases.set(commit, [commit]); // on the tip's history itself
        continue; // else git does not have it: it shares nothing that we know of
      }
      const found = new Set<string>();
      const seen = new Set<string>([commit]);
      const stack = [commit];
      while (stack.length > 0) {
        for (const parent of parentsOf.get(stack.pop()!) ?? []) {
          if (seen.has(parent)) continue;
          seen.add(parent);
          if (parentsOf.has(parent)) stack.push(parent);
          else found.add(parent);
        }
      }
      if (found.size > 0) bases.set(commit, [...found]);
    }
    return bases;
  }

  /** Which of these commits git has (one `git cat-file --batch-check`). */
  private async presentCommits(repoRoot: string, commits: readonly string[]): Promise<Set<string>> {
    const result = await this.gitRunner()(['cat-file', '--batch-check'], {
      cwd: repoRoot,
      signal: this.abort.signal,
      timeoutMs: this.options.timeoutMs ?? 120_000,
      input: commits.map(assertSha).join('\n') + '\n',
    });
    const present = new Set<string>();
    for (const line of result.stdout.split('\n')) {
      const [hash, type] = line.split(' ');
      if (type === 'commit') present.add(hash);
    }
    return present;
  }

  /** Kills every git process still running and refuses new work. */
  dispose(): void {
    this.abort.abort();
    this.snapshotsEmitter.dispose();
    this.statusEmitter.dispose();
    this.unsafeEmitter.dispose();
  }

  private ensureStarted(): void {
    if (this.started) return;
    this.started = true;
    if (this.currentStatus !== 'untrusted') this.options.start();
  }

  private gitRunner(): GitRunner {
    return (this.runner ??= this.watchForRefusals(this.options.createRunner()));
  }

  /** Every git call passes here: a "dubious ownership" refusal is recorded; success in that repository clears it. */
  private watchForRefusals(run: GitRunner): GitRunner {
    return async (args, options) => {
      try {
        const result = await run(args, options);
        this.noteRefusal(options.cwd, result.stderr);
        return result;
      } catch (error) {
        if (error instanceof GitError) this.noteRefusal(options.cwd, error.stderr);
        throw error;
      }
    };
  }

  private noteRefusal(cwd: string, stderr: string): void {
    const refused = unsafeRepositoryIn(stderr);
    if (refused) {
      if (this.unsafe.has(refused.path)) return;
      this.unsafe.set(refused.path, refused);
      this.options.onUnsafe?.(refused);
      this.unsafeEmitter.fire(this.unsafeRepositories);
      return;
    }
    // git answered in this folder: whatever was refused here is trusted now.
    const cleared = [...this.unsafe.keys()].filter((path) => path === cwd);
    for (const path of cleared) this.unsafe.delete(path);
    if (cleared.length > 0) this.unsafeEmitter.fire(this.unsafeRepositories);
  }

  /**
   * Folders left the workspace: a refused repository that one of them overlapped, and none of the
   * remaining ones does, left with it, and its notice goes too. A refusal met elsewhere stays.
   */
  forgetRemovedFolders(removed: readonly string[], remaining: readonly string[]): void {
    const gone = [...this.unsafe.keys()].filter(
      (refused) => removed.some((folder) => overlaps(folder, refused)) && !remaining.some((folder) => overlaps(folder, refused)),
    );
    for (const path of gone) this.unsafe.delete(path);
    if (gone.length > 0) this.unsafeEmitter.fire(this.unsafeRepositories);
  }

  private service(): HistorySource {
    return (this.historySource ??= new (historyEngine().HistorySource)({
      git: this.gitRunner(),
      storageDir: this.options.storageDir,
      halfLifeDays: this.options.halfLifeDays,
      botAuthors: this.options.botAuthors,
      maxCommits: this.options.maxCommits,
      timeoutMs: this.options.timeoutMs,
      now: this.options.now,
      signal: this.abort.signal,
      onError: this.options.onError,
      onRefreshed: this.options.onRefreshed,
    }));
  }
}

/** One path is the other or lies inside it (a workspace folder in a repository, or a repository in a folder). */
function overlaps(a: string, b: string): boolean {
  return relative(a, b) === '' || toRepoPath(a, b) !== undefined || toRepoPath(b, a) !== undefined;
}
