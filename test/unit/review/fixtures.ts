import type { WorkingSchedule } from '../../../src/core/time/businessHours';
import type { PullRequest, Viewer } from '../../../src/review/model/pullRequest';
import { DEFAULT_REVIEW_SETTINGS, type ReviewSettings } from '../../../src/review/model/settings';

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
/** Wednesday 2026-03-04 15:00 UTC: two full working days behind it in the same week. */
export const NOW = Date.parse('2026-03-04T15:00:00Z');
export const UTC_WEEKDAYS: WorkingSchedule = {
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start: '09:00', end: '17:00' },
  timeZone: 'UTC',
};
export const ME: Viewer = { login: 'me', teams: ['acme/web'] };
export const SETTINGS: ReviewSettings = DEFAULT_REVIEW_SETTINGS;

let counter = 0;
export function pr(overrides: Partial<PullRequest> = {}): PullRequest {
  const number = overrides.number ?? ++counter;
  const repo = overrides.repo ?? 'acme/app';
  return {
    key: `${repo}#${number}`,
    repo,
    number,
    title: `PR ${number}`,
    body: 'Adds retries because the upload fails on flaky networks.',
    url: `https://github.com/${repo}/pull/${number}`,
    author: 'alice',
    draft: false,
    createdAt: NOW - 2 * HOUR,
    updatedAt: NOW - HOUR,
    headRef: `feature-${number}`,
    headSha: `sha${number}`,
    baseRef: 'main',
    additions: 60,
    deletions: 24,
    changedFiles: 3,
    requestedReviewers: ['me'],
    requestedTeams: [],
    reviewRequests: [],
    reviews: [],
    checks: 'success',
    mergeable: true,
    ...overrides,
    ...(overrides.key === undefined ? { key: `${repo}#${number}` } : {}),
  };
}
