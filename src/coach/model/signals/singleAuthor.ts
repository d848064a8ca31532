import * as l10n from '@vscode/l10n';
import type { FileOwner } from '../../../git/api';
import type { Signal, Thresholds } from './types';

/**
 * A file only one person has changed is a knowledge risk. When that person is someone else, they are
 * the one to ask; when it is the user, it is a moment to share what they know.
 */
export function detectSingleAuthor(
  file: string,
  owners: readonly FileOwner[],
  currentUserEmail: string | undefined,
  now: number,
  thresholds: Thresholds,
): Signal | undefined {
  const active = owners.filter((o) => o.commits > 0);
  if (active.length !== 1 || active[0].commits < thresholds.singleAuthorMinCommits) return undefined;
  const [owner] = active;
  const isMe = currentUserEmail !== undefined && owner.email.toLowerCase() === currentUserEmail.toLowerCase();
  return {
    kind: 'single-author',
    key: `single-author:${file}`,
    at: now,
    files: [file],
    summary: isMe
      ? l10n.t('Only you have changed {0} ({1} commits); no one else has touched it.', file, owner.commits)
      : l10n.t('Only {0} has changed {1} ({2} commits); no one else has touched it.', owner.name || owner.email, file, owner.commits),
  };
}

/** True when the single author is the user, so the coach speaks to them as the one who knows. */
export function isOwnKnowledge(owners: readonly FileOwner[], currentUserEmail: string | undefined): boolean {
  const active = owners.filter((o) => o.commits > 0);
  return active.length === 1 && currentUserEmail !== undefined && active[0].email.toLowerCase() === currentUserEmail.toLowerCase();
}
