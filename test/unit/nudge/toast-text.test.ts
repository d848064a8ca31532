import * as assert from 'node:assert/strict';
import { plainToastText } from '../../../src/nudge/policy/toastText';

describe('plainToastText', () => {
  const cases: Array<[string, string, string, string]> = [
    ['joins title and why', 'Review #12', '3 reviews wait on you', 'Review #12 — 3 reviews wait on you'],
    ['flattens line breaks and tabs', 'Fix\nthe\tbug', 'why\r\nnot', 'Fix the bug — why not'],
    ['drops control characters', 'a\u0007b\u001bc', 'ok', 'a b c — ok'],
    [
      'defuses a command link in a PR title',
      'Nice [click](command:workbench.action.terminal.new)',
      'x',
      'Nice [click]\u200b(command:workbench.action.terminal.new) — x',
    ],
    ['defuses a link split by spaces', '[a] (https://evil.example)', 'x', '[a]\u200b(https://evil.example) — x'],
    ['a right-to-left override cannot reorder the title', 'Bidi\u202Efdp.exe', 'x', 'Bidifdp.exe — x'],
    ['zero-width characters cannot hide in the title', 'pay\u200bpal\u2060\ufeff', 'x', 'paypal — x'],
    ['a zero-width space cannot rebuild a link the toast would render', '[x]\u200b\u200d(command:a)', 'x', '[x]\u200b(command:a) — x'],
  ];
  for (const [name, title, why, expected] of cases) {
    it(name, () => assert.equal(plainToastText(title, why), expected));
  }

  it('leaves no markdown link the notification could render', () => {
    const text = plainToastText('[x](command:a) [y](https://b)', '[z](file:///etc/passwd)');
    assert.doesNotMatch(text, /\]\(/);
  });

  it('bounds the length', () => {
    const text = plainToastText('t'.repeat(1000), 'w');
    assert.equal(text.length, 280);
    assert.ok(text.endsWith('…'));
  });

  it('a 1 MiB title is cut to the toast length, never split inside a character', () => {
    const text = plainToastText('😀'.repeat(512 * 1024), 'w');
    assert.equal(Array.from(text).length, 280);
    assert.ok(text.endsWith('…'));
    assert.doesNotMatch(text, /[\ud800-\udbff](?![\udc00-\udfff])/, 'no lone surrogate');
  });
});
