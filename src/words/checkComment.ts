/**
 * "Check Review Comment" on the selection (or the cursor's line) or a comment draft: the findings
 * stay on the text as diagnostics (hover for the reason), and a quick pick offers the rewrites,
 * the one that fixes every finding it can first and selected, so Enter applies it. Whatever a
 * rewrite cannot fix stays on the text, so no finding vanishes unseen.
 */
import * as vscode from 'vscode';
import { wordsEngine } from './engine';
import type { Rewrite } from './model/rewrites';
import type { CommentCheckOptions, CommentFinding } from './model/rules';
import { diagnosticFor } from './view/findings';

export const CHECK_COMMENT_COMMAND = 'multiplier.coach.checkComment';

/** Where the comment text came from, how a rewrite goes back, and where its findings are shown. */
interface CommentSource {
  text: string;
  apply(rewrite: string): Thenable<boolean>;
  /** The document and the offset of the checked text in it, when the text is in an editor. */
  place?: { document: vscode.TextDocument; offset: number };
}

function isCommentReply(value: unknown): value is vscode.CommentReply {
  return typeof value === 'object' && value !== null && typeof (value as vscode.CommentReply).text === 'string' && 'thread' in value;
}

function isComment(value: unknown): value is vscode.Comment {
  const body = (value as vscode.Comment | undefined)?.body;
  return (
    typeof value === 'object' && value !== null && 'author' in value && (typeof body === 'string' || body instanceof vscode.MarkdownString)
  );
}

/** The comments API gives no way to change the reply box, so a rewrite is copied for pasting. */
function viaClipboard(text: string): CommentSource {
  return {
    text,
    apply: async (rewrite) => {
      await vscode.env.clipboard.writeText(rewrite);
      void vscode.window.showInformationMessage(vscode.l10n.t('Rewritten comment copied. Paste it into the reply box.'));
      return true;
    },
  };
}

function sourceFor(arg: unknown): CommentSource | undefined {
  if (isCommentReply(arg)) return viaClipboard(arg.text);
  if (isComment(arg)) return viaClipboard(typeof arg.body === 'string' ? arg.body : arg.body.value);
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  // No selection: the current line is the comment being drafted.
  const range = editor.selection.isEmpty ? editor.document.lineAt(editor.selection.active.line).range : editor.selection;
  return {
    text: editor.document.getText(range),
    apply: (rewrite) => editor.edit((edit) => edit.replace(range, rewrite)),
    place: { document: editor.document, offset: editor.document.offsetAt(range.start) },
  };
}

type PickItem = vscode.QuickPickItem & { rewrite?: Rewrite };

const icon = (f: CommentFinding): string => (f.severity === 'warning' ? '$(warning)' : '$(info)');

function itemsFor(findings: readonly CommentFinding[], rewrites: readonly Rewrite[]): PickItem[] {
  const items: PickItem[] = rewrites.map((r) => ({ label: `$(edit) ${r.title}`, detail: r.text, description: r.detail, rewrite: r }));
  items.push({ label: vscode.l10n.t('Findings (they stay on the text until fixed)'), kind: vscode.QuickPickItemKind.Separator });
  for (const f of findings) items.push({ label: `${icon(f)} ${f.message}` });
  return items;
}

/** The selection's findings, shown where the text is until it changes or is checked again. */
export class SelectionFindings implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('multiplier.words.selection');
  private readonly subscription = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.contentChanges.length > 0 && this.collection.has(e.document.uri) && !this.applying) this.collection.delete(e.document.uri);
  });
  private readonly closing = vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri));
  private applying = false;

  show(place: { document: vscode.TextDocument; offset: number }, text: string, findings: readonly CommentFinding[]): void {
    this.collection.set(
      place.document.uri,
      findings.map((f) => diagnosticFor(place.document, f, place.offset, text.length)),
    );
  }

  /** Runs an edit of our own without clearing the findings it is about to replace. */
  async whileApplying<T>(work: () => Thenable<T>): Promise<T> {
    this.applying = true;
    try {
      return await work();
    } finally {
      this.applying = false;
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.closing.dispose();
    this.collection.dispose();
  }
}

/** The command: findings on the text, rewrites in a quick pick, the combined one first. */
export async function checkCommentCommand(arg: unknown, options: CommentCheckOptions, shown: SelectionFindings): Promise<void> {
  const source = sourceFor(arg);
  if (!source || source.text.trim() === '') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select the review comment to check (or put the cursor on its line).'));
    return;
  }
  const { checkComment, proposeRewrites } = wordsEngine();
  const findings = checkComment(source.text, options);
  if (findings.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This comment reads as kind and clear. Nothing to change.'));
    return;
  }
  if (source.place) shown.show(source.place, source.text, findings);
  const rewrites = proposeRewrites(source.text, findings, options);
  const count = findings.length;
  const picked = await vscode.window.showQuickPick(itemsFor(findings, rewrites), {
    title: count === 1 ? vscode.l10n.t('Review comment: 1 finding') : vscode.l10n.t('Review comment: {0} findings', count),
    placeHolder:
      rewrites.length > 0
        ? vscode.l10n.t('Enter applies the first rewrite; Escape keeps the text (the findings stay on it)')
        : vscode.l10n.t('No rewrite can fix these by itself; the findings stay on the text'),
    matchOnDetail: true,
  });
  if (!picked?.rewrite) return;
  const rewrite = picked.rewrite;
  await shown.whileApplying(() => source.apply(rewrite.text));
  // What the rewrite could not fix stays visible on the new text.
  if (source.place) shown.show(source.place, rewrite.text, rewrite.leaves);
}
