/**
 * The git engine in the editor: trust gate, settings, the built-in git extension as the state
 * source, the "git missing" context key for welcome content, and internal commands for tests.
 * Creating the engine does no work; it starts when someone first reads snapshots or status, and runs
 * git only when someone asks for history.
 */
import * as vscode from 'vscode';
import type { Logger } from '../core/vscode/logger';
import type { Services } from '../core/services';
import type { GitEngineApi } from './api';
import { botAuthorList } from '../core/bots';
import { GitEngine } from './controller';
import { RepoWatcher } from './source/repoWatcher';
import { createGitRunner } from './source/runGit';

const GIT_MISSING_KEY = 'multiplier.gitMissing';

function setting<T>(key: string, fallback: T): T {
  return vscode.workspace.getConfiguration('multiplier.git').get<T>(key, fallback);
}

/** The engine plus what the editor layer registered for it, disposed together. */
class EditorGitEngine extends GitEngine implements vscode.Disposable {
  readonly owned: vscode.Disposable[] = [];

  override dispose(): void {
    super.dispose(); // aborts: kills every git process we started, the workspace is closing
    for (const d of this.owned.splice(0)) d.dispose();
  }
}

export function createGitEngine(context: vscode.ExtensionContext, log: Logger): GitEngineApi & vscode.Disposable {
  let watcher: RepoWatcher | undefined;
  let missingShown = false;
  const setMissing = (missing: boolean) => {
    if (missing === missingShown) return;
    missingShown = missing;
    void vscode.commands.executeCommand('setContext', GIT_MISSING_KEY, missing);
  };

  const storage = context.storageUri ?? context.globalStorageUri;
  const engine: EditorGitEngine = new EditorGitEngine({
    trusted: vscode.workspace.isTrusted,
    storageDir: storage.fsPath,
    halfLifeDays: () => Math.max(1, setting('ownershipHalfLifeDays', 90)),
    botAuthors: () => botAuthorList(vscode.workspace.getConfiguration('multiplier').get<unknown>('botAuthors', [])),
    maxCommits: () => Math.max(0, setting('maxCommits', 100_000)),
    now: () => Date.now(), // until the one Clock (core/clock.ts) is handed in here
    timeoutMs: Math.max(5, setting('timeoutSeconds', 120)) * 1000,
    createRunner: () => createGitRunner(watcher?.gitPath ?? 'git'),
    onError: (message, error) => log.error(`git: ${message}`, error),
    onRefreshed: (root, mode, read, ms) => log.info(`git: history of ${root} ${mode}, ${read} commits read in ${ms} ms`),
    start: () => {
      if (watcher) return;
      watcher = new RepoWatcher(
        {
          gitMissing: () => {
            engine.setStatus('git-missing');
            setMissing(true); // said once, in the views' welcome content, never as a toast
          },
          ready: () => {
            engine.setStatus('ready');
            setMissing(false);
          },
          put: (snapshot) => engine.putSnapshot(snapshot),
          remove: (root) => engine.removeSnapshot(root),
          error: (message, error) => log.error(`git: ${message}`, error),
        },
        Math.max(0, setting('stateDebounceMs', 300)),
      );
      engine.owned.push(watcher);
      void watcher.start().catch((error) => log.error('git: could not follow repository state', error));
    },
  });

  // Cheap, synchronous checks so the welcome content can say "git is missing" without starting anything.
  if (!vscode.extensions.getExtension('vscode.git') || vscode.workspace.getConfiguration('git').get('enabled') === false) {
    setMissing(true);
  }
  if (!vscode.workspace.isTrusted) {
    engine.owned.push(vscode.workspace.onDidGrantWorkspaceTrust(() => engine.grantTrust()));
  }

  return engine;
}

/** Internal commands (not in package.json): let integration tests read the engine's view of things. */
export function registerGit(services: Services): vscode.Disposable {
  const git = services.git;
  return vscode.Disposable.from(
    vscode.commands.registerCommand('multiplier.internal.gitStatus', () => git.status),
    vscode.commands.registerCommand('multiplier.internal.gitSnapshots', () => git.snapshots),
    vscode.commands.registerCommand('multiplier.internal.gitHistory', async (repoRoot: string) => {
      const model = await git.history(repoRoot);
      return {
        tip: model.tip,
        shallow: model.shallow,
        commitCount: model.commits.length,
        subjects: model.commits.slice(0, 20).map((c) => c.subject),
        pullRequests: model.pullRequests,
        reverts: model.reverts,
        releases: model.releases,
      };
    }),
    vscode.commands.registerCommand('multiplier.internal.gitOwners', (repoRoot: string, paths: string[]) => git.ownersOf(repoRoot, paths)),
  );
}
