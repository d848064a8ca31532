import * as assert from 'node:assert/strict';
import { applyEdits } from '../../../src/words/model/findings';
import { combinedRewrite, proposeRewrites } from '../../../src/words/model/rewrites';
import { checkComment, type CommentRule, toneFlags } from '../../../src/words/model/rules';

/** The tone rules a comment raises as warnings (what a reader feels). */
function flags(text: string): CommentRule[] {
  return [...new Set(toneFlags(checkComment(text)).map((f) => f.rule))].sort();
}

const MUST_FLAG: Record<string, string[]> = {
  insult: [
    // The misses quoted in issue 15.
    'Yuck. Use %.70s here instead.',
    'This looks ugly compared to the previous version.',
    'the name is ugly',
    'stupid style nit',
    'lazy-lazy',
    'This is garbage, please rewrite it.',
    'Who wrote this?',
    'This sucks.',
    'What an idiotic way to parse a date.',
    'Such a dirty hack.',
    'What were you thinking here?',
    'This is a horrible abstraction.',
    'This is spaghetti code.',
    'This is a lazy implementation.',
    'Are you kidding me?',
    'I hate this pattern.',
    'This is rubbish.',
  ],
  profanity: [
    'There is a crap load of info() lines here.',
    'wtf is this loop',
    'What the hell does this flag do?',
    'This is shit.',
    'f*ck, the tests broke again',
    'Damn, this is slow.',
    'This is bullshit.',
  ],
  condescension: [
    'Obviously this needs a lock.',
    'As anyone knows, floats are not exact.',
    'Any competent developer would cache this.',
    'Did you even run the tests?',
    'It is not rocket science.',
    'Even a junior would see the bug.',
    "It's pretty obvious that this leaks.",
  ],
  sarcasm: [
    'Oh great, another global.',
    'What could possibly go wrong?',
    'Yeah, right.',
    'Nice job, you broke the build.',
    'Good luck with that 🙄',
    'Sure, ship it /s',
  ],
  shouting: ['THIS IS NOT HOW WE DO IT', 'WRONG, BUTTHORN!'],
  'absolute-wording': ['You always forget the tests.', 'You never check errors.'],
};

const MUST_NOT_FLAG: string[] = [
  // Neutral technical words from issue 15.
  'Kill the process before the upgrade, otherwise the port stays open.',
  'Use a dummy value here so the test does not hit the network.',
  'Rebase onto the master branch first.',
  'We wrote this during hack week; it can go now.',
  'This is a bit of a hack, but it unblocks the release.',
  'A fatal error here aborts the whole batch.',
  'The garbage collector will free it.',
  'Lazy loading keeps start-up fast.',
  'Use `lazy_static!` for the regex.',
  'This returns garbage when the buffer is not initialised.',
  'The child process is killed on timeout and the dummy server is shut down.',
  'Execute the migration in a transaction.',
  'Set the dirty flag after the write.',
  'The dumb terminal does not support colours.',
  'Move the file to the trash folder instead of deleting it.',
  'Callback hell is why we moved to async/await.',
  'It is not obvious why this retries twice; could you add a comment?',
  // Quoted code, quotes and links are never judged.
  '`stupid_sort()` is the name of the benchmark baseline.',
  '> this is crap\nI disagree with the quote above, it works fine.',
  'See https://example.com/crap-detector for the tool.',
  'Thanks @uglyduckling for the review.',
  '```\n// yuck\n```\nThe comment in this block is old.',
  // Ordinary review comments.
  'Could we move this into the constructor?',
  'nit: trailing whitespace',
  'LGTM, thanks!',
  'Please add a test for the empty case.',
  'This fails on Windows because the path separator differs.',
  'Why is this needed?',
  "I'm not sure this is right; what happens when the list is empty?",
  'Pawn structure evaluation is off by one here.',
  'The form still needs the sex field for the legacy API.',
  'The Cox model fit is cached per run.',
  "Let's hit the API only once.",
  'DO NOT MERGE',
  'TODO: remove after the migration',
  'The HTTP API returns JSON.',
  'Sorry, my stupid mistake, fixed.',
];

describe('words: tone check, must flag', () => {
  for (const [rule, texts] of Object.entries(MUST_FLAG)) {
    for (const text of texts)
      it(`${rule}: ${JSON.stringify(text)}`, () =>
        assert.ok(flags(text).includes(rule as CommentRule), `got ${JSON.stringify(flags(text))}`));
  }
});

describe('words: tone check, must not flag', () => {
  for (const text of MUST_NOT_FLAG) it(JSON.stringify(text).slice(0, 90), () => assert.deepEqual(flags(text), []));
});

describe('words: findings', () => {
  it('every finding has a severity, a range on the original text and a message that says why', () => {
    const text = 'suggestion: Obviously this is ugly. You should never do this!!';
    for (const f of checkComment(text)) {
      assert.ok(f.severity === 'warning' || f.severity === 'info');
      assert.ok(f.start >= 0 && f.end >= f.start && f.end <= text.length);
      assert.equal(text.slice(f.start, f.end), f.words);
      assert.match(f.message, /\w{4,}.*\w{4,}/);
    }
  });
  it('points at the word, not the sentence', () => {
    const text = 'The name is ugly.';
    const [f] = checkComment(text);
    assert.equal(f.rule, 'insult');
    assert.equal(text.slice(f.start, f.end), 'ugly');
  });
  it('insults about your own work are a quiet note, not a flag', () => {
    const found = checkComment('Sorry, my stupid mistake.');
    assert.equal(found[0].rule, 'insult');
    assert.equal(found[0].severity, 'info');
  });
  it('orders without a reason and absolute wording are quiet suggestions', () => {
    const found = checkComment('Rename this variable. Always use const.');
    assert.ok(found.length > 0);
    assert.ok(found.every((f) => f.severity === 'info'));
  });
});

describe('words: Conventional Comments only when wanted', () => {
  it('off by default: no label finding at all', () => {
    assert.deepEqual(
      checkComment('Could we move this?').map((f) => f.rule),
      [],
    );
  });
  it('off by default: a "nit:" gets only a quiet suggestion to say it does not block', () => {
    const found = checkComment('nit: spacing');
    assert.deepEqual(
      found.map((f) => [f.rule, f.severity]),
      [['nitpick-blocking', 'info']],
    );
  });
  it('suggest: a quiet label suggestion', () => {
    const found = checkComment('Could we move this?', { conventionalComments: 'suggest' });
    assert.deepEqual(
      found.map((f) => [f.rule, f.severity]),
      [['missing-label', 'info']],
    );
    assert.match(found[0].message, /question:/);
  });
  it('require (opted in): a missing label and a blocking nitpick are warnings', () => {
    assert.deepEqual(
      checkComment('Could we move this?', { conventionalComments: 'require' }).map((f) => [f.rule, f.severity]),
      [['missing-label', 'warning']],
    );
    assert.deepEqual(
      checkComment('nitpick: spacing', { conventionalComments: 'require' }).map((f) => [f.rule, f.severity]),
      [['nitpick-blocking', 'warning']],
    );
    assert.deepEqual(checkComment('nitpick (non-blocking): spacing', { conventionalComments: 'require' }), []);
  });
});

describe('words: rewrites', () => {
  it('the combined rewrite fixes every finding in one pass ("…You should never do this." does not survive)', () => {
    const { text, leaves } = combinedRewrite('Just use a map. You should never do this.');
    assert.equal(text, 'Could we use a map? Could we avoid doing this?');
    assert.deepEqual(leaves, []);
  });
  it('a single-finding rewrite says what it leaves', () => {
    const rewrites = proposeRewrites('Just use a map. You should never do this.');
    const drop = rewrites.find((r) => r.title === 'Drop "Just"');
    assert.ok(drop);
    assert.equal(drop.text, 'Use a map. You should never do this.');
    assert.ok(drop.leaves.some((f) => f.words === 'never'));
    assert.match(drop.detail, /Still to fix by hand: .*never/);
  });
  it('the combined rewrite comes first and fixes insults, profanity and condescension together', () => {
    const rewrites = proposeRewrites('Obviously this is ugly. There is a crap load of info() lines.');
    assert.equal(rewrites[0].title, 'Fix all 3 findings');
    assert.equal(rewrites[0].text, 'This is hard to read. There is a lot of info() lines.');
    assert.deepEqual(rewrites[0].leaves, []);
  });
  it('drops an interjection that is a sentence by itself', () => {
    assert.equal(combinedRewrite('Yuck. Use %.70s here instead.').text, 'Could we use %.70s here instead?');
  });
  it('keeps findings without a mechanical fix visible', () => {
    const { leaves } = combinedRewrite('Are you kidding me? This is wrong.');
    assert.deepEqual(
      leaves.map((f) => f.rule),
      ['insult'],
    );
  });
  it('never rewrites code', () => {
    assert.equal(combinedRewrite('Obviously `simply()` is ugly.').text, '`simply()` is hard to read.');
  });
  it('applyEdits hands a removed sentence opener its capital on and tidies the comma', () => {
    assert.equal(applyEdits('Obviously, this leaks.', [{ start: 0, end: 9, text: '' }]), 'This leaks.');
    assert.equal(applyEdits('This is, obviously, slow.', [{ start: 9, end: 18, text: '' }]), 'This is, slow.');
  });
  it('offers nothing for a kind comment', () => assert.deepEqual(proposeRewrites('question: What happens when the list is empty?'), []));
});
