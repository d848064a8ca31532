/**
 * Issue 12, in the real editor: credentials bound to their exact origin (two fake GitHub servers
 * on two ports of one host), an API URL Multiplier may not use, untrusted text in the queue, one
 * repository that cannot be read, the queue after a settings change, notes commands given ids
 * that climb out of the store, several damaged notes, and a repository git refuses.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { multiplier } from '../host/api';
import { requestScreenshot, underHarness } from '../host/screenshot';
import { waitFor } from '../host/wait';
import { startFakeGitHub, type FakeGitHub } from '../../fake-github/server';
import type { Scenario } from '../../fake-github/scenario';
import basic from '../../fake-github/scenarios/basic.json';
import { prepareDiscoveryCheck } from './hardening-discovery';

interface RenderedItem {
  id?: string;
  label?: string;
  description?: string;
  tooltip?: string;
  accessibilityLabel?: string;
}
interface QueueState {
  status: string;
  description?: string;
  message?: string;
  stats: { requests: number };
  tree: { label?: string; children: RenderedItem[] }[];
}

const G = vscode.ConfigurationTarget.Global;
const config = () => vscode.workspace.getConfiguration();
const state = async (): Promise<QueueState> => (await multiplier()).review.state() as QueueState;
const refresh = () => vscode.commands.executeCommand('multiplier.review.refresh');
const items = (s: QueueState) => s.tree.flatMap((g) => g.children);
/** A copy of the basic scenario that accepts only `token`. */
const scenario = (token: string): Scenario => ({ ...(JSON.parse(JSON.stringify(basic)) as Scenario), token });
/** Bidi controls and zero-width characters displayText removes. */
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
// Wednesday 00:49 UTC, as in the review suite: the extension and the servers share it.
const INSTANT = Date.parse('2026-12-02T00:49:00Z');

async function setApiUrl(url: string | undefined): Promise<void> {
  await config().update('multiplier.github.apiUrl', url, G);
  await waitFor(
    async () => (vscode.workspace.getConfiguration('multiplier.github').inspect<string>('apiUrl')?.globalValue ?? undefined) === url,
    (ok) => ok,
    `apiUrl to become ${url}`,
  );
}

/** Refreshes until the queue settles in a status other than loading (a settings change may queue one more poll). */
async function settle(expected: (s: QueueState) => boolean, what: string): Promise<QueueState> {
  return waitFor(
    async () => {
      await refresh();
      return state();
    },
    expected,
    what,
    20_000,
  );
}

async function screenshotIn(theme: 'light' | 'dark', name: string, texts: string[]): Promise<void> {
  if (!underHarness()) return;
  await config().update('workbench.colorTheme', theme === 'light' ? 'Default Light Modern' : 'Default Dark Modern', G);
  const reply = await requestScreenshot(`${name}-${theme}`, texts);
  assert.equal(reply?.error, undefined);
  assert.deepEqual(reply?.missingText, [], `not visible: ${reply?.missingText.join(', ')}`);
}

describe('Hardening: GitHub credentials bound to their exact origin', function () {
  this.timeout(90_000);
  const ENV_TOKEN = 'env-token-for-port-a-0123456789';
  const PAT_B = 'pat-saved-for-port-b-0123456789';
  let a: FakeGitHub;
  let b: FakeGitHub;
  const saved = { token: process.env.MULTIPLIER_GITHUB_TOKEN, api: process.env.GITHUB_API_URL };

  before(async () => {
    (await multiplier()).clock.setNow(INSTANT);
    a = await startFakeGitHub({ scenario: scenario(ENV_TOKEN), now: INSTANT });
    b = await startFakeGitHub({ scenario: scenario(PAT_B), now: INSTANT });
    assert.equal(new URL(a.url).hostname, new URL(b.url).hostname, 'one host');
    assert.notEqual(new URL(a.url).port, new URL(b.url).port, 'two ports');
    await config().update('multiplier.github.repositories', ['acme/app'], G);
    await config().update('multiplier.nudges.toastsEnabled', false, G);
    // A headless host's token, given for port A only (the extension host reads its environment at each look-up).
    process.env.MULTIPLIER_GITHUB_TOKEN = ENV_TOKEN;
    process.env.GITHUB_API_URL = a.url;
  });

  after(async () => {
    for (const url of [b?.url, a?.url]) {
      if (!url) continue;
      await setApiUrl(url);
      await vscode.commands.executeCommand('multiplier.github.clearToken');
    }
    if (saved.token === undefined) delete process.env.MULTIPLIER_GITHUB_TOKEN;
    else process.env.MULTIPLIER_GITHUB_TOKEN = saved.token;
    if (saved.api === undefined) delete process.env.GITHUB_API_URL;
    else process.env.GITHUB_API_URL = saved.api;
    for (const key of ['github.apiUrl', 'github.repositories', 'nudges.toastsEnabled'])
      await config().update(`multiplier.${key}`, undefined, G);
    await a?.close();
    await b?.close();
    (await multiplier()).clock.reset();
  });

  it("the environment token reaches GITHUB_API_URL's port and never another port of the same host", async () => {
    await setApiUrl(b.url);
    const signedOut = await settle((s) => s.status === 'signedOut', 'signed out on port B');
    assert.equal(signedOut.status, 'signedOut');
    assert.equal(b.received(ENV_TOKEN), 0, `port B received the environment token ${b.received(ENV_TOKEN)} times`);
    assert.equal(b.stats.requests, 0, 'no request at all reached port B');

    await setApiUrl(a.url);
    await settle((s) => s.status === 'ready', 'ready on port A');
    assert.ok(a.received(ENV_TOKEN) > 0, 'port A, named by GITHUB_API_URL, gets it');
    assert.equal(b.received(ENV_TOKEN), 0);
  });

  it('a token saved for one port is never sent to the other', async () => {
    await setApiUrl(b.url);
    await (await multiplier()).github.setToken(PAT_B);
    await settle((s) => s.status === 'ready', 'ready on port B with its saved token');
    assert.ok(b.received(PAT_B) > 0);

    a.resetStats();
    await setApiUrl(a.url);
    await settle((s) => s.status === 'ready', 'ready on port A (environment token)');
    assert.equal(a.received(PAT_B), 0, `port A received the token saved for port B ${a.received(PAT_B)} times`);
    assert.ok(a.received(ENV_TOKEN) > 0);

    // Without the environment token, port A has no credential at all: signed out, nothing sent.
    delete process.env.MULTIPLIER_GITHUB_TOKEN;
    a.resetStats();
    await vscode.commands.executeCommand('multiplier.github.clearToken'); // an account change: polls again
    await settle((s) => s.status === 'signedOut', 'signed out on port A');
    assert.equal(a.stats.requests, 0);
    assert.equal(b.received(ENV_TOKEN), 0);
    process.env.MULTIPLIER_GITHUB_TOKEN = ENV_TOKEN;
  });
});

describe('Hardening: an API URL Multiplier may not use', function () {
  this.timeout(90_000);
  const saved = process.env.MULTIPLIER_GITHUB_TOKEN;

  before(async () => {
    // A token that would be sent to api.github.com if a bad URL silently meant github.com.
    process.env.MULTIPLIER_GITHUB_TOKEN = 'env-token-that-must-stay-home-0123';
    delete process.env.GITHUB_API_URL;
  });

  after(async () => {
    if (saved === undefined) delete process.env.MULTIPLIER_GITHUB_TOKEN;
    else process.env.MULTIPLIER_GITHUB_TOKEN = saved;
    await config().update('multiplier.github.apiUrl', undefined, G);
    await config().update('workbench.colorTheme', undefined, G);
  });

  for (const value of ['not a url', 'file:///etc/passwd', 'http://github.example.com/api/v3']) {
    it(`"${value}": the view names the setting and the value, and no request is made`, async () => {
      const before = (await state()).stats.requests;
      await setApiUrl(value);
      const s = await settle((x) => x.status === 'misconfigured', `misconfigured for ${value}`);
      assert.match(s.message ?? '', /multiplier\.github\.apiUrl/);
      assert.ok(s.message?.includes(value), s.message);
      assert.match(s.message ?? '', /no request/);
      assert.equal(s.description, 'settings need a fix');
      assert.equal(s.stats.requests, before, 'no request was sent anywhere');
      if (value === 'file:///etc/passwd') {
        await vscode.commands.executeCommand('multiplier.reviewQueue.focus');
        for (const theme of ['light', 'dark'] as const) {
          await screenshotIn(theme, 'hardening-api-url-refused', ['multiplier.github.apiUrl', 'Open Settings']);
        }
      }
    });
  }
});

describe('Hardening: untrusted text in the review queue', function () {
  this.timeout(90_000);
  const TOKEN = 'token-for-untrusted-text-0123456';
  const BIDI = 'Invoice\u202Efdp.exe \u200bpay\u200dpal\u2066';
  let gh: FakeGitHub;

  before(async () => {
    (await multiplier()).clock.setNow(INSTANT);
    const s = scenario(TOKEN);
    const template = s.repos[0].pulls[0];
    s.repos[0].pulls.push(
      { ...template, number: 41, title: BIDI, head: 'bidi', body: `Body with \u202Ereversed\u202C text and ${'\u200b'.repeat(50)} spaces` },
      { ...template, number: 42, title: `Huge ${'x'.repeat(1024 * 1024)}`, head: 'huge', body: 'y'.repeat(1024 * 1024) },
    );
    gh = await startFakeGitHub({ scenario: s, now: INSTANT });
    await config().update('multiplier.nudges.toastsEnabled', false, G);
    await config().update('multiplier.github.repositories', ['acme/app'], G);
    await setApiUrl(gh.url);
    await (await multiplier()).github.setToken(TOKEN);
    await settle((x) => x.status === 'ready', 'ready');
  });

  after(async () => {
    await vscode.commands.executeCommand('multiplier.github.clearToken');
    for (const key of ['github.apiUrl', 'github.repositories', 'nudges.toastsEnabled'])
      await config().update(`multiplier.${key}`, undefined, G);
    await config().update('workbench.colorTheme', undefined, G);
    await gh?.close();
    (await multiplier()).clock.reset();
  });

  it('a U+202E title and zero-width characters are neutralised in the label, tooltip and accessibility label', async () => {
    const item = items(await state()).find((i) => i.id?.endsWith('acme/app#41'));
    assert.ok(item, 'the PR is in the tree');
    // The label is '#41 <title, cut> · <wait>' (readable at 300 px); the tooltip has the title whole.
    assert.ok(item.label?.startsWith('#41 Invoicefdp.exe'), item.label);
    for (const [what, text] of Object.entries({ label: item.label, tooltip: item.tooltip, a11y: item.accessibilityLabel })) {
      assert.doesNotMatch(text ?? '', INVISIBLE, `${what} has no bidi control or zero-width character`);
    }
    assert.ok(item.tooltip?.includes('Invoicefdp.exe paypal'));
    assert.ok(item.accessibilityLabel?.startsWith('Invoicefdp.exe paypal, pull request 41'));
  });

  it('a 1 MiB title reaches the tree, the tooltip and the accessibility label clamped', async () => {
    const item = items(await state()).find((i) => i.id?.endsWith('acme/app#42'));
    assert.ok(item, 'the PR is in the tree');
    assert.ok((item.label?.length ?? 0) <= 200 && item.label?.includes('…'), `label of ${item.label?.length} characters`);
    assert.ok((item.tooltip?.length ?? 0) <= 2_000, `tooltip of ${item.tooltip?.length} characters`);
    assert.ok((item.accessibilityLabel?.length ?? 0) <= 400, `accessibility label of ${item.accessibilityLabel?.length} characters`);
    assert.ok((item.description?.length ?? 0) <= 300);
    await vscode.commands.executeCommand('multiplier.reviewQueue.focus');
    for (const theme of ['light', 'dark'] as const) {
      await screenshotIn(theme, 'hardening-untrusted-titles', ['#41 Invoicefdp.exe', 'Huge xxxx']);
    }
  });
});

describe('Hardening: one repository that cannot be read', function () {
  this.timeout(90_000);
  const TOKEN = 'token-for-repo-failures-012345';
  let gh: FakeGitHub;

  before(async () => {
    (await multiplier()).clock.setNow(INSTANT);
    gh = await startFakeGitHub({ scenario: scenario(TOKEN), now: INSTANT });
    await config().update('multiplier.nudges.toastsEnabled', false, G);
    await setApiUrl(gh.url);
    await (await multiplier()).github.setToken(TOKEN);
  });

  after(async () => {
    await vscode.commands.executeCommand('multiplier.github.clearToken');
    for (const key of ['github.apiUrl', 'github.repositories', 'nudges.toastsEnabled'])
      await config().update(`multiplier.${key}`, undefined, G);
    await config().update('workbench.colorTheme', undefined, G);
    await gh?.close();
    (await multiplier()).clock.reset();
  });

  it('a 404 shows the others and names the missing one and why', async () => {
    await config().update('multiplier.github.repositories', ['acme/app', 'acme/gone', 'acme/lib'], G);
    const s = await settle((x) => x.status === 'ready' && (x.message ?? '').includes('acme/gone'), 'ready with a message about acme/gone');
    assert.ok(
      items(s).some((i) => i.id?.endsWith('acme/lib#10')),
      'the repository after the missing one is shown',
    );
    assert.ok(items(s).some((i) => i.id?.endsWith('acme/app#1')));
    assert.match(s.message ?? '', /Could not read acme\/gone \(GitHub answered 404: not found, or this account cannot see it\)/);
    assert.notEqual(s.status, 'offline');
    await vscode.commands.executeCommand('multiplier.reviewQueue.focus');
    for (const theme of ['light', 'dark'] as const) await screenshotIn(theme, 'hardening-one-repo-missing', ['Could not read acme/gone']);
  });

  it('a 403 that is not a rate limit degrades that repository only', async () => {
    await config().update('multiplier.github.repositories', ['acme/app', 'acme/lib'], G);
    gh.setFaults([{ kind: 'forbidden', match: '/repos/acme/lib/' }]);
    try {
      const s = await settle((x) => x.status === 'ready' && (x.message ?? '').includes('acme/lib'), 'ready with a message about acme/lib');
      assert.match(s.message ?? '', /acme\/lib \(GitHub answered 403/);
      assert.ok(items(s).some((i) => i.id?.endsWith('acme/app#1')));
      assert.ok(!items(s).some((i) => i.id?.includes('acme/lib')));
    } finally {
      gh.setFaults([]);
    }
  });
});

describe('Hardening: the queue after a settings change', function () {
  this.timeout(90_000);
  const TOKEN = 'token-for-settings-change-0123';
  let good: FakeGitHub;
  let down: FakeGitHub;

  before(async () => {
    (await multiplier()).clock.setNow(INSTANT);
    good = await startFakeGitHub({ scenario: scenario(TOKEN), now: INSTANT });
    down = await startFakeGitHub({ scenario: scenario(TOKEN), now: INSTANT });
    down.setFaults([{ kind: 'drop' }]);
    await config().update('multiplier.nudges.toastsEnabled', false, G);
    await config().update('multiplier.github.repositories', ['acme/app'], G);
  });

  after(async () => {
    for (const url of [good?.url, down?.url]) {
      await setApiUrl(url);
      await vscode.commands.executeCommand('multiplier.github.clearToken');
    }
    for (const key of ['github.apiUrl', 'github.repositories', 'nudges.toastsEnabled'])
      await config().update(`multiplier.${key}`, undefined, G);
    await good?.close();
    await down?.close();
    (await multiplier()).clock.reset();
  });

  it('an empty tree never says "data from just now"', async () => {
    await setApiUrl(good.url);
    await (await multiplier()).github.setToken(TOKEN);
    const ready = await settle((x) => x.status === 'ready' && items(x).length > 0, 'data from the first server');
    assert.ok(items(ready).length > 0);

    await setApiUrl(down.url); // another API: the old data does not belong to it
    await (await multiplier()).github.setToken(TOKEN);
    const s = await settle((x) => x.status === 'offline', 'offline against the second server');
    assert.deepEqual(items(s), [], 'the old server’s data is gone');
    assert.equal(s.description, 'offline · no data yet');
  });
});

describe('Hardening: growth notes commands and store', function () {
  this.timeout(60_000);
  let dir: string;
  let outside: string;

  before(async () => {
    dir = (await (await multiplier()).notes.state()).dir;
    // Beside the workspace storage: what `../../../other` from the notes folder names.
    outside = path.resolve(dir, '..', '..', '..', 'other.md');
    writeFileSync(outside, 'not a growth note\n');
  });

  after(() => rmSync(outside, { force: true }));

  it('Delete Growth Note with an id that climbs out of the store moves nothing', async () => {
    const result = await vscode.commands.executeCommand('multiplier.notes.delete', '../../../other', { confirm: false });
    assert.equal(result, undefined);
    assert.equal(readFileSync(outside, 'utf8'), 'not a growth note\n', 'the file outside is where it was');
    assert.equal(existsSync(path.join(dir, 'trash', 'other.md')), false);
    const opened = await vscode.commands.executeCommand('multiplier.notes.open', '../../../other');
    assert.equal(opened, undefined);
    assert.ok(!vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => /other/.test(t.label))));
  });

  it('five damaged notes and two odd entries make one message, and the store opens', async () => {
    const api = await multiplier();
    const before = (await api.notes.state()).messagesShown;
    for (let i = 1; i <= 5; i++) writeFileSync(path.join(dir, `damaged-${i}.md`), `garbage ${i}`);
    mkdirSync(path.join(dir, 'folder-named-like-a-note.md'));
    writeFileSync(path.join(dir, '.summary-index.json.tmp'), ''); // unrelated: left alone
    await vscode.commands.executeCommand('multiplier.notes.refresh');
    const after = await api.notes.state();
    assert.equal(after.messagesShown, before + 1, 'one summary, not one toast per file');
    assert.ok(!after.notes.some((n) => n.id.startsWith('damaged-')));
    if (underHarness()) {
      const reply = await requestScreenshot('hardening-notes-summary', ['problems in the notes folder', 'Show Details']);
      assert.equal(reply?.error, undefined);
      assert.deepEqual(reply?.missingText, []);
    }
    await vscode.commands.executeCommand('notifications.clearAll');
  });
});

describe('Hardening: a repository git refuses (dubious ownership)', function () {
  this.timeout(60_000);
  let repo: string;

  before(function () {
    // Only root can give a folder to another user; as another user this check needs sudo.
    if (process.getuid?.() !== 0) this.skip();
    repo = path.join(mkdtempSync(path.join(tmpdir(), 'hardening-unsafe-')), 'team-repo');
    mkdirSync(repo);
    execFileSync('git', ['init', '-q', repo]);
    execFileSync('chown', ['-R', 'nobody', path.dirname(repo)]);
  });

  after(async () => {
    if (repo) rmSync(path.dirname(repo), { recursive: true, force: true });
    await config().update('workbench.colorTheme', undefined, G);
  });

  it('the Coach says once why history is unavailable and how to fix it', async () => {
    const api = await multiplier();
    await assert.rejects(api.git.history(repo), 'git refuses the repository');
    await assert.rejects(api.git.history(repo));
    await vscode.commands.executeCommand('multiplier.coach.focus');
    const { html } = await waitFor(
      async () => api.coach.html(),
      (h) => h.resolved && h.html.includes('safe.directory'),
      'the Coach view to explain the refused repository',
    );
    assert.equal(html.split('safe.directory').length - 1, 1, 'said once, however often history was asked for');
    assert.ok(html.includes(`git config --global --add safe.directory &#39;${repo}&#39;`), 'names the fix for this folder');
    for (const theme of ['light', 'dark'] as const) await screenshotIn(theme, 'hardening-unsafe-repository', ['History unavailable']);
  });

  it('Team Health says the same above its view, in the same words', async () => {
    const api = await multiplier();
    await vscode.commands.executeCommand('multiplier.teamHealth.focus');
    const { message } = await waitFor(
      async () => api.health.state(),
      (s) => s.message?.includes('safe.directory') === true,
      'the Team Health view to explain the refused repository',
    );
    assert.ok(
      message!.includes(`Git refuses to read ${repo} because another user owns it, so Team Health cannot read its history.`),
      message,
    );
    assert.ok(message!.includes(`git config --global --add safe.directory '${repo}'`), 'names the fix for this folder');
    assert.equal(message!.split('safe.directory').length - 1, 1, 'said once');
    await screenshotIn('light', 'hardening-unsafe-repository-health', ['Team Health cannot read its history']);
  });
});

// Last of the main phase: leave the settings that make the first poll after the reload race git
// discovery (hardening.reload.test.ts checks it, then clears them).
after(async () => {
  await prepareDiscoveryCheck();
});
