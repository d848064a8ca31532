import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { botAuthorList, botMatcher } from '../../../src/core/bots';
import { createHistoryModel } from '../../../src/git/model/historyModel';
import { HistorySource } from '../../../src/git/source/historySource';
import { createGitRunner } from '../../../src/git/source/runGit';
import { NOW, commit } from './builders';
import { TempRepo } from './gitRepo';

describe('bot authors for ownership', () => {
  it('cleans the configured list: strings only, trimmed, lower-cased, no empties or repeats', () => {
    const table: [unknown, string[]][] = [
      [undefined, []],
      ['ci@x.io', []],
      [{ 0: 'ci@x.io' }, []],
      [
        [' CI@X.io ', 'ci@x.io', '', '  ', 7, null, 'Release Bot'],
        ['ci@x.io', 'release bot'],
      ],
    ];
    for (const [input, expected] of table) assert.deepEqual(botAuthorList(input), expected, JSON.stringify(input));
  });

  it('always applies the [bot] rule and adds configured names, e-mails and * patterns', () => {
    const configured = ['ci@build.example.com', 'Release Script', 'deploy-*@example.com', 'nightly*'];
    const table: [string, string, unknown, boolean][] = [
      ['dependabot[bot]', 'x@y', [], true],
      ['Renovate', '29139614+renovate[bot]@users.noreply.github.com', [], true],
      ['Ci', 'ci@build.example.com', [], false],
      ['Ci', 'CI@Build.Example.com', configured, true],
      ['release script', 'rs@x.io', configured, true],
      ['Release Scripter', 'rs@x.io', configured, false],
      ['Deployer', 'deploy-eu@example.com', configured, true],
      ['Deployer', 'deploy-eu@example.com.evil', configured, false],
      ['Nightly Build', 'nb@x.io', configured, true],
      ['Ann', 'ann@x.io', configured, false],
      ['dependabot[bot]', 'x@y', configured, true],
      ['a.b', 'ab@x.io', ['a.b*'], true],
      ['axb', 'ab@x.io', ['a.b*'], false],
    ];
    for (const [name, email, list, bot] of table)
      assert.equal(botMatcher(list)(name, email), bot, `${name} <${email}> with ${JSON.stringify(list)}`);
  });

  it("leaves configured bots out of a history model's owners", () => {
    const history = [
      commit('c2', { email: 'ci@build.example.com', name: 'CI', files: [['src/a.ts', 500, 0]] }),
      commit('c1', { email: 'ann@x.io', files: [['src/a.ts', 3, 1]] }),
    ];
    const data = { repoRoot: '/r', shallow: false, commits: history, releases: [], readAt: NOW };
    const owners = (botAuthors?: string[]) =>
      createHistoryModel(data, { halfLifeDays: 90, botAuthors })
        .ownersOf(['src'])
        .map((o) => o.email);
    assert.deepEqual(owners(), ['ci@build.example.com', 'ann@x.io']);
    assert.deepEqual(owners(['ci@build.example.com']), ['ann@x.io']);
  });

  it('applies a changed setting on the next read, without a new commit', async function () {
    this.timeout(20_000);
    const repo = new TempRepo();
    const storageDir = mkdtempSync(path.join(os.tmpdir(), 'mpx-bots-'));
    try {
      repo.commit('one', { 'src/a.ts': '1\n' }); // authored by ann@x.io
      let bots: string[] = [];
      const service = new HistorySource({
        git: createGitRunner(),
        storageDir,
        halfLifeDays: () => 90,
        botAuthors: () => bots,
        maxCommits: () => 0,
        now: () => NOW,
        signal: new AbortController().signal,
      });
      assert.deepEqual(
        (await service.history(repo.root)).ownersOf(['src']).map((o) => o.email),
        ['ann@x.io'],
      );
      bots = ['Ann'];
      assert.deepEqual((await service.history(repo.root)).ownersOf(['src']), []);
      await service.flush();
    } finally {
      repo.dispose();
      rmSync(storageDir, { recursive: true, force: true });
    }
  });
});
