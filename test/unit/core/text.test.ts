import * as assert from 'node:assert/strict';
import { clamp, displayText } from '../../../src/core/text';

describe('displayText (untrusted text shown as plain text)', () => {
  const cases: Array<[string, string, string]> = [
    ['a right-to-left override cannot reorder what is read', 'Bidi\u202Efdp.exe', 'Bidifdp.exe'],
    ['isolates and marks go too', 'a\u2066b\u2069c\u200fd\u061ce', 'abcde'],
    ['zero-width characters cannot hide inside a word', 'pay\u200bpal\u200d\u2060\ufeff', 'paypal'],
    ['a soft hyphen is invisible: removed', 'ad\u00adm\u00adin', 'admin'],
    ['control characters are removed', 'a\u0000b\u0007c\u009bd', 'abcd'],
    ['line breaks become one space on one line', 'first\r\nsecond\n\nthird', 'first second third'],
    ['runs of white space collapse', '  lots   of \t space  ', 'lots of space'],
    ['ordinary Unicode stays', 'Ünïcødé 日本語 עברית 😀', 'Ünïcødé 日本語 עברית 😀'],
    // The price of never hiding a joiner: an emoji sequence shows as its parts.
    ['a zero-width joiner goes even inside an emoji sequence', '👩\u200d💻', '👩💻'],
  ];
  for (const [name, input, expected] of cases) it(name, () => assert.equal(displayText(input), expected));

  it('keeps paragraphs when multiline, but no more than one blank line', () => {
    assert.equal(displayText('a\r\nb\n\n\n\nc\u202e', { multiline: true }), 'a\nb\n\nc');
  });

  it('clamps a 1 MiB title to the limit, ellipsis included', () => {
    const huge = 'x'.repeat(1024 * 1024);
    const shown = displayText(huge, { maxLength: 80 });
    assert.equal(Array.from(shown).length, 80);
    assert.ok(shown.endsWith('…'));
    assert.equal(displayText(huge).length, 200);
  });

  it('never splits a surrogate pair when it clamps', () => {
    const emoji = '😀'.repeat(10);
    const cut = clamp(emoji, 5);
    assert.equal(cut, '😀😀😀😀…');
    assert.equal(clamp(emoji, 10), emoji, 'ten code points fit in ten, though they are twenty UTF-16 units');
  });
});
