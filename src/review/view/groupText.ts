/**
 * The queue's groups in words: a label, a one-line why, and for an empty group a short line (it
 * must fit a 300 px side bar) and a sentence saying what would put something there. Pure.
 */
import type { QueueGroup } from '../model/queue';

export type GroupId = QueueGroup | 'snoozed' | 'pinned';

export const GROUP_TEXT: Record<GroupId, { label: string; why: string; empty: string; emptyWhy: string }> = {
  pinned: { label: 'Pinned', why: 'you pinned these to the top', empty: 'Nothing pinned', emptyWhy: 'Pin a pull request to keep it here.' },
  waiting: {
    label: 'Waiting on you',
    why: 'your review was requested; longest wait and smallest first',
    empty: 'Nothing waits on your review',
    emptyWhy: 'Pull requests show up here when someone asks you, or a team of yours, to review them.',
  },
  ready: {
    label: 'Ready to merge',
    why: 'yours, approved, checks passing, no conflict',
    empty: 'Yours, once approved and green',
    emptyWhy: 'Your pull requests show up here once they are approved, their checks pass and they merge cleanly.',
  },
  blocked: {
    label: 'Blocked',
    why: 'yours, with failing checks, requested changes or a conflict',
    empty: 'Nothing of yours is blocked',
    emptyWhy: 'Your pull requests show up here when checks fail, a reviewer asks for changes, or they conflict with the base.',
  },
  author: {
    label: 'Waiting on the author',
    why: 'you reviewed them; the next move is the author’s',
    empty: 'What you reviewed waits here',
    emptyWhy: 'Pull requests you reviewed show up here until the author asks you to review again.',
  },
  mine: {
    label: 'Yours, in review',
    why: 'waiting for reviewers, and your drafts',
    empty: 'None in review',
    emptyWhy: 'Your open pull requests that wait for a review show up here.',
  },
  branch: {
    label: 'This branch',
    why: 'the pull request of the branch you have checked out',
    empty: 'No pull request',
    emptyWhy: 'The pull request of the checked-out branch shows up here.',
  },
  snoozed: { label: 'Snoozed', why: 'back when the snooze ends', empty: 'Nothing snoozed', emptyWhy: 'Snoozed pull requests wait here.' },
};
