/** Words that weigh: "Check Review Comment" on a selection or comment draft, and review-draft diagnostics. */
import * as vscode from 'vscode';
import { registerCommands } from '../core/vscode/commands';
import { CHECK_COMMENT_COMMAND, checkCommentCommand } from './checkComment';
import { registerDraftDiagnostics } from './view/draftDiagnostics';

export function registerWords(): vscode.Disposable {
  return vscode.Disposable.from(
    registerCommands({ [CHECK_COMMENT_COMMAND]: (arg?: unknown) => checkCommentCommand(arg) }),
    registerDraftDiagnostics(),
  );
}
