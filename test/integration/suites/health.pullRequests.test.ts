// Team Health's pull requests open where a reviewer reads them: a merged one from the dashboard or
// the tree opens in the queue's PR overview (fetched from the local GitHub server by repository and
// number), showing it merged and offering nothing that makes no sense for a merged pull request;
// signed out, the same click opens its web page in the browser and says why. Screenshots in light
// and dark.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { multiplier } from '../host/api';
import { screenshotShowing, setColorTheme } from '../host/look';
import { clickInWorkbench, typeInWorkbench, underHarness } from '../host/screenshot';
import { waitFor } from '../host/wait';
import { closeRepository, git, waitForSnapshot } from './git-helpers';
import { startFakeGitHub, type FakeGitHub } from '../../fake-github/server';
import type { Scenario } from '../../fake-github/scenario';

const NOW = Date.parse('2026-03-11T15:00:00Z');
const TOKEN = 'health-links-token';
const TITLE = 'Add the login page';
const LINK = `#7 ${TITLE}`;

function scenario(): Scenario {
  return {
    viewer: 'lead',
    token: TOKEN,
    repos: [
      {
        owner: 'acme',
        name: 'app',
        pulls: [],
        merged: [
          {
            number: 7,
            title: TITLE,
            body: 'People can sign in. Closes #3.',
            author: 'bob',
            mergedBy: 'cara',
            created: '-6d',
            firstCommit: '-6d',
            merged: '-2d',
            head: 'feature/login',
            reviews: [{ user: 'cara', state: 'APPROVED', at: '-50h' }],
            files: [
              { path: 'app/login.ts', additions: 30, deletions: 0 },
              { path: 'app/routes.ts', additions: 2, deletions: 1 },
            ],
          },
        ],
      },
    ],
  };
}

function commitAt(dir: string, when: string, message: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
  git(dir, 'add', '-A');
  execFileSync('git', ['commit', '-q', '-m', message], {
    cwd: dir,
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Bob Brown',
      GIT_AUTHOR_EMAIL: 'bob@example.com',
      GIT_COMMITTER_NAME: 'Bob Brown',
      GIT_COMMITTER_EMAIL: 'bob@example.com',
      GIT_AUTHOR_DATE: when,
      GIT_COMMITTER_DATE: when,
    },
  });
}

describe('Team Health opens its pull requests', function () {
  this.timeout(120_000);
  let gh: FakeGitHub;
  let dir: string;
  const G = vscode.ConfigurationTarget.Global;
  const config = () => vscode.workspace.getConfiguration();
  const health = async () => (await multiplier()).health.state();
  const overviews = async () => (await multiplier()).review.overviews();

  /** The dashboard open on the flow section, drawn with the report that has #7. */
  async function openDashboard(): Promise<void> {
    const before = (await health()).panel.paints.length;
    await vscode.commands.executeCommand('multiplier.health.open', { figure: 'cycle' });
    await waitFor(health, (s) => s.panel.paints.slice(before).some((p) => p.complete), 'the dashboard drawn', 60_000);
  }

  before(async function () {
    if (!underHarness()) this.skip(); // clicks in the dashboard and screenshots need the harness's browser
    (await multiplier()).clock.setNow(NOW);
    gh = await startFakeGitHub({ scenario: scenario(), now: NOW });
    dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'team-health-links-')), 'app');
    mkdirSync(dir);
    git(dir, 'init', '-q', '-b', 'main');
    commitAt(dir, '2026-03-01T10:00:00Z', 'Create the app', 'app/main.ts', 'export const main = 1;\n');
    commitAt(dir, '2026-03-09T15:00:00Z', `${TITLE} (#7)`, 'app/login.ts', 'export const login = 1;\n');
    git(dir, 'remote', 'add', 'origin', `${gh.url}/acme/app.git`);
    await config().update('multiplier.github.apiUrl', gh.url, G);
    await (await multiplier()).github.setToken(TOKEN);
    await vscode.commands.executeCommand('git.openRepository', dir);
    await waitForSnapshot((s) => s.some((x) => x.repoRoot === dir && !!x.head && x.remotes.length > 0), 'the repository with its remote');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('multiplier.teamHealth.focus');
    await vscode.commands.executeCommand('multiplier.health.selectRepository', dir);
    await waitFor(
      health,
      (s) => s.root === dir && s.status === 'ready' && s.signedIn && !s.busy,
      'the report with reviews from GitHub',
      60_000,
    );
  });

  after(async () => {
    if (!underHarness()) return;
    await setColorTheme(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await config().update('multiplier.github.apiUrl', undefined, G);
    await vscode.commands.executeCommand('multiplier.github.clearToken');
    await closeRepository(dir);
    rmSync(path.dirname(dir), { recursive: true, force: true });
    await gh?.close();
    (await multiplier()).clock.reset();
  });

  it('a merged pull request opens in the PR overview, shown as merged, with nothing to review', async () => {
    const report = (await (await multiplier()).health.report())!;
    assert.deepEqual(
      report.flow.pullRequests.map((p) => [p.number, p.title, p.url]),
      [[7, TITLE, 'https://github.com/acme/app/pull/7']],
    );
    await openDashboard();
    await clickInWorkbench(LINK);
    const o = await waitFor(
      overviews,
      (all) => all.some((x) => x.key === 'acme/app#7' && !x.loading && x.ready > 0),
      'the overview of acme/app#7',
      30_000,
    ).then((all) => all.find((x) => x.key === 'acme/app#7')!);
    assert.equal(o.title, `#7 ${TITLE}`);
    assert.equal(o.notice, undefined, 'fresh from GitHub');
    assert.equal(o.files, 2);
    for (const text of [
      TITLE,
      'state-merged',
      '>Merged<',
      '>cara</span> merged <code>feature/login</code> into <code>main</code>',
      'app/login.ts',
    ])
      assert.ok(o.html.includes(text), `the overview shows ${text}`);
    for (const action of ['checkout', 'copyQuestion', 'snooze', 'pin'])
      assert.ok(!o.html.includes(`data-action="${action}"`), `no ${action} for a merged pull request`);
    assert.deepEqual(o.violations, []);
    const last = (await health()).openings.at(-1);
    assert.deepEqual(last, { number: 7, where: 'editor' });
    await setColorTheme('Default Dark Modern');
    await screenshotShowing('health-merged-pr-overview-dark', [TITLE, 'Merged', 'Open Changes', 'Changed files']);
    await setColorTheme('Default Light Modern');
    await screenshotShowing('health-merged-pr-overview-light', [TITLE, 'Merged', 'Open Changes', 'Timeline']);
    await setColorTheme(undefined);
  });

  it('the tree names it among the slowest pull requests, and a click there opens it too', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor(overviews, (all) => !all.some((x) => x.key === 'acme/app#7'), 'the overview closed');
    const flow = (await health()).tree.find((g) => g.id === 'health.group.flow')!;
    const row = flow.children.find((c) => c.kind === 'pullRequest');
    const label = row?.label ?? '';
    assert.ok(label.startsWith(`${LINK} · cycle `), JSON.stringify(flow.children));
    assert.deepEqual(row?.command, { command: 'multiplier.health.openPullRequest', arguments: [7] });
    // The lead's view alone in the side bar, so its rows have the height: the others hidden, then shown again.
    const others = ['multiplier.reviewQueue', 'multiplier.coach', 'multiplier.growthNotes'];
    for (const view of others) await vscode.commands.executeCommand(`${view}.toggleVisibility`);
    try {
      await vscode.commands.executeCommand('multiplier.teamHealth.focus');
      await clickInWorkbench(label);
      await waitFor(
        overviews,
        (all) => all.some((x) => x.key === 'acme/app#7' && !x.loading && x.ready > 0),
        'the overview of acme/app#7 from the tree',
        30_000,
      );
      assert.deepEqual((await health()).openings.at(-1), { number: 7, where: 'editor' });
      await screenshotShowing('health-tree-slow-pr', [label, TITLE, 'Merged']);
    } finally {
      for (const view of others) await vscode.commands.executeCommand(`${view}.toggleVisibility`);
    }
  });

  it('signed out, the same click opens the browser and says why', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('multiplier.github.clearToken');
    await waitFor(health, (s) => !s.signedIn && s.status === 'ready' && !s.busy, 'the report from git alone', 60_000);
    const before = (await health()).openings.length;
    await openDashboard();
    await clickInWorkbench(LINK);
    const s = await waitFor(health, (x) => x.openings.length > before, 'the click to go somewhere');
    const last = s.openings.at(-1)!;
    assert.equal(last.where, 'browser');
    assert.equal(last.why, 'signed-out');
    assert.equal(last.url, `${gh.url}/acme/app/pull/7`);
    assert.ok(!(await overviews()).some((x) => x.key === 'acme/app#7'), 'no overview without a sign-in');
    await screenshotShowing('health-merged-pr-signed-out', [
      'Opened #7 in the browser: sign in to GitHub to see pull requests in the editor.',
    ]);
    // A notification with a button stays until dismissed: leave none behind for the next suite.
    await typeInWorkbench({ keys: ['Escape'] });
  });
});
