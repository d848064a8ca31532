/**
 * PR overview and diff benchmark.
 *   npx tsx scripts/bench/pulls.ts
 * Requests and rate-limit points that opening a 50-file pull request costs, against the local
 * GitHub-like server with the real client (ETag cache, Link pagination) and the real content store
 * (on disk, in a temp folder): the overview (PR, reviews, files, check runs, timeline), then its
 * changes (merge base + base and head contents of every file, as when the multi-file diff editor
 * has shown them all), first open and re-open. Re-opening must cost 0 points.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accountKey } from '../../src/github/source/cacheFile';
import { GitHubClient } from '../../src/github/source/client';
import { EtagCache } from '../../src/github/model/etagCache';
import { HostGate } from '../../src/github/source/hostGate';
import type { PullDetails } from '../../src/review/model/pullDetails';
import type { PullRequest } from '../../src/review/model/pullRequest';
import { ContentStore } from '../../src/review/source/contents';
import { fetchMergeBase, fetchPullDetails } from '../../src/review/source/pullDetails';
import { pullProjection } from '../../src/review/source/projections';
import type { Scenario, ScenarioFile } from '../../test/fake-github/scenario';
import { startFakeGitHub } from '../../test/fake-github/server';

const NOW = Date.parse('2026-03-04T15:00:00Z');
const TOKEN = 'bench-token-0123456789';

const source = (name: string, n: number, variant: number) =>
  Array.from({ length: n }, (_, i) => `export const ${name}${i} = ${i % 7 === 0 ? i * variant : i};`).join('\n') + '\n';

function fiftyFiles(): ScenarioFile[] {
  return Array.from({ length: 50 }, (_, i): ScenarioFile => {
    const path = `src/module${Math.floor(i / 10)}/file${i}.ts`;
    if (i < 5) return { path, head: source(`added${i}_`, 120, 1) };
    if (i < 8) return { path, base: source(`removed${i}_`, 150, 1) };
    if (i < 10)
      return { path, previousPath: `src/old/file${i}.ts`, base: source(`moved${i}_`, 200, 1), head: source(`moved${i}_`, 200, 2) };
    return { path, base: source(`value${i}_`, 250, 1), head: source(`value${i}_`, 260, 3) };
  });
}

function scenario(): Scenario {
  return {
    viewer: 'me',
    repos: [
      {
        owner: 'acme',
        name: 'app',
        pulls: [
          {
            number: 1,
            title: 'Split the billing modules',
            body: 'The billing code grew into one folder; this splits it so that ownership is clear.',
            author: 'alice',
            created: '-30h',
            head: 'split-billing',
            additions: 1200,
            deletions: 900,
            changedFiles: 50,
            requestedReviewers: ['me'],
            labels: ['refactor'],
            files: fiftyFiles(),
            checkRuns: Array.from({ length: 12 }, (_, i) => ({
              name: `job ${i + 1}`,
              status: 'completed' as const,
              conclusion: 'success' as const,
            })),
            reviews: [{ user: 'bob', state: 'COMMENTED', at: '-5h' }],
            comments: [{ user: 'carol', at: '-4h' }],
          },
        ],
      },
    ],
  };
}

async function main(): Promise<void> {
  const gh = await startFakeGitHub({ scenario: scenario(), now: NOW });
  const dir = mkdtempSync(join(tmpdir(), 'multiplier-bench-pulls-'));
  const cache = new EtagCache();
  const client = () =>
    new GitHubClient({ apiUrl: gh.url, token: TOKEN, account: accountKey(gh.url, TOKEN), cache, gate: new HostGate(), now: () => NOW });
  const rows: [string, string][] = [];
  const measure = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    gh.resetStats();
    const t0 = performance.now();
    const result = await work();
    const ms = performance.now() - t0;
    const s = gh.stats;
    rows.push([label, `${s.requests} requests (${s.notModified} × 304), ${s.points} rate-limit points, ${ms.toFixed(0)} ms`]);
    return result;
  };
  try {
    // The queue's copy of the pull request, as a poll left it.
    const queued: PullRequest = await client().get('repos/acme/app/pulls/1', pullProjection);
    const overview = () => fetchPullDetails(client(), queued, queued, () => NOW);
    const details: PullDetails = await measure('overview, first open', overview);
    await measure('overview, re-open', overview);
    const diff = async (store: ContentStore) => {
      const requests = client();
      const base = await fetchMergeBase(requests, details.pr);
      let sides = 0;
      for (const f of details.files) {
        if (f.status !== 'added')
          sides += (await store.read(
            { apiUrl: gh.url, repo: 'acme/app', sha: base!, path: f.previousPath ?? f.path },
            async () => requests,
          ))
            ? 1
            : 0;
        if (f.status !== 'removed')
          sides += (await store.read({ apiUrl: gh.url, repo: 'acme/app', sha: details.pr.headSha, path: f.path }, async () => requests))
            ? 1
            : 0;
      }
      return sides;
    };
    const store = new ContentStore(join(dir, 'pr-contents'));
    const sides = await measure('changes, first open (all 50 files shown)', () => diff(store));
    await measure('changes, re-open (same window)', () => diff(store));
    await measure('changes, re-open (new window: from disk)', () => diff(new ContentStore(join(dir, 'pr-contents'))));
    console.log(
      `a pull request with ${details.files.length} changed files (${sides} file sides), ${details.checkRuns.length} check runs, ${details.timeline.length} timeline events`,
    );
    for (const [label, value] of rows) console.log(`  ${label.padEnd(44)} ${value}`);
    const reopen = rows.filter(([label]) => label.includes('re-open'));
    if (reopen.some(([, value]) => !/, 0 rate-limit points/.test(value))) {
      console.error('FAIL: re-opening must cost 0 rate-limit points');
      process.exitCode = 1;
    }
  } finally {
    await gh.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
