import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { toPlainCommit } from '../../../src/git/model/commit';
import { HistorySource } from '../../../src/git/source/historySource';
import {
  CACHE_VERSION,
  cacheFileFor,
  decodeCommit,
  encodeCommit,
  loadHistoryCache,
  saveHistoryCache,
  type CachedHistory,
} from '../../../src/git/source/historyStore';
import { createGitRunner, type GitRunner } from '../../../src/git/source/runGit';
import { NOW, commit, sha } from './builders';
import { TempRepo } from './gitRepo';

describe('history cache file', () => {
  let dir: string;
  const repoRoot = '/work/some repo';
  const history: CachedHistory = {
    repoRoot,
    tip: sha('b'),
    shallowKey: '',
    commits: [
      commit('b', {
        parents: ['a'],
        subject: 'two\u2028lines',
        revertOf: 'abcdef0',
        files: [
          ['p/ü.ts', 1, 2],
          ['bin', null, null],
        ],
      }),
      commit('a', { email: 'zoë@x.io', prTitle: 'A title' }),
    ],
  };
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'mpx-cache-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips commits exactly', async () => {
    await saveHistoryCache(dir, history);
    const loaded = (await loadHistoryCache(dir, repoRoot))!;
    assert.deepEqual({ ...loaded, commits: loaded.commits.map(toPlainCommit) }, history);
  });

  it('keeps times that are not whole seconds, or far from today, exactly', () => {
    const odd = [
      commit('ms', { daysAgo: 1.0000001 }),
      { ...commit('old'), author: { name: 'Ann', email: 'a@x.io', time: Date.UTC(1970, 0, 1), tz: '+0000' } },
      { ...commit('future'), committer: { name: 'Bo', email: 'b@x.io', time: Date.UTC(2099, 0, 1), tz: '-0130' } },
    ];
    for (const c of odd) assert.deepEqual(toPlainCommit(decodeCommit(encodeCommit(c))!), c, c.subject);
  });

  it('discards a version-1 cache (it held message bodies) and deletes it', async () => {
    const file = cacheFileFor(dir, repoRoot);
    mkdirSync(path.dirname(file), { recursive: true });
    const header = { format: 'multiplier-git-history', version: 1, repoRoot, tip: sha('a'), shallowKey: '', count: 1 };
    const row = [sha('a'), '', 'Ann', 'a@x.io', 1, '+0000', 'Ann', 'a@x.io', 1, '+0000', 'subject', 'a body', []];
    writeFileSync(file, `${JSON.stringify(header)}\n${JSON.stringify(row)}\n`);
    assert.equal(await loadHistoryCache(dir, repoRoot), undefined);
    assert.equal(existsSync(file), false);
  });

  it('keys the file by repository', () => {
    assert.notEqual(cacheFileFor(dir, '/a'), cacheFileFor(dir, '/b'));
    assert.equal(cacheFileFor(dir, '/a'), cacheFileFor(dir, '/a'));
  });

  const corruptions: [string, (text: string) => string][] = [
    ['an older version', (t) => t.replace(`"version":${CACHE_VERSION}`, '"version":0')],
    ['another repository in the header', (t) => t.replace(JSON.stringify(repoRoot), '"/elsewhere"')],
    ['a truncated file', (t) => t.slice(0, t.lastIndexOf('\n', t.length - 2) + 1)],
    ['a garbled line', (t) => t.replace('"two', '{two')],
    ['a wrong field type', (t) => t.replace(/,\d{13},/, ',"soon",')],
    ['a reverted id that is not hex', (t) => t.replace('"abcdef0"', '"--abcdef"')],
    ['not JSON at all', () => 'hello\n'],
    ['an empty file', () => ''],
  ];
  for (const [name, corrupt] of corruptions) {
    it(`discards ${name} and deletes it`, async () => {
      await saveHistoryCache(dir, history);
      const file = cacheFileFor(dir, repoRoot);
      writeFileSync(file, corrupt(readFileSync(file, 'utf8')));
      assert.equal(await loadHistoryCache(dir, repoRoot), undefined);
      assert.equal(existsSync(file), false);
    });
  }

  it('rejects rows with a non-sha hash or parent', () => {
    const row = JSON.parse(encodeCommit(history.commits[0]));
    assert.ok(decodeCommit(JSON.stringify(row)));
    assert.equal(decodeCommit(JSON.stringify(['--output=x', ...row.slice(1)])), undefined);
    assert.equal(decodeCommit(JSON.stringify([row[0], '-n1', ...row.slice(2)])), undefined);
  });

  it('returns undefined when there is no cache yet', async () => {
    assert.equal(await loadHistoryCache(dir, '/never'), undefined);
  });
});

describe('history service', function () {
  this.timeout(30_000);
  let repo: TempRepo;
  let dir: string;
  beforeEach(() => {
    repo = new TempRepo();
    dir = mkdtempSync(path.join(os.tmpdir(), 'mpx-store-'));
  });
  afterEach(() => {
    repo.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  function service(git: GitRunner, signal = new AbortController().signal) {
    const modes: string[] = [];
    const s = new HistorySource({
      git,
      storageDir: dir,
      halfLifeDays: () => 90,
      maxCommits: () => 0,
      now: () => NOW,
      signal,
      onRefreshed: (_r, mode) => modes.push(mode),
    });
    return { s, modes };
  }

  it('shares one refresh between concurrent callers and answers ownership', async () => {
    repo.commit('one', { 'src/a.ts': '1\n' });
    let logs = 0;
    const real = createGitRunner();
    const { s } = service((args, o) => ((logs += args[0] === 'log' ? 1 : 0), real(args, o)));
    const [m1, m2] = await Promise.all([s.history(repo.root), s.history(repo.root)]);
    assert.equal(m1, m2);
    assert.equal(logs, 1);
    assert.deepEqual(
      m1.ownersOf(['src']).map((o) => o.email),
      ['ann@x.io'],
    );
    await s.flush();
  });

  it('refreshes after a new commit with one git process once the session has read the repository', async () => {
    repo.commit('one', { 'src/a.ts': '1\n' });
    const calls: string[] = [];
    const real = createGitRunner();
    const { s, modes } = service((args, o) => (calls.push(args[0]), real(args, o)));
    await s.history(repo.root);
    repo.commit('two', { 'src/a.ts': '2\n' });
    calls.length = 0;
    const model = await s.history(repo.root);
    assert.deepEqual(calls, ['log']);
    assert.deepEqual(modes, ['full', 'incremental']);
    assert.deepEqual(
      model.commits.map((c) => c.subject),
      ['two', 'one'],
    );
    assert.equal(model.ownersOf(['src/a.ts'])[0].commits, 2);
    await s.flush();
  });

  it('starts from the disk cache in a new session and reads only what is new', async () => {
    repo.commit('one');
    const first = service(createGitRunner());
    await first.s.history(repo.root);
    await first.s.flush();
    repo.commit('two');
    const second = service(createGitRunner());
    const model = await second.s.history(repo.root);
    assert.deepEqual(second.modes, ['incremental']);
    assert.deepEqual(
      model.commits.map((c) => c.subject),
      ['two', 'one'],
    );
  });

  it('rejects once disposed (aborted)', async () => {
    const controller = new AbortController();
    const { s } = service(createGitRunner(), controller.signal);
    controller.abort();
    await assert.rejects(s.history(repo.root), /disposed/);
  });
});
