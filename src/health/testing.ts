/**
 * Test seam (harness builds only): Team Health's state as plain data, read from the runtime the
 * extension loaded (never a second copy of it): the controller's view, what the tree renders, and
 * what the dashboard panel observed (paints, CSP violations, refused messages).
 */
import * as vscode from 'vscode';
import type { Health } from './register';
import type { HealthNode } from './view/tree';

/** A tooltip as the reader sees its text: Markdown's escapes and non-breaking spaces undone. */
function plainTooltip(tooltip: vscode.TreeItem['tooltip']): string | undefined {
  if (!(tooltip instanceof vscode.MarkdownString)) return tooltip;
  return tooltip.value.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1');
}

export function healthTestApi(health: Health) {
  return {
    state: async () => {
      const rt = await health.runtime();
      const view = rt.controller.view();
      const render = (node: HealthNode) => {
        const item = rt.tree.getTreeItem(node);
        return {
          kind: node.kind,
          id: item.id,
          label: typeof item.label === 'string' ? item.label : item.label?.label,
          description: typeof item.description === 'string' ? item.description : undefined,
          tooltip: plainTooltip(item.tooltip),
          icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined,
          command: item.command ? { command: item.command.command, arguments: item.command.arguments } : undefined,
          accessibility: item.accessibilityInformation?.label,
        };
      };
      const tree = rt.tree.getChildren().map((node) => ({ ...render(node), children: rt.tree.getChildren(node).map(render) }));
      return {
        status: view.status,
        busy: view.busy,
        weeks: view.weeks,
        root: view.root,
        label: view.label,
        repositories: view.repositories,
        signedIn: view.signedIn,
        githubNote: view.githubNote,
        notes: view.notes,
        error: view.error,
        /** What the view says above its tree (or instead of its welcome content). */
        message: rt.message(),
        reportWeeks: view.report?.period.weeks.length,
        tree,
        panel: JSON.parse(JSON.stringify(rt.panel.state)) as typeof rt.panel.state,
        /** Where clicks on pull requests went: the overview, the browser (and why), or a commit. */
        openings: rt.commands.openings.map((o) => ({ ...o })),
      };
    },
    /** The whole report the views show (plain JSON). */
    report: async () => (await health.runtime()).controller.view().report,
    /** Resolves when the computation under way, if any, is done. */
    whenIdle: async () => (await health.runtime()).controller.whenIdle(),
  };
}
