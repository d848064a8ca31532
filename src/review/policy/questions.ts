/**
 * "Copy a question for the author": an open question in the coach's ask-don't-tell voice, chosen
 * from what the queue knows about the pull request (its flags, checks, verdicts). It asks about
 * the author's intent and invites their view; it never tells them what to change. Pure.
 */
import * as l10n from '@vscode/l10n';
import { displayText } from '../../core/text';
import type { HygieneFlag } from './hygiene';
import type { PullRequest } from '../model/pullRequest';

function question(pr: PullRequest, flags: readonly HygieneFlag[]): string {
  const has = (id: HygieneFlag['id']) => flags.some((f) => f.id === id);
  if (has('no-description')) return l10n.t('What problem does this change solve, and what should I keep in mind while I read it?');
  if (has('no-why')) return l10n.t('What made this change necessary now, and how will we know it worked?');
  if (has('too-big'))
    return l10n.t('Is there a part of this that could land on its own first, so each review stays small enough to read closely?');
  if (pr.checks === 'failure')
    return l10n.t('What do you make of the failing check: is it related to this change, or something we should look at together?');
  if (pr.mergeable === false)
    return l10n.t('How would you like to handle the merge conflict: is there anything on the base branch I should know about?');
  return l10n.t('Which part of this change are you least sure about, so I can look there first?');
}

/** Plain text for the clipboard: a greeting, the question, and an offer to talk. */
export function questionForAuthor(pr: PullRequest, flags: readonly HygieneFlag[]): string {
  const author = displayText(pr.author, { maxLength: 40 });
  const title = displayText(pr.title, { maxLength: 80 });
  return [
    l10n.t('Hi @{0}, a question about #{1} "{2}" before I review it:', author, pr.number, title),
    '',
    question(pr, flags),
    '',
    l10n.t('Happy to talk it through if that is quicker.'),
  ].join('\n');
}
