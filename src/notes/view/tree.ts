/**
 * The Growth Notes view: two sections, by week and by tag, each group with its count.
 * The store is opened the first time the view asks for children, not at activation.
 */
import * as vscode from 'vscode';
import { displayText } from '../../core/text';
import { groupByTag, groupByWeek, KIND_LABELS, type NoteGroup, type NoteSummary } from '../model/summaries';
import type { NotesController } from '../controller';

export type NotesTreeNode =
  | { type: 'section'; id: 'weeks' | 'tags'; label: string }
  | { type: 'group'; section: 'weeks' | 'tags'; group: NoteGroup; expanded: boolean }
  | { type: 'note'; section: 'weeks' | 'tags'; groupKey: string; note: NoteSummary };

export class NotesTree implements vscode.TreeDataProvider<NotesTreeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscription: vscode.Disposable;
  private loaded = false;

  constructor(private readonly notes: NotesController) {
    this.subscription = notes.onDidChange(() => this.loaded && this.emitter.fire());
  }

  refresh(): void {
    this.emitter.fire();
  }

  async getChildren(node?: NotesTreeNode): Promise<NotesTreeNode[]> {
    const store = await this.notes.store();
    this.loaded = true;
    const all = store.list();
    if (all.length === 0) return []; // the welcome content shows instead
    if (!node) {
      return [
        { type: 'section', id: 'weeks', label: vscode.l10n.t('By week') },
        { type: 'section', id: 'tags', label: vscode.l10n.t('By tag') },
      ];
    }
    if (node.type === 'section') {
      const groups = node.id === 'weeks' ? groupByWeek(all) : groupByTag(all);
      // The newest week starts open: it is what a user looks for right after writing a note.
      return groups.map((group, index) => ({ type: 'group', section: node.id, group, expanded: node.id === 'weeks' && index === 0 }));
    }
    if (node.type === 'group')
      return node.group.notes.map((note) => ({ type: 'note', section: node.section, groupKey: node.group.key, note }));
    return [];
  }

  getTreeItem(node: NotesTreeNode): vscode.TreeItem {
    if (node.type === 'section') {
      const item = new vscode.TreeItem(
        node.label,
        node.id === 'weeks' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
      );
      item.id = `section:${node.id}`;
      item.contextValue = 'multiplier.notes.section';
      return item;
    }
    if (node.type === 'group') {
      const item = new vscode.TreeItem(
        node.group.label,
        node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
      );
      item.id = `group:${node.section}:${node.group.key}`;
      item.description = String(node.group.notes.length);
      item.tooltip = node.group.notes.length === 1 ? vscode.l10n.t('1 note') : vscode.l10n.t('{0} notes', node.group.notes.length);
      item.iconPath = new vscode.ThemeIcon(node.section === 'weeks' ? 'calendar' : 'tag');
      return item;
    }
    const { note } = node;
    // An imported note may carry anyone's text: neutralised and bounded like remote text.
    const title = displayText(note.title, { maxLength: 200 });
    const item = new vscode.TreeItem(title, vscode.TreeItemCollapsibleState.None);
    item.id = `note:${node.section}:${node.groupKey}:${note.id}`;
    item.description = displayText(
      `${KIND_LABELS[note.kind]} · ${note.created.slice(0, 10)}${note.tags.length ? ` · ${note.tags.map((t) => `#${t}`).join(' ')}` : ''}`,
      { maxLength: 200 },
    );
    // Plain string tooltip: the note's own text never goes into a trusted MarkdownString.
    item.tooltip = `${title}\n${item.description}${note.conflictOf ? `\n${vscode.l10n.t('Conflict copy of {0}', note.conflictOf)}` : ''}`;
    item.iconPath = new vscode.ThemeIcon(note.conflictOf ? 'warning' : ICONS[note.kind]);
    item.contextValue = 'multiplier.note';
    item.resourceUri = this.notes.uriFor(note.id);
    item.command = { command: 'multiplier.notes.open', title: vscode.l10n.t('Open Growth Note'), arguments: [node] };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

const ICONS: Record<NoteSummary['kind'], string> = {
  note: 'note',
  'coach-answer': 'comment-discussion',
  'weekly-reflection': 'history',
  'one-on-one': 'person',
  retro: 'debug-restart',
};
