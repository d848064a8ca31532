/**
 * Which of the overview's actions make sense for one pull request. A merged or closed one has
 * nothing left to review: no check-out of its branch, no question "before I review it", no
 * description check. Snooze and pin act on the queue, so only what is in the queue (or still
 * pinned) offers them. The page shows these buttons only, and the panel refuses any other. Pure.
 */
import type { PullRequest } from '../../model/pullRequest';
import type { OverviewAction } from './protocol';

export interface ActionContext {
  state: PullRequest['state'];
  inQueue: boolean;
  pinned: boolean;
  /** The GitHub Pull Requests extension is installed. */
  prExtension: boolean;
  /** The words capability's description check is at hand. */
  checkDescription: boolean;
}

export function availableActions(c: ActionContext): OverviewAction[] {
  const open = (c.state ?? 'open') === 'open';
  const actions: OverviewAction[] = ['openChanges'];
  if (open) actions.push('checkout');
  actions.push('openInBrowser');
  if (c.prExtension) actions.push('openInPullRequests');
  if (open) actions.push('copyQuestion');
  if (c.inQueue) actions.push('snooze');
  if (c.pinned) actions.push('unpin');
  else if (c.inQueue) actions.push('pin');
  if (open && c.checkDescription) actions.push('checkDescription');
  actions.push('refresh');
  return actions;
}
