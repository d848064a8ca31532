import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { getL10nPseudoLocalized } from '@vscode/l10n-dev';
import { healthContentSecurityPolicy, renderHealthHtml } from '../../../src/health/view/html';
import { count, fill, formatHours, listWords, weekLabel } from '../../../src/health/webview/format';

// Team Health's dashboard page translates its own text: the host sends its table in the page as a
// JSON data block, and the page configures the same `@vscode/l10n` with it. These tests run the
// page's pure helpers in English, in the pseudo-locale and in a real language, and check the shell.
const ROOT = join(__dirname, '..', '..', '..');
const english = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
const pseudo = getL10nPseudoLocalized(english) as Record<string, string>;
const LANGUAGE_TAG = 'en/The language tag of this translation (BCP 47), e.g. de or pt-BR';
const LIST_KEY = '{0} and {1}/A list of names: "Ann, Ben and Cid"';
/** A few German strings, enough to see that the language, not only the words, comes from the table. */
const german = {
  [LANGUAGE_TAG]: 'de',
  [LIST_KEY]: '{0} und {1}',
  'Team Health': 'Teamgesundheit',
  '{0} h': '{0} Std.',
  'Reading history…': 'Verlauf wird gelesen…',
};
const resources = { cspSource: 'https://x', nonce: 'n2', scriptUri: 'https://x/h.js', styleUri: 'https://x/h.css' };

/** The text of the page's translation data block, as main.ts reads it with getElementById('l10n'). */
function tableBlock(html: string): string | undefined {
  return /<script type="application\/json" id="l10n" nonce="[^"]*">(.*?)<\/script>/s.exec(html)?.[1];
}

describe('Team Health dashboard text', () => {
  afterEach(() => l10n.config({ contents: undefined }));

  it('writes durations, counts, week labels and lists in English when unconfigured', () => {
    assert.deepEqual(
      [0.25, 7.36, 100].map((h) => formatHours(h)),
      ['15 min', '7.4 h', '4.2 d'],
    );
    assert.deepEqual(
      [count(1, 'release'), count(3, 'release'), count(1, 'person'), count(2, 'person')],
      ['1 release', '3 releases', '1 person', '2 people'],
    );
    assert.equal(weekLabel('2025-03-03'), 'Mar 3');
    assert.equal(weekLabel('not a day'), 'not a day', 'a label that is not a date is shown as it is');
    assert.deepEqual(
      [[], ['Ann'], ['Ann', 'Ben'], ['Ann', 'Ben', 'Cid']].map((names) => listWords(names)),
      ['', 'Ann', 'Ann and Ben', 'Ann, Ben and Cid'],
    );
  });

  it('translates units, counts and lists in the pseudo-locale; an unusable language tag leaves dates English', () => {
    l10n.config({ contents: pseudo });
    assert.equal(formatHours(0.25), pseudo['{0} min'].replace('{0}', '15'));
    assert.equal(formatHours(7.36), pseudo['{0} h'].replace('{0}', '7.4'));
    assert.equal(formatHours(100), pseudo['{0} d'].replace('{0}', '4.2'));
    assert.notEqual(formatHours(100), '4.2 d');
    assert.equal(count(3, 'file'), pseudo['{0} files'].replace('{0}', '3'));
    assert.equal(count(1, 'file'), pseudo['1 file']);
    // The pseudo-locale accents the tag too ("ḗḗƞ"), which Intl refuses: the page must not break on it.
    assert.equal(weekLabel('2025-03-03'), 'Mar 3');
    const and = pseudo[LIST_KEY].replace('{0}', 'Ann').replace('{1}', 'Ben');
    assert.notEqual(and, 'Ann and Ben');
    assert.equal(listWords(['Ann', 'Ben']), and);
  });

  it('writes month names and lists in the translation’s language', () => {
    l10n.config({ contents: german });
    assert.equal(weekLabel('2025-03-03'), '3. März');
    assert.equal(listWords(['Ann', 'Ben', 'Cid']), 'Ann, Ben und Cid');
    assert.equal(formatHours(3), '3 Std.');
  });

  it('puts elements into a translated sentence in the translation’s order', () => {
    assert.deepEqual(fill('{0} reverted by {1}', 'v1.2', 'LINK'), ['v1.2', ' reverted by ', 'LINK']);
    assert.deepEqual(fill('Von {1} zurückgenommen: {0}', 'v1.2', 'LINK'), ['Von ', 'LINK', ' zurückgenommen: ', 'v1.2']);
    assert.deepEqual(fill('{0} and {1}', 'only one'), ['only one', ' and ', '{1}'], 'a place without a part stays as written');
  });
});

describe('Team Health dashboard shell and its translation table', () => {
  afterEach(() => l10n.config({ contents: undefined }));

  it('sends no table in English, and the page is English', () => {
    const html = renderHealthHtml(resources);
    assert.equal(tableBlock(html), undefined);
    assert.doesNotMatch(html, /id="l10n"/);
    assert.match(html, /<html lang="en">/);
    assert.match(html, /<title>Team Health<\/title>/);
    assert.match(html, />Reading history…<\/p>/);
  });

  it('carries the table, with the nonce, as JSON that cannot end its element; the policy stays as strict', () => {
    l10n.config({ contents: german });
    const hostile = { ...german, Flow: '</script><script>alert(1)</script><!--' };
    const html = renderHealthHtml({ ...resources, translations: hostile });
    const block = tableBlock(html);
    assert.ok(block, 'the data block is there');
    assert.doesNotMatch(block, /[<>&]/);
    assert.deepEqual(JSON.parse(block), hostile);
    assert.equal((html.match(/<script/g) ?? []).length, 2, 'the data block and our script');
    assert.equal((html.match(/<\/script>/g) ?? []).length, 2, 'a translation ended no element');
    assert.match(html, /<script type="application\/json" id="l10n" nonce="n2">/);
    const csp = healthContentSecurityPolicy(resources.cspSource, resources.nonce);
    assert.ok(html.includes(`content="${csp.replace(/'/g, '&#39;')}"`), 'the same policy as without a table');
    assert.doesNotMatch(html, /unsafe|style=/);
    assert.match(html, /<html lang="de">/);
    assert.match(html, /<title>Teamgesundheit<\/title>/);
    assert.match(html, />Verlauf wird gelesen…<\/p>/);
  });

  it('gives the page a table its own l10n reads as the host does', () => {
    const html = renderHealthHtml({ ...resources, translations: german, initial: { type: 'health/report' } });
    assert.ok(html.indexOf('id="l10n"') < html.indexOf('id="initial"'), 'the table comes before the report');
    // What main.ts does with the block's text before it draws anything.
    l10n.config({ contents: tableBlock(html) });
    assert.equal(formatHours(3), '3 Std.');
    assert.equal(weekLabel('2025-03-03'), '3. März');
  });
});
