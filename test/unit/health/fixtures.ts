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
