import * as assert from 'node:assert/strict';
import { redact } from '../../../src/core/redact';

describe('redact', () => {
  const cases: Array<[string, string, string[]]> = [
    ['token ghp_abcdefghijklmnopqrstuvwxyz0123 leaked', 'token *** leaked', []],
    ['pat github_pat_11ABCDEFG0123456789_abcdefghij here', 'pat *** here', []],
    ['Authorization: Bearer s3cr3t-value', 'Authorization: Bearer ***', []],
    ['my custom secret hunter2x in a line', 'my custom secret *** in a line', ['hunter2x']],
    ['nothing to hide here', 'nothing to hide here', []],
    ['short secrets are not treated as secrets: ab', 'short secrets are not treated as secrets: ab', ['ab']],
  ];
  for (const [input, expected, secrets] of cases) {
    it(`masks ${JSON.stringify(input)}`, () => assert.equal(redact(input, secrets), expected));
  }
});
