/** The queue's groups in words: a label, a one-line why, and what would put something in an empty group. Pure. */
import type { QueueGroup } from '../model/queue';

export type GroupId = QueueGroup | 'snoozed' | 'pinned';

export const GROUP_TEXT: Record<GroupId, { label: string; why: string; empty: string }> = {
  pinned: { label: 'Pinned', why: 'you pinned these to the top', empty: 'Pin a pull request to keep it here.' },
  waiting: {
    label: 'Waiting on you',
    why: 'your review was requested; longest wait and smallest first',
    empty: 'Nothing waits on your review. Requests for you or your teams show up here.',
  },
  ready: {
    label: 'Ready to merge',
    why: 'yours, approved, checks passing, no conflict',
    empty: 'Your pull requests show up here once approved with passing checks.',
  },
  blocked: {
    label: 'Blocked',
    why: 'yours, with failing checks, requested changes or a conflict',
    empty: 'None of your pull requests has failing checks, requested changes or a conflict.',
  },
  author: {
    label: 'Waiting on the author',
    why: 'you reviewed them; the next move is the author’s',
    empty: 'Pull requests you reviewed show up here until the author pushes or asks you again.',
  },
  mine: {
    label: 'Yours, in review',
    why: 'waiting for reviewers, and your drafts',
    empty: 'Your open pull requests that wait for a review show up here.',
  },
  branch: { label: 'This branch', why: 'the pull request of the branch you have checked out', empty: 'No pull request for this branch.' },
  snoozed: { label: 'Snoozed', why: 'back when the snooze ends', empty: 'Nothing snoozed.' },
};
