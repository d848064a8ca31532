/**
 * Our derived figures against the plain `git` commands that define them (README, "Figures from
 * history"), on whole repositories. Prints one Markdown table per repository and every difference
 * in full; exits 1 if there is any.
 *
 *   npx tsx scripts/bench/git-correctness.ts              # the real repositories in the bench cache
 *   npx tsx scripts/bench/git-correctness.ts /path/to/repo …
 *
 * Our side is the engine itself: a full read (historyReader) and the model (historyModel), with the
 * default bot rule. The git side is what a person would type; the commands are printed with the
 * table. Comparisons are of sets (which commits, which numbers, which people), not only counts.
 */
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import type { HistoryModel } from '../../src/git/api';
import { isBotAuthor } from '../../src/core/bots';
import { FIRST_POSSIBLE_PR_AT } from '../../src/git/model/derive/definitions';
import { createHistoryModel } from '../../src/git/model/historyModel';
import { refreshHistory } from '../../src/git/source/historyReader';
import { createGitRunner } from '../../src/git/source/runGit';
import { REAL_REPOS, headOf, realRepoPath } from './git-repos';

/** Most `git rev-list M^1..M^2` processes started per repository (the synthetic one has ~5,000 merges). */
const MAX_MERGE_CHECKS = 200;

interface Row {
  figure: string;
  command: string;
  ours: string;
  git: string;
  differences: string[];
}

function git(repo: string, args: string[], input?: string): string {
  return execFileSync('git', args, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30, input, env: { ...process.env, LC_ALL: 'C' } });
}

const lines = (text: string) => text.split('\n').filter((l) => l !== '');

/** Differences between two maps, as "key: ours X, git Y" lines. */
function compareMaps<V>(ours: Map<string, V>, theirs: Map<string, V>, show = (v: V | undefined) => String(v ?? '—')): string[] {
  const out: string[] = [];
  for (const key of new Set([...ours.keys(), ...theirs.keys()])) {
    const a = ours.get(key);
    const b = theirs.get(key);
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${key}: ours ${show(a)}, git ${show(b)}`);
  }
  return out;
}

export async function checkRepo(repo: string): Promise<{ rows: Row[]; head: string; commits: number }> {
  const full = await refreshHistory({ git: createGitRunner(), repoRoot: repo, timeoutMs: 60 * 60_000 }, undefined);
  const model: HistoryModel = createHistoryModel(
    { ...full.history, shallow: full.shallow, releases: full.releases, skippedTags: full.skipped, readAt: 0 },
    { halfLifeDays: 90 },
  );
  const rows: Row[] = [];

  // 1. Commits per person (all commits, merges included).
  {
    const command = 'git shortlog -sne HEAD   (rows of one e-mail added up, case-insensitive; [bot] accounts left out)';
    const theirs = new Map<string, number>();
    for (const line of lines(git(repo, ['shortlog', '-sne', 'HEAD']))) {
      const match = /^\s*(\d+)\t(.*) <(.*)>$/.exec(line);
      if (!match || isBotAuthor(match[2], match[3])) continue;
      const key = match[3].toLowerCase();
      theirs.set(key, (theirs.get(key) ?? 0) + Number(match[1]));
    }
    const ours = new Map(model.authors.map((a) => [a.email, a.commits]));
    const top = model.authors.slice(0, 5).map((a) => `${a.email} ${a.commits}`);
    const gitTop = [...theirs].sort((a, b) => b[1] - a[1]).slice(0, 5);
    rows.push({
      figure: `commits per author (${ours.size} people; top 5 shown)`,
      command,
      ours: top.join('<br>'),
      git: gitTop.map(([e, n]) => `${e} ${n}`).join('<br>'),
      differences: compareMaps(ours, theirs),
    });
  }

  // 2. Ownership commits and lines over the whole repository and its busiest top-level folder.
  {
    const folders = new Map<string, number>();
    for (const c of model.commits) {
      for (const f of c.files) if (f.path.includes('/')) folders.set(f.path.split('/')[0], (folders.get(f.path.split('/')[0]) ?? 0) + 1);
    }
    const busiest = [...folders].sort((a, b) => b[1] - a[1])[0]?.[0];
    for (const area of ['', ...(busiest ? [busiest] : [])]) {
      const spec = area === '' ? '.' : area;
      const theirs = new Map<string, [number, number]>();
      let person: [number, number] | undefined;
      // One record per commit: NUL, name, NUL, e-mail, then its numstat lines for the paths asked.
      for (const line of git(repo, [
        'log',
        '--no-merges',
        '--full-history',
        '--no-renames',
        '--numstat',
        '--format=%x00%aN%x00%aE',
        'HEAD',
        '--',
        spec,
      ]).split('\n')) {
        if (line.startsWith('\0')) {
          const [, name, email] = line.split('\0');
          if (isBotAuthor(name, email)) {
            person = undefined;
            continue;
          }
          const key = email.toLowerCase();
          person = theirs.get(key) ?? [0, 0];
          theirs.set(key, person);
          person[0]++;
        } else if (person && line !== '') {
          const [added, deleted] = line.split('\t');
          person[1] += (added === '-' ? 0 : Number(added)) + (deleted === '-' ? 0 : Number(deleted));
        }
      }
      const owners = model.ownersOf([area]);
      const ours = new Map(owners.map((o): [string, [number, number]] => [o.email, [o.commits, o.linesChanged]]));
      const top = (m: Map<string, [number, number]>) =>
        [...m]
          .sort((a, b) => b[1][0] - a[1][0])
          .slice(0, 3)
          .map(([e, [n, l]]) => `${e} ${n} (${l.toLocaleString('en')} lines)`)
          .join('<br>');
      rows.push({
        figure: `ownership: commits and lines in ${area === '' ? 'the whole repository' : `${area}/`} (${ours.size} people; top 3 shown)`,
        command: `git log --no-merges --full-history --no-renames --numstat --format=%aE HEAD -- ${spec}   (commits and added + deleted lines per e-mail)`,
        ours: top(ours),
        git: top(theirs),
        differences: compareMaps(ours, theirs, (v) => (v ? `${v[0]} commits, ${v[1]} lines` : '—')),
      });
    }
  }

  // 3. Merge PRs and their commits.
  {
    const theirs = new Map<string, number>();
    for (const line of lines(git(repo, ['log', '--merges', '--format=%H %s', 'HEAD']))) {
      const match = /^([0-9a-f]+) Merge pull request #(\d+) from \S+/.exec(line);
      if (match) theirs.set(match[1], Number(match[2]));
    }
    const merges = model.pullRequests.filter((p) => p.kind === 'merge');
    const ours = new Map(merges.map((p) => [p.mergeCommit, p.number]));
    const differences = compareMaps(ours, theirs);
    let checked = 0;
    for (const pr of merges.slice(0, MAX_MERGE_CHECKS)) {
      const expected = lines(git(repo, ['rev-list', '--no-merges', `${pr.mergeCommit}^1..${pr.mergeCommit}^2`]));
      checked++;
      if (JSON.stringify([...expected].sort()) !== JSON.stringify([...pr.commits].sort())) {
        differences.push(`PR #${pr.number} (${pr.mergeCommit.slice(0, 10)}): ours ${pr.commits.length} commits, git ${expected.length}`);
      }
    }
    rows.push({
      figure: `merge PRs ("Merge pull request #N from …"), and the commits of ${checked} of them`,
      command:
        "git log --merges --format='%H %s' HEAD | grep -E '^[0-9a-f]+ Merge pull request #[0-9]+ from '; per PR: git rev-list --no-merges M^1..M^2",
      ours: `${ours.size} PRs, ${merges.reduce((s, p) => s + p.commitCount, 0)} commits`,
      git: `${theirs.size} merges`,
      differences,
    });
  }

  // 4. Squash and rebase PRs: "(#N)" subjects on the first-parent chain, committed in or after 2008.
  {
    const mergeNumbers = new Set(model.pullRequests.filter((p) => p.kind === 'merge').map((p) => p.number));
    const theirs = new Map<string, string[]>();
    let anywhere = 0;
    for (const line of lines(git(repo, ['log', '--no-merges', '--format=%H %ct %s', 'HEAD']))) if (/\(#\d+\)\s*$/.test(line)) anywhere++;
    for (const line of lines(git(repo, ['log', '--first-parent', '--no-merges', '--format=%H %ct %s', 'HEAD']))) {
      const match = /^([0-9a-f]+) (-?\d+) .*\(#(\d+)\)\s*$/.exec(line);
      if (!match || Number(match[2]) * 1000 < FIRST_POSSIBLE_PR_AT || mergeNumbers.has(Number(match[3]))) continue;
      theirs.set(match[3], [...(theirs.get(match[3]) ?? []), match[1]]);
    }
    const squashed = model.pullRequests.filter((p) => p.kind !== 'merge');
    const ours = new Map(squashed.map((p) => [String(p.number), [...p.commits]]));
    const rebased = squashed.filter((p) => p.kind === 'rebase');
    rows.push({
      figure: 'squash and rebase PRs ("Subject (#N)" on the mainline, committed 2008 or later), with their commits',
      command: `git log --first-parent --no-merges --format='%H %ct %s' HEAD | grep -E '\\(#[0-9]+\\)$'  (then: %ct ≥ ${FIRST_POSSIBLE_PR_AT / 1000}, N not a merge PR's, grouped by N)`,
      ours: `${ours.size} PRs (${rebased.length} rebase-merged, ${rebased.reduce((s, p) => s + p.commitCount, 0)} commits), ${squashed.reduce((s, p) => s + p.commitCount, 0)} commits`,
      git: `${theirs.size} numbers, ${[...theirs.values()].reduce((s, c) => s + c.length, 0)} subjects; ${anywhere} "(#N)" subjects anywhere`,
      differences: compareMaps(ours, theirs, (v) => (v ? `${v.length} commits` : '—')),
    });
  }

  // 5. Reverts.
  {
    const theirs = new Set(lines(git(repo, ['log', '-E', '--grep=This reverts commit [0-9a-f]{7}', '--format=%H', 'HEAD'])));
    const ours = new Set(model.reverts.map((r) => r.revertCommit));
    const differences = [...ours].filter((h) => !theirs.has(h)).map((h) => `${h}: ours only`);
    differences.push(...[...theirs].filter((h) => !ours.has(h)).map((h) => `${h}: git only`));
    rows.push({
      figure: 'reverts',
      command: "git log -E --grep='This reverts commit [0-9a-f]{7}' --format=%H HEAD",
      ours: `${ours.size} (${model.reverts.filter((r) => r.timeToRevertMs !== undefined).length} with the reverted commit found)`,
      git: `${theirs.size}`,
      differences,
    });
  }

  // 6. Tags, fully peeled.
  {
    const names = lines(git(repo, ['for-each-ref', '--format=%(refname:strip=2)', 'refs/tags']));
    const peeled = lines(
      git(repo, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], names.map((n) => `refs/tags/${n}^{}\n`).join('')),
    );
    const theirs = new Map<string, string>();
    names.forEach((name, i) => theirs.set(name, peeled[i].split(' ')[1] === 'commit' ? peeled[i].split(' ')[0] : peeled[i].split(' ')[1]));
    const ours = new Map<string, string>([
      ...model.releases.map((r): [string, string] => [r.tag, r.commit]),
      ...model.skippedTags.map((t): [string, string] => [t.tag, t.type]),
    ]);
    rows.push({
      figure: 'tags: releases (peeled to a commit) and skipped (tree or blob)',
      command: "git for-each-ref --format='%(refname)^{}' refs/tags | git cat-file --batch-check='%(objectname) %(objecttype)'",
      ours: `${model.releases.length} releases, ${model.skippedTags.length} skipped (${model.skippedTags.map((t) => `${t.tag}: ${t.type}`).join(', ')})`,
      git: `${names.length} tags, ${[...theirs.values()].filter((v) => !/^[0-9a-f]{40}/.test(v)).length} not commits`,
      differences: compareMaps(ours, theirs),
    });
  }
  return { rows, head: headOf(repo), commits: model.commits.length };
}

export function printTable(name: string, result: { rows: Row[]; head: string; commits: number }): number {
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  console.log(`\n### ${name} at ${result.head.slice(0, 12)} (${result.commits} commits; load ${load})\n`);
  console.log('| figure | ours | git | differences |\n|---|---|---|---|');
  for (const row of result.rows) console.log(`| ${row.figure} | ${row.ours} | ${row.git} | ${row.differences.length} |`);
  console.log('\nCommands:');
  for (const row of result.rows) console.log(`- ${row.figure}: \`${row.command}\``);
  let total = 0;
  for (const row of result.rows) {
    total += row.differences.length;
    for (const d of row.differences.slice(0, 20)) console.log(`  difference in ${row.figure}: ${d}`);
    if (row.differences.length > 20) console.log(`  … and ${row.differences.length - 20} more`);
  }
  return total;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const targets =
    args.length > 0 ? args.map((a) => ({ name: a, dir: a })) : REAL_REPOS.map((r) => ({ name: r.name, dir: realRepoPath(r) }));
  let differences = 0;
  for (const target of targets) {
    if (!target.dir) continue;
    differences += printTable(target.name, await checkRepo(target.dir));
  }
  console.log(`\n${differences} difference(s) in all`);
  if (differences > 0) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
