/**
 * The Team Health view: the key figures of the current report as a compact tree, grouped by family.
 * Each figure has a status icon, its value, and one line on why it matters; its tooltip gives the
 * verdict, the definition, the data used and what was left out. A click opens the dashboard at that
 * figure; one of the slowest pull requests opens it; a suggestion reveals its folder. Empty states
 * are the view's welcome content (package.json), chosen by the `multiplier.health.state` context key.
 */
import * as vscode from 'vscode';
import { displayText } from '../../core/text';
import type { HealthController } from '../controller';
import type { FigureId } from '../model/definitions';
import {
  keyFigures,
  type FigureGroup,
  type FigureStatus,
  type FolderSuggestion,
  type KeyFigure,
  type SlowPullRequest,
} from '../policy/keyFigures';

export type HealthNode =
  | { kind: 'group'; group: FigureGroup; root: string }
  | { kind: 'figure'; figure: KeyFigure }
  | { kind: 'pullRequest'; pullRequest: SlowPullRequest }
  | { kind: 'suggestion'; suggestion: FolderSuggestion; root: string };

const ICONS: Record<FigureStatus, vscode.ThemeIcon> = {
  ok: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  warn: new vscode.ThemeIcon('warning', new vscode.ThemeColor('editorWarning.foreground')),
  bad: new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground')),
  info: new vscode.ThemeIcon('info'),
  missing: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground')),
};

/** Translated when read: this module loads before activation configures the translations. */
const STATUS_WORDS = (): Record<FigureStatus, string> => ({
  ok: vscode.l10n.t('good'),
  warn: vscode.l10n.t('needs attention'),
  bad: vscode.l10n.t('at risk'),
  info: vscode.l10n.t('for information'),
  missing: vscode.l10n.t('not enough data'),
});

export const OPEN_COMMAND = 'multiplier.health.open';
const OPEN_PULL_REQUEST_COMMAND = 'multiplier.health.openPullRequest';

export class HealthTreeProvider implements vscode.TreeDataProvider<HealthNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<HealthNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: { dispose(): void };

  constructor(private readonly controller: HealthController) {
    this.subscription = controller.onDidChange(() => this.changed.fire(undefined));
  }

  /** Notes about the data (which branch, GitHub, shallow clone) go in the view's message, above the tree. */
  getChildren(node?: HealthNode): HealthNode[] {
    if (!node) {
      const view = this.controller.view();
      if (!view.report || !view.root) return []; // the welcome content explains why
      const root = view.root;
      return keyFigures(view.report).map((group) => ({ kind: 'group', group, root }));
    }
    if (node.kind === 'group') {
      const figures: HealthNode[] = node.group.figures.map((figure) => ({ kind: 'figure', figure }));
      const pullRequests: HealthNode[] = (node.group.pullRequests ?? []).map((pullRequest) => ({ kind: 'pullRequest', pullRequest }));
      const suggestions: HealthNode[] = (node.group.suggestions ?? []).map((suggestion) => ({
        kind: 'suggestion',
        suggestion,
        root: node.root,
      }));
      return [...figures, ...pullRequests, ...suggestions];
    }
    return [];
  }

  getTreeItem(node: HealthNode): vscode.TreeItem {
    switch (node.kind) {
      case 'group':
        return groupItem(node.group);
      case 'figure':
        return figureItem(node.figure);
      case 'pullRequest':
        return pullRequestItem(node.pullRequest);
      case 'suggestion':
        return suggestionItem(node.suggestion, node.root);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

export function groupItem(group: FigureGroup): vscode.TreeItem {
  const item = new vscode.TreeItem(group.title, vscode.TreeItemCollapsibleState.Expanded);
  item.id = `health.group.${group.id}`;
  item.description = group.summary;
  item.tooltip = `${group.title}: ${group.summary}`;
  item.contextValue = 'multiplier.health.group';
  return item;
}

export function figureItem(figure: KeyFigure): vscode.TreeItem {
  const item = new vscode.TreeItem(`${figure.short}: ${figure.value}`, vscode.TreeItemCollapsibleState.None);
  item.id = `health.figure.${figure.id}`;
  item.description = figure.why;
  item.iconPath = ICONS[figure.status];
  item.tooltip = figureTooltip(figure);
  item.contextValue = 'multiplier.health.figure';
  item.accessibilityInformation = {
    label: vscode.l10n.t(
      '{0}: {1}, {2}. {3}. Why it matters: {4}',
      figure.title,
      figure.value,
      STATUS_WORDS()[figure.status],
      figure.verdict,
      figure.why,
    ),
  };
  item.command = { command: OPEN_COMMAND, title: vscode.l10n.t('Open Team Health'), arguments: [{ figure: figure.id satisfies FigureId }] };
  return item;
}

/** Plain Markdown with every piece of text escaped: names from git must never become links or markup. */
export function figureTooltip(figure: KeyFigure): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  const line = (label: string, text: string) => {
    md.appendMarkdown(`**${label}** `);
    md.appendText(displayText(text, { maxLength: 1200 }));
    md.appendMarkdown('\n\n');
  };
  md.appendMarkdown('**');
  md.appendText(`${figure.title}: ${figure.value}`);
  md.appendMarkdown('**\n\n');
  md.appendText(displayText(`${figure.verdict}.`.replace(/\.\.$/, '.'), { maxLength: 400 }));
  md.appendMarkdown('\n\n');
  line(vscode.l10n.t('Why it matters.'), figure.why);
  line(vscode.l10n.t('Definition.'), figure.about.definition);
  line(vscode.l10n.t('Data used.'), figure.about.data);
  line(vscode.l10n.t('Left out.'), figure.about.excluded);
  if (figure.about.citation) line(vscode.l10n.t('Source.'), figure.about.citation);
  return md;
}

/** One of the slowest pull requests: a click opens it in the PR overview (or the browser, saying why). */
export function pullRequestItem(pr: SlowPullRequest): vscode.TreeItem {
  const text = displayText(pr.text, { maxLength: 300 });
  const item = new vscode.TreeItem(text, vscode.TreeItemCollapsibleState.None);
  item.id = `health.pullRequest.${pr.number}`;
  item.iconPath = new vscode.ThemeIcon('git-pull-request');
  item.tooltip = vscode.l10n.t('{0}: slower than the cycle-time target. Open it to see where it waited.', text);
  item.contextValue = 'multiplier.health.pullRequest';
  item.command = { command: OPEN_PULL_REQUEST_COMMAND, title: vscode.l10n.t('Open Pull Request'), arguments: [pr.number] };
  return item;
}

export function suggestionItem(suggestion: FolderSuggestion, root: string): vscode.TreeItem {
  const text = displayText(suggestion.text, { maxLength: 300 });
  const item = new vscode.TreeItem(text, vscode.TreeItemCollapsibleState.None);
  item.id = `health.suggestion.${suggestion.folder}`;
  item.iconPath = new vscode.ThemeIcon('lightbulb');
  item.tooltip = text;
  item.contextValue = 'multiplier.health.suggestion';
  item.command = {
    command: 'revealInExplorer',
    title: vscode.l10n.t('Reveal in Explorer'),
    arguments: [
      suggestion.folder === '' ? vscode.Uri.file(root) : vscode.Uri.joinPath(vscode.Uri.file(root), ...suggestion.folder.split('/')),
    ],
  };
  return item;
}
