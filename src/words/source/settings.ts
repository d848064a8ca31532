import * as vscode from 'vscode';
import type { ConventionalMode } from '../model/teamConfig';
import { DEFAULT_HOTFIX_PATTERN } from '../model/defaults';

const words = () => vscode.workspace.getConfiguration('multiplier.words');

/** Markdown files holding review drafts, checked as you type (`multiplier.coach.reviewDraftGlob`); '' = off. */
export function reviewDraftGlob(): string {
  return vscode.workspace.getConfiguration('multiplier.coach').get<string>('reviewDraftGlob', '') ?? '';
}

/** Markdown drafts of pull-request descriptions, checked for a why and for tone; '' = off. */
export function descriptionDraftGlob(): string {
  return words().get<string>('descriptionDraftGlob', '') ?? '';
}

/** The user's own Conventional Comments choice, when they made one (it wins over the team file). */
export function conventionalCommentsSetting(): ConventionalMode | undefined {
  const inspected = words().inspect<string>('conventionalComments');
  const value = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
  return value === 'require' || value === 'suggest' || value === 'off' ? value : undefined;
}

export function whyHintsEnabled(): boolean {
  return words().get<boolean>('whyHints', true) !== false;
}

export function retrosEnabled(): boolean {
  return words().get<boolean>('retros.enabled', true) !== false;
}

export function hotfixPattern(): string {
  return words().get<string>('retros.hotfixPattern', DEFAULT_HOTFIX_PATTERN) || DEFAULT_HOTFIX_PATTERN;
}
