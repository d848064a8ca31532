import * as assert from 'node:assert/strict';
import { checkComment, type CommentRule, suggestLabel } from '../../../src/words/model/rules';
import { maskCode } from '../../../src/words/model/mask';
import { splitParagraphs } from '../../../src/words/model/paragraphs';
import { proposeRewrites, rephraseAsQuestion, soften, withLabel, withReason } from '../../../src/words/model/rewrites';

type R = CommentRule;
const ABS: R = 'absolute-wording';
const WHY: R = 'request-without-reason';
const LBL: R = 'missing-label';
const NIT: R = 'nitpick-blocking';
const SHOUT: R = 'shouting';

/** Real-looking review comments and the rules each must (and must only) trigger. */
const COMMENTS: { text: string; rules: R[] }[] = [
  // Fine as written: labelled, reasoned, kind. These must stay quiet.
  { text: 'praise: Nice extraction, this reads much better now.', rules: [] },
  { text: 'question: What happens here when the list is empty?', rules: [] },
  { text: 'suggestion: Could we use a `Map` here instead of an object?', rules: [] },
  { text: 'suggestion: Extract this into a helper so that the retry logic lives in one place.', rules: [] },
  { text: 'issue (blocking): This leaks the file handle because `close()` is never called on the error path.', rules: [] },
  { text: 'nitpick (non-blocking): Trailing whitespace on line 12.', rules: [] },
  { text: 'thought: We could cache this later if it shows up in profiles.', rules: [] },
  { text: 'note: This mirrors the approach in the billing service.', rules: [] },
  { text: 'suggestion: Rename `tmp` to `pendingOrders`, since the loop below only ever adds pending orders.', rules: [] },
  { text: 'todo: Add a test for the timeout branch, otherwise a regression here would go unnoticed.', rules: [] },
  { text: 'chore: Bump the lockfile; see https://github.com/acme/api/issues/412', rules: [] },
  { text: 'question: Is the `JSON` payload always UTF-8 here, or can clients send Latin-1?', rules: [] },
  { text: 'praise: Great catch on the off-by-one!', rules: [] },
  { text: 'suggestion (non-blocking): Consider `Array.prototype.flatMap` to avoid the intermediate array.', rules: [] },
  { text: 'issue: This is never reached when `retries` is 0, so the error is swallowed.', rules: [] },
  { text: 'question: Just to confirm, does this run before or after the migration?', rules: [] },
  { text: 'thought: I just realised we have the same parsing in `legacy/csv.ts`; worth sharing later.', rules: [] },
  { text: 'suggestion: Call `simply()` only once per request to keep the hot path cheap.', rules: [] },
  { text: 'note: The HTTP client retries on 503 by default (see the README).', rules: [] },
  { text: 'question: Should we always log here, or only in debug mode?', rules: [] },
  { text: 'suggestion:\n```ts\nif (!user) return; // just bail out\n```\nThis keeps the happy path unindented.', rules: [] },
  { text: 'issue: Returns the wrong total when a discount applies, because `applyDiscount` runs twice.', rules: [] },
  { text: 'question: Per our style guide, should this be `readonly`?', rules: [] },
  { text: 'praise: > obviously the simplest fix\nAgreed, and thanks for finding it.', rules: [] },

  // Unlabelled but otherwise fine: only the label is missing.
  { text: 'Nice, this reads much better now.', rules: [LBL] },
  { text: 'What happens here when the list is empty?', rules: [LBL] },
  { text: 'Could we move this into the constructor?', rules: [LBL] },
  { text: 'Use `const` here because it is never reassigned.', rules: [LBL] },

  // Requests without a reason.
  { text: 'Rename this variable.', rules: [WHY, LBL] },
  { text: 'suggestion: Move this to utils.', rules: [WHY] },
  { text: 'Please add tests.', rules: [WHY, LBL] },
  { text: 'issue: This should be async.', rules: [WHY] },
  { text: "Don't use any here.", rules: [WHY, LBL] },

  // Absolute or imperative wording.
  { text: 'Just use a map.', rules: [ABS, WHY, LBL] },
  { text: 'You should use the existing helper.', rules: [ABS, WHY, LBL] },
  { text: "Why didn't you write a test for this?", rules: [ABS, LBL] },
  { text: 'This is wrong.', rules: [ABS, LBL] },
  { text: 'suggestion: Obviously this needs a null check because `user` can be undefined.', rules: ['condescension'] },
  { text: 'Always validate input at the boundary.', rules: [ABS, LBL] },
  { text: 'suggestion: Never catch `Error` here, it hides bugs.', rules: [ABS] },
  { text: 'You need to simply call `flush()` first.', rules: [ABS, ABS, WHY, LBL] },
  { text: 'Clearly this is a race condition.', rules: [ABS, LBL] },

  // Nitpicks that block.
  { text: 'nit: trailing comma', rules: [LBL, NIT] },
  { text: 'nitpick: Extra blank line here.', rules: [NIT] },
  { text: 'nitpick (blocking): Prefer single quotes for consistency.', rules: [NIT] },

  // Shouting.
  { text: 'suggestion: This BREAKS production if the cache is cold, so we need a fallback.', rules: [SHOUT] },
  { text: 'question: Why is this here??', rules: [SHOUT] },
  { text: 'issue: This fails on empty input!!! Add a guard so the parser never sees null.', rules: [SHOUT] },
  { text: 'DO NOT MERGE THIS', rules: [LBL, SHOUT, WHY] },
  { text: 'note: `MAX_RETRIES` and `HTTP_TIMEOUT` come from the env.', rules: [] },
];

/** These tables use the opt-in mode (`conventionalComments: 'require'`), so the label rules run too. */
const OPTED_IN = { conventionalComments: 'require' } as const;

describe('words: review-comment rules (Conventional Comments opted in)', () => {
  it(`covers at least 40 comments (${COMMENTS.length})`, () => assert.ok(COMMENTS.length >= 40));
  for (const c of COMMENTS) {
    it(`${c.rules.length === 0 ? 'leaves alone' : c.rules.join(', ')}: ${JSON.stringify(c.text).slice(0, 80)}`, () => {
      const found = checkComment(c.text, OPTED_IN)
        .map((f) => f.rule)
        .sort();
      assert.deepEqual(found, [...c.rules].sort());
    });
  }
  it('points at the offending word in the original text', () => {
    const text = 'suggestion: You could just inline it because it is used once.';
    const [finding] = checkComment(text);
    assert.equal(finding.rule, 'absolute-wording');
    assert.equal(text.slice(finding.start, finding.end), 'just');
    assert.equal(finding.message, '"just" makes the work sound trivial.');
  });
  it('points at a sentence-initial "Always" without the sentence boundary', () => {
    const text = 'suggestion: Fine. Always close it, as the pool is small.';
    const finding = checkComment(text).find((f) => f.rule === 'absolute-wording');
    assert.equal(text.slice(finding?.start, finding?.end), 'Always');
  });
  it('ignores an empty or code-only comment', () => {
    assert.deepEqual(checkComment(''), []);
    assert.deepEqual(checkComment('`just`'), []);
  });

  const labels: { text: string; label: string }[] = [
    { text: 'nit: spacing', label: 'nitpick (non-blocking):' },
    { text: 'Does this handle nulls?', label: 'question:' },
    { text: 'Love this, thanks!', label: 'praise:' },
    { text: 'Move this to utils.', label: 'suggestion:' },
  ];
  for (const c of labels) it(`suggests "${c.label}" for ${JSON.stringify(c.text)}`, () => assert.equal(suggestLabel(c.text), c.label));

  it('masks code spans, fences and quotes without moving offsets', () => {
    const text = 'a `b` c\n```\njust\n```\n> quoted\nd';
    const masked = maskCode(text);
    assert.equal(masked.length, text.length);
    assert.equal(masked, 'a     c\n   \n    \n   \n        \nd');
  });
});

describe('words: review-comment rewrites', () => {
  const questions: { text: string; expected: string }[] = [
    { text: 'You should use the existing helper.', expected: 'Could we use the existing helper?' },
    { text: 'Just use a map.', expected: 'Could we use a map?' },
    {
      text: 'suggestion: Rename this variable. It shadows `user`.',
      expected: 'suggestion: Could we rename this variable? It shadows `user`.',
    },
    { text: "Why didn't you write a test for this?", expected: "Why didn't you write a test for this?" },
    { text: "Why didn't you write a test for this.", expected: 'Was there a reason not to write a test for this?' },
    { text: "Don't use any here.", expected: 'Could we avoid using any here?' },
    { text: 'This is wrong.', expected: 'I think this might not be right; what do you think?' },
    { text: 'The cache is stale after logout.', expected: 'What do you think about this: the cache is stale after logout?' },
    { text: 'Obviously this needs a null check.', expected: 'What do you think about this: this needs a null check?' },
  ];
  for (const c of questions) it(`rephrases ${JSON.stringify(c.text)}`, () => assert.equal(rephraseAsQuestion(c.text), c.expected));

  it('softens outside code only', () => assert.equal(soften('Just call `just()` simply once.'), 'Call `just()` once.'));
  it('adds a label, replacing an existing one', () => {
    assert.equal(withLabel('nit: spacing', 'nitpick (non-blocking):'), 'nitpick (non-blocking): spacing');
    assert.equal(withLabel('Nice work!', 'praise:'), 'praise: Nice work!');
  });
  it('adds a reason placeholder before the end of the first sentence', () => {
    assert.equal(withReason('Move this to utils.'), 'Move this to utils because [reason].');
    assert.equal(withReason('Move `a.b` to utils'), 'Move `a.b` to utils because [reason]');
    assert.equal(withReason('Move this. Then test.'), 'Move this because [reason]. Then test.');
  });
  it('offers the combined rewrite first, then one per finding, none identical to the text', () => {
    const text = 'Just use a map.';
    const rewrites = proposeRewrites(text, checkComment(text, OPTED_IN), OPTED_IN);
    assert.deepEqual(
      rewrites.map((r) => r.title),
      [
        'Fix all 3 findings',
        'Add label "suggestion:"',
        'Drop "Just"',
        'Rephrase as a question',
        'Add "because …"',
        'Add label "question:"',
        'Add label "nitpick (non-blocking):"',
        'Add label "praise:"',
        'Add label "issue:"',
      ],
    );
    assert.equal(rewrites[0].text, 'suggestion: Could we use a map?');
    assert.deepEqual(rewrites[0].leaves, []);
    for (const r of rewrites) assert.notEqual(r.text, text);
    assert.deepEqual(proposeRewrites('praise: Nice!', checkComment('praise: Nice!')), []);
  });
});

describe('words: review drafts split into comments', () => {
  it('finds one comment per paragraph with its offset, skipping headings and fences', () => {
    const text = '# Review of #42\n\nJust use a map.\n\nquestion: Why here?\nSecond line.\n\n```ts\ncode\n```\n';
    const paragraphs = splitParagraphs(text);
    assert.deepEqual(
      paragraphs.map((p) => p.text),
      ['Just use a map.', 'question: Why here?\nSecond line.'],
    );
    for (const p of paragraphs) assert.equal(text.slice(p.start, p.start + p.text.length), p.text);
  });
});
