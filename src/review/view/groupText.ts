/**
 * The queue's groups in words: a label, a one-line why, and for an empty group a short line (it
 * must fit a 300 px side bar) and a sentence saying what would put something there. Pure.
 */
import * as l10n from '@vscode/l10n';
import { translatedTable } from '../../core/translatedTable';
import type { QueueGroup } from '../model/queue';

export type GroupId = QueueGroup | 'snoozed' | 'pinned';

export const GROUP_TEXT = translatedTable<GroupId, { label: string; why: string; empty: string; emptyWhy: string }>(() => ({
  pinned: {
    label: l10n.t('Pinned'),
    why: l10n.t('you pinned these to the top'),
    empty: l10n.t('Nothing pinned'),
    emptyWhy: l10n.t('Pin a pull request to keep it here.'),
  },
  waiting: {
    label: l10n.t('Waiting on you'),
    why: l10n.t('your review was requested; longest wait and smallest first'),
    empty: l10n.t('Nothing waits on your review'),
    emptyWhy: l10n.t('Pull requests show up here when someone asks you, or a team of yours, to review them.'),
  },
  ready: {
    label: l10n.t('Ready to merge'),
    why: l10n.t('yours, approved, checks passing, no conflict'),
    empty: l10n.t('Yours, once approved and green'),
    emptyWhy: l10n.t('Your pull requests show up here once they are approved, their checks pass and they merge cleanly.'),
  },
  blocked: {
    label: l10n.t('Blocked'),
    why: l10n.t('yours, with failing checks, requested changes or a conflict'),
    empty: l10n.t('Nothing of yours is blocked'),
    emptyWhy: l10n.t('Your pull requests show up here when checks fail, a reviewer asks for changes, or they conflict with the base.'),
  },
  author: {
    label: l10n.t('Waiting on the author'),
    why: l10n.t('you reviewed them; the next move is the author’s'),
    empty: l10n.t('What you reviewed waits here'),
    emptyWhy: l10n.t('Pull requests you reviewed show up here until the author asks you to review again.'),
  },
  mine: {
    label: l10n.t('Yours, in review'),
    why: l10n.t('waiting for reviewers, and your drafts'),
    empty: l10n.t('None in review'),
    emptyWhy: l10n.t('Your open pull requests that wait for a review show up here.'),
  },
  branch: {
    label: l10n.t('This branch'),
    why: l10n.t('the pull request of the branch you have checked out'),
    empty: l10n.t('No pull request'),
    emptyWhy: l10n.t('The pull request of the checked-out branch shows up here.'),
  },
  snoozed: {
    label: l10n.t('Snoozed'),
    why: l10n.t('back when the snooze ends'),
    empty: l10n.t('Nothing snoozed'),
    emptyWhy: l10n.t('Snoozed pull requests wait here.'),
  },
}));
