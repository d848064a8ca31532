/**
 * How queue items look in the tree, readable in a 300 px sidebar: the label says what to do first
 * ("#89 Refund ledger table · 26h"), the description carries the size and the flags in short
 * words, and the full reason lives in the tooltip and the overview. Titles, bodies and logins are
 * untrusted: they go only into plain-text fields, never into Markdown, and only through displayText (no bidi
 * overrides or invisible characters, bounded length).
 */
import * as vscode from 'vscode';
import { clamp, displayText } from '../../core/text';
import { linesChanged } from '../model/pullRequest';
import type { ItemTone, QueueItem } from '../model/queue';
import { FLAG_GUIDE } from '../policy/hygiene';
import { GROUP_TEXT, type GroupId } from './groupText';

export type QueueNode =
  | { kind: 'group'; group: GroupId; items: QueueItem[] }
  | { kind: 'item'; item: QueueItem; under: GroupId }
  | { kind: 'note'; text: string; tooltip?: string; under?: GroupId };

export const OPEN_OVERVIEW_COMMAND = 'multiplier.review.openOverview';
/**
 * A row label is kept to about this many characters, so its last words ("· 26h") stay visible in a
 * 300 px side bar even on a selected row (whose inline action takes room): the title is cut to what
 * the number and the wait leave, between 10 and 18 characters.
 */
const LABEL_CHARS = 26;
const TITLE_CHARS = { min: 10, max: 18 };

const GROUP_ICONS: Record<GroupId, { icon: string; color: string }> = {
  pinned: { icon: 'pinned', color: 'charts.orange' },
  waiting: { icon: 'inbox', color: 'charts.blue' },
  ready: { icon: 'git-merge', color: 'testing.iconPassed' },
  blocked: { icon: 'error', color: 'list.errorForeground' },
  author: { icon: 'comment-discussion', color: 'charts.purple' },
  mine: { icon: 'person', color: 'charts.purple' },
  branch: { icon: 'git-branch', color: 'charts.green' },
  snoozed: { icon: 'bell-slash', color: 'disabledForeground' },
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
  const g = GROUP_TEXT[node.group];
  const collapsed = node.group === 'snoozed';
  const item = new vscode.TreeItem(
    g.label,
    collapsed ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded,
  );
  item.id = `group:${node.group}`;
  item.description = node.items.length === 0 ? g.why : `${node.items.length} · ${g.why}`;
  item.tooltip =
    node.items.length === 0 ? vscode.l10n.t('{0}: {1}. {2}', g.label, g.why, g.emptyWhy) : vscode.l10n.t('{0}: {1}.', g.label, g.why);
  const icon = GROUP_ICONS[node.group];
  item.iconPath = new vscode.ThemeIcon(icon.icon, new vscode.ThemeColor(icon.color));
  item.contextValue = `multiplier.group.${node.group}`;
  return item;
}

/** "#89 Refund ledger ta… · 26h": number, a short title, what to do first. */
export function itemLabel(item: QueueItem): string {
  const number = `#${item.pr.number} `;
  const tail = ` · ${item.short}`;
  const room = Math.min(TITLE_CHARS.max, Math.max(TITLE_CHARS.min, LABEL_CHARS - number.length - tail.length));
  return `${number}${clamp(displayText(item.pr.title), room)}${tail}`;
}

/** Size and flags in short words ("84 lines · big · no why"); the clock icon already says "late". */
export function itemDescription(item: QueueItem, under: GroupId): string {
  const parts: string[] = [];
  if (under === 'pinned' || under === 'snoozed') parts.push(GROUP_TEXT[item.group].label.toLowerCase());
  const size = linesChanged(item.pr);
  if (size !== undefined) parts.push(size === 1 ? vscode.l10n.t('1 line') : vscode.l10n.t('{0} lines', size));
  for (const f of item.flags) if (f.id !== 'stale') parts.push(FLAG_GUIDE[f.id].short);
  return parts.join(' · ');
}

/** Plain-text tooltip; VS Code renders a string tooltip as text, so nothing in it is live. */
export function tooltipText(item: QueueItem): string {
  const pr = item.pr;
  const lines = [
    pr.draft
      ? vscode.l10n.t(
          '{0}#{1} by {2} (draft)',
          displayText(pr.repo, { maxLength: 100 }),
          pr.number,
          displayText(pr.author, { maxLength: 60 }),
        )
      : vscode.l10n.t('{0}#{1} by {2}', displayText(pr.repo, { maxLength: 100 }), pr.number, displayText(pr.author, { maxLength: 60 })),
    displayText(pr.title, { maxLength: 300 }),
    '',
    displayText(`${GROUP_TEXT[item.group].label}: ${item.reason}`, { maxLength: 300 }),
  ];
  const size = linesChanged(pr);
  if (size !== undefined) {
    lines.push(
      vscode.l10n.t(
        'Size: +{0} −{1} in {2} files (elite: under 225 lines)',
        pr.additions ?? '?',
        pr.deletions ?? '?',
        pr.changedFiles ?? '?',
      ),
    );
  }
  for (const f of item.flags) lines.push(displayText(`⚑ ${f.label}: ${FLAG_GUIDE[f.id].advice}`, { maxLength: 300 }));
  if (item.ranked) {
    const p = item.ranked.parts;
    lines.push(
      vscode.l10n.t(
        'Rank score {0} = wait {1} + size {2} + blocks {3} + asked {4}',
        Math.round(item.ranked.score),
        Math.round(p.wait),
        p.size,
        p.blocks,
        p.asked,
      ),
    );
  }
  if (item.snoozed) lines.push(vscode.l10n.t('Snoozed: it comes back when the snooze ends.'));
  if (item.pinned) lines.push(vscode.l10n.t('Pinned to the top of the queue.'));
  const body = displayText(pr.body, { multiline: true, maxLength: 600 });
  if (body) lines.push('', body);
  lines.push('', vscode.l10n.t('Click to open the overview.'));
  return lines.join('\n');
}

export function prTreeItem(node: Extract<QueueNode, { kind: 'item' }>): vscode.TreeItem {
  const { item, under } = node;
  const pr = item.pr;
  const tree = new vscode.TreeItem(itemLabel(item), vscode.TreeItemCollapsibleState.None);
  tree.id = `${under}:${pr.key}`;
  tree.description = itemDescription(item, under);
  tree.tooltip = tooltipText(item);
  const tone = TONES[item.tone];
  tree.iconPath = new vscode.ThemeIcon(tone.icon, new vscode.ThemeColor(tone.color));
  tree.contextValue = item.snoozed ? 'multiplier.pr.snoozed' : item.pinned ? 'multiplier.pr.pinned' : 'multiplier.pr';
  tree.command = { command: OPEN_OVERVIEW_COMMAND, title: vscode.l10n.t('Open Pull Request Overview'), arguments: [node] };
  tree.accessibilityInformation = {
    label: displayText(
      vscode.l10n.t('{0}, pull request {1} in {2}, {3}, {4}', pr.title, pr.number, pr.repo, GROUP_TEXT[item.group].label, item.reason),
      {
        maxLength: 400,
      },
    ),
  };
  return tree;
}

export function noteTreeItem(node: Extract<QueueNode, { kind: 'note' }>): vscode.TreeItem {
  const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
  item.id = `note:${node.under ?? ''}:${node.text}`;
  item.tooltip = node.tooltip ?? node.text;
  item.iconPath = new vscode.ThemeIcon('info', new vscode.ThemeColor('descriptionForeground'));
  return item;
}
