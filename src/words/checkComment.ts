import * as vscode from 'vscode';
import { proposeRewrites, type Rewrite } from './model/rewrites';
import { checkComment, type CommentFinding } from './model/rules';

export const CHECK_COMMENT_COMMAND = 'multiplier.coach.checkComment';

/** Where the comment text came from and how a rewrite goes back. */
interface CommentSource {
  text: string;
  apply(rewrite: string): Thenable<boolean>;
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
      void vscode.window.showInformationMessage('Rewritten comment copied. Paste it into the reply box.');
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
  return { text: editor.document.getText(range), apply: (rewrite) => editor.edit((edit) => edit.replace(range, rewrite)) };
}

type PickItem = vscode.QuickPickItem & { rewrite?: Rewrite };

function itemsFor(findings: readonly CommentFinding[], rewrites: readonly Rewrite[]): PickItem[] {
  return [
    { label: 'Findings', kind: vscode.QuickPickItemKind.Separator },
    ...findings.map((f): PickItem => ({ label: `$(info) ${f.message}` })),
    { label: 'Rewrites', kind: vscode.QuickPickItemKind.Separator },
    ...rewrites.map((r): PickItem => ({ label: r.title, detail: r.text, description: r.detail, rewrite: r })),
  ];
}

/** "Check Review Comment": findings with one-line reasons, and rewrites to apply. */
export async function checkCommentCommand(arg?: unknown): Promise<void> {
  const source = sourceFor(arg);
  if (!source || source.text.trim() === '') {
    void vscode.window.showInformationMessage('Select the review comment to check (or put the cursor on its line).');
    return;
  }
  const findings = checkComment(source.text);
  if (findings.length === 0) {
    void vscode.window.showInformationMessage('This comment looks kind and clear: labelled, reasoned, no absolute wording.');
    return;
  }
  const rewrites = proposeRewrites(source.text, findings);
  const picked = await vscode.window.showQuickPick(itemsFor(findings, rewrites), {
    title: `Review comment: ${findings.length} finding${findings.length === 1 ? '' : 's'}`,
    placeHolder: 'Pick a rewrite to apply',
    matchOnDetail: true,
  });
  if (picked?.rewrite) await source.apply(picked.rewrite.text);
}
