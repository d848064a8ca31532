/** The Review Queue tree: groups of ranked items, from the controller's last queue. */
import * as vscode from 'vscode';
import type { ReviewController } from '../controller';
import { groupTreeItem, noteTreeItem, prTreeItem, type QueueNode } from './treeItems';

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
    if (node) return node.kind === 'group' ? node.items.map((item) => ({ kind: 'item', item })) : [];
    const q = this.controller.queue;
    // No data: return nothing so the welcome content (signed out, offline, loading) shows.
    if (!q) return [];
    if (q.waiting.length + q.mine.length + q.branch.length + q.snoozed.length === 0) return [];
    const groups: QueueNode[] = [{ kind: 'group', group: 'waiting', items: q.waiting }];
    if (q.mine.length > 0) groups.push({ kind: 'group', group: 'mine', items: q.mine });
    if (q.branch.length > 0) groups.push({ kind: 'group', group: 'branch', items: q.branch });
    if (q.snoozed.length > 0) groups.push({ kind: 'group', group: 'snoozed', items: q.snoozed });
    return groups;
  }

  dispose(): void {
    this.sub.dispose();
    this.changed.dispose();
  }
}
