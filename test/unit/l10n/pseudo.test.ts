import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { getL10nPseudoLocalized } from '@vscode/l10n-dev';
import { shippedPrompts } from '../../../src/coach/model/prompts/shipped';
import { detectLongUncommitted } from '../../../src/coach/model/signals/longUncommitted';
import { DEFAULT_THRESHOLDS, type CoachEvent } from '../../../src/coach/model/signals/types';
import { renderCoachHtml } from '../../../src/coach/view/html';
import type { CoachViewModel } from '../../../src/coach/view/protocol';
import { FLAG_GUIDE, hygieneFlags } from '../../../src/review/policy/hygiene';
import { statusView } from '../../../src/review/policy/statusText';
import { GROUP_TEXT } from '../../../src/review/view/groupText';
import { renderOverviewHtml } from '../../../src/review/view/overview/html';
import { NOW, pr, SETTINGS } from '../review/fixtures';

// The committed bundle, pseudo-translated the way `npm run l10n:pseudo` does it: every letter
// accented, placeholders kept. Whatever the pure layer shows must come out accented.
const ROOT = join(__dirname, '..', '..', '..');
const english = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
const pseudo = getL10nPseudoLocalized(english) as Record<string, string>;
const accented = (text: string) => pseudo[text];

const res = { cspSource: 'https://webview.example', nonce: 'n0nce', scriptUri: 'https://x/coach.js', styleUri: 'https://x/coach.css' };
const coachModel = (question: string): CoachViewModel => ({
  waiting: 0,
  muted: [],
  unseenTerminals: 0,
  problems: [],
  current: {
    key: 'k',
    nudgeKind: 'coach.long-uncommitted',
    signalKind: 'long-uncommitted',
    signalLabel: 'Long uncommitted work',
    why: 'why',
    question,
    role: 'stuck',
    files: ['src/a.ts'],
    people: [{ name: 'Ada Lovelace', email: 'ada@example.com', reason: 'reason' }],
  },
});

describe('pure-layer strings in a pseudo-locale', () => {
  beforeEach(() => l10n.config({ contents: pseudo }));
  afterEach(() => l10n.config({ contents: undefined }));

  it('has a pseudo translation for every string it checks', () => {
    for (const text of ['Waiting on you', 'What have you tried so far?', 'Who knows this code', 'no reviewers requested'])
      assert.ok(accented(text) && accented(text) !== text, text);
  });

  it('translates the shipped Coach questions (prompts.json, keyed by their English text)', () => {
    const question = shippedPrompts().prompts.find((p) => p.id === 'shipped:any.stuck.tried');
    assert.equal(question?.text, accented('What have you tried so far?'));
  });

  it('translates a Coach signal and fills its placeholders', () => {
    const events: CoachEvent[] = [{ kind: 'tree', at: 0, dirty: true }];
    for (let i = 1; i <= 60; i++) events.push({ kind: 'edit', at: i * 60_000, file: 'src/a.ts', startLine: 1, endLine: 1 });
    const summary = detectLongUncommitted(events, DEFAULT_THRESHOLDS)?.summary;
    const expected = accented("You've been editing {0} for {1} without a commit.")
      .replace('{0}', 'src/a.ts')
      .replace('{1}', accented('{0} min').replace('{0}', '59'));
    assert.equal(summary, expected);
  });

  it('translates hygiene reasons, their advice, the queue groups and the status tooltip', () => {
    const flags = hygieneFlags(pr({ requestedReviewers: [] }), { now: NOW, targetHours: 7, thresholds: SETTINGS.hygiene });
    assert.deepEqual(
      flags.map((f) => f.label),
      [accented('no reviewers requested')],
    );
    assert.equal(FLAG_GUIDE['no-reviewers'].short, accented('no reviewers'));
    assert.equal(GROUP_TEXT.waiting.label, accented('Waiting on you'));
    const tooltip = statusView({ queue: undefined, targetHours: 7, hideWhenEmpty: false }).tooltip;
    assert.equal(tooltip, accented('No reviews wait on you. Click to open the Review Queue.'));
  });

  it('translates the Coach page, and escapes a translation like any other text', () => {
    const html = renderCoachHtml(coachModel('Q'), res);
    assert.ok(html.includes(`<h3>${accented('Who knows this code')}</h3>`));
    assert.ok(html.includes(accented('Copy a question for {0}').replace('{0}', 'Ada')));
    assert.doesNotMatch(html, />Who knows this code</);

    l10n.config({ contents: { 'Who knows this code': '<b>Wer</b> & "wie"', 'Copy a question for {0}': '<i>{0}</i> fragen' } });
    const hostile = renderCoachHtml(coachModel('Q'), res);
    assert.ok(hostile.includes('<h3>&lt;b&gt;Wer&lt;/b&gt; &amp; &quot;wie&quot;</h3>'));
    assert.ok(hostile.includes('&lt;i&gt;Ada&lt;/i&gt; fragen'));
  });

  it('translates the pull request overview, with its markup in the translated sentence’s places', () => {
    const input = { pr: pr({ author: 'ada', headRef: 'fix', baseRef: 'main' }), loading: false, pinned: false, prExtension: false };
    const render = () => renderOverviewHtml({ ...input, checkDescription: false, now: NOW }, res);
    const html = render();
    assert.ok(html.includes(`<h2>${accented('Why it is here')}</h2>`));
    const meta = accented('{0} wants to merge {1} into {2} in {3}');
    assert.ok(
      html.includes(
        meta
          .replace('{0}', '<span class="who">ada</span>')
          .replace('{1}', '<code>fix</code>')
          .replace('{2}', '<code>main</code>')
          .replace('{3}', 'acme/app'),
      ),
    );

    l10n.config({ contents: { '{0} wants to merge {1} into {2} in {3}': '<i>{0}</i> → {2} ← {1} ({3})' } });
    assert.ok(render().includes('&lt;i&gt;<span class="who">ada</span>&lt;/i&gt; → <code>main</code> ← <code>fix</code> (acme/app)'));
  });
});
