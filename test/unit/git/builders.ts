/** Small commit builders for derived-data tests: readable tables instead of captured output. */
import type { Commit } from '../../../src/git/api';

export const DAY = 86_400_000;
export const NOW = Date.UTC(2025, 0, 31);
export const sha = (label: string) => Buffer.from(label).toString('hex').padEnd(40, '0').slice(0, 40);

export function commit(
  label: string,
  opts: {
    parents?: string[];
    email?: string;
    name?: string;
    daysAgo?: number;
    subject?: string;
    prTitle?: string;
    revertOf?: string;
    files?: [string, number | null, number | null][];
  } = {},
): Commit {
  const time = NOW - (opts.daysAgo ?? 0) * DAY;
  const email = opts.email ?? 'ann@x.io';
  const name = opts.name ?? email.split('@')[0];
  return {
    hash: sha(label),
    parents: (opts.parents ?? []).map(sha),
    author: { name, email, time, tz: '+0000' },
    committer: { name, email, time, tz: '+0000' },
    subject: opts.subject ?? label,
    ...(opts.prTitle !== undefined ? { prTitle: opts.prTitle } : {}),
    ...(opts.revertOf !== undefined ? { revertOf: opts.revertOf } : {}),
    files: (opts.files ?? []).map(([path, added, deleted]) => ({ path, added, deleted })),
  };
}
