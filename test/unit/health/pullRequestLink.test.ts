import * as assert from 'node:assert/strict';
import { browserUrlOf, pullRequestLink } from '../../../src/health/policy/pullRequestLink';

describe('where a pull request of the report opens', () => {
  const GITHUB = 'https://github.com';
  const LOCAL = 'http://127.0.0.1:9102';

  it('in the overview when its repository is on the configured GitHub, with its web page to fall back on', () => {
    assert.deepEqual(pullRequestLink({ number: 7, url: 'https://github.com/acme/app/pull/7' }, 'acme/app', GITHUB), {
      repo: 'acme/app',
      browserUrl: 'https://github.com/acme/app/pull/7',
    });
    // Read from git alone: the page is made from the repository.
    assert.deepEqual(pullRequestLink({ number: 7 }, 'acme/app', LOCAL), { repo: 'acme/app', browserUrl: `${LOCAL}/acme/app/pull/7` });
  });

  it('not in the overview when no remote is on the configured GitHub; no page either without a URL', () => {
    assert.deepEqual(pullRequestLink({ number: 7, url: 'https://ghe.example/acme/app/pull/7' }, undefined, GITHUB), {
      browserUrl: 'https://ghe.example/acme/app/pull/7',
    });
    assert.deepEqual(pullRequestLink({ number: 7 }, undefined, GITHUB), {});
  });

  it('sends the browser to https, or to plain http only on the configured web host itself', () => {
    assert.equal(browserUrlOf('http://127.0.0.1:9102/acme/app/pull/7', LOCAL), 'http://127.0.0.1:9102/acme/app/pull/7');
    assert.equal(browserUrlOf('http://127.0.0.1:9999/acme/app/pull/7', LOCAL), undefined);
    assert.equal(browserUrlOf('http://evil.example/acme/app/pull/7', GITHUB), undefined);
    assert.equal(browserUrlOf('javascript:alert(1)', GITHUB), undefined);
    assert.equal(browserUrlOf('command:workbench.action.terminal.new', GITHUB), undefined);
    assert.equal(browserUrlOf('not a url', GITHUB), undefined);
    assert.equal(browserUrlOf(undefined, GITHUB), undefined);
  });
});
