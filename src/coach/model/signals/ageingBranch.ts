import * as l10n from '@vscode/l10n';
import { type Signal, type Thresholds, DAY } from './types';

/** What the detector needs to know about the current branch; the source fills it from git. */
export interface BranchState {
  branch: string | undefined;
  /** The branch it is compared with, e.g. "origin/main". */
  base: string | undefined;
  ahead: number;
  behind: number;
  /** Oldest commit not yet on the base (or the last commit when that is unknown), ms. */
  oldestUnmergedAt: number | undefined;
}

/** Long-lived integration branches are never "ageing"; they are the base. */
const BASE_NAMES = new Set(['main', 'master', 'trunk', 'develop', 'development']);

/**
 * An unmerged branch that has drifted far from its base will be painful to merge: either many
 * commits behind, or old and behind at all.
 */
export function detectAgeingBranch(state: BranchState, now: number, thresholds: Thresholds): Signal | undefined {
  const { branch, base } = state;
  if (!branch || !base || BASE_NAMES.has(branch) || state.behind <= 0) return undefined;
  const ageDays = state.oldestUnmergedAt === undefined ? 0 : (now - state.oldestUnmergedAt) / DAY;
  const farBehind = state.behind >= thresholds.branchBehindCommits;
  const old = state.ahead > 0 && ageDays >= thresholds.branchAgeDays;
  if (!farBehind && !old) return undefined;
  return {
    kind: 'ageing-branch',
    key: `ageing-branch:${branch}`,
    at: now,
    files: [],
    summary: ageingSummary(branch, base, state.behind, Math.floor(ageDays)),
  };
}

/** Whole sentences per count, so a translation never glues pieces: commits and days are plural apart. */
function ageingSummary(branch: string, base: string, behind: number, days: number): string {
  if (days < 1)
    return behind === 1
      ? l10n.t('{0} is 1 commit behind {1}.', branch, base)
      : l10n.t('{0} is {1} commits behind {2}.', branch, behind, base);
  if (behind === 1)
    return days === 1
      ? l10n.t('{0} is 1 commit behind {1}, with work from 1 day ago unmerged.', branch, base)
      : l10n.t('{0} is 1 commit behind {1}, with work from {2} days ago unmerged.', branch, base, days);
  return days === 1
    ? l10n.t('{0} is {1} commits behind {2}, with work from 1 day ago unmerged.', branch, behind, base)
    : l10n.t('{0} is {1} commits behind {2}, with work from {3} days ago unmerged.', branch, behind, base, days);
}
