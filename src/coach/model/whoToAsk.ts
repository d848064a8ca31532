import type { CountedOwner } from './contributions';
import { DAY } from './signals/types';
import { isBotAuthor } from '../../core/bots';

export interface AskSuggestion {
  name: string;
  email: string;
  /** One line: why this person, e.g. "3 commits to 5 files in src/git (120 lines changed), most recently 3 days ago". */
  reason: string;
}

const MAX_SUGGESTIONS = 2;

/** The folder or file the files share, for a human-sized reason ("src/git", not five paths). */
export function commonArea(files: readonly string[]): string {
  if (files.length === 0) return '';
  if (files.length === 1) return files[0];
  const split = files.map((f) => f.split('/'));
  const common: string[] = [];
  for (let i = 0; i < split[0].length - 1; i++) {
    const part = split[0][i];
    if (split.every((s) => s[i] === part && i < s.length - 1)) common.push(part);
    else break;
  }
  return common.join('/');
}

function ago(now: number, at: number): string {
  const days = Math.floor((now - at) / DAY);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * At most two people who know the area, never the user nor a bot. Owners arrive sorted by
 * recency-weighted share; the reason states exactly what was counted (distinct commits, distinct
 * files, lines added + deleted), so it can be checked with `git log --author`.
 */
export function suggestPeople(
  owners: readonly CountedOwner[],
  currentUserEmail: string | undefined,
  files: readonly string[],
  now: number,
  windowDays?: number,
): AskSuggestion[] {
  const me = currentUserEmail?.toLowerCase();
  // The engine already leaves configured bots out of ownership; this guards any other source.
  const people = owners.filter((o) => o.commits > 0 && !isBotAuthor(o.name.trim(), o.email));
  const area = commonArea(files) || 'this repository';
  const oneFile = files.length === 1;
  const window = windowDays ? ` in the last ${windowDays} days` : '';
  return people
    .filter((o) => o.email.toLowerCase() !== me)
    .slice(0, MAX_SUGGESTIONS)
    .map((o) => {
      const where = oneFile || o.files === undefined ? `to ${area}` : `to ${plural(o.files, 'file')} in ${area}`;
      return {
        name: o.name || o.email,
        email: o.email,
        reason: `${plural(o.commits, 'commit')} ${where}${window} (${plural(o.linesChanged, 'line')} changed), most recently ${ago(now, o.lastChangedAt)}`,
      };
    });
}
