import * as assert from 'node:assert/strict';
import { healthContentSecurityPolicy, jsonForScript, renderHealthHtml } from '../../../src/health/view/html';
import { isFigureId, isFromDashboard } from '../../../src/health/view/protocol';
import { webBaseOf } from '../../../src/health/source/github';
import { formatHours, formatShare, listWords, weekLabel } from '../../../src/health/webview/format';
import { parseColor, textOn, withAlpha } from '../../../src/health/webview/colors';
import { computeHealth } from '../../../src/health/model/report';
import { csvCell, exportFolderName, healthCsvFiles, healthMarkdown, isInside, mdCell } from '../../../src/health/view/export';
import { at, delivery } from './fixtures';

describe('health dashboard shell and protocol', () => {
  it('allows only our script by nonce and our stylesheet: no inline styles, no eval', () => {
    const csp = healthContentSecurityPolicy('https://x.vscode-cdn.net', 'abc123');
    assert.equal(
      csp,
      "default-src 'none'; style-src https://x.vscode-cdn.net; script-src 'nonce-abc123'; img-src https://x.vscode-cdn.net data:; font-src https://x.vscode-cdn.net",
    );
    assert.doesNotMatch(csp, /unsafe/);
    const html = renderHealthHtml({
      cspSource: 'https://x',
      nonce: 'n0',
      scriptUri: 'https://x/health.js?"><script>',
      styleUri: 'https://x/health.css',
    });
    assert.match(html, /<script nonce="n0" src="https:\/\/x\/health.js\?&quot;&gt;&lt;script&gt;"><\/script>/);
    assert.doesNotMatch(html, /style=/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
  });

  it('accepts only well-formed messages from the webview', () => {
    const ok: unknown[] = [
      { type: 'health/ready' },
      { type: 'health/setPeriod', weeks: 26 },
      { type: 'health/openPullRequest', number: 12 },
      { type: 'health/openPullRequest', number: 12, url: 'https://github.com/o/r/pull/12' },
      { type: 'health/openCommit', hash: 'abcdef1' },
      { type: 'health/revealFolder', path: 'src/db' },
      { type: 'health/revealFolder', path: '' },
      { type: 'health/export' },
      { type: 'health/painted', weeks: 12, repoRoot: '/ws/a', renderMs: 12.5, complete: false, theme: 'dark' },
      { type: 'health/cspViolation', directive: 'style-src', blocked: 'inline' },
      { type: 'health/revealed', figure: 'truckFactor' },
    ];
    for (const m of ok) assert.equal(isFromDashboard(m), true, JSON.stringify(m));
    const bad: unknown[] = [
      null,
      'health/ready',
      { type: 'health/setPeriod', weeks: 5 },
      { type: 'health/openPullRequest', number: 1.5 },
      { type: 'health/openPullRequest', number: 3, url: 'javascript:alert(1)' },
      { type: 'health/openCommit', hash: 'not a hash' },
      { type: 'health/revealFolder', path: '../../etc' },
      { type: 'health/revealFolder', path: '/etc' },
      { type: 'health/revealFolder', path: 'src\\..\\x' },
      { type: 'health/selectRepository', root: '' },
      { type: 'health/unknown' },
      { type: 'health/painted', weeks: 12, repoRoot: '/ws/a', renderMs: -1, complete: true, theme: 'dark' },
      { type: 'health/painted', weeks: 12, repoRoot: '/ws/a', renderMs: 1 },
      { type: 'health/cspViolation', directive: 'x'.repeat(201), blocked: '' },
      { type: 'health/revealed', figure: 'linesOfCodePerPerson' },
    ];
    for (const m of bad) assert.equal(isFromDashboard(m), false, JSON.stringify(m));
  });
});

describe('health dashboard first report and export helpers', () => {
  it('carries the first report in the page as JSON that cannot close its script element', () => {
    const hostile = { title: '</script><script>alert(1)</script> & <!-- \u2028' };
    const json = jsonForScript(hostile);
    assert.doesNotMatch(json, /<|>|&|\u2028/);
    assert.deepEqual(JSON.parse(json), hostile);
    const html = renderHealthHtml({
      cspSource: 'https://x',
      nonce: 'n1',
      scriptUri: 'https://x/h.js',
      styleUri: 'https://x/h.css',
      initial: hostile,
    });
    assert.match(html, /<script type="application\/json" id="initial" nonce="n1">\{"title":"\\u003c\/script\\u003e/);
    assert.equal((html.match(/<\/script>/g) ?? []).length, 2, 'the data block and our script, nothing else');
    assert.doesNotMatch(renderHealthHtml({ cspSource: 'x', nonce: 'n', scriptUri: 's', styleUri: 'c' }), /application\/json/);
  });

  it('names figures it knows only', () => {
    assert.equal(isFigureId('truckFactor'), true);
    assert.equal(isFigureId('__proto__'), false);
    assert.equal(isFigureId(3), false);
  });

  it('exports into a dated folder named after the repository, and knows when a folder is inside one', () => {
    assert.equal(exportFolderName('Shop Front/API', Date.UTC(2026, 1, 25, 12), 'UTC'), 'team-health-shop-front-api-2026-02-25');
    assert.equal(exportFolderName('…', Date.UTC(2026, 1, 25, 12), 'UTC'), 'team-health-repository-2026-02-25');
    assert.equal(isInside('/ws/shop/reports', '/ws/shop'), true);
    assert.equal(isInside('/ws/shop', '/ws/shop/'), true);
    assert.equal(isInside('/ws/shopping', '/ws/shop'), false);
    assert.equal(isInside('C:\\ws\\shop\\out', 'C:\\ws\\shop'), true);
  });

  it('links to GitHub or to a GitHub Enterprise server', () => {
    assert.equal(webBaseOf('https://api.github.com'), 'https://github.com');
    assert.equal(webBaseOf('https://github.example.com/api/v3'), 'https://github.example.com');
    assert.equal(webBaseOf('not a url'), 'https://github.com');
  });
});

describe('health dashboard formatting and colours', () => {
  it('writes durations, shares and week labels', () => {
    assert.deepEqual(
      [0.25, 1, 7.36, 47.9, 48, 100].map((h) => formatHours(h)),
      ['15 min', '1 h', '7.4 h', '47.9 h', '2 d', '4.2 d'],
    );
    assert.equal(formatHours(100, true), '100 h', 'business hours stay in hours');
    assert.equal(formatHours(NaN), '—');
    assert.equal(formatShare(0.296), '30%');
    assert.equal(weekLabel('2025-03-03'), 'Mar 3');
    assert.equal(listWords(['Ann', 'Ben', 'Cid']), 'Ann, Ben and Cid');
  });

  it('picks black or white text for a fill, over the background when translucent', () => {
    assert.deepEqual(parseColor('#1a85ff'), [26, 133, 255, 1]);
    assert.deepEqual(parseColor('rgba(204, 204, 204, 0.5)'), [204, 204, 204, 0.5]);
    assert.deepEqual(parseColor('#fff8'), [255, 255, 255, 136 / 255]);
    assert.equal(parseColor('var(--x)'), undefined);
    assert.equal(textOn('#cca700', '#1f1f1f'), '#000000', 'dark text on the dark theme yellow');
    assert.equal(textOn('#e51400', '#ffffff'), '#ffffff', 'white text on the light theme red');
    assert.equal(textOn(withAlpha('#1a85ff', 0.2), '#ffffff'), '#000000', 'a pale tint over white');
    assert.equal(textOn(withAlpha('#3794ff', 0.2), '#1f1f1f'), '#ffffff', 'a faint tint over black');
  });
});

describe('health report export', () => {
  const report = computeHealth(delivery(), { now: at(13, 20), weeks: 4, timeZone: 'UTC' });

  it('writes one Markdown document with every figure, a table per chart and the definitions', () => {
    const md = healthMarkdown(report, 'shop');
    assert.match(md, /^# Team Health: shop\n/);
    assert.match(md, /\| Lead time for changes \| 4 h \| n = 6; elite cluster \|/);
    assert.match(md, /\| Change failure rate \| 28\.6% \| 2 of 7 releases; high cluster \|/);
    assert.match(md, /\| Pickup time \| — \| not enough data: Pickup time needs GitHub data/);
    assert.match(md, /## Releases per week\n\n\| Week of \| Releases \| Failed \|\n\|---\|---\|---\|\n\| 2025-02-17 \| 1 \| 0 \|/);
    assert.match(md, /## Definitions/);
    assert.match(md, /Review load\n\nNot available: review load needs GitHub reviews/);
  });

  it('writes CSV files, quoting and defusing untrusted text', () => {
    const files = healthCsvFiles(report);
    assert.deepEqual(
      files.map((f) => f.name),
      ['flow-weekly.csv', 'pull-requests.csv', 'releases.csv', 'knowledge-folders.csv', 'review-pairs.csv'],
    );
    const releases = files.find((f) => f.name === 'releases.csv')!.content.split('\r\n');
    assert.equal(releases[0], 'release,date,commit,failed,cause,fix_commit,recovered_by,recovery_h');
    assert.match(releases[1], /^v1\.4\.1,2025-03-02,/);
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvCell('a, b'), '"a, b"');
    assert.equal(csvCell(-3), '-3', 'numbers are numbers');
    assert.equal(mdCell('a | b\n<script>'), 'a \\| b &lt;script&gt;');
  });
});
