/**
 * The overview's "Check description", editor side: runs the words capability's check (its engine
 * loads on this first use) on the description of the pull request shown, and shows what the
 * policy (policy/descriptionCheck.ts) decided to say.
 */
import * as vscode from 'vscode';
import type { WordsApi } from '../words/api';
import type { PullRequest } from './model/pullRequest';
import type { PullDetails } from './model/pullDetails';
import { changeSizeOf, descriptionCheckOutcome, descriptionToCheck, type DescriptionCheckOutcome } from './policy/descriptionCheck';

export type DescriptionChecker = Pick<WordsApi, 'checkDescription'>;

export function checkPullRequestDescription(
  pr: PullRequest,
  details: PullDetails | undefined,
  words: DescriptionChecker,
): DescriptionCheckOutcome {
  const text = descriptionToCheck(pr);
  const findings = text === '' ? [] : words.checkDescription(text, changeSizeOf(pr, details));
  return descriptionCheckOutcome(pr, text, findings);
}

/** Resolves once the user has read it: at once for a message, when the list closes for findings. */
export async function showDescriptionCheck(outcome: DescriptionCheckOutcome): Promise<void> {
  if (outcome.kind !== 'findings') {
    void vscode.window.showInformationMessage(outcome.message);
    return;
  }
  // Each kind under a heading of its own: a long message cannot hide which kind it is.
  const items: vscode.QuickPickItem[] = [];
  outcome.items.forEach((item, i) => {
    if (item.kind !== outcome.items[i - 1]?.kind) items.push({ label: item.kindLabel, kind: vscode.QuickPickItemKind.Separator });
    items.push({ label: item.label, detail: item.detail });
  });
  await vscode.window.showQuickPick(items, {
    title: outcome.title,
    placeHolder: vscode.l10n.t('What a reader may miss or feel, with the words it is about'),
    matchOnDetail: true,
  });
}
