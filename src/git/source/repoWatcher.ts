/**
 * Follows the built-in git extension: repositories opening and closing (multi-root, submodules),
 * and each repository's state changes, debounced per repository into one snapshot per burst.
 */
import * as vscode from 'vscode';
import type { RepoSnapshot } from '../api';
import { KeyedDebouncer } from '../../core/debounce';
import { toSnapshot } from '../model/snapshot';
import type { GitApi, GitExtension, Repository } from './vscode-git';

export interface RepoWatcherSink {
  gitMissing(): void;
  ready(): void;
  put(snapshot: RepoSnapshot): void;
  remove(repoRoot: string): void;
  error(message: string, error: unknown): void;
}

export class RepoWatcher implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly perRepo = new Map<string, { repo: Repository; listener: vscode.Disposable; first: Promise<void> }>();
  private readonly commitTimes = new Map<string, number>();
  private readonly debouncer: KeyedDebouncer<string>;
  private api: GitApi | undefined;
  private disposed = false;

  constructor(
    private readonly sink: RepoWatcherSink,
    debounceMs: number,
    /** The one clock: when a snapshot was taken. */
    private readonly now: () => number,
  ) {
    this.debouncer = new KeyedDebouncer((root) => void this.emit(root), debounceMs, debounceMs * 10);
  }

  /** The git path the user configured for the built-in extension, once it is known. */
  get gitPath(): string | undefined {
    return this.api?.git.path;
  }

  async start(): Promise<void> {
    const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
    if (!extension) return this.sink.gitMissing();
    let exports: GitExtension;
    try {
      exports = extension.isActive ? extension.exports : await extension.activate();
    } catch (error) {
      this.sink.error('the git extension failed to activate', error);
      return this.sink.gitMissing();
    }
    if (this.disposed) return;
    this.disposables.push(exports.onDidChangeEnablement((enabled) => (enabled ? this.attach(exports) : this.detach())));
    if (!exports.enabled) return this.sink.gitMissing();
    this.attach(exports);
  }

  private attach(exports: GitExtension): void {
    if (this.api) return;
    const api = (this.api = exports.getAPI(1));
    this.disposables.push(
      api.onDidOpenRepository((repo) => void this.open(repo)),
      api.onDidCloseRepository((repo) => this.close(repo)),
    );
    // "Ready" means the repositories are known: the git extension has finished its first scan of
    // the workspace, and each repository it found has its first snapshot. Until then readers (the
    // review queue's first poll) wait instead of acting on an empty list.
    const whenScanned =
      api.state === 'initialized'
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const sub = api.onDidChangeState((state) => {
              if (state !== 'initialized') return;
              sub.dispose();
              resolve();
            });
            this.disposables.push(sub);
          });
    void whenScanned
      .then(() => Promise.all(api.repositories.map((repo) => this.open(repo))))
      .then(() => {
        if (!this.disposed && this.api === api) this.sink.ready();
      });
  }

  private detach(): void {
    for (const root of [...this.perRepo.keys()]) this.closeRoot(root);
    this.api = undefined;
    this.sink.gitMissing();
  }

  /** Follows a repository; resolves once its first snapshot is out. */
  private open(repo: Repository): Promise<void> {
    const root = repo.rootUri.fsPath;
    const known = this.perRepo.get(root);
    if (known) return known.first;
    const listener = repo.state.onDidChange(() => this.debouncer.trigger(root));
    const entry = { repo, listener, first: Promise.resolve() };
    this.perRepo.set(root, entry);
    entry.first = this.emit(root).catch((error: unknown) => this.sink.error(`could not read the state of ${root}`, error)); // first snapshot right away
    return entry.first;
  }

  private close(repo: Repository): void {
    this.closeRoot(repo.rootUri.fsPath);
  }

  private closeRoot(root: string): void {
    const entry = this.perRepo.get(root);
    if (!entry) return;
    entry.listener.dispose();
    this.perRepo.delete(root);
    this.debouncer.cancel(root);
    this.sink.remove(root);
  }

  private async emit(root: string): Promise<void> {
    const entry = this.perRepo.get(root);
    if (!entry || this.disposed) return;
    const state = entry.repo.state;
    const head = state.HEAD;
    const paths = (changes: readonly { uri: vscode.Uri }[] | undefined) => (changes ?? []).map((c) => c.uri.fsPath);
    const lastCommitAt = head?.commit ? await this.commitTime(entry.repo, head.commit) : undefined;
    if (!this.perRepo.has(root)) return;
    this.sink.put(
      toSnapshot(
        {
          root,
          head: head && {
            name: head.name,
            commit: head.commit,
            upstream: head.upstream && { remote: head.upstream.remote, name: head.upstream.name },
            ahead: head.ahead,
            behind: head.behind,
          },
          remotes: state.remotes,
          workingTree: paths(state.workingTreeChanges),
          untracked: paths(state.untrackedChanges),
          index: paths(state.indexChanges),
          conflicts: paths(state.mergeChanges),
          rebasing: state.rebaseCommit !== undefined,
          lastCommitAt,
        },
        this.now(),
      ),
    );
  }

  /** HEAD's commit time, asked of the git extension once per commit. */
  private async commitTime(repo: Repository, sha: string): Promise<number | undefined> {
    const known = this.commitTimes.get(sha);
    if (known !== undefined) return known;
    try {
      const commit = await repo.getCommit(sha);
      const time = (commit.commitDate ?? commit.authorDate)?.getTime();
      if (time !== undefined) this.commitTimes.set(sha, time);
      return time;
    } catch {
      return undefined;
    }
  }

  dispose(): void {
    this.disposed = true;
    this.debouncer.dispose();
    for (const root of [...this.perRepo.keys()]) this.perRepo.get(root)?.listener.dispose();
    this.perRepo.clear();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
