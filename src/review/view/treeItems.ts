/**
 * How queue items look in the tree. Titles, bodies and logins are untrusted: they go only into
 * plain-text fields (label, description, a plain-string tooltip), never into Markdown, and only
 * through `displayText` (no bidi overrides or invisible characters, bounded length).
 */
import * as vscode from 'vscode';
import { displayText } from '../../core/text';
import { linesChanged } from '../model/pullRequest';
import type { ItemTone, QueueGroup, QueueItem } from '../model/queue';

export type QueueNode =
  { kind: 'group'; group: QueueGroup | 'snoozed'; items: QueueItem[] } | { kind: 'item'; item: QueueItem } | { kind: 'note'; text: string };

const GROUPS: Record<QueueGroup | 'snoozed', { label: string; icon: string; color: string }> = {
  waiting: { label: 'Waiting on you', icon: 'inbox', color: 'charts.blue' },
  mine: { label: 'Your pull requests', icon: 'person', color: 'charts.purple' },
  branch: { label: 'This branch', icon: 'git-branch', color: 'charts.green' },
  snoozed: { label: 'Snoozed', icon: 'bell-slash', color: 'disabledForeground' },
};

const TONES: Record<ItemTone, { icon: string; color: string }> = {
  stale: { icon: 'clock', color: 'list.warningForeground' },
  'changes-requested': { icon: 'request-changes', color: 'list.errorForeground' },
  failing: { icon: 'error', color: 'testing.iconFailed' },
  approved: { icon: 'check', color: 'testing.iconPassed' },
  draft: { icon: 'git-pull-request-draft', color: 'disabledForeground' },
  normal: { icon: 'git-pull-request', color: 'charts.blue' },
};

export function groupTreeItem(node: Extract<QueueNode, { kind: 'group' }>): vscode.TreeItem {
  const g = GROUPS[node.group];
  const item = new vscode.TreeItem(
    g.label,
    node.group === 'snoozed' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded,
  );
  item.id = `group:${node.group}`;
  item.description = node.items.length === 0 ? 'nothing right now' : String(node.items.length);
  item.iconPath = new vscode.ThemeIcon(g.icon, new vscode.ThemeColor(g.color));
  item.contextValue = `multiplier.group.${node.group}`;
  return item;
}

/** Flags the icon does not already say (stale shows as the clock icon). */
function flagText(item: QueueItem): string {
  return item.flags
    .filter((f) => f.id !== 'stale')
    .map((f) => f.label)
    .join(', ');
}

/** Plain-text tooltip; VS Code renders a string tooltip as text, so nothing in it is live. */
export function tooltipText(item: QueueItem): string {
  const pr = item.pr;
  const lines = [
    `${displayText(pr.repo, { maxLength: 100 })}#${pr.number} by ${displayText(pr.author, { maxLength: 60 })}${pr.draft ? ' (draft)' : ''}`,
    displayText(pr.title, { maxLength: 300 }),
    '',
    displayText(item.reason, { maxLength: 300 }),
  ];
  const size = linesChanged(pr);
  if (size !== undefined) lines.push(`Size: +${pr.additions} −${pr.deletions} in ${pr.changedFiles ?? '?'} files (elite: under 225 lines)`);
  if (item.flags.length > 0) lines.push(displayText(`Hygiene: ${item.flags.map((f) => f.label).join('; ')}`, { maxLength: 400 }));
  if (item.ranked) {
    const p = item.ranked.parts;
    lines.push(
      `Rank score ${Math.round(item.ranked.score)} = wait ${Math.round(p.wait)} + size ${p.size} + blocks ${p.blocks} + asked ${p.asked}`,
    );
  }
  if (item.snoozed) lines.push('Snoozed: it comes back when the snooze ends.');
  const body = displayText(pr.body, { multiline: true, maxLength: 600 });
  if (body) lines.push('', body);
  return lines.join('\n');
}

export function prTreeItem(node: Extract<QueueNode, { kind: 'item' }>): vscode.TreeItem {
  const { item } = node;
  const pr = item.pr;
  const title = displayText(pr.title, { maxLength: 200 });
  const tree = new vscode.TreeItem(title, vscode.TreeItemCollapsibleState.None);
  tree.id = `${item.snoozed ? 'snoozed' : item.group}:${pr.key}`;
  const flags = flagText(item);
  tree.description = displayText(`#${pr.number} · ${item.reason}${flags ? ` · ${flags}` : ''}`, { maxLength: 300 });
  tree.tooltip = tooltipText(item);
  const tone = TONES[item.tone];
  tree.iconPath = new vscode.ThemeIcon(tone.icon, new vscode.ThemeColor(tone.color));
  tree.contextValue = item.snoozed ? 'multiplier.pr.snoozed' : 'multiplier.pr';
  tree.accessibilityInformation = {
    label: displayText(`${title}, pull request ${pr.number} in ${pr.repo}, ${item.reason}`, { maxLength: 400 }),
  };
  return tree;
}

export function noteTreeItem(node: Extract<QueueNode, { kind: 'note' }>): vscode.TreeItem {
  const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
  item.iconPath = new vscode.ThemeIcon('info', new vscode.ThemeColor('descriptionForeground'));
  return item;
}
