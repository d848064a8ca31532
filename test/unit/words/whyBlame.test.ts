import * as assert from 'node:assert/strict';
import { applyEdits } from '../../../src/words/model/findings';
import { BLAMELESS_QUESTIONS, checkBlame } from '../../../src/words/model/blame';
import { checkWhy, givesWhy, parseMessage } from '../../../src/words/model/why';

const BIG = { size: { files: 6, lines: 240 } };
const SMALL = { size: { files: 1, lines: 4 } };

describe('words: why check', () => {
  const hint: string[] = [
    'Refactor the upload pipeline',
    'Add retry to the uploader\n\nWraps the client in a retry helper with three attempts.',
    'Move settings into their own module',
    'Use a worker pool for thumbnails',
    'deprecate BaseCommand',
  ];
  const quiet: string[] = [
    'Refactor the upload pipeline\n\nThe old one read every file twice, which made big uploads slow.',
    'Add retry to the uploader so that flaky networks do not fail the sync',
    'Fix crash when the config file is empty',
    'fix(parser): handle CRLF line endings',
    'Move settings into their own module\n\nFixes #412',
    'Include --help option in completion (#1504)',
    'Use a worker pool for thumbnails to keep the UI responsive',
    'Remove legacy app.configure()\n\nIt is no longer used since 4.0.',
    "Merge branch 'main' into feature",
    'Merge pull request #12 from acme/feature',
    'Revert "Add retry"\n\nThis reverts commit 0123456789abcdef.',
    'Bump lodash from 4.17.20 to 4.17.21',
    'build(deps): bump clap from 4.5.60 to 4.6.0',
    'Release 8.3.3',
    'v2.1.0',
    'fixup! Add retry',
    'Fix typo in README',
    'Format the source code using rustfmt',
  ];
  for (const m of hint) it(`hints for a large change: ${JSON.stringify(m).slice(0, 70)}`, () => assert.ok(checkWhy(m, BIG)));
  for (const m of quiet) it(`stays quiet: ${JSON.stringify(m).slice(0, 70)}`, () => assert.equal(checkWhy(m, BIG), undefined));
  it('never hints for a one-liner or a trivial change', () => {
    assert.equal(checkWhy('Refactor the upload pipeline', SMALL), undefined);
    assert.equal(checkWhy('Refactor the upload pipeline', { size: { files: 2, lines: 29 } }), undefined);
    assert.ok(checkWhy('Refactor the upload pipeline', { size: { files: 3, lines: 10 } }));
  });
  it('judges text without a size (a PR description or draft) as non-trivial', () => assert.ok(checkWhy('Add caching layer')));
  it('the hint is quiet, covers the subject and explains itself', () => {
    const message = '\nRefactor the upload pipeline\n\nSigned-off-by: A <a@example.com>';
    const finding = checkWhy(message, BIG);
    assert.ok(finding);
    assert.equal(finding.severity, 'info');
    assert.equal(message.slice(finding.start, finding.end), 'Refactor the upload pipeline');
    assert.match(finding.message, /6 files, 240 lines/);
    assert.match(finding.message, /because|so that/);
  });
  it('parses subject and body, dropping trailers and comment lines', () => {
    assert.deepEqual(parseMessage('Subject\n\nBody line\n# comment\nSigned-off-by: A <a@x>'), { subject: 'Subject', body: 'Body line' });
  });
  it('a why in a code span does not count', () => assert.equal(givesWhy('Add `because` keyword to the lexer'), false));
});

describe('words: blame check', () => {
  const people = { participants: ['Alice', 'Bob'] };
  const mustFlag: string[] = [
    'Who broke the build?',
    'Alice should have run the tests.',
    'It was careless to deploy on Friday.',
    'Root cause: human error.',
    'Because of Bob we lost an hour.',
    "It was Alice's fault.",
    'He forgot to update the config.',
    'Bob broke production with the migration.',
    'The on-call engineer failed to notice the alert.',
    'We should have caught this in review.',
  ];
  const mustNot: string[] = [
    'The deploy failed because the migration timed out.',
    'The job failed to start after the upgrade.',
    'Alice and Bob paired on the fix at 14:10.',
    'The alert fired at 02:13; the rollback finished at 02:40.',
    'What made the bad config easy to ship?',
    'The build broke after the lockfile changed.',
  ];
  for (const t of mustFlag) it(`flags ${JSON.stringify(t)}`, () => assert.ok(checkBlame(t, people).length > 0));
  for (const t of mustNot) it(`leaves ${JSON.stringify(t)}`, () => assert.deepEqual(checkBlame(t, people), []));
  it('every finding offers a blameless question, and a rewrite where one exists', () => {
    const text = 'Who broke the build? Root cause: human error. It was careless.';
    const findings = checkBlame(text, people);
    assert.equal(findings.length, 3);
    for (const f of findings) {
      assert.equal(f.severity, 'warning');
      assert.match(f.message, /Ask instead: .+\?/);
      assert.ok(f.rewrite?.(text).endsWith('?'));
    }
    assert.equal(
      applyEdits(
        text,
        findings.flatMap((f) => f.edits ?? []),
      ),
      'What broke the build? Root cause: a gap in our process. It was.',
    );
  });
  it('names a participant as the cause only when the sentence makes them one', () => {
    const [f] = checkBlame('Alice deployed the fix. Bob caused the outage.', people);
    assert.equal(f.words, 'Bob caused');
  });
  it('has the four questions of a blameless review', () => assert.equal(BLAMELESS_QUESTIONS.length, 4));
});
