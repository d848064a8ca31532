import * as assert from 'node:assert/strict';
import { isSafeBranchName, pullBranchName } from '../../../src/review/model/branchName';
import { contentUriParts, parseContentUri } from '../../../src/review/model/contentUri';
import { safeRepoPath, webLink } from '../../../src/review/model/pullDetails';
import { buildQueue, type QueueContext } from '../../../src/review/model/queue';
import { hygieneFlags } from '../../../src/review/policy/hygiene';
import { questionForAuthor } from '../../../src/review/policy/questions';
import { renderOverviewHtml } from '../../../src/review/view/overview/html';
import { renderMarkdown } from '../../../src/review/view/overview/markdown';
import { isOverviewMessage } from '../../../src/review/view/overview/protocol';
import { HOUR, ME, NOW, pr, SETTINGS, UTC_WEEKDAYS } from './fixtures';

const HOSTILE = '<img src=x onerror=alert(1)>';
const SHA = 'a'.repeat(40);

describe('the description sanitiser', () => {
  it('keeps raw HTML as text', () => {
    const html = renderMarkdown(`${HOSTILE} <script>alert(1)</script> <b onclick="x()">b</b>`);
    assert.ok(!/<(img|script|b)\b/i.test(html), html);
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  });
  it('links only to http(s): command:, javascript:, file:, vscode: and data: stay text', () => {
    const html = renderMarkdown(
      '[a](command:workbench.action.terminal.new) [b](javascript:alert(1)) [c](file:///etc/passwd) [d](vscode://x/y) [e](data:text/html,x) [ok](https://example.com/x)',
    );
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(hrefs, ['https://example.com/x']);
    assert.ok(html.includes('[a](command:workbench.action.terminal.new)'));
  });
  it('never loads an image: a line of text with a link to open it', () => {
    const html = renderMarkdown('![pixel](https://tracker.example/p.png) ![local](x.png)');
    assert.ok(!/<img/i.test(html), html);
    assert.ok(html.includes('Image: pixel (not loaded)'));
    assert.ok(html.includes('href="https://tracker.example/p.png"'));
  });
  it('drops style attributes (table alignment) and bidi controls', () => {
    const html = renderMarkdown('| a | b |\n|--:|:-:|\n| 1 | 2 |\n\nBidi\u202efdp.exe');
    assert.ok(!/style=/.test(html), html);
    assert.ok(!/\u202e/.test(html));
    assert.ok(html.includes('<table>'));
  });
  it('cuts a huge description with a note', () => {
    const html = renderMarkdown('word '.repeat(40_000));
    assert.ok(html.length < 80_000);
    assert.ok(html.includes('open it in the browser for the rest'));
  });
});

describe('the overview page', () => {
  const res = {
    cspSource: 'https://webview.test',
    nonce: 'n0nce',
    scriptUri: 'https://webview.test/o.js',
    styleUri: 'https://webview.test/o.css',
  };
  const hostile = pr({
    number: 6,
    title: HOSTILE,
    author: '<b>mallory</b>',
    headRef: '"><script>x</script>',
    labels: [HOSTILE],
    body: '[x](command:workbench.action.terminal.new)',
  });
  const render = (checkDescription: boolean) =>
    renderOverviewHtml(
      {
        pr: hostile,
        details: {
          pr: hostile,
          files: [{ path: `docs/${HOSTILE}.md`, status: 'added', additions: 1, deletions: 0 }],
          filesTruncated: false,
          checkRuns: [{ name: '<script>alert(1)</script>', status: 'completed', conclusion: 'failure' }],
          timeline: [{ kind: 'commented', at: NOW - HOUR, who: HOSTILE }],
          fetchedAt: NOW,
        },
        loading: false,
        pinned: false,
        prExtension: false,
        checkDescription,
        now: NOW,
      },
      res,
    );
  const html = render(true);
  it('has a strict policy, one script by nonce and no inline style', () => {
    assert.match(
      html,
      /content="default-src &#39;none&#39;; style-src https:\/\/webview.test; script-src &#39;nonce-n0nce&#39;; img-src https:\/\/webview.test/,
    );
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.ok(html.includes('<script nonce="n0nce" src="https://webview.test/o.js">'));
    assert.ok(!/\sstyle=/.test(html));
  });
  it('escapes every string from GitHub', () => {
    assert.ok(!html.includes(HOSTILE));
    assert.ok(!html.includes('<b>mallory'));
    assert.ok(!html.includes('"><script>x'));
    assert.ok(!/<img/i.test(html));
    assert.ok(!html.includes('href="command:'));
  });
  it('offers Check description for an open pull request when the words check is at hand', () => {
    assert.match(
      html,
      /<button class="secondary" data-action="checkDescription" title="Check the description for its why and its tone">Check description<\/button>/,
    );
    assert.ok(!render(false).includes('data-action="checkDescription"'), 'no button without the check');
  });
});

describe('overview messages', () => {
  it('accepts only known shapes', () => {
    assert.ok(isOverviewMessage({ type: 'action', action: 'openChanges' }));
    assert.ok(isOverviewMessage({ type: 'openFile', index: 2 }));
    assert.ok(isOverviewMessage({ type: 'csp', directive: 'img-src', blocked: 'https://x' }));
    assert.ok(!isOverviewMessage({ type: 'action', action: 'runCommand' }));
    assert.ok(!isOverviewMessage({ type: 'openFile', index: -1 }));
    assert.ok(!isOverviewMessage({ type: 'openFile', index: '../etc/passwd' }));
    assert.ok(!isOverviewMessage(null));
  });
});

describe('multiplier-pr: addresses', () => {
  it('round-trips a plain path', () => {
    const parts = contentUriParts({ repo: 'acme/app', sha: SHA, path: 'src/a b.ts' })!;
    assert.equal(parts.path, '/acme/app/src/a b.ts');
    assert.equal(parts.query, `ref=${SHA}`);
    assert.deepEqual(parseContentUri(parts.path, parts.query), { repo: 'acme/app', sha: SHA, path: 'src/a b.ts' });
  });
  it('shows a bidi path cleaned and keeps the exact one in the query', () => {
    const path = 'src/invoice\u202efdp.ts';
    const parts = contentUriParts({ repo: 'acme/app', sha: SHA, path })!;
    assert.ok(!/\u202e/.test(parts.path));
    assert.equal(parseContentUri(parts.path, parts.query)?.path, path);
  });
  it('refuses traversal, absolute paths and bad commits', () => {
    assert.equal(contentUriParts({ repo: 'acme/app', sha: SHA, path: '../x' }), undefined);
    assert.equal(contentUriParts({ repo: 'acme/app', sha: SHA, path: '/etc/passwd' }), undefined);
    assert.equal(contentUriParts({ repo: 'acme/app', sha: 'main', path: 'a' }), undefined);
    assert.equal(parseContentUri('/acme/app/a/../../b', `ref=${SHA}`), undefined);
    assert.equal(parseContentUri('/acme/app/a', 'ref=main'), undefined);
    assert.equal(safeRepoPath('a//b'), undefined);
  });
  it('keeps only web links', () => {
    assert.equal(webLink('command:x'), undefined);
    assert.equal(webLink('javascript:alert(1)'), undefined);
    assert.equal(webLink('https://example.com/a'), 'https://example.com/a');
  });
});

describe('branch names handed to git', () => {
  it('accepts ordinary names and refuses option-like or odd ones', () => {
    for (const ok of ['feature/refund-ledger', 'fix/cart-typo', 'dependabot/npm/lodash-4.17.21', 'v1.2'])
      assert.ok(isSafeBranchName(ok), ok);
    for (const bad of ['--upload-pack=touch /tmp/x', '-x', 'a..b', 'a/', '.hidden', 'a/.b', 'x.lock', 'a b', 'a;rm', 'ä', ''])
      assert.ok(!isSafeBranchName(bad), bad);
    assert.equal(pullBranchName(89), 'pr/89');
  });
});

describe('groups a reviewer acts on', () => {
  const ctx = (o: Partial<QueueContext> = {}): QueueContext => ({
    now: NOW,
    schedule: UTC_WEEKDAYS,
    settings: SETTINGS,
    snoozes: {},
    currentBranches: [],
    ...o,
  });
  const mine = (o: Parameters<typeof pr>[0]) => pr({ author: 'me', requestedReviewers: ['bob'], ...o });
  const ready = mine({ number: 101, reviews: [{ reviewer: 'bob', state: 'APPROVED', submittedAt: NOW - HOUR }] });
  const failing = mine({ number: 102, checks: 'failure' });
  const conflict = mine({ number: 103, mergeable: false });
  const changes = mine({ number: 104, reviews: [{ reviewer: 'bob', state: 'CHANGES_REQUESTED', submittedAt: NOW - HOUR }] });
  const inReview = mine({ number: 105 });
  const draft = mine({ number: 106, draft: true, checks: 'failure' });
  const reviewed = pr({
    number: 107,
    requestedReviewers: [],
    reviews: [{ reviewer: 'me', state: 'CHANGES_REQUESTED', submittedAt: NOW - 26 * HOUR, commitId: 'sha107' }],
  });
  const waiting = pr({ number: 108 });
  const q = buildQueue(
    { viewer: ME, pullRequests: [ready, failing, conflict, changes, inReview, draft, reviewed, waiting], fetchedAt: NOW },
    ctx({ pins: ['acme/app#102'] }),
  );

  it('sorts yours into ready, blocked and in review, with what to do first', () => {
    assert.deepEqual(
      q.ready.map((i) => [i.pr.number, i.short]),
      [[101, 'ready to merge']],
    );
    assert.deepEqual(
      q.blocked.map((i) => [i.pr.number, i.short]),
      [
        [102, 'checks failing'],
        [103, 'merge conflict'],
        [104, 'changes requested'],
      ],
    );
    assert.deepEqual(
      q.mine.map((i) => [i.pr.number, i.short]),
      [
        [105, '2h'],
        [106, 'draft'],
      ],
    );
  });
  it('puts what you reviewed, not asked again, on the author', () => {
    assert.deepEqual(
      q.author.map((i) => [i.pr.number, i.short, i.reason]),
      [[107, 'you asked changes', 'you asked for changes 26 hours ago · no push since · checks passing']],
    );
    assert.deepEqual(
      q.waiting.map((i) => i.pr.number),
      [108],
    );
  });
  it('pins stay in their group and are listed on top', () => {
    assert.deepEqual(
      q.pinned.map((i) => i.pr.number),
      [102],
    );
    assert.ok(q.blocked.find((i) => i.pr.number === 102)?.pinned);
  });
});

describe('a question for the author', () => {
  it('asks, does not tell, and picks the question from the flags', () => {
    const p = pr({ number: 9, title: 'Refund\u202e ledger', author: 'dave', body: 'Adds the table.' });
    const text = questionForAuthor(p, hygieneFlags(p, { now: NOW, targetHours: 7, thresholds: SETTINGS.hygiene }));
    assert.match(text, /^Hi @dave, a question about #9 "Refund ledger" before I review it:/);
    assert.match(text, /What made this change necessary now/);
    assert.ok(text.split('\n').some((l) => l.trim().endsWith('?')));
  });
});
