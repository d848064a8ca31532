// Issue 16, "Inflated counts": "Who knows this code" said "Li Wei … (7 commits)" where
// `git log --author="Li Wei"` shows 3 commits, one of which touched 5 files. The coach must say
// exactly what it counts (commits, files, lines), checked here against git itself on a repository
// built for the test.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { exactFigures } from '../../../src/coach/model/contributions';
import { suggestPeople } from '../../../src/coach/model/whoToAsk';
import type { HistoryModel } from '../../../src/git/api';
import { createHistoryModel } from '../../../src/git/model/historyModel';
import { readCommits } from '../../../src/git/source/historyReader';
import { createGitRunner } from '../../../src/git/source/runGit';
import { TempRepo } from '../git/gitRepo';

const LI = { name: 'Li Wei', email: 'li@shop.example' };
const JO = { name: 'Jo Becker', email: 'jo@shop.example' };
const MAYA = { name: 'Maya Okafor', email: 'maya@shop.example' };

const lines = (n: number, tag: string): string => Array.from({ length: n }, (_, i) => `export const ${tag}${i} = ${i};`).join('\n') + '\n';

/** What git itself says one author did to the paths: distinct commits, distinct files, lines added + deleted. */
function gitTruth(repo: TempRepo, email: string, paths: string[]): { commits: number; files: number; lines: number } {
  const log = (...args: string[]): string => repo.git('log', '--no-merges', `--author=<${email}>`, ...args, '--', ...paths);
  const commits = log('--format=%H').trim().split('\n').filter(Boolean).length;
  const numstat = log('--numstat', '--format=')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((row) => row.split('\t'));
  const files = new Set(numstat.map((row) => row[2])).size;
  const changed = numstat.reduce((sum, [added, deleted]) => sum + (Number(added) || 0) + (Number(deleted) || 0), 0);
  return { commits, files, lines: changed };
}

describe('coach: who knows this code, counted exactly (a real repository)', function () {
  this.timeout(30_000);
  let repo: TempRepo;
  const as = (who: { name: string; email: string }, message: string, files: Record<string, string>): void => {
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(repo.root, file)), { recursive: true });
      writeFileSync(path.join(repo.root, file), content);
    }
    repo.git('add', '-A');
    repo.git('commit', '-q', `--author=${who.name} <${who.email}>`, '-m', message);
  };

  before(() => {
    repo = new TempRepo();
    // Li: three commits, the first touching five files.
    as(LI, 'Create billing', {
      'src/billing/invoice.ts': lines(10, 'invoice'),
      'src/billing/tax.ts': lines(8, 'tax'),
      'src/billing/rules.ts': lines(12, 'rule'),
      'src/billing/refunds.ts': lines(5, 'refund'),
      'src/billing/index.ts': lines(3, 'index'),
    });
    as(JO, 'Round invoices half-even', { 'src/billing/invoice.ts': lines(14, 'invoice'), 'docs/billing.md': '# Billing\n' });
    as(LI, 'Tax per market', { 'src/billing/tax.ts': lines(11, 'tax') });
    as(LI, 'More rules', { 'src/billing/rules.ts': lines(15, 'rule') });
    as(MAYA, 'Sketch refunds', { 'src/billing/refunds.ts': lines(9, 'refund') });
  });
  after(() => repo.dispose());

  async function history(): Promise<{ model: HistoryModel; now: number }> {
    const commits = await readCommits({ git: createGitRunner(), repoRoot: repo.root }, ['HEAD']);
    const now = commits[0].author.time + 60 * 60_000; // an hour after the last commit
    return {
      model: createHistoryModel({ repoRoot: repo.root, shallow: false, commits, releases: [], readAt: now }, { halfLifeDays: 90 }),
      now,
    };
  }

  it('says "3 commits to 5 files", exactly what git log says, not a per-file sum', async () => {
    const { model, now } = await history();
    const owners = exactFigures(model.ownersOf(['']), model.commits, ['']);
    const people = suggestPeople(owners, MAYA.email, [], now);

    const li = people.find((p) => p.name === LI.name);
    const truth = gitTruth(repo, LI.email, ['.']);
    assert.deepEqual(truth.commits, 3);
    assert.deepEqual(truth.files, 5);
    assert.equal(
      li?.reason,
      `${truth.commits} commits to ${truth.files} files in this repository (${truth.lines} lines changed), most recently today`,
    );
    const jo = people.find((p) => p.name === JO.name);
    const joTruth = gitTruth(repo, JO.email, ['.']);
    assert.equal(jo?.reason, `1 commit to 2 files in this repository (${joTruth.lines} lines changed), most recently today`);
    assert.ok(!people.some((p) => p.name === MAYA.name), 'never the user');
  });

  it('counts only the files the signal is about', async () => {
    const { model, now } = await history();
    const paths = ['src/billing/invoice.ts', 'src/billing/tax.ts'];
    const people = suggestPeople(exactFigures(model.ownersOf(paths), model.commits, paths), MAYA.email, paths, now);
    const truth = gitTruth(repo, LI.email, paths);
    assert.deepEqual([truth.commits, truth.files], [2, 2]);
    assert.equal(
      people.find((p) => p.name === LI.name)?.reason,
      `2 commits to 2 files in src/billing (${truth.lines} lines changed), most recently today`,
    );
    const one = suggestPeople(exactFigures(model.ownersOf([paths[0]]), model.commits, [paths[0]]), MAYA.email, [paths[0]], now);
    assert.match(one.find((p) => p.name === JO.name)?.reason ?? '', /^1 commit to src\/billing\/invoice\.ts \(\d+ lines changed\)/);
  });
});
