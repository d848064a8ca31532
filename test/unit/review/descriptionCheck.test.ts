import * as assert from 'node:assert/strict';
import type { PullDetails } from '../../../src/review/model/pullDetails';
import { changeSizeOf, descriptionCheckOutcome, descriptionToCheck, excerpt } from '../../../src/review/policy/descriptionCheck';
import { checkDescription } from '../../../src/words/model/description';
import type { DescriptionFinding } from '../../../src/words/api';
import { NOW, pr } from './fixtures';

const WHAT_ONLY = 'Adds retries to downloads.\n\nMoves the backoff into a shared helper. Obviously the old loop was stupid.';

function details(files: { additions: number; deletions: number }[], filesTruncated = false): PullDetails {
  const p = pr({ number: 40 });
  return {
    pr: p,
    files: files.map((f, i) => ({ path: `f${i}.ts`, status: 'modified', ...f })),
    filesTruncated,
    checkRuns: [],
    timeline: [],
    fetchedAt: NOW,
  };
}

describe('Check description: what is checked', () => {
  it('drops what a template leaves behind, so a template alone is no description', () => {
    assert.equal(descriptionToCheck(pr({ body: '<!-- Say why -->\n\n' })), '');
    assert.equal(descriptionToCheck(pr({ body: '<!-- Say why -->\nAdds retries.' })), 'Adds retries.');
  });

  it('weighs it at the size GitHub gives, else the complete file list, else at no size', () => {
    assert.deepEqual(changeSizeOf(pr({ additions: 60, deletions: 24, changedFiles: 3 })), { files: 3, lines: 84 });
    const loaded = details([
      { additions: 10, deletions: 5 },
      { additions: 1, deletions: 0 },
    ]);
    const unknown = pr({ additions: undefined, deletions: undefined, changedFiles: undefined });
    assert.deepEqual(changeSizeOf(unknown, loaded), { files: 2, lines: 16 });
    assert.equal(changeSizeOf(unknown, { ...loaded, filesTruncated: true }), undefined, 'part of a list is not the size');
    assert.equal(changeSizeOf(unknown), undefined);
  });
});

describe('Check description: what the user is told', () => {
  const target = pr({ number: 8, title: 'Retry downloads too' });

  it('says plainly that there is nothing to check', () => {
    assert.deepEqual(descriptionCheckOutcome(target, '  ', []), { kind: 'empty', message: '#8 has no description to check.' });
  });

  it('a short message when the description gives its why and its tone is fine', () => {
    assert.deepEqual(descriptionCheckOutcome(target, 'Retries downloads because users lose work.', []), {
      kind: 'clean',
      message: 'The description of #8 says why, and its tone reads well.',
    });
  });

  it('one row per finding: the message, its kind, the words quoted; the title names the pull request and the count', () => {
    const findings = checkDescription(WHAT_ONLY, { files: 3, lines: 120 });
    const outcome = descriptionCheckOutcome(target, WHAT_ONLY, findings);
    assert.equal(outcome.kind, 'findings');
    if (outcome.kind !== 'findings') return;
    assert.equal(outcome.title, '#8 Retry downloads too: 3 findings in its description');
    assert.deepEqual(
      outcome.items.map((i) => [i.kind, i.kindLabel, i.detail]),
      [
        ['why', 'why', '“Adds retries to downloads.”'],
        ['tone', 'tone', '“Moves the backoff into a shared helper. Obviously the old loop was stupid.”'],
        ['tone', 'tone', '“…helper. Obviously the old loop was stupid.”'],
      ],
    );
    assert.match(outcome.items[0].label, /^\$\(question\) This description says what changed \(3 files, 120 lines\) but not why\./);
    assert.equal(outcome.items[1].label, '$(warning) "Obviously" talks down to the author.');
  });

  it('the why comes first, then tone in text order, so each kind is one group', () => {
    const at = (rule: DescriptionFinding['rule'], start: number): DescriptionFinding => ({
      rule,
      severity: rule === 'missing-why' ? 'info' : 'warning',
      message: rule,
      start,
      end: start + 1,
      words: 'x',
    });
    const outcome = descriptionCheckOutcome(target, 'x'.repeat(20), [at('insult', 0), at('missing-why', 5), at('condescension', 9)]);
    assert.ok(outcome.kind === 'findings');
    assert.deepEqual(
      outcome.items.map((i) => i.label),
      ['$(question) missing-why', '$(warning) insult', '$(warning) condescension'],
    );
  });

  it('a single finding is counted in the singular', () => {
    const one: DescriptionFinding = { rule: 'insult', severity: 'warning', message: 'm', start: 0, end: 4, words: 'Dumb' };
    const outcome = descriptionCheckOutcome(pr({ number: 3, title: 'T' }), 'Dumb idea.', [one]);
    assert.equal(outcome.kind === 'findings' && outcome.title, '#3 T: 1 finding in its description');
  });

  it('the quoted words stay words: no icon, no bidi control, one line', () => {
    const text = 'First line\nSee $(alert) and \u202Eevil\u202C here, you idiot\nlast';
    const start = text.indexOf('idiot');
    const finding: DescriptionFinding = {
      rule: 'insult',
      severity: 'warning',
      message: '"idiot" hurts',
      start,
      end: start + 5,
      words: 'idiot',
    };
    const outcome = descriptionCheckOutcome(target, text, [finding]);
    assert.ok(outcome.kind === 'findings');
    assert.equal(outcome.items[0].detail, '“See \\$(alert) and evil here, you idiot”');
  });
});

describe('Check description: excerpts', () => {
  it('a whole-text finding quotes the start of its line', () => {
    assert.equal(excerpt('Short text.\nMore.', { start: 0, end: 0 }), '“Short text.”');
  });
  it('a long line is cut around the words, with ellipses where it was cut', () => {
    const line = `${'a '.repeat(60)}BAD${' b'.repeat(60)}`;
    const start = line.indexOf('BAD');
    const quoted = excerpt(line, { start, end: start + 3 });
    assert.ok(quoted.startsWith('“…') && quoted.endsWith('…”'), quoted);
    assert.ok(quoted.includes('BAD'));
    assert.ok(quoted.length < 100);
  });
});
