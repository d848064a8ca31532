import * as assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';

// '@vscode/l10n' resolves to src/core/l10n.ts (tsconfig `paths`): the pure layer's translator.
describe('@vscode/l10n (src/core/l10n.ts)', () => {
  afterEach(() => l10n.config({ contents: undefined }));

  it('returns English with its values when nothing is configured', () => {
    assert.equal(l10n.t('{0} reviews wait on you', 3), '3 reviews wait on you');
    assert.equal(l10n.t('Hello {name}', { name: 'Ada' }), 'Hello Ada');
  });

  it('looks a message up in the configured table and fills the translation', () => {
    l10n.config({ contents: { '{0} of {1}': '{1} dont {0}', Plain: { message: 'Simple', comment: [] } as never } });
    assert.equal(l10n.t('{0} of {1}', 'a', 2), '2 dont a');
    assert.equal(l10n.t('Plain'), 'Simple');
    assert.equal(l10n.t('Not in the table {0}', 1), 'Not in the table 1');
  });

  it('keys a commented message "message/comment", as the exporter writes it', () => {
    l10n.config({ contents: JSON.stringify({ 'en/The language tag': 'de' }) });
    assert.equal(l10n.t({ message: 'en', comment: ['The language tag'] }), 'de');
  });

  it('leaves a placeholder without a value as written (HTML fills it later)', () => {
    assert.equal(l10n.t('{0} wants to merge {1}'), '{0} wants to merge {1}');
    assert.equal(l10n.t('no {3} here', 'a'), 'no {3} here');
  });

  it('ignores contents that are not a table', () => {
    l10n.config({ contents: (() => 'stand-in') as never });
    assert.equal(l10n.t('Plain'), 'Plain');
  });
});
