/** Test seam (harness builds only): what the queue's tree and status item render, as plain data. */
import * as vscode from 'vscode';
import type { NudgeApi } from '../nudge/api';
import type { Review } from './register';
import { statusView } from './policy/statusText';
import { groupTreeItem, prTreeItem, type QueueNode } from './view/treeItems';
import { ReviewQueueTreeProvider } from './view/treeProvider';

export function reviewTestApi({ controller, poller }: Review, nudges: NudgeApi, globalStoragePath: string) {
  const provider = new ReviewQueueTreeProvider(controller);
  const render = (nodes: QueueNode[]) =>
    nodes.map((node) => {
      const item = node.kind === 'group' ? groupTreeItem(node) : node.kind === 'item' ? prTreeItem(node) : undefined;
      const children = node.kind === 'group' ? provider.getChildren(node).map((c) => (c.kind === 'item' ? prTreeItem(c) : undefined)) : [];
      return {
        label: item?.label,
        description: item?.description,
        children: children.map((c) => ({
          id: c?.id,
          label: c?.label,
          description: c?.description,
          tooltip: c?.tooltip,
          tooltipIsMarkdown: c?.tooltip instanceof vscode.MarkdownString,
          accessibilityLabel: c?.accessibilityInformation?.label,
          contextValue: c?.contextValue,
          icon: c?.iconPath instanceof vscode.ThemeIcon ? c.iconPath.id : undefined,
        })),
      };
    });
  return {
    state: () => {
      const settings = controller.reviewSettings();
      return {
        status: controller.status,
        description: controller.describeState(),
        message: controller.message(),
        scopes: [...poller.scopes],
        lastSuccessAt: controller.lastSuccessAt,
        blockedUntil: controller.blockedUntil,
        nextPollAt: poller.nextPollAt,
        stats: { ...poller.stats },
        outageMessages: poller.outageMessages,
        globalStoragePath,
        statusBar: statusView({
          queue: controller.queue,
          targetHours: settings.targetHours,
          hideWhenEmpty: settings.statusBarHideWhenEmpty,
          quietReason: nudges.quietReason(),
        }),
        tree: render(provider.getChildren()),
      };
    },
  };
}
