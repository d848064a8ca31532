import * as l10n from '@vscode/l10n';
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
  if (days <= 0) return l10n.t('today');
  if (days === 1) return l10n.t('yesterday');
  return l10n.t('{0} days ago', days);
}

// Counts as phrases of their own, each with its plural, for the reason's sentence to place.
const commitCount = (n: number) => (n === 1 ? l10n.t('1 commit') : l10n.t('{0} commits', n));
const fileCount = (n: number) => (n === 1 ? l10n.t('1 file') : l10n.t('{0} files', n));
const lineCount = (n: number) => (n === 1 ? l10n.t('1 line') : l10n.t('{0} lines', n));

/** "3 commits to 5 files in src/git in the last 90 days (120 lines changed), most recently today". */
function reason(owner: CountedOwner, area: string, oneFile: boolean, windowDays: number | undefined, when: string): string {
  const [c, l] = [commitCount(owner.commits), lineCount(owner.linesChanged)];
  if (oneFile || owner.files === undefined) {
    return windowDays
      ? l10n.t('{0} to {1} in the last {2} days ({3} changed), most recently {4}', c, area, windowDays, l, when)
      : l10n.t('{0} to {1} ({2} changed), most recently {3}', c, area, l, when);
  }
  const f = fileCount(owner.files);
  return windowDays
    ? l10n.t('{0} to {1} in {2} in the last {3} days ({4} changed), most recently {5}', c, f, area, windowDays, l, when)
    : l10n.t('{0} to {1} in {2} ({3} changed), most recently {4}', c, f, area, l, when);
}

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
  const area = commonArea(files) || l10n.t('this repository');
  const oneFile = files.length === 1;
  return people
    .filter((o) => o.email.toLowerCase() !== me)
    .slice(0, MAX_SUGGESTIONS)
    .map((o) => ({
      name: o.name || o.email,
      email: o.email,
      reason: reason(o, area, oneFile, windowDays, ago(now, o.lastChangedAt)),
    }));
}
