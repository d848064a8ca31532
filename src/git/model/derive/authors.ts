/**
 * Commits per person over the whole history. Pure.
 *
 * Every commit counts once for its author, merges included, as `git shortlog -se HEAD` counts
 * them; a person is one lower-cased e-mail after .mailmap, so shortlog rows that differ only in the
 * spelling of a name or the case of the address are added up. Bots are left out.
 */
import type { AuthorStats, Commit } from '../../api';
import { isBotAuthor } from '../../../core/bots';
import { isMerge, personKey } from './definitions';

export function authorStats(commits: readonly Commit[], exclude: (name: string, email: string) => boolean = isBotAuthor): AuthorStats[] {
  const byEmail = new Map<string, AuthorStats & { nameTime: number }>();
  const keys = new Map<string, string>();
  for (const commit of commits) {
    const { name, email, time } = commit.author;
    if (exclude(name, email)) continue;
    let key = keys.get(email);
    if (key === undefined) keys.set(email, (key = personKey(email)));
    let stats = byEmail.get(key);
    if (!stats)
      byEmail.set(key, (stats = { email: key, name, nameTime: time, commits: 0, merges: 0, firstCommitAt: time, lastCommitAt: time }));
    stats.commits++;
    if (isMerge(commit.parents)) stats.merges++;
    if (time >= stats.nameTime) {
      stats.name = name;
      stats.nameTime = time;
    }
    stats.firstCommitAt = Math.min(stats.firstCommitAt, time);
    stats.lastCommitAt = Math.max(stats.lastCommitAt, time);
  }
  return [...byEmail.values()]
    .map(({ nameTime: _, ...stats }) => stats)
    .sort((a, b) => b.commits - a.commits || a.email.localeCompare(b.email));
}
