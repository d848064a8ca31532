/**
 * Hand-made histories for the Team Health tests: every time is written out, so each expected figure
 * can be worked out on paper from the fixture alone.
 */
import type {
  GitHubPullRequestData,
  HealthCommit,
  HealthInput,
  HealthPullRequest,
  HealthRelease,
  HealthRevert,
  HealthReview,
} from '../../../src/health/model/input';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** Monday 2025-03-03 00:00 UTC: weeks in UTC start here. */
export const MONDAY = Date.UTC(2025, 2, 3);
export const at = (days: number, hours = 0) => MONDAY + days * DAY + hours * HOUR;
export const hex = (label: string) => Buffer.from(label).toString('hex').padEnd(40, '0').slice(0, 40);

export const PEOPLE = {
  ann: { name: 'Ann Lee', email: 'ann@x.io' },
  ben: { name: 'Ben Ode', email: 'ben@x.io' },
  cid: { name: 'Cid Park', email: 'cid@x.io' },
  bot: { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' },
} as const;
export type Who = keyof typeof PEOPLE;

export interface CommitSpec {
  parents?: string[];
  by?: Who;
  /** Author time (ms). */
  at: number;
  /** Committer time (ms); defaults to the author time. */
  committedAt?: number;
  subject?: string;
  files?: [string, number | null, number | null][];
}

export function commit(label: string, spec: CommitSpec): HealthCommit {
  const who = PEOPLE[spec.by ?? 'ann'];
  return {
    hash: hex(label),
    parents: (spec.parents ?? []).map(hex),
    author: { name: who.name, email: who.email, time: spec.at },
    committer: { time: spec.committedAt ?? spec.at },
    subject: spec.subject ?? label,
    files: (spec.files ?? []).map(([path, added, deleted]) => ({ path, added, deleted })),
  };
}

export function pr(
  number: number,
  spec: {
    merge: string;
    commits?: string[];
    kind?: HealthPullRequest['kind'];
    by?: Who;
    firstCommitAt: number;
    mergedAt: number;
    lines?: number;
    title?: string;
    branch?: string;
    github?: Partial<GitHubPullRequestData> & { openedAt: number };
  },
): HealthPullRequest {
  const who = PEOPLE[spec.by ?? 'ann'];
  return {
    number,
    kind: spec.kind ?? 'merge',
    mergeCommit: hex(spec.merge),
    commits: (spec.commits ?? [spec.merge]).map(hex),
    title: spec.title ?? `Change ${number}`,
    sourceBranch: spec.branch,
    authorName: who.name,
    authorEmail: who.email,
    firstCommitAt: spec.firstCommitAt,
    mergedAt: spec.mergedAt,
    linesChanged: spec.lines ?? 100,
    github: spec.github
      ? { author: spec.by ?? 'ann', wasDraft: spec.github.readyAt !== undefined, reviews: [], ...spec.github }
      : undefined,
  };
}

export function review(reviewer: string, submittedAt: number, state: HealthReview['state'] = 'APPROVED'): HealthReview {
  return { reviewer, submittedAt, state };
}

export function tag(name: string, commitLabel: string, date: number): HealthRelease {
  return { name, commit: hex(commitLabel), date, source: 'tag' };
}

export function revert(revertLabel: string, revertedLabel: string, revertedAt: number): HealthRevert {
  return { revertCommit: hex(revertLabel), revertedCommit: hex(revertedLabel), revertedAt };
}

/** Newest first by committer time, as the engine keeps them. */
export function input(parts: Partial<HealthInput> & { commits: HealthCommit[] }): HealthInput {
  return {
    repoRoot: '/ws/repo',
    pullRequests: [],
    releases: [],
    reverts: [],
    hasGitHubData: false,
    shallow: false,
    ...parts,
    commits: [...parts.commits].sort((a, b) => b.committer.time - a.committer.time),
  };
}

/** Every number in a report must survive JSON (no NaN, no Infinity): the webview receives it as JSON. */
export function assertJsonSafe(value: unknown, path = 'report'): void {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`${path} is ${value}`);
  if (Array.isArray(value)) value.forEach((v, i) => assertJsonSafe(v, `${path}[${i}]`));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) assertJsonSafe(v, `${path}.${k}`);
}

/**
 * A linear main line with releases, one revert inside the failure window, one outside it, a hotfix,
 * a bot's change, a pre-release tag, a tag on a branch outside the history, and unreleased work.
 */
export function delivery(): HealthInput {
  const commits = [
    commit('c0', { at: at(-40) }),
    commit('x1', { parents: ['c0'], at: at(-10, 9) }),
    // Clock skew: the author's clock ran 5 hours ahead of the committer's.
    commit('x2', { parents: ['x1'], by: 'ben', at: at(-9, 14), committedAt: at(-9, 9) }),
    commit('bad', { parents: ['x2'], by: 'cid', at: at(-7, 10), subject: 'Add cache' }),
    commit('rv', { parents: ['bad'], at: at(-6, 12), subject: 'Revert "Add cache"' }),
    commit('feat', { parents: ['rv'], at: at(-5, 9) }),
    commit('hf', { parents: ['feat'], by: 'ben', at: at(-4, 9), subject: 'hotfix: login loop' }),
    commit('dep', { parents: ['hf'], by: 'bot', at: at(-3, 9), subject: 'Bump lodash' }),
    commit('rvLate', { parents: ['dep'], at: at(0, 10), subject: 'Revert "x1"' }),
    commit('u1', { parents: ['rvLate'], at: at(1, 9) }),
    commit('rv2', { parents: ['u1'], at: at(1, 12), subject: 'Revert "u1"' }),
    commit('rrv', { parents: ['rv2'], at: at(2, 9), subject: 'Reapply "Add cache"' }),
  ];
  const releases = [
    tag('v0.9', 'c0', at(-39)),
    tag('v1.0', 'x2', at(-8, 9)),
    tag('v1.1', 'bad', at(-7, 12)),
    tag('v1.2', 'rv', at(-6, 18)),
    tag('v1.3', 'feat', at(-5, 10)),
    tag('v1.4', 'hf', at(-4, 11)),
    tag('v1.5', 'dep', at(-3, 10)),
    tag('v1.4.1', 'maint', at(-1)), // on a maintenance branch the history does not hold
    tag('v2.0-rc1', 'rv2', at(1, 13)), // a pre-release: not matched by the default pattern
  ];
  const reverts = [
    revert('rv', 'bad', at(-6, 12)),
    revert('rvLate', 'x1', at(0, 10)),
    revert('rv2', 'u1', at(1, 12)),
    revert('rrv', 'rv', at(2, 9)),
  ];
  return input({ commits, releases, reverts });
}
