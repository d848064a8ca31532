/**
 * The pull request pages, bundled apart from the extension (dist/pr-pages.js) and loaded the first
 * time one is needed (src/review/pages.ts): the overview tabs and their HTML, the details loader and
 * content store, check-out, the commands' implementation and the reads of the `multiplier-pr:` file
 * system. Activation never parses any of it.
 *
 * This bundle has its own copy of every module it imports, so nothing here may rely on module
 * state shared with dist/extension.js: the controller, clock, logger, GitHub source and the words
 * capability's check arrive as objects (so its engine is loaded once, by the extension's copy), and
 * GitHub errors are told apart by their brand (isGitHubError), never by instanceof.
 */
import * as vscode from 'vscode';
import type { Clock } from '../core/clock';
import type { Logger } from '../core/vscode/logger';
import type { GitHubApi } from '../github/api';
import type { DescriptionChecker } from './checkDescription';
import type { ReviewController } from './controller';
import { PullDetailsLoader } from './details';
import { PullCommands } from './prCommands';
import { OverviewPanels } from './view/overview/panel';
import { PullRequestFileSystem } from './view/prFileSystem';

export interface PagesRuntimeDeps {
  extensionUri: vscode.Uri;
  /** Where file contents and the overviews' last details are kept (globalStorage). */
  storageDir: string;
  controller: ReviewController;
  github: GitHubApi;
  clock: Clock;
  log: Logger;
  prExtensionInstalled: () => boolean;
  /** The words capability's description check (its engine loads on the first click, not here). */
  words: DescriptionChecker;
}

export interface PagesRuntime extends vscode.Disposable {
  readonly loader: PullDetailsLoader;
  readonly files: PullRequestFileSystem;
  readonly overviews: OverviewPanels;
  readonly pulls: PullCommands;
}

export function createPagesRuntime(deps: PagesRuntimeDeps): PagesRuntime {
  const { controller, github, clock, log } = deps;
  const loader = new PullDetailsLoader({ github, clock, log, storageDir: deps.storageDir });
  const files = new PullRequestFileSystem(loader);
  const overviews = new OverviewPanels({ extensionUri: deps.extensionUri, controller, loader, clock, log });
  const pulls = new PullCommands({
    controller,
    loader,
    overviews,
    github,
    clock,
    log,
    prExtensionInstalled: deps.prExtensionInstalled,
    words: deps.words,
  });
  overviews.setHandlers({
    action: (action, target) => pulls.action(action, target),
    openFile: (target, index) => pulls.openFile(target, index),
    prExtensionInstalled: deps.prExtensionInstalled,
    checkDescriptionAvailable: () => true,
  });
  return {
    loader,
    files,
    overviews,
    pulls,
    dispose: () => {
      overviews.dispose();
      files.dispose();
    },
  };
}
