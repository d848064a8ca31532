import * as assert from 'node:assert/strict';
import { failureRateCluster, frequencyCluster, leadTimeCluster, recoveryCluster, DORA_2024 } from '../../../src/health/model/dora';
import type { HealthRelease } from '../../../src/health/model/input';
import { computeHealth } from '../../../src/health/model/report';
import { assertJsonSafe, at, commit, delivery, hex, input, pr, revert, tag } from './fixtures';

const NOW = at(13, 20); // Sunday 2025-03-16 20:00 UTC; the 4-week period starts Monday 2025-02-17
const opts = { now: NOW, weeks: 4, timeZone: 'UTC' };

describe('health DORA four keys', () => {
  const report = computeHealth(delivery(), opts);
  const dora = report.dora;

  it('deployment frequency: releases in the period ÷ its days, off-history tags included', () => {
    assert.equal(dora.releases.length, 7);
    assert.equal(dora.releasesOffHistory, 1);
    assert.deepEqual(dora.weeklyReleases, [1, 6, 0, 0]);
    assert.ok(dora.deploymentFrequency.ok);
    const days = (NOW - at(-14)) / 86_400_000; // 27.83
    assert.ok(Math.abs(dora.deploymentFrequency.value.perWeek - (7 / days) * 7) < 1e-9);
    assert.equal(dora.deploymentFrequency.value.releaseDays, 7);
    assert.equal(dora.deploymentFrequency.value.cluster.cluster, 'high');
  });

  it('lead time: commit → first release containing it; the earlier of author/committer dates; bots left out', () => {
    // x1 48 h, x2 24 h (committer date: the author clock was ahead), bad 2 h, rv 6 h, feat 1 h, hf 2 h.
    assert.ok(dora.leadTime.ok);
    const hours = dora.leadTime.value.hours;
    assert.deepEqual([hours.n, hours.median, hours.p75, hours.p90, hours.min, hours.max], [6, 4, 19.5, 36, 1, 48]);
    assert.equal(dora.leadTime.value.cluster.cluster, 'elite');
    assert.equal(dora.excluded.bots, 1);
    assert.equal(dora.excluded.unreleased, 4, 'rvLate, u1, rv2, rrv');
    assert.equal(dora.excluded.clockSkew, 0);
  });

  it('change failure rate: a revert within the window, and a hotfix after the latest release', () => {
    assert.ok(dora.changeFailureRate.ok);
    assert.deepEqual(
      { ...dora.changeFailureRate.value, cluster: dora.changeFailureRate.value.cluster.cluster },
      { failed: 2, total: 7, rate: 2 / 7, cluster: 'high' },
    );
    assert.deepEqual(
      dora.failures.map((f) => [f.release, f.cause, f.recoveredBy, f.recoveryHours]),
      [
        ['v1.3', 'hotfix', 'v1.4', 25],
        ['v1.1', 'revert', 'v1.2', 30],
      ],
    );
    assert.deepEqual(
      dora.releases.filter((r) => r.failed).map((r) => r.name),
      ['v1.3', 'v1.1'],
    );
    // The revert of x1 came 8 days after v1.0: outside the 7-day window, so v1.0 did not fail.
    assert.equal(dora.excluded.revertedBeforeRelease, 1, 'u1 was reverted before any release');
    assert.equal(dora.excluded.reapplies, 1);
  });

  it('counts the reverts left out of the failure rate in the period only, with reverts that came before the release', () => {
    // A 1-week period (from Monday 2025-03-10): every revert of delivery() landed before it.
    const lastWeek = computeHealth(delivery(), { ...opts, weeks: 1 }).dora;
    assert.equal(lastWeek.excluded.revertedBeforeRelease, 0);
    assert.equal(lastWeek.excluded.reapplies, 0);
    // a was reverted before v1 shipped both: caught before production.
    const commits = [
      commit('base', { at: at(-30) }),
      commit('a', { parents: ['base'], at: at(1, 9) }),
      commit('rb', { parents: ['a'], at: at(1, 12), subject: 'Revert "a"' }),
    ];
    const early = computeHealth(input({ commits, releases: [tag('v1', 'rb', at(2))], reverts: [revert('rb', 'a', at(1, 12))] }), {
      ...opts,
      minSample: 1,
    }).dora;
    assert.equal(early.excluded.revertedBeforeRelease, 1);
    assert.equal(early.failures.length, 0);
  });

  it('a release on a maintenance branch ships the history commits below its merge bases with HEAD, as git tag --contains says', () => {
    // microsoft/vscode-pull-request-github tags most releases on release branches: without this, each
    // main commit's first release was the next tag on main, months later (median 3,530 h, git: 141 h).
    const commits = [
      commit('base', { at: at(-30) }),
      commit('a', { parents: ['base'], at: at(-10) }),
      commit('b', { parents: ['a'], at: at(-5) }),
    ];
    const maint: HealthRelease = { ...tag('v1.0.1', 'maint', at(-9)), contains: [hex('a')] };
    const releases = [tag('v1.0', 'base', at(-29)), maint, tag('v1.1', 'b', at(-4))];
    const lead = (rs: HealthRelease[]) => {
      const d = computeHealth(input({ commits, releases: rs }), { ...opts, minSample: 1 }).dora.leadTime;
      return d.ok ? [d.value.hours.n, d.value.hours.min, d.value.hours.max] : d.reason;
    };
    assert.deepEqual(lead(releases), [2, 24, 24], 'a: v1.0.1 a day later; b: v1.1 a day later');
    assert.deepEqual(lead([releases[0], tag('v1.0.1', 'maint', at(-9)), releases[2]]), [2, 24, 144], 'without its bases: a waits for v1.1');
  });

  it('recovery time: failed release → first release with the fix', () => {
    assert.ok(dora.recoveryTime.ok);
    assert.equal(dora.recoveryTime.value.hours.median, 27.5);
    assert.equal(dora.recoveryTime.value.open, 0);
    assert.equal(dora.recoveryTime.value.cluster.cluster, 'low');
    assert.match(dora.recoveryTime.value.cluster.note ?? '', /between one day and one week/);
    assertJsonSafe(report);
  });

  it('a wider failure window catches the late revert', () => {
    const wide = computeHealth(delivery(), { ...opts, failure: { windowDays: 10 } }).dora;
    assert.ok(wide.changeFailureRate.ok && wide.changeFailureRate.value.failed === 3);
    const late = wide.failures.find((f) => f.release === 'v1.0')!;
    assert.equal(late.recoveredBy, undefined, 'the revert is in no release yet');
    assert.ok(wide.recoveryTime.ok && wide.recoveryTime.value.open === 1);
  });

  it('a hotfix branch marks the PR that merged it', () => {
    const base = delivery();
    const withBranch = {
      ...base,
      pullRequests: [pr(7, { merge: 'feat', branch: 'o/hotfix/session', firstCommitAt: at(-5, 8), mergedAt: at(-5, 9) })],
    };
    // feat is v1.3's own commit: a hotfix that is itself released fixes the release before it (v1.2).
    const dora2 = computeHealth(withBranch, opts).dora;
    const v12 = dora2.failures.find((f) => f.release === 'v1.2');
    assert.ok(v12);
    assert.equal(v12.cause, 'hotfix');
    assert.equal(v12.recoveredBy, 'v1.3');
  });

  it('names the tags that point at a tree or a blob where releases are defined, and only for tags', () => {
    const withBlobTags = { ...delivery(), tagsNotCommits: ['signing-key', 't1', 't2', 't3', 't4', 't5'] };
    const tags = computeHealth(withBlobTags, opts);
    assert.deepEqual(tags.dora.tagsNotCommits, withBlobTags.tagsNotCommits);
    assert.match(
      tags.about.deploymentFrequency.excluded,
      /Tags that point at a tree or a blob, not a commit \(6\): signing-key, t1, t2, t3, t4 and 1 more\.$/,
    );
    assert.doesNotMatch(computeHealth(delivery(), opts).about.deploymentFrequency.excluded, /tree or a blob/);
    const github = computeHealth(withBlobTags, { ...opts, release: { source: 'github-release', pattern: '' } });
    assert.deepEqual(github.dora.tagsNotCommits, [], 'GitHub releases: tags are not what counts');
  });

  it('says why when there are no tags, none match, or releases come from elsewhere', () => {
    const noTags = computeHealth(input({ commits: delivery().commits as never[] }), opts).dora;
    assert.equal(noTags.deploymentFrequency.ok, false);
    assert.match((noTags.deploymentFrequency as { reason: string }).reason, /no tags/);
    assert.match((noTags.leadTime as { reason: string }).reason, /no tags/);
    assert.match((noTags.changeFailureRate as { reason: string }).reason, /no tags/);

    const other = computeHealth(delivery(), { ...opts, release: { pattern: '^release-' } }).dora;
    assert.match((other.deploymentFrequency as { reason: string }).reason, /none of the 9 tags match the release pattern \/\^release-\//);

    const deployments: HealthRelease[] = [
      { name: 'd1', commit: hex('x2'), date: at(-8), source: 'deployment', environment: 'production' },
      { name: 'd2', commit: hex('feat'), date: at(-5), source: 'deployment', environment: 'staging' },
    ];
    const deployed = computeHealth(
      { ...delivery(), releases: deployments, hasGitHubData: true },
      { ...opts, release: { source: 'deployment', pattern: '', environment: 'production' } },
    ).dora;
    assert.ok(deployed.deploymentFrequency.ok && deployed.deploymentFrequency.value.releases === 1);
    assert.equal(deployed.changeFailureRate.ok, false, 'one deployment is too few for a rate');
  });

  it('octopus merges: every merged branch ships, the merge commit itself is not a change', () => {
    const commits = [
      commit('r', { at: at(-30) }),
      commit('p1', { parents: ['r'], at: at(-3, 8) }),
      commit('p2', { parents: ['r'], by: 'ben', at: at(-3, 10) }),
      commit('o', { parents: ['r', 'p1', 'p2'], at: at(-2, 8), subject: "Merge branches 'p1' and 'p2'" }),
    ];
    const dora3 = computeHealth(input({ commits, releases: [tag('v1', 'r', at(-29)), tag('v2', 'o', at(-2, 10))] }), {
      ...opts,
      minSample: 1,
    }).dora;
    assert.ok(dora3.leadTime.ok);
    assert.deepEqual([dora3.leadTime.value.hours.min, dora3.leadTime.value.hours.max], [24, 26]);
    assert.equal(dora3.leadTime.value.hours.n, 2);
  });

  it('places figures in the 2024 report clusters', () => {
    assert.equal(DORA_2024.clusters.length, 4);
    assert.deepEqual(
      DORA_2024.clusters.map((c) => [c.id, c.changeFailureRate]),
      [
        ['elite', '5%'],
        ['high', '20%'],
        ['medium', '10%'],
        ['low', '40%'],
      ],
    );
    assert.deepEqual(
      [2, 1, 1 / 7, 1 / 30, 1 / 182.5, 1 / 200].map((d) => frequencyCluster(d).cluster),
      ['elite', 'elite', 'high', 'medium', 'low', 'below-low'],
    );
    assert.deepEqual(
      [23.9, 24, 167, 719, 4379, 5000].map((h) => leadTimeCluster(h).cluster),
      ['elite', 'high', 'high', 'medium', 'low', 'below-low'],
    );
    assert.deepEqual(
      [0.05, 0.074, 0.075, 0.12, 0.2, 0.29, 0.3, 0.5].map((r) => failureRateCluster(r).cluster),
      ['elite', 'elite', 'medium', 'medium', 'high', 'high', 'low', 'low'],
    );
    assert.deepEqual(
      [0.5, 5, 30, 200, 800].map((h) => recoveryCluster(h).cluster),
      ['elite', 'high', 'low', 'low', 'below-low'],
    );
    // 1 day to 1 week lies between the medium cluster (under a day) and the low one (a week to a month).
    assert.deepEqual(recoveryCluster(30).between, ['medium', 'low']);
    assert.equal(recoveryCluster(200).between, undefined);
  });
});
