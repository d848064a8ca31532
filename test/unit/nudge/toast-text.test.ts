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
});
