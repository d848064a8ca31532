/**
 * Wires the Review Queue: GitHub sign-in commands, the tree, the status item and item commands.
 * Nothing polls at activation: the queue starts when its view is first shown, or a few seconds
 * after start-up settles (so the status item can count what waits).
 */
import * as vscode from 'vscode';
import type { CoreServices, Services } from '../core/services';
import { registerGitHubCommands } from '../github/commands';
import { registerReviewCommands } from './commands';
import { ReviewQueueController } from './controller';
import { ReviewStatusItem } from './view/statusBar';
import { statusView } from './policy/statusText';
import { prTreeItem, groupTreeItem, type QueueNode } from './view/treeItems';
import { ReviewQueueTreeProvider } from './view/treeProvider';

export const REVIEW_QUEUE_VIEW = 'multiplier.reviewQueue';
const STARTUP_DELAY_MS = 10_000;

/** Builds the queue's state without polling, so other capabilities can hold its ReviewApi. */
export function createReviewQueue(services: CoreServices): ReviewQueueController {
  return new ReviewQueueController(services);
}

export function registerReviewQueue(services: Services, controller: ReviewQueueController): vscode.Disposable {
  const provider = new ReviewQueueTreeProvider(controller);
  const view = vscode.window.createTreeView(REVIEW_QUEUE_VIEW, { treeDataProvider: provider, showCollapseAll: false });
  const status = new ReviewStatusItem(services, controller);

  const describe = () => {
    view.description = controller.describeState();
    const n = controller.queue?.waiting.length ?? 0;
    view.badge = n > 0 ? { value: n, tooltip: `${n} ${n === 1 ? 'review waits' : 'reviews wait'} on you` } : undefined;
  };
  const startTimer = setTimeout(() => controller.start(), STARTUP_DELAY_MS);
  const prExtension = () =>
    void vscode.commands.executeCommand(
      'setContext',
      'multiplier.review.prExtensionInstalled',
      vscode.extensions.getExtension('GitHub.vscode-pull-request-github') !== undefined,
    );
  prExtension();
  if (view.visible) setTimeout(() => controller.start(), 0);

  return vscode.Disposable.from(
    provider,
    view,
    status,
    { dispose: () => clearTimeout(startTimer) },
    view.onDidChangeVisibility((e) => {
      if (e.visible) controller.start();
    }),
    controller.onDidChange(describe),
    vscode.extensions.onDidChange(prExtension),
    registerGitHubCommands(services, {
      changed: () => {
        controller.clearCaches();
        void controller.refresh('sign-in');
      },
    }),
    registerReviewCommands(controller),
    // For the integration suites: what the tree and status item render, as plain data.
    vscode.commands.registerCommand('multiplier.internal.reviewQueueState', () => {
      const render = (nodes: QueueNode[]) =>
        nodes.map((node) => {
          const item = node.kind === 'group' ? groupTreeItem(node) : node.kind === 'item' ? prTreeItem(node) : undefined;
          const children =
            node.kind === 'group' ? provider.getChildren(node).map((c) => (c.kind === 'item' ? prTreeItem(c) : undefined)) : [];
          return {
            label: item?.label,
            description: item?.description,
            children: children.map((c) => ({
              id: c?.id,
              label: c?.label,
              description: c?.description,
              tooltip: c?.tooltip,
              tooltipIsMarkdown: c?.tooltip instanceof vscode.MarkdownString,
              contextValue: c?.contextValue,
              icon: c?.iconPath instanceof vscode.ThemeIcon ? c.iconPath.id : undefined,
            })),
          };
        });
      const settings = controller.reviewSettings();
      return {
        status: controller.status,
        description: controller.describeState(),
        lastSuccessAt: controller.lastSuccessAt,
        blockedUntil: controller.blockedUntil,
        nextPollAt: controller.nextPollAt,
        stats: { ...controller.stats },
        outageMessages: controller.outageMessages,
        globalStoragePath: services.context.globalStorageUri.fsPath,
        statusBar: statusView({
          queue: controller.queue,
          targetHours: settings.targetHours,
          hideWhenEmpty: settings.statusBarHideWhenEmpty,
          quietReason: services.nudges.quietReason(),
        }),
        tree: render(provider.getChildren()),
      };
    }),
  );
}
