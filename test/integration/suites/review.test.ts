import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { multiplier } from '../host/api';
import { clickInWorkbench, requestScreenshot, underHarness } from '../host/screenshot';
import { startFakeGitHub, type FakeGitHub } from '../../fake-github/server';
import type { Scenario } from '../../fake-github/scenario';

// The scenario is inlined (bundled) so the suite needs no file next to it at run time.
import basic from '../../fake-github/scenarios/basic.json';
import demo from '../../fake-github/scenarios/demo.json';

const TOKEN = (basic as Scenario).token!;
const HOSTILE = '<img src=x onerror=alert(1)>';
/** Its row label: the title cut to 18 characters, so the wait stays visible at 300 px. */
const HOSTILE_LABEL = '#6 <img src=x onerro… · 1h';

interface RenderedItem {
  id?: string;
  label?: string;
  description?: string;
  tooltip?: string;
  tooltipIsMarkdown: boolean;
  contextValue?: string;
  icon?: string;
}
interface QueueState {
  status: string;
  description?: string;
  blockedUntil: number;
  nextPollAt?: number;
  outageMessages: number;
  globalStoragePath: string;
  statusBar: { visible: boolean; text: string; warning: boolean };
  tree: { label?: string; description?: string; children: RenderedItem[] }[];
}

const state = async (): Promise<QueueState> => (await multiplier()).review.state() as QueueState;
const refresh = () => vscode.commands.executeCommand('multiplier.review.refresh');
const group = (s: QueueState, label: string) => s.tree.find((g) => g.label === label)?.children ?? [];

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile()) out.push(full);
    }
  };
  await walk(dir);
  return out;
}

describe('Review Queue against the local GitHub server', function () {
  this.timeout(30_000);
  let gh: FakeGitHub;
  const config = () => vscode.workspace.getConfiguration();
  const G = vscode.ConfigurationTarget.Global;

  // The instant a night-time run once failed at (a Wednesday, 00:49 UTC): the extension and the
  // server share it, so waits are exact whatever the wall clock says.
  const INSTANT = Date.parse('2026-12-02T00:49:00Z');

  before(async () => {
    (await multiplier()).clock.setNow(INSTANT);
    gh = await startFakeGitHub({ scenario: JSON.parse(JSON.stringify(basic)) as Scenario, now: INSTANT });
    // Every minute of every day a working minute: a wait in business hours is the wait in hours.
    await config().update('multiplier.workingHours.days', [0, 1, 2, 3, 4, 5, 6], G);
    await config().update('multiplier.workingHours.start', '00:00', G);
    await config().update('multiplier.workingHours.end', '24:00', G);
    await config().update('multiplier.nudges.toastsEnabled', false, G);
    // No quiet hours, so the status item may show its warning colour whenever the suite runs.
    await config().update('multiplier.nudges.quietHoursStart', '00:00', G);
    await config().update('multiplier.nudges.quietHoursEnd', '00:00', G);
    await config().update('multiplier.github.repositories', ['acme/app', 'acme/lib'], G);
    await config().update('multiplier.github.apiUrl', gh.url, G);
    await (await multiplier()).github.setToken(TOKEN);
    await refresh();
  });

  after(async () => {
    for (const key of [
      'workingHours.days',
      'workingHours.start',
      'workingHours.end',
      'nudges.toastsEnabled',
      'nudges.quietHoursStart',
      'nudges.quietHoursEnd',
      'github.repositories',
      'github.apiUrl',
    ]) {
      await config().update(`multiplier.${key}`, undefined, G);
    }
    await vscode.commands.executeCommand('multiplier.github.clearToken');
    await gh?.close();
    (await multiplier()).clock.reset();
  });

  it('shows the expected items in the expected order, with their reasons', async () => {
    const s = await state();
    assert.equal(s.status, 'ready');
    const waiting = group(s, 'Waiting on you');
    assert.deepEqual(
      waiting.map((i) => i.id),
      ['waiting:acme/app#1', 'waiting:acme/lib#10', 'waiting:acme/app#2', 'waiting:acme/app#6'],
    );
    const expected = [
      ['#1 Retry uploads · 30h', /^84 lines$/],
      ['#10 Parser rewrite · 50h', /^300 lines$/],
      ['#2 Fix a typo · 2h', /^12 lines$/],
      [HOSTILE_LABEL, /^900 lines · big · no why$/],
    ] as const;
    waiting.forEach((item, i) => {
      assert.equal(item.label, expected[i][0]);
      assert.match(item.description ?? '', expected[i][1]);
      assert.match(String(item.tooltip), /^acme\/(app|lib)#\d+ by /);
    });
    assert.match(
      String(waiting[0].tooltip),
      /Waiting on you: waiting 30 business hours · 84 lines · you are the only reviewer · blocks 2 people/,
    );
    assert.deepEqual(
      group(s, 'Yours, in review').map((i) => i.id),
      ['mine:acme/app#5'],
    );
    assert.ok(!JSON.stringify(s.tree).includes('renovate'), 'bot PRs are left out');
    assert.ok(!JSON.stringify(s.tree).includes('Draft: new settings page'), 'drafts do not wait on anyone');
    assert.equal(s.statusBar.text, '$(git-pull-request) 4 · 50h');
    assert.equal(s.statusBar.warning, true);
  });

  it('a second poll with nothing changed is answered by 304s only', async () => {
    gh.resetStats();
    await refresh();
    assert.ok(gh.stats.requests > 0);
    assert.equal(gh.stats.notModified, gh.stats.requests, JSON.stringify(gh.stats.byStatus));
    assert.equal(gh.stats.points, 0);
  });

  it(`renders a PR titled ${HOSTILE} and a command: link as inert text`, async () => {
    const s = await state();
    const evil = group(s, 'Waiting on you').find((i) => i.id === 'waiting:acme/app#6')!;
    assert.equal(evil.label, HOSTILE_LABEL, 'the label is the literal text');
    assert.equal(evil.tooltipIsMarkdown, false, 'the tooltip is a plain string, never Markdown');
    assert.ok(evil.tooltip?.includes('[x](command:workbench.action.terminal.new)'), 'the body shows verbatim, as text');
    if (underHarness()) {
      await vscode.commands.executeCommand('multiplier.reviewQueue.focus');
      const reply = await requestScreenshot('review-queue', ['Waiting on you', HOSTILE_LABEL, 'Retry uploads']);
      assert.equal(reply?.error, undefined);
      assert.ok(!reply?.missingText.includes(HOSTILE_LABEL), 'the hostile title is visible as text, so it was not parsed as HTML');
    }
  });

  it('offline: keeps the cached data, says how old it is, and shows one message', async () => {
    const before = (await state()).outageMessages;
    gh.setFaults([{ kind: 'drop' }]);
    await refresh();
    let s = await state();
    assert.equal(s.status, 'offline');
    assert.match(s.description ?? '', /^offline · data from (just now|\d+ min ago)$/);
    assert.equal(group(s, 'Waiting on you').length, 4, 'the last data stays');
    await refresh();
    s = await state();
    assert.equal(s.outageMessages, before + 1, 'one message per outage, not per failed poll');
    gh.setFaults([]);
    await refresh();
    assert.equal((await state()).status, 'ready');
  });

  it('an HTML 502 page or truncated JSON is an error state with the last data, not a crash', async () => {
    gh.setFaults([{ kind: 'html-502', match: '/pulls?' }]);
    await refresh();
    let s = await state();
    assert.equal(s.status, 'offline');
    assert.equal(group(s, 'Waiting on you').length, 4);
    // A changed list is answered 200, and that answer arrives cut in half.
    gh.update((scenario) => {
      scenario.repos[0].pulls[0].title = 'Retry uploads (v2)';
    });
    gh.setFaults([{ kind: 'truncated-json', match: '/pulls?' }]);
    await refresh();
    s = await state();
    assert.equal(s.status, 'offline');
    assert.equal(group(s, 'Waiting on you')[0].label, '#1 Retry uploads · 30h');
    gh.setFaults([]);
    await refresh();
    s = await state();
    assert.equal(s.status, 'ready');
    assert.equal(group(s, 'Waiting on you')[0].label, '#1 Retry uploads (v… · 30h');
  });

  it('the token never appears in logs, settings or storage files', async () => {
    const s = await state();
    // globalStorage is <user-data>/User/globalStorage/<extension>; scan the whole user-data dir.
    const userData = path.resolve(s.globalStoragePath, '..', '..', '..');
    const files = await filesUnder(userData);
    assert.ok(
      files.some((f) => f.includes('github-cache')),
      'the ETag cache was written',
    );
    const leaks: string[] = [];
    for (const file of files) {
      const stat = await fs.stat(file);
      if (stat.size > 20_000_000) continue;
      const content = await fs.readFile(file);
      if (content.includes(TOKEN)) leaks.push(file);
    }
    assert.deepEqual(leaks, []);
  });

  // Last: the backoff holds every request to this host for two minutes.
  it('a 403 with Retry-After: 120 stops polling for 120 s', async () => {
    gh.setFaults([{ kind: 'retry-after', retryAfter: 120, times: 1 }]);
    const { clock } = await multiplier();
    const started = clock.now();
    await refresh();
    const s = await state();
    assert.equal(s.status, 'rateLimited');
    assert.ok(s.blockedUntil >= started + 119_000 && s.blockedUntil <= clock.now() + 121_000, `blocked until ${s.blockedUntil}`);
    assert.ok(s.nextPollAt! >= s.blockedUntil - 1000, 'the next poll waits for the end of the backoff');
    assert.match(s.description ?? '', /^rate limited until /);
    gh.resetStats();
    await refresh();
    await vscode.commands.executeCommand('multiplier.review.refresh');
    assert.equal(gh.stats.requests, 0, 'no request reaches GitHub during the backoff');
    assert.equal(group(await state(), 'Waiting on you').length, 4, 'the last data stays');
  });

  it('the demo scenario: a realistic queue and status item (screenshot)', async function () {
    if (!underHarness()) this.skip();
    // A second server is another host, with its own request queue and backoff.
    const demoServer = await startFakeGitHub({ scenario: JSON.parse(JSON.stringify(demo)) as Scenario, now: INSTANT });
    try {
      for (const key of ['workingHours.days', 'workingHours.start', 'workingHours.end'])
        await config().update(`multiplier.${key}`, undefined, G);
      await config().update('multiplier.github.repositories', ['multiplier-demo/shop', 'multiplier-demo/payments-api'], G);
      await config().update('multiplier.github.apiUrl', demoServer.url, G);
      await (await multiplier()).github.setToken('demo-token-0123456789');
      await refresh();
      const s = await state();
      assert.equal(s.status, 'ready');
      assert.equal(group(s, 'Waiting on you').length, 5);
      await vscode.commands.executeCommand('multiplier.reviewQueue.focus');
      // Fold the views below, as a reviewer would, so the queue has the container's height.
      for (const title of ['Coach', 'Growth Notes', 'Team Health']) await clickInWorkbench(title);
      const reply = await requestScreenshot('review-queue-demo', ['Waiting on you', 'Blocked', '#89 Refund ledger']);
      for (const title of ['Coach', 'Growth Notes', 'Team Health']) await clickInWorkbench(title);
      assert.equal(reply?.error, undefined);
      assert.deepEqual(reply?.missingText, []);
    } finally {
      await vscode.commands.executeCommand('multiplier.github.clearToken');
      await demoServer.close();
    }
  });
});
