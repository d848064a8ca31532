import * as vscode from 'vscode';

/** Markdown files holding review drafts, checked as you type (`multiplier.coach.reviewDraftGlob`); '' = off. */
export function reviewDraftGlob(): string {
  return vscode.workspace.getConfiguration('multiplier.coach').get<string>('reviewDraftGlob', '') ?? '';
}
