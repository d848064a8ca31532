/**
 * The why hint on the commit message in the Source Control input box. The box is a text document
 * (scheme `vscode-scm`), so the hint is an Information diagnostic on the subject line: a blue
 * underline and a hover, never a dialog, never a blocked commit (git's commit hook only counts
 * errors unless a user asks for more). The hover's last line turns the hints off in one click.
 * Never for a small change, a merge, a revert or a release bump.
 */
import * as vscode from 'vscode';
import type { Clock } from '../../core/clock';
import { wordsEngine } from '../engine';
import type { ChangeSize } from '../model/why';
import { pendingCommit, rootUriOf, SCM_INPUT_SCHEME } from '../source/scm';
import { whyHintsEnabled } from '../source/settings';
import { diagnosticFor } from './findings';

export const TURN_OFF_WHY_HINTS_COMMAND = 'multiplier.words.turnOffWhyHints';

/** What the hint last decided for an input box (for the test API and the log). */
export interface CommitHintState {
  message: string;
  size?: ChangeSize;
  merge: boolean;
  hinted: boolean;
  evaluations: number;
}

export class CommitHint implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('multiplier.words.commit');
  private readonly disposables: vscode.Disposable[] = [this.collection];
  private readonly timers = new Map<string, { dispose(): void }>();
  private readonly watched = new Map<string, vscode.Disposable>();
  readonly states = new Map<string, CommitHintState>();
  private evaluations = 0;

  constructor(private readonly clock: Clock) {
    const selector: vscode.DocumentSelector = { scheme: SCM_INPUT_SCHEME };
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.collection.delete(d.uri);
        this.watched.get(d.uri.toString())?.dispose();
        this.watched.delete(d.uri.toString());
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('multiplier.words.whyHints')) this.evaluateAll();
      }),
      vscode.languages.registerHoverProvider(selector, this),
      vscode.languages.registerCodeActionsProvider(selector, this, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    );
    this.evaluateAll();
  }

  private evaluateAll(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document);
  }

  private schedule(document: vscode.TextDocument): void {
    if (document.uri.scheme !== SCM_INPUT_SCHEME) return;
    const key = document.uri.toString();
    this.timers.get(key)?.dispose();
    this.timers.set(
      key,
      this.clock.after(300, () => {
        this.timers.delete(key);
        void this.evaluate(document);
      }),
    );
  }

  private async evaluate(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const root = rootUriOf(document);
    const message = document.getText();
    const commit = whyHintsEnabled() && root && message.trim() !== '' ? await pendingCommit(root).catch(() => undefined) : undefined;
    if (commit && !this.watched.has(key))
      this.watched.set(
        key,
        commit.onDidChange(() => this.schedule(document)),
      );
    // A small change (under 30 lines, at most 2 files) is judged by checkWhy itself; a merge never.
    const finding =
      commit && !commit.merge && commit.size && commit.size.files > 0 ? wordsEngine().checkWhy(message, { size: commit.size }) : undefined;
    if (document.isClosed || document.getText() !== message) return; // typed on meanwhile: the next evaluation decides
    if (finding) {
      const diagnostic = diagnosticFor(document, finding);
      const files = commit?.size?.files ?? 0;
      const change =
        files === 1
          ? vscode.l10n.t('1 file, {0} lines', commit?.size?.lines ?? 0)
          : vscode.l10n.t('{0} files, {1} lines', files, commit?.size?.lines ?? 0);
      diagnostic.message = vscode.l10n.t(
        'This message says what changed ({0}) but not why. A line on the problem or the goal ("because …", "so that …", or the issue it fixes) helps reviewers and future readers.',
        change,
      );
      this.collection.set(document.uri, [diagnostic]);
    } else this.collection.delete(document.uri);
    this.states.set(key, {
      message,
      size: commit?.size,
      merge: commit?.merge ?? false,
      hinted: finding !== undefined,
      evaluations: ++this.evaluations,
    });
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const ours = this.collection.get(document.uri)?.find((d) => d.range.contains(position));
    if (!ours) return undefined;
    const link = new vscode.MarkdownString(
      `[${vscode.l10n.t('Turn off why hints')}](command:${TURN_OFF_WHY_HINTS_COMMAND} "${vscode.l10n.t('Stop these hints on commit messages (setting multiplier.words.whyHints)')}")`,
    );
    link.isTrusted = { enabledCommands: [TURN_OFF_WHY_HINTS_COMMAND] };
    return new vscode.Hover(link, ours.range);
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.code === 'missing-why');
    if (ours.length === 0) return [];
    const addWhy = new vscode.CodeAction(vscode.l10n.t('Add a "Why:" line'), vscode.CodeActionKind.QuickFix);
    addWhy.edit = new vscode.WorkspaceEdit();
    const end = document.lineAt(document.lineCount - 1).range.end;
    addWhy.edit.insert(document.uri, end, `${document.getText().endsWith('\n') ? '' : '\n'}\nWhy: `);
    addWhy.diagnostics = ours;
    addWhy.isPreferred = true;
    const off = new vscode.CodeAction(vscode.l10n.t('Turn off why hints'), vscode.CodeActionKind.QuickFix);
    off.command = { command: TURN_OFF_WHY_HINTS_COMMAND, title: vscode.l10n.t('Turn off why hints') };
    off.diagnostics = ours;
    return [addWhy, off];
  }

  dispose(): void {
    for (const t of this.timers.values()) t.dispose();
    for (const w of this.watched.values()) w.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** One click: the setting goes off (for this user), with a way back. */
export async function turnOffWhyHints(): Promise<void> {
  await vscode.workspace.getConfiguration('multiplier.words').update('whyHints', false, vscode.ConfigurationTarget.Global);
  const undo = vscode.l10n.t('Undo');
  void vscode.window.showInformationMessage(vscode.l10n.t('Why hints on commit messages are off.'), undo).then((choice) => {
    if (choice === undo)
      void vscode.workspace.getConfiguration('multiplier.words').update('whyHints', undefined, vscode.ConfigurationTarget.Global);
  });
}
