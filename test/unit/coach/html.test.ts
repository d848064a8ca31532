import * as assert from 'node:assert/strict';
import { escapeHtml } from '../../../src/core/html';
import { makeNonce, renderCoachHtml } from '../../../src/coach/view/html';
import type { CoachViewModel } from '../../../src/coach/view/protocol';

const res = {
  cspSource: 'https://webview.example',
  nonce: 'abc123',
  scriptUri: 'https://webview.example/coach.js',
  styleUri: 'https://webview.example/coach.css',
};
const evil = '<img src=x onerror=alert(1)>"\'&';
const model: CoachViewModel = {
  waiting: 2,
  muted: [],
  unseenTerminals: 0,
  problems: [`.multiplier/prompts.json:3:5: ${evil}`],
  current: {
    key: `k${evil}`,
    nudgeKind: 'coach.error-churn',
    signalKind: 'error-churn',
    signalLabel: 'Errors that stay',
    why: `${evil} has had errors for 20 min.`,
    question: evil,
    role: 'stuck',
    files: [evil],
    people: [{ name: evil, email: `${evil}@example.com`, reason: evil }],
  },
};

describe('coach: webview HTML', () => {
  const html = renderCoachHtml(model, res);
  it('has exactly one CSP meta tag with the nonce and no unsafe-inline', () => {
    assert.equal(html.match(/http-equiv="Content-Security-Policy"/g)?.length, 1);
    assert.match(html, /script-src 'nonce-abc123'/);
    assert.match(html, /default-src 'none'/);
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
  });
  it('has only the nonce’d script and no inline handlers', () => {
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.deepEqual(scripts, ['<script nonce="abc123" src="https://webview.example/coach.js">']);
    // Attribute names only: an escaped "onerror=" inside a quoted value is text, not a handler.
    const tags = (html.match(/<[a-z][^>]*>/gi) ?? []).map((tag) => tag.replace(/"[^"]*"/g, '""'));
    assert.ok(tags.length > 10);
    for (const tag of tags) assert.doesNotMatch(tag, /\son[a-z]+=/i, tag);
  });
  it('escapes every dynamic string', () => {
    assert.doesNotMatch(html, /<img/);
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;'));
  });
  it('shows the empty state with what the coach watches, and quiet reasons', () => {
    const empty = renderCoachHtml({ waiting: 0, problems: [], muted: [], unseenTerminals: 0, quietReason: 'focus block until 14:00' }, res);
    assert.match(empty, /The coach quietly watches for/);
    assert.match(empty, /Quiet now: focus block until 14:00\./);
  });
  it('lists muted kinds with an un-mute each, and no longer as watched', () => {
    const html = renderCoachHtml(
      { waiting: 0, problems: [], unseenTerminals: 0, muted: [{ kind: 'coach.repeated-failure', label: 'Repeated failures' }] },
      res,
    );
    const watches = /<ul class="watches">(.*?)<\/ul>/s.exec(html)?.[1] ?? '';
    assert.doesNotMatch(watches, /failing again and again/);
    assert.match(watches, /without a commit/);
    assert.match(html, /<h3>Muted<\/h3>/);
    assert.match(
      html,
      /<span>Repeated failures<\/span> <button class="link inline" data-action="unmute" data-kind="coach.repeated-failure"/,
    );
  });
  it('says what the last action did, with Undo when it can be undone', () => {
    const html = renderCoachHtml(
      { waiting: 0, problems: [], muted: [], unseenTerminals: 0, feedback: { id: 7, text: 'Snoozed until 15:30.', canUndo: true } },
      res,
    );
    assert.match(
      html,
      /<section class="feedback" role="status"><p>Snoozed until 15:30\. <button class="link inline" data-action="undo" data-id="7">Undo<\/button>/,
    );
    const saved = renderCoachHtml(
      { waiting: 0, problems: [], muted: [], unseenTerminals: 0, feedback: { id: 8, text: 'Saved.', canUndo: false } },
      res,
    );
    assert.doesNotMatch(saved, /data-action="undo"/);
  });
  it('keeps the answer box and the actions in one footer after the scrolling part', () => {
    assert.match(
      html,
      /<div class="body">[\s\S]*<\/div>\s*<div class="answer">[\s\S]*<textarea[\s\S]*data-action="never"[\s\S]*<\/div>\s*<\/div>\s*<\/section>/,
    );
  });
  it('says why no one is suggested when git history could not be read', () => {
    const html = renderCoachHtml(
      { ...model, current: { ...model.current!, people: [], peopleProblem: 'fatal: detected dubious ownership' } },
      res,
    );
    assert.match(html, /Who knows this code: git history could not be read \(fatal: detected dubious ownership\)\./);
  });
  it('says when a terminal without shell integration hides test runs', () => {
    const html = renderCoachHtml({ waiting: 0, problems: [], muted: [], unseenTerminals: 1 }, res);
    assert.match(html, /1 terminal has no shell integration, so test runs typed there are not seen\./);
  });
  it('neutralises bidirectional and invisible characters in untrusted text', () => {
    const html = renderCoachHtml({ ...model, current: { ...model.current!, why: 'src/a\u202Eexe.ts\u200b has errors' } }, res);
    assert.ok(html.includes('src/aexe.ts has errors'));
  });
  it('escapes all five special characters', () =>
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;'));
  it('makes 32-hex-digit nonces from the random source', () => {
    assert.equal(
      makeNonce((n) => new Uint8Array(n).fill(171)),
      'ab'.repeat(16),
    );
  });
  it('neutralises and bounds people names, reasons and signal text from the repository', () => {
    const huge = 'x'.repeat(1024 * 1024);
    const hostile = renderCoachHtml(
      {
        waiting: 0,
        problems: [],
        muted: [],
        unseenTerminals: 0,
        current: {
          ...model.current!,
          why: `src/Bidi\u202Efdp.exe has had errors for 20 min. ${huge}`,
          question: 'Who\u200b knows?',
          people: [{ name: `Mal\u202Elory\u200d ${huge}`, email: 'm@example.com', reason: `changed 90% ${huge}` }],
        },
      },
      res,
    );
    assert.doesNotMatch(hostile, /[\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff]/, 'no bidi control or zero-width character');
    assert.ok(hostile.includes('Mallory'));
    assert.ok(hostile.length < 20_000, `the page stays small (${hostile.length} characters)`);
  });
});
