/**
 * Wires the Review Queue: the tree, the status item, the item commands, and pull requests in the
 * editor (the overview tab, the read-only `multiplier-pr:` file system behind its diffs), whose
 * implementation is a bundle loaded on first use (src/review/pages.ts). Nothing polls at
 * activation: the queue starts when its view is first shown, or a while after start-up settles
 * (so the status item can count what waits).
 */
import * as vscode from 'vscode';
import type { Clock } from '../core/clock';
import { registerCommands } from '../core/vscode/commands';
import { globalStateOf } from '../core/vscode/globalState';
import type { Logger } from '../core/vscode/logger';
import type { GitApi } from '../git/api';
import type { GitHubApi } from '../github/api';
import type { NudgeApi } from '../nudge/api';
import type { WordsApi } from '../words/api';
import { reviewCommands } from './commands';
import { ReviewController } from './controller';
import { PullRequestPages } from './pages';
import { ReviewPoller } from './poller';
import { ReviewStatusItem } from './view/statusBar';
import { ReviewQueueTreeProvider } from './view/treeProvider';

export const REVIEW_QUEUE_VIEW = 'multiplier.reviewQueue';
const STARTUP_DELAY_MS = 10_000;
const PR_EXTENSION_ID = 'GitHub.vscode-pull-request-github';

export interface ReviewDeps {
  context: vscode.ExtensionContext;
  log: Logger;
  clock: Clock;
  nudges: NudgeApi;
  git: GitApi;
  github: GitHubApi;
  /** The overview's "Check description" runs the words capability's check. */
  words: WordsApi;
}

/** The queue's state and its poller, and the pull request pages. Creating them polls, reads and loads nothing. */
export interface Review extends vscode.Disposable {
  readonly controller: ReviewController;
  readonly poller: ReviewPoller;
  readonly pages: PullRequestPages;
}

const prExtensionInstalled = () => vscode.extensions.getExtension(PR_EXTENSION_ID) !== undefined;

export function createReview(deps: ReviewDeps): Review {
  const controller = new ReviewController({
    memento: globalStateOf(deps.context, deps.clock, deps.log),
    clock: deps.clock,
    nudges: deps.nudges,
    github: deps.github,
    snapshots: () => deps.git.snapshots,
  });
  const poller = new ReviewPoller({ state: controller, github: deps.github, git: deps.git, clock: deps.clock, log: deps.log });
  const pages = new PullRequestPages({
    extensionUri: deps.context.extensionUri,
    storageDir: deps.context.globalStorageUri.fsPath,
    controller,
    github: deps.github,
    clock: deps.clock,
    log: deps.log,
    prExtensionInstalled,
    words: deps.words,
  });
  return {
    controller,
    poller,
    pages,
    dispose: () => {
      pages.dispose();
      poller.dispose();
      controller.dispose();
    },
  };
}

/** A progress bar on the view while the first poll runs (later polls keep the old data on screen). */
function firstPollProgress(controller: ReviewController): vscode.Disposable {
  let done: (() => void) | undefined;
  const sub = controller.onDidChange(() => {
    if (controller.status === 'loading' && !done) {
      void vscode.window.withProgress({ location: { viewId: REVIEW_QUEUE_VIEW } }, () => new Promise<void>((resolve) => (done = resolve)));
    } else if (controller.status !== 'loading' && done) {
      done();
      done = undefined;
    }
  });
  return new vscode.Disposable(() => {
    sub.dispose();
    done?.();
  });
}

export function registerReview({ controller, poller, pages }: Review, deps: ReviewDeps): vscode.Disposable {
  const provider = new ReviewQueueTreeProvider(controller);
  const view = vscode.window.createTreeView(REVIEW_QUEUE_VIEW, { treeDataProvider: provider, showCollapseAll: false });
  const status = new ReviewStatusItem({
    controller,
    nudges: deps.nudges,
    clock: deps.clock,
    memento: globalStateOf(deps.context, deps.clock, deps.log),
  });

  const describe = () => {
    view.description = controller.describeState();
    view.message = controller.message();
    const n = controller.queue?.waiting.length ?? 0;
    view.badge =
      n > 0
        ? { value: n, tooltip: n === 1 ? vscode.l10n.t('1 review waits on you') : vscode.l10n.t('{0} reviews wait on you', n) }
        : undefined;
  };
  const prExtension = () =>
    void vscode.commands.executeCommand('setContext', 'multiplier.review.prExtensionInstalled', prExtensionInstalled());
  prExtension();
  // After start-up settles, so the status item can count what waits; at once if the view is already open.
  const startTimer = deps.clock.after(view.visible ? 0 : STARTUP_DELAY_MS, () => poller.start());

  return vscode.Disposable.from(
    provider,
    view,
    status,
    startTimer,
    view.onDidChangeVisibility((e) => {
      if (e.visible) poller.start();
    }),
    controller.onDidChange(describe),
    vscode.extensions.onDidChange(prExtension),
    registerCommands(reviewCommands(controller, poller, deps.clock)),
    registerCommands(pages.commands()),
    pages.registerFileSystem(),
    firstPollProgress(controller),
  );
}
