import * as assert from 'node:assert/strict';
import { isRepoName, repoFromRemote, webHostOf } from '../../../src/github/model/remotes';

describe('webHostOf', () => {
  const cases: Array<[string, string | undefined]> = [
    ['https://api.github.com', 'github.com'],
    ['https://api.github.com/', 'github.com'],
    ['https://ghe.example.com/api/v3', 'ghe.example.com'],
    ['http://127.0.0.1:4000', '127.0.0.1'],
    ['not a url', undefined],
  ];
  for (const [api, host] of cases) it(`${api} → ${host}`, () => assert.equal(webHostOf(api), host));
});

describe('repoFromRemote', () => {
  const cases: Array<[string, string, string | undefined]> = [
    ['https://github.com/acme/app.git', 'github.com', 'acme/app'],
    ['https://github.com/acme/app', 'github.com', 'acme/app'],
    ['https://user@github.com/acme/my.repo.git', 'github.com', 'acme/my.repo'],
    ['git@github.com:acme/app.git', 'github.com', 'acme/app'],
    ['ssh://git@github.com/acme/app.git', 'github.com', 'acme/app'],
    ['ssh://git@github.com:22/acme/app.git', 'github.com', 'acme/app'],
    ['git@ghe.example.com:team/svc.git', 'ghe.example.com', 'team/svc'],
    ['https://gitlab.com/acme/app.git', 'github.com', undefined],
    ['https://github.com/acme', 'github.com', undefined],
    ['https://github.com/acme/app/extra', 'github.com', undefined],
    ['/local/path/repo', 'github.com', undefined],
    ['--upload-pack=evil', 'github.com', undefined],
  ];
  for (const [remote, host, expected] of cases) it(`${remote} on ${host}`, () => assert.equal(repoFromRemote(remote, host), expected));
});

describe('isRepoName', () => {
  const cases: Array<[unknown, boolean]> = [
    ['acme/app', true],
    ['acme/app/x', false],
    ['acme', false],
    [42, false],
    ['a b/c', false],
  ];
  for (const [value, expected] of cases) it(JSON.stringify(value), () => assert.equal(isRepoName(value), expected));
});
