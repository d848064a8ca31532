import * as assert from 'node:assert/strict';

type ErrorsModule = typeof import('../../../src/github/model/errors');

/** A second copy of the module, as a bundle loaded on first use (dist/pr-pages.js) has its own. */
function freshCopy(): ErrorsModule {
  const file = require.resolve('../../../src/github/model/errors');
  const cached = require.cache[file];
  delete require.cache[file];
  try {
    return require(file) as ErrorsModule;
  } finally {
    if (cached) require.cache[file] = cached;
  }
}

describe('GitHub errors across bundles', () => {
  it('are recognised by a copy of the module that did not create them (no instanceof)', () => {
    const here = require('../../../src/github/model/errors') as ErrorsModule;
    const there = freshCopy();
    assert.notEqual(here.GitHubError, there.GitHubError, 'two copies of the class, as in two bundles');
    const offline = new there.GitHubError('offline', 'cannot reach the host');
    assert.equal(offline instanceof here.GitHubError, false);
    assert.ok(here.isGitHubError(offline));
    assert.ok(here.isGitHubError(offline, 'offline'));
    assert.equal(here.isGitHubError(offline, 'not-found'), false);
    assert.ok(there.isGitHubError(new here.GitHubError('not-found', 'gone', 404), 'not-found'));
  });

  it('are not faked by an error that only looks like one', () => {
    const { isGitHubError } = require('../../../src/github/model/errors') as ErrorsModule;
    const lookalike = Object.assign(new Error('x'), { name: 'GitHubError', kind: 'offline' });
    assert.equal(isGitHubError(lookalike), false);
    assert.equal(isGitHubError(undefined), false);
    assert.equal(isGitHubError('offline'), false);
  });
});
