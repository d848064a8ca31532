// Team Health on a repository built for the test, with every figure computed by hand for a fixed
// "now" (Wednesday 2026-02-25 17:00 UTC, a week without a daylight-saving change in New York, the
// harness's time zone). The repository is opened beside the workspace with the git extension's own
// command and chosen with Multiplier's; the period is chosen in the real quick pick.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { multiplier } from '../host/api';
import { QUICK_INPUT, requestScreenshot, typeInWorkbench, underHarness } from '../host/screenshot';
import { waitFor } from '../host/wait';
import { EXTENSION_ID, closeRepository, git, waitForSnapshot } from './git-helpers';

const NOW = Date.parse('2026-02-25T17:00:00Z');
const HOUR = 3_600_000;
const ALICE = ['Alice Adams', 'alice@example.com'];
const BOB = ['Bob Brown', 'bob@example.com'];
const CARA = ['Cara Cruz', 'cara@example.com'];

const lines = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `export const ${prefix}${i} = ${i};`).join('\n') + '\n';

/** Runs git as `who` at `when` (author and committer), in `dir`. */
function gitAs(dir: string, who: string[], when: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_TERMINAL_PROMPT: '0',
      GIT_AUTHOR_NAME: who[0],
      GIT_AUTHOR_EMAIL: who[1],
      GIT_COMMITTER_NAME: who[0],
      GIT_COMMITTER_EMAIL: who[1],
      GIT_AUTHOR_DATE: when,
      GIT_COMMITTER_DATE: when,
    },
  });
}

function write(dir: string, files: Record<string, string>): void {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  git(dir, 'add', '-A');
}

function commitAs(dir: string, who: string[], when: string, message: string, files: Record<string, string>): string {
  write(dir, files);
  gitAs(dir, who, when, 'commit', '-q', '-m', message);
  return git(dir, 'rev-parse', 'HEAD').trim();
}

function tag(dir: string, name: string, when: string): void {
  gitAs(dir, ALICE, when, 'tag', '-a', name, '-m', `Release ${name}`);
}

/**
 * Four releases in the four weeks before NOW (v1.0.0 is older): v1.2.0 is followed by a revert of a
 * change it shipped, v1.2.1 by a hotfix; one merged pull request (#1) and two squashed ones (#2, #3).
 */
function buildRepository(dir: string): void {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'commit.gpgsign', 'false');
  commitAs(dir, ALICE, '2026-01-20T10:00:00Z', 'Create the app', {
    'README.md': '# App\n',
    'app/main.ts': lines('main', 10),
    'app/util.ts': lines('util', 10),
    'docs/guide.md': '# Guide\n\nHow to run the app.\n',
  });
  tag(dir, 'v1.0.0', '2026-01-21T10:00:00Z');
  git(dir, 'checkout', '-q', '-b', 'feature/login');
  commitAs(dir, BOB, '2026-02-03T10:00:00Z', 'Add login', { 'app/login.ts': lines('login', 30) });
  commitAs(dir, BOB, '2026-02-04T10:00:00Z', 'Test login', { 'app/login.test.ts': lines('loginTest', 20) });
  git(dir, 'checkout', '-q', 'main');
  gitAs(
    dir,
    BOB,
    '2026-02-04T15:00:00Z',
    'merge',
    '-q',
    '--no-ff',
    '-m',
    'Merge pull request #1 from team/feature/login',
    '-m',
    'Add login',
    'feature/login',
  );
  tag(dir, 'v1.1.0', '2026-02-05T10:00:00Z');
  const speedUp = commitAs(dir, CARA, '2026-02-10T09:00:00Z', 'Speed up util (#2)', { 'app/util.ts': lines('util', 14) });
  tag(dir, 'v1.2.0', '2026-02-10T12:00:00Z');
  gitAs(dir, ALICE, '2026-02-11T09:00:00Z', 'revert', '--no-edit', speedUp);
  tag(dir, 'v1.2.1', '2026-02-11T12:00:00Z');
  commitAs(dir, BOB, '2026-02-17T10:00:00Z', 'Hotfix: login timeout (#3)', { 'app/login.ts': lines('login', 31) });
  tag(dir, 'v1.3.0', '2026-02-18T10:00:00Z');
  commitAs(dir, CARA, '2026-02-24T10:00:00Z', 'Document login', { 'docs/login.md': '# Login\n' });
}

type HealthState = Awaited<ReturnType<Awaited<ReturnType<typeof multiplier>>['health']['state']>>;

describe('Team Health', function () {
  this.timeout(120_000);
  let dir: string;
  const api = () => multiplier();
  const state = async (): Promise<HealthState> => (await api()).health.state();

  before(async function () {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'team-health-')), 'teamhealth');
    mkdirSync(dir);
    buildRepository(dir);
    (await api()).clock.setNow(NOW);
    await vscode.commands.executeCommand('git.openRepository', dir);
    await waitForSnapshot((s) => s.some((x) => x.repoRoot === dir && !!x.head), 'the Team Health repository');
  });

  after(async () => {
    (await api()).clock.reset();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await closeRepository(dir);
    rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  it('shows the key figures of a 4-week period, each checked by hand', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.multiplier');
    await vscode.commands.executeCommand('multiplier.teamHealth.focus');
    await vscode.commands.executeCommand('multiplier.health.selectRepository', dir);
    // The period through the real quick pick, as a user chooses it.
    const picked = vscode.commands.executeCommand('multiplier.health.setPeriod');
    if (underHarness()) {
      await typeInWorkbench({ waitFor: QUICK_INPUT, text: '4 weeks', keys: ['Enter'] });
    } else {
      await vscode.commands.executeCommand('multiplier.health.setPeriod', 4);
    }
    await picked;
    const s = await waitFor(
      state,
      (x) => x.root === dir && x.status === 'ready' && x.reportWeeks === 4 && !x.busy,
      'the 4-week report',
      60_000,
    );
    const report = (await (await api()).health.report())!;
    assert.equal(report.generatedAt >= NOW && report.generatedAt < NOW + 10 * 60_000, true, 'the report is computed for the test clock');

    // DORA: v1.1.0, v1.2.0, v1.2.1 and v1.3.0 in the 23.5 days from Monday 2 February (New York) to NOW.
    const d = report.dora;
    assert.deepEqual(
      d.releases.map((r) => `${r.name}${r.failed ? ' failed' : ''}`),
      ['v1.3.0', 'v1.2.1 failed', 'v1.2.0 failed', 'v1.1.0'],
    );
    assert.ok(d.deploymentFrequency.ok);
    // The report's "now" is the test clock's, a few seconds after NOW: 23.5 days and those seconds.
    const days = (report.generatedAt - Date.parse('2026-02-02T05:00:00Z')) / (24 * HOUR);
    assert.equal(d.deploymentFrequency.value.perWeek.toFixed(4), ((4 / days) * 7).toFixed(4));
    assert.equal(d.deploymentFrequency.value.cluster.cluster, 'high');
    // Lead time: 48 h (Add login), 24 h (Test login), 3 h (#2), 3 h (the revert), 24 h (the hotfix).
    assert.ok(d.leadTime.ok);
    assert.deepEqual([d.leadTime.value.hours.n, d.leadTime.value.hours.median], [5, 24]);
    assert.equal(d.excluded.unreleased, 1, '"Document login" is in no release yet');
    // v1.2.0 shipped #2, reverted the next day; v1.2.1 was followed by the hotfix within 7 days.
    assert.ok(d.changeFailureRate.ok);
    assert.deepEqual([d.changeFailureRate.value.failed, d.changeFailureRate.value.total], [2, 4]);
    // Recovered by v1.2.1 after 24 h and by v1.3.0 after 166 h: median 95 h.
    assert.ok(d.recoveryTime.ok);
    assert.equal(d.recoveryTime.value.hours.median, 95);

    // Flow from git alone: #1 merged 29 h after its first commit, #2 and #3 squashed (0 h).
    const f = report.flow;
    assert.equal(f.mode, 'git');
    assert.deepEqual(
      f.pullRequests.map((p) => [p.number, p.cycle, p.release, p.size]),
      [
        [3, 0, 24, 1],
        [2, 0, 3, 4],
        [1, 29, 19, 50],
      ],
    );

    // Knowledge: Alice authors 4 of the 7 files at HEAD, so her leaving orphans most of them.
    const k = report.knowledge;
    assert.ok(k.truckFactor.ok);
    assert.deepEqual(
      [k.truckFactor.value.value, k.truckFactor.value.files, k.truckFactor.value.people.map((p) => p.name)],
      [1, 7, ['Alice Adams']],
    );

    // The tree says the same, with a status icon and a line on why it matters.
    const figures = s.tree.flatMap((g) => g.children);
    const df = figures.find((c) => c.id === 'health.figure.deploymentFrequency')!;
    assert.equal(df.label, 'Releases: 1.2 / week');
    assert.equal(df.icon, 'pass');
    assert.match(String(df.description), /less risky/);
    assert.match(String(df.tooltip), /Definition\./);
    assert.match(String(df.tooltip), /DORA, Accelerate State of DevOps Report 2024/);
    const cfr = figures.find((c) => c.id === 'health.figure.changeFailureRate')!;
    assert.equal(cfr.label, 'Failure rate: 50%');
    assert.equal(cfr.icon, 'warning');
    const tf = figures.find((c) => c.id === 'health.figure.truckFactor')!;
    assert.equal(tf.label, 'Truck factor: 1');
    assert.equal(tf.icon, 'error');
    assert.deepEqual(tf.command, { command: 'multiplier.health.open', arguments: [{ figure: 'truckFactor' }] });
    assert.equal(s.tree.map((g) => g.label).join(' | '), 'Flow | Delivery (DORA) | Shared knowledge | Review load');
    const reviewLoad = s.tree.find((g) => g.label === 'Review load')!;
    assert.equal(reviewLoad.description, 'needs GitHub reviews');
    const others = ['multiplier.reviewQueue', 'multiplier.coach', 'multiplier.growthNotes'];
    for (const view of others) await vscode.commands.executeCommand(`${view}.toggleVisibility`);
    try {
      await requestScreenshot('health-view-4-weeks', ['Team Health', 'Releases: 1.2 / week', 'Recovery time: 4 d']);
    } finally {
      for (const view of others) await vscode.commands.executeCommand(`${view}.toggleVisibility`);
    }
  });

  it('recomputes when new commits land', async () => {
    commitAs(dir, ALICE, '2026-02-25T11:00:00Z', 'Tidy the guide', { 'docs/guide.md': '# Guide\n\nHow to run and test the app.\n' });
    tag(dir, 'v1.4.0', '2026-02-25T12:00:00Z');
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    await waitForSnapshot((all) => all.some((x) => x.repoRoot === dir && x.head === head), 'the new commit');
    const report = await waitFor(
      async () => (await api()).health.report(),
      (r) => r?.dora.releases[0]?.name === 'v1.4.0',
      'a report with the new release',
      60_000,
    );
    // "Document login" and "Tidy the guide" are now released: 2 more lead times.
    assert.ok(report!.dora.leadTime.ok);
    assert.equal(report!.dora.leadTime.value.hours.n, 7);
    assert.equal(report!.dora.excluded.unreleased, 0);
  });

  it('exports a Markdown report and CSV files into a folder of their own', async () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'team-health-export-'));
    try {
      const folder = await vscode.commands.executeCommand<string>('multiplier.health.export', { folder: parent });
      assert.ok(folder && folder.startsWith(parent), String(folder));
      assert.match(path.basename(folder), /^team-health-teamhealth-2026-02-25$/);
      const fs = await import('node:fs');
      const names = fs.readdirSync(folder).sort();
      assert.deepEqual(names, [
        'flow-weekly.csv',
        'knowledge-folders.csv',
        'pull-requests.csv',
        'releases.csv',
        'review-pairs.csv',
        'team-health.md',
      ]);
      const md = fs.readFileSync(path.join(folder, 'team-health.md'), 'utf8');
      assert.match(md, /^# Team Health: teamhealth\n/);
      assert.match(md, /\| Change failure rate \| 40% \|/); // 2 of 5 releases since v1.4.0
      const releases = fs.readFileSync(path.join(folder, 'releases.csv'), 'utf8').split('\r\n');
      assert.equal(releases[0], 'release,date,commit,failed,cause,fix_commit,recovered_by,recovery_h');
      assert.equal(releases.length, 1 + 5 + 1);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
