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
  const age = ageDays >= 1 ? `, with work from ${Math.floor(ageDays)} day${Math.floor(ageDays) === 1 ? '' : 's'} ago unmerged` : '';
  return {
    kind: 'ageing-branch',
    key: `ageing-branch:${branch}`,
    at: now,
    files: [],
    summary: `${branch} is ${state.behind} commit${state.behind === 1 ? '' : 's'} behind ${base}${age}.`,
  };
}
