/**
 * The git source in the editor: trust gate, settings, the built-in git extension as the state
 * source, and the "git missing" context key for welcome content. Creating the controller does no
 * work; it starts when someone first reads snapshots or status, and runs git only when someone
 * asks for history.
 */
import * as vscode from 'vscode';
import type { Clock } from '../core/clock';
import type { Logger } from '../core/vscode/logger';
import type { GitApi } from './api';
import { botAuthorList } from '../core/bots';
import { GitController } from './controller';
import { RepoWatcher } from './source/repoWatcher';
import { createGitRunner } from './source/runGit';

const GIT_MISSING_KEY = 'multiplier.gitMissing';

function setting<T>(key: string, fallback: T): T {
  return vscode.workspace.getConfiguration('multiplier.git').get<T>(key, fallback);
}

/** The engine plus what the editor layer registered for it, disposed together. */
class EditorGitController extends GitController implements vscode.Disposable {
  readonly owned: vscode.Disposable[] = [];

  override dispose(): void {
    super.dispose(); // aborts: kills every git process we started, the workspace is closing
    for (const d of this.owned.splice(0)) d.dispose();
  }
}

const workspaceFolderPaths = (): string[] =>
  (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);

export function createGitController(context: vscode.ExtensionContext, log: Logger, clock: Clock): GitApi & vscode.Disposable {
  let watcher: RepoWatcher | undefined;
  let repositoriesKnown = false;
  let missingShown = false;
  const setMissing = (missing: boolean) => {
    if (missing === missingShown) return;
    missingShown = missing;
    void vscode.commands.executeCommand('setContext', GIT_MISSING_KEY, missing);
  };

  const storage = context.storageUri ?? context.globalStorageUri;
  const controller: EditorGitController = new EditorGitController({
    trusted: vscode.workspace.isTrusted,
    now: () => clock.now(),
    storageDir: storage.fsPath,
    halfLifeDays: () => Math.max(1, setting('ownershipHalfLifeDays', 90)),
    botAuthors: () => botAuthorList(vscode.workspace.getConfiguration('multiplier').get<unknown>('botAuthors', [])),
    maxCommits: () => Math.max(0, setting('maxCommits', 100_000)),
    timeoutMs: Math.max(5, setting('timeoutSeconds', 120)) * 1000,
    createRunner: () => createGitRunner(watcher?.gitPath ?? 'git'),
    onError: (message, error) => log.error(`git: ${message}`, error),
    onRefreshed: (root, mode, read, ms) => log.info(`git: history of ${root} ${mode}, ${read} commits read in ${ms} ms`),
    onUnsafe: (repository) =>
      log.warn(
        `git: ${repository.path} is owned by another user, so git refuses to read its history ("dubious ownership"). If you trust it, run: ${repository.fix}`,
      ),
    start: () => {
      if (watcher) return;
      watcher = new RepoWatcher(
        {
          gitMissing: () => {
            controller.setStatus('git-missing');
            setMissing(true); // said once, in the views' welcome content, never as a toast
          },
          ready: () => {
            controller.setStatus('ready');
            setMissing(false);
            repositoriesKnown = true;
            // The git extension skips a folder owned by another user without a word: ask git about
            // the folders it did not open, so the views can say why there is no history.
            void controller.checkFolders(workspaceFolderPaths());
          },
          put: (snapshot) => controller.putSnapshot(snapshot),
          remove: (root) => controller.removeSnapshot(root),
          error: (message, error) => log.error(`git: ${message}`, error),
        },
        Math.max(0, setting('stateDebounceMs', 300)),
        () => clock.now(),
      );
      controller.owned.push(watcher);
      void watcher.start().catch((error) => log.error('git: could not follow repository state', error));
    },
  });

  // Cheap, synchronous checks so the welcome content can say "git is missing" without starting anything.
  if (!vscode.extensions.getExtension('vscode.git') || vscode.workspace.getConfiguration('git').get('enabled') === false) {
    setMissing(true);
  }
  if (!vscode.workspace.isTrusted) {
    controller.owned.push(vscode.workspace.onDidGrantWorkspaceTrust(() => controller.grantTrust()));
  }
  controller.owned.push(
    vscode.workspace.onDidChangeWorkspaceFolders((change) => {
      controller.forgetRemovedFolders(
        change.removed.map((folder) => folder.uri.fsPath),
        workspaceFolderPaths(),
      );
      if (repositoriesKnown) void controller.checkFolders(workspaceFolderPaths());
    }),
  );

  return controller;
}
