import * as assert from 'node:assert/strict';
import { checkApiUrl } from '../../../src/github/model/origin';
import { describeWebHost, isRepoName, repoFromRemote, webHostOf, type WebHost } from '../../../src/github/model/remotes';

describe('webHostOf', () => {
  const cases: Array<[string, WebHost | undefined]> = [
    ['https://api.github.com', { hostname: 'github.com', port: '443' }],
    ['https://api.github.com/', { hostname: 'github.com', port: '443' }],
    ['https://ghe.example.com/api/v3', { hostname: 'ghe.example.com', port: '443' }],
    ['https://ghe.example.com:8443/api/v3', { hostname: 'ghe.example.com', port: '8443' }],
    ['http://127.0.0.1:4000', { hostname: '127.0.0.1', port: '4000' }],
    ['not a url', undefined],
    ['http://ghe.example.com/api/v3', undefined],
  ];
  for (const [api, host] of cases) it(`${api} → ${JSON.stringify(host)}`, () => assert.deepEqual(webHostOf(api), host));

  it('describes the host with its port only when it is not the default', () => {
    assert.equal(describeWebHost('https://api.github.com'), 'github.com');
    assert.equal(describeWebHost('https://ghe.example.com/api/v3'), 'ghe.example.com');
    assert.equal(describeWebHost('http://127.0.0.1:9102'), '127.0.0.1:9102');
  });
});

describe('repoFromRemote', () => {
  const github = { hostname: 'github.com', port: '443' };
  const ghe = { hostname: 'ghe.example.com', port: '443' };
  const local = (port: number) => ({ hostname: '127.0.0.1', port: String(port) });
  const cases: Array<[string, WebHost, string | undefined]> = [
    ['https://github.com/acme/app.git', github, 'acme/app'],
    ['https://github.com/acme/app', github, 'acme/app'],
    ['https://user@github.com/acme/my.repo.git', github, 'acme/my.repo'],
    ['git@github.com:acme/app.git', github, 'acme/app'],
    ['ssh://git@github.com/acme/app.git', github, 'acme/app'],
    ['ssh://git@github.com:22/acme/app.git', github, 'acme/app'],
    ['git@ghe.example.com:team/svc.git', ghe, 'team/svc'],
    ['https://gitlab.com/acme/app.git', github, undefined],
    ['https://github.com/acme', github, undefined],
    ['https://github.com/acme/app/extra', github, undefined],
    ['/local/path/repo', github, undefined],
    ['--upload-pack=evil', github, undefined],
    ['file:///srv/git/acme/app.git', github, undefined],
    // Dot segments would climb the API's paths (repos/../..): never a repository.
    ['git@github.com:../...git', github, undefined],
    ['git@github.com:acme/..', github, undefined],
    // A remote's port names its web server: another port is another server.
    ['http://127.0.0.1:9101/acme/app.git', local(9101), 'acme/app'],
    ['http://127.0.0.1:9101/acme/app.git', local(9102), undefined],
    ['https://github.com:8443/acme/app.git', github, undefined],
    ['https://github.com:443/acme/app.git', github, 'acme/app'],
    ['http://github.com/acme/app.git', github, undefined],
    ['https://ghe.example.com/team/svc.git', { hostname: 'ghe.example.com', port: '8443' }, undefined],
    ['https://ghe.example.com:8443/team/svc.git', { hostname: 'ghe.example.com', port: '8443' }, 'team/svc'],
  ];
  for (const [remote, host, expected] of cases)
    it(`${remote} on ${host.hostname}:${host.port}`, () => assert.equal(repoFromRemote(remote, host), expected));
});

describe('checkApiUrl (multiplier.github.apiUrl)', () => {
  const cases: Array<[unknown, string | undefined, string | undefined]> = [
    [undefined, 'https://api.github.com', undefined],
    ['', 'https://api.github.com', undefined],
    ['https://api.github.com/', 'https://api.github.com', undefined],
    ['https://ghe.example.com/api/v3/', 'https://ghe.example.com/api/v3', undefined],
    ['http://127.0.0.1:9102', 'http://127.0.0.1:9102', undefined],
    ['http://localhost:8080/api', 'http://localhost:8080/api', undefined],
    ['http://[::1]:8080', 'http://[::1]:8080', undefined],
    ['not a url', undefined, 'not-a-url'],
    ['file:///etc/passwd', undefined, 'scheme'],
    ['javascript:alert(1)', undefined, 'scheme'],
    ['ftp://ghe.example.com', undefined, 'scheme'],
    ['http://ghe.example.com/api/v3', undefined, 'http-not-loopback'],
    ['http://127.0.0.1.evil.example/api', undefined, 'http-not-loopback'],
    ['https://user:secret@ghe.example.com/api/v3', undefined, 'credentials'],
  ];
  for (const [value, apiUrl, problem] of cases) {
    it(`${JSON.stringify(value)} → ${apiUrl ?? problem}`, () => {
      const checked = checkApiUrl(value);
      assert.equal(checked.ok ? checked.apiUrl : undefined, apiUrl);
      assert.equal(checked.ok ? undefined : checked.problem, problem);
    });
  }
});

describe('isRepoName', () => {
  const cases: Array<[unknown, boolean]> = [
    ['acme/app', true],
    ['acme/app/x', false],
    ['acme', false],
    [42, false],
    ['a b/c', false],
    ['../..', false],
    ['acme/..', false],
    ['./app', false],
    ['acme/.github', true],
  ];
  for (const [value, expected] of cases) it(JSON.stringify(value), () => assert.equal(isRepoName(value), expected));
});
