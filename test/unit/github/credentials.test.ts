import * as assert from 'node:assert/strict';
import {
  envTokenFor,
  resolveCredential,
  secretKeyFor,
  sessionProviderFor,
  type CredentialSources,
  type SessionProvider,
} from '../../../src/github/model/credentials';

/** Sources where every credential is present, so the test shows which one each API may have. */
function everything(overrides: Partial<CredentialSources> = {}): CredentialSources & { asked: string[] } {
  const asked: string[] = [];
  const secrets = new Map<string, string>([
    ['multiplier.github.token/http://127.0.0.1:9101', 'pat-9101'],
    // What earlier versions wrote: the host only, with no scheme or port.
    ['multiplier.github.token/127.0.0.1', 'legacy-host-only'],
    ['multiplier.github.token/ghe.example.com', 'legacy-ghe'],
  ]);
  return {
    asked,
    session: async (provider: SessionProvider) => {
      asked.push(`session:${provider}`);
      return `session-${provider}`;
    },
    secret: async (key: string) => {
      asked.push(`secret:${key}`);
      return secrets.get(key);
    },
    env: { MULTIPLIER_GITHUB_TOKEN: 'env-token', GITHUB_API_URL: 'http://127.0.0.1:9101' },
    enterpriseUri: 'https://ghe.example.com',
    ...overrides,
  };
}

describe('credentials are bound to the exact origin (scheme, host, port)', () => {
  describe('environment token', () => {
    const cases: Array<[string, string, Record<string, string | undefined>, string | undefined]> = [
      ['same origin as GITHUB_API_URL', 'http://127.0.0.1:9101', { GITHUB_API_URL: 'http://127.0.0.1:9101' }, 'env-token'],
      ['same origin, another path', 'http://127.0.0.1:9101/api/v3', { GITHUB_API_URL: 'http://127.0.0.1:9101/' }, 'env-token'],
      ['another port on the same host', 'http://127.0.0.1:9102', { GITHUB_API_URL: 'http://127.0.0.1:9101' }, undefined],
      ['another scheme on the same host', 'http://localhost', { GITHUB_API_URL: 'https://localhost' }, undefined],
      [
        'explicit default port is the same origin',
        'https://ghe.example.com:443/api/v3',
        { GITHUB_API_URL: 'https://ghe.example.com/api/v3' },
        'env-token',
      ],
      ['no GITHUB_API_URL: api.github.com only', 'https://api.github.com', {}, 'env-token'],
      ['no GITHUB_API_URL: not another port of api.github.com', 'https://api.github.com:8443', {}, undefined],
      ['no GITHUB_API_URL: not github.com served over http', 'http://api.github.com', {}, undefined],
      ['no GITHUB_API_URL: not GitHub Enterprise', 'https://ghe.example.com/api/v3', {}, undefined],
      ['an invalid GITHUB_API_URL binds to nothing', 'https://api.github.com', { GITHUB_API_URL: 'not a url' }, undefined],
      ['a file: GITHUB_API_URL binds to nothing', 'https://api.github.com', { GITHUB_API_URL: 'file:///etc/passwd' }, undefined],
    ];
    for (const [name, apiUrl, env, expected] of cases) {
      it(name, () => assert.equal(envTokenFor(apiUrl, { MULTIPLIER_GITHUB_TOKEN: 'env-token', ...env }), expected));
    }
  });

  describe('auth sessions', () => {
    const cases: Array<[string, string, string | undefined, SessionProvider | undefined]> = [
      ['github.com', 'https://api.github.com', undefined, 'github'],
      ['github.com with a trailing slash', 'https://api.github.com/', undefined, 'github'],
      ['not api.github.com on another port', 'https://api.github.com:8443', undefined, undefined],
      ['not api.github.com over http', 'http://api.github.com', undefined, undefined],
      ['GHES whose origin is github-enterprise.uri', 'https://ghe.example.com/api/v3', 'https://ghe.example.com', 'github-enterprise'],
      ['GHES on another port than github-enterprise.uri', 'https://ghe.example.com:8443/api/v3', 'https://ghe.example.com', undefined],
      ['GHES over another scheme', 'http://ghe.example.com/api/v3', 'https://ghe.example.com', undefined],
      ['no github-enterprise.uri', 'https://ghe.example.com/api/v3', undefined, undefined],
    ];
    for (const [name, apiUrl, enterpriseUri, expected] of cases) {
      it(name, () => assert.equal(sessionProviderFor(apiUrl, enterpriseUri), expected));
    }
  });

  describe('saved personal access tokens', () => {
    it('are keyed by origin, so two ports of one host have two keys', () => {
      assert.equal(secretKeyFor('http://127.0.0.1:9101'), 'multiplier.github.token/http://127.0.0.1:9101');
      assert.equal(secretKeyFor('http://127.0.0.1:9101/api/v3/'), 'multiplier.github.token/http://127.0.0.1:9101');
      assert.notEqual(secretKeyFor('http://127.0.0.1:9101'), secretKeyFor('http://127.0.0.1:9102'));
      assert.equal(secretKeyFor('https://ghe.example.com:443/api/v3'), 'multiplier.github.token/https://ghe.example.com');
      assert.equal(secretKeyFor('not a url'), undefined);
    });

    it('a host-only key from an earlier version is never read: it does not say which port it was for', async () => {
      const sources = everything({ env: {}, enterpriseUri: undefined });
      assert.equal(await resolveCredential('http://127.0.0.1:9102', sources), undefined);
      assert.ok(!sources.asked.includes('secret:multiplier.github.token/127.0.0.1'), sources.asked.join());
      assert.equal(await resolveCredential('https://ghe.example.com/api/v3', sources), undefined);
    });
  });

  describe('resolveCredential', () => {
    it('the port the token was saved for gets it', async () => {
      assert.deepEqual(await resolveCredential('http://127.0.0.1:9101', everything({ env: {} })), { token: 'pat-9101', source: 'pat' });
    });

    it('another port of the same host gets nothing: no session, no saved token, no environment token', async () => {
      const sources = everything();
      assert.equal(await resolveCredential('http://127.0.0.1:9102', sources), undefined);
      assert.deepEqual(
        sources.asked.filter((a) => a.startsWith('session')),
        [],
        'no auth session is even asked for',
      );
    });

    it('github.com gets the github session first', async () => {
      assert.deepEqual(await resolveCredential('https://api.github.com', everything()), { token: 'session-github', source: 'github' });
    });

    it('the environment token goes to the origin of GITHUB_API_URL when nothing else is saved', async () => {
      const sources = everything({ secret: async () => undefined });
      assert.deepEqual(await resolveCredential('http://127.0.0.1:9101', sources), { token: 'env-token', source: 'env' });
    });

    it('an invalid API URL gets nothing and asks nothing', async () => {
      for (const apiUrl of ['not a url', 'file:///etc/passwd', 'http://ghe.example.com/api/v3']) {
        const sources = everything({ env: { MULTIPLIER_GITHUB_TOKEN: 'env-token', GITHUB_API_URL: apiUrl } });
        assert.equal(await resolveCredential(apiUrl, sources), undefined, apiUrl);
        assert.deepEqual(sources.asked, [], apiUrl);
      }
    });
  });
});
