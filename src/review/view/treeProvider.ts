/**
 * The Review Queue tree: pinned items on top, then the groups a reviewer acts on, each with a
 * one-line why; an empty group says what would put something there.
 */
import * as vscode from 'vscode';
import type { ReviewController } from '../controller';
import type { ReviewQueue } from '../model/queue';
import { GROUP_TEXT, type GroupId } from './groupText';
import { groupTreeItem, noteTreeItem, prTreeItem, type QueueNode } from './treeItems';

/** Always shown, empty or not: the groups a reviewer acts on. */
const MAIN_GROUPS = ['waiting', 'ready', 'blocked', 'author'] as const;

export function queueGroups(q: ReviewQueue): QueueNode[] {
  const groups: QueueNode[] = [];
  if (q.pinned.length > 0) groups.push({ kind: 'group', group: 'pinned', items: q.pinned });
  const unpinned = (id: GroupId) => (id === 'snoozed' || id === 'pinned' || id === 'branch' ? q[id] : q[id].filter((i) => !i.pinned));
  for (const id of MAIN_GROUPS) groups.push({ kind: 'group', group: id, items: unpinned(id) });
  for (const id of ['mine', 'branch', 'snoozed'] as const)
    if (q[id].length > 0) groups.push({ kind: 'group', group: id, items: unpinned(id) });
  return groups;
}

export class ReviewQueueTreeProvider implements vscode.TreeDataProvider<QueueNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<QueueNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly sub: vscode.Disposable;

  constructor(private readonly controller: ReviewController) {
    this.sub = controller.onDidChange(() => this.changed.fire(undefined));
  }

  getTreeItem(node: QueueNode): vscode.TreeItem {
    return node.kind === 'group' ? groupTreeItem(node) : node.kind === 'item' ? prTreeItem(node) : noteTreeItem(node);
  }

  getChildren(node?: QueueNode): QueueNode[] {
    if (node) {
      if (node.kind !== 'group') return [];
      if (node.items.length === 0) {
        const g = GROUP_TEXT[node.group];
        return [{ kind: 'note', text: g.empty, tooltip: g.emptyWhy, under: node.group }];
      }
      return node.items.map((item) => ({ kind: 'item', item, under: node.group }));
    }
    const q = this.controller.queue;
    // No data: return nothing so the welcome content (signed out, offline, loading) shows.
    if (!q) return [];
    if (this.controller.isEmpty()) return [];
    return queueGroups(q);
  }

  dispose(): void {
    this.sub.dispose();
    this.changed.dispose();
  }
}
