/** Test seam (harness builds only): what the queue's tree, status item and PR pages render, as plain data. */
import * as vscode from 'vscode';
import type { NudgeApi } from '../nudge/api';
import type { Review } from './register';
import { statusView } from './policy/statusText';
import { groupTreeItem, noteTreeItem, prTreeItem, type QueueNode } from './view/treeItems';
import { ReviewQueueTreeProvider } from './view/treeProvider';

export function reviewTestApi({ controller, poller, pages }: Review, nudges: NudgeApi, globalStoragePath: string) {
  const provider = new ReviewQueueTreeProvider(controller);
  const text = (label: string | vscode.TreeItemLabel | undefined) => (typeof label === 'object' ? label.label : label);
  const render = (nodes: QueueNode[]) =>
    nodes.map((node) => {
      const item = node.kind === 'group' ? groupTreeItem(node) : undefined;
      const children = provider
        .getChildren(node)
        .map((c) => (c.kind === 'item' ? prTreeItem(c) : c.kind === 'note' ? noteTreeItem(c) : undefined));
      return {
        label: text(item?.label),
        description: item?.description,
        children: children.map((c) => ({
          id: c?.id,
          label: text(c?.label),
          description: c?.description,
          tooltip: c?.tooltip,
          tooltipIsMarkdown: c?.tooltip instanceof vscode.MarkdownString,
          accessibilityLabel: c?.accessibilityInformation?.label,
          contextValue: c?.contextValue,
          command: c?.command?.command,
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
    /** True once the pull request pages' bundle (dist/pr-pages.js) was loaded: activation must not load it. */
    pagesLoaded: () => pages.isLoaded,
    /** Open PR overviews: their last HTML, policy violations the page reported, and whether details loaded. */
    overviews: () => pages.runtime().overviews.snapshot(),
    /** The last Open Changes (title and [resource, base, head] URIs), and every read of the `multiplier-pr:` file system. */
    changes: () => {
      const { pulls, files } = pages.runtime();
      return { ...pulls.lastChanges, triples: pulls.lastChanges.triples.map((t) => [...t]), reads: [...files.reads] };
    },
    /** What the last "Check description" told the user (a message, or the quick pick's title and rows), and for which pull request. */
    descriptionCheck: () => {
      const last = pages.runtime().pulls.lastDescriptionCheck;
      return last && (JSON.parse(JSON.stringify(last)) as typeof last);
    },
    /** Requests and rate-limit points the overviews and diffs cost, and content-cache hits. */
    costs: () => {
      const { loader } = pages.runtime();
      return { overview: { ...loader.costs.overview }, diff: { ...loader.costs.diff }, contents: { ...loader.contents.stats } };
    },
  };
}
