/**
 * A made-up team's half year, as Team Health input: five people (one who left), a bot, merged pull
 * requests with GitHub reviews (one reviewer does half of them), weekly release tags, a revert and a
 * hotfix, a folder only one person knows and one nobody active knows. Deterministic (seeded), so
 * the dashboard preview shows the same picture on every machine. Not shipped.
 *
 *   npx tsx scripts/health-sample.ts [--weeks 12] [--git-only] > report.json
 */
import type {
  GitHubPullRequestData,
  HealthCommit,
  HealthInput,
  HealthPullRequest,
  HealthRelease,
  HealthRevert,
} from '../src/health/model/input';
import { computeHealth, type HealthReport } from '../src/health/model/report';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Friday 2025-06-13 15:00 UTC. */
export const SAMPLE_NOW = Date.UTC(2025, 5, 13, 15);

const PEOPLE = {
  ann: { name: 'Ann Lee', email: 'ann@shop.example', login: 'ann-lee' },
  ben: { name: 'Ben Ode', email: 'ben@shop.example', login: 'benode' },
  cid: { name: 'Cid Park', email: 'cid@shop.example', login: 'cidpark' },
  dee: { name: 'Dee Moss', email: 'dee@shop.example', login: 'deemoss' },
  eve: { name: 'Eve Hart', email: 'eve@shop.example', login: 'evehart' },
  bot: { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com', login: 'dependabot[bot]' },
};
type Who = keyof typeof PEOPLE;

const FOLDERS: Record<string, { files: string[]; people: Who[] }> = {
  'src/api': { files: ['routes.ts', 'auth.ts', 'orders.ts', 'errors.ts', 'validate.ts'], people: ['ann', 'ben', 'cid'] },
  'src/ui': { files: ['cart.tsx', 'checkout.tsx', 'header.tsx', 'theme.ts', 'forms.tsx', 'list.tsx'], people: ['cid', 'dee', 'ann'] },
  'src/db': { files: ['schema.sql', 'migrate.ts', 'pool.ts', 'queries.ts'], people: ['ben'] },
  'src/billing': { files: ['invoice.ts', 'tax.ts', 'stripe.ts'], people: ['eve'] },
  docs: { files: ['README.md', 'deploy.md', 'api.md'], people: ['dee', 'ann'] },
  test: { files: ['api.test.ts', 'ui.test.ts', 'db.test.ts', 'e2e.test.ts'], people: ['ann', 'ben', 'cid', 'dee'] },
  scripts: { files: ['release.sh', 'seed.ts'], people: ['ann'] },
};

function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sampleInput(options: { github?: boolean } = {}): HealthInput {
  const random = rng(7);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const commits: HealthCommit[] = [];
  const pullRequests: HealthPullRequest[] = [];
  const releases: HealthRelease[] = [];
  const reverts: HealthRevert[] = [];
  let n = 0;
  const hash = () => (++n).toString(16).padStart(40, 'a');
  const add = (who: Who, time: number, subject: string, parents: string[], files: [string, number, number][]) => {
    const p = PEOPLE[who];
    const c: HealthCommit = {
      hash: hash(),
      parents,
      author: { name: p.name, email: p.email, time },
      committer: { time },
      subject,
      files: files.map(([path, added, deleted]) => ({ path, added, deleted })),
    };
    commits.push(c);
    return c;
  };

  // The founding commit: every file created by its folder's first person (Eve created billing).
  let tip = add('ann', SAMPLE_NOW - 400 * DAY, 'Initial import', [], []).hash;
  for (const [folder, f] of Object.entries(FOLDERS)) {
    tip = add(
      f.people[0],
      SAMPLE_NOW - (380 - commits.length) * DAY,
      `Add ${folder}`,
      [tip],
      f.files.map((name) => [`${folder}/${name}`, 40 + Math.floor(random() * 200), 0]),
    ).hash;
  }
  // Eve's last year: she worked on billing until 150 days ago.
  for (let i = 0; i < 12; i++) {
    tip = add(
      'eve',
      SAMPLE_NOW - (330 - i * 15) * DAY,
      'Billing: rounding rules',
      [tip],
      [[`src/billing/${pick(FOLDERS['src/billing'].files)}`, 12, 4]],
    ).hash;
  }

  // First the pull requests' times, then the main line in merge order, so every tag holds exactly
  // what was merged before it.
  interface Planned {
    number: number;
    folder: string;
    author: Who;
    first: number;
    opened: number;
    reviewed: number;
    merged: number;
    size: number;
    commits: number;
    reviewers: Who[];
    title: string;
  }
  const planned: Planned[] = [];
  const releaseTimes: number[] = [];
  const botTimes: number[] = [];
  let number = 100;
  const start = SAMPLE_NOW - 26 * 7 * DAY;
  for (let day = start; day < SAMPLE_NOW - 6 * HOUR; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const prsToday = 1 + Math.floor(random() * 3);
    for (let k = 0; k < prsToday; k++) {
      const folder = pick(['src/api', 'src/api', 'src/ui', 'src/ui', 'src/db', 'docs', 'test', 'scripts']);
      const author: Who = pick(FOLDERS[folder].people.filter((p) => p !== 'eve'));
      const first = day + (8 + random() * 8) * HOUR - (2 + random() * 30) * HOUR;
      const opened = first + (1 + random() * 20) * HOUR;
      const busy = random() < 0.25; // some PRs wait much longer for a reviewer
      const reviewed = opened + (busy ? 10 + random() * 40 : 0.5 + random() * 9) * HOUR;
      const merged = reviewed + (0.5 + random() * (busy ? 20 : 8)) * HOUR;
      if (merged > SAMPLE_NOW - HOUR) continue;
      // Ann, the lead, reviews about half of everything: the bottleneck the article warns about.
      const pool = (['ann', 'ann', 'ann', 'ann', 'ann', 'ann', 'ben', 'cid', 'dee'] as Who[]).filter((p) => p !== author);
      const reviewers: Who[] = [pick(pool)];
      if (random() < 0.2) reviewers.push(pick(pool.filter((p) => p !== reviewers[0])));
      planned.push({
        number: ++number,
        folder,
        author,
        first,
        opened,
        reviewed,
        merged,
        size: Math.round(Math.exp(2.5 + random() * 4)),
        commits: 1 + Math.floor(random() * 3),
        reviewers,
        title: `${pick(['Fix', 'Add', 'Improve', 'Refactor', 'Speed up'])} ${folder.split('/').pop()} ${pick(['validation', 'paging', 'errors', 'layout', 'retries', 'caching', 'logging'])}`,
      });
    }
    if (weekday === 1) botTimes.push(day + 6 * HOUR); // Dependabot's weekly bump (left out of every figure)
    if (weekday === 5 || (weekday === 2 && random() < 0.3)) releaseTimes.push(day + 16 * HOUR); // Fridays, some Tuesdays
  }

  type Event = { at: number; kind: 'pr'; pr: Planned } | { at: number; kind: 'bot' } | { at: number; kind: 'release' };
  const events: Event[] = [
    ...planned.map((pr) => ({ at: pr.merged, kind: 'pr' as const, pr })),
    ...botTimes.map((at) => ({ at, kind: 'bot' as const })),
    ...releaseTimes.map((at) => ({ at, kind: 'release' as const })),
  ].sort((a, b) => a.at - b.at);
  let version = 0;
  let bump = 0;
  for (const event of events) {
    if (event.kind === 'bot') {
      tip = add('bot', event.at, `Bump lodash from 4.17.${bump} to 4.17.${bump + 1} (#${++number})`, [tip], [['package.json', 1, 1]]).hash;
      bump++;
      continue;
    }
    if (event.kind === 'release') {
      releases.push({ name: `v2.${++version}.0`, commit: tip, date: event.at, source: 'tag' });
      continue;
    }
    const pr = event.pr;
    const branch: string[] = [];
    let parent = tip;
    for (let c = 0; c < pr.commits; c++) {
      const at = pr.first + ((pr.opened - pr.first) * c) / pr.commits;
      const file = `${pr.folder}/${pick(FOLDERS[pr.folder].files)}`;
      const lines = Math.ceil(pr.size / pr.commits);
      parent = add(pr.author, at, `${pr.folder.split('/').pop()}: step ${c + 1}`, [parent], [[file, lines, Math.floor(lines / 3)]]).hash;
      branch.push(parent);
    }
    const merge = add(
      pr.author === 'ann' ? 'ben' : 'ann',
      pr.merged,
      `Merge pull request #${pr.number} from shop/${pr.author}/change-${pr.number}`,
      [tip, parent],
      [],
    );
    tip = merge.hash;
    const draft = random() < 0.2;
    const github: GitHubPullRequestData | undefined = options.github
      ? {
          author: PEOPLE[pr.author].login,
          openedAt: draft ? pr.opened - 3 * HOUR : pr.opened,
          readyAt: draft ? pr.opened : undefined,
          wasDraft: draft,
          reviews: pr.reviewers.map((r, i) => ({
            reviewer: PEOPLE[r].login,
            submittedAt: Math.min(pr.merged, pr.reviewed + i * 2 * HOUR),
            state: 'APPROVED' as const,
          })),
          url: `https://github.com/shop/shop/pull/${pr.number}`,
        }
      : undefined;
    pullRequests.push({
      number: pr.number,
      kind: 'merge',
      mergeCommit: merge.hash,
      commits: branch,
      title: pr.title,
      sourceBranch: `shop/${pr.author}/change-${pr.number}`,
      authorName: PEOPLE[pr.author].name,
      authorEmail: PEOPLE[pr.author].email,
      firstCommitAt: pr.first,
      mergedAt: pr.merged,
      linesChanged: pr.size + Math.floor(pr.size / 3),
      github,
    });
  }

  // A bad change shipped three weeks ago, reverted two days after its release and shipped fixed.
  const shipped = releases.filter((r) => r.date < SAMPLE_NOW - 21 * DAY).pop()!;
  const badPr = [...pullRequests].reverse().find((p) => p.mergedAt < shipped.date && p.mergedAt > shipped.date - 4 * DAY)!;
  const revertAt = shipped.date + 2 * DAY;
  // The revert lands on top of what was merged by then; the next release ships it.
  const nextRelease = releases.find((r) => r.date > revertAt)!;
  const base = releases[releases.indexOf(nextRelease) - 1].commit;
  const revertCommit = add('ben', revertAt, `Revert "${badPr.title}"`, [base], [['src/api/orders.ts', 3, 40]]);
  reverts.push({ revertCommit: revertCommit.hash, revertedCommit: badPr.mergeCommit, revertedAt: revertAt });
  const nextMerge = commits.find((c) => c.parents[0] === base && c !== revertCommit);
  if (nextMerge) (nextMerge.parents as string[])[0] = revertCommit.hash;

  // A hotfix last week, after Friday's release: a login loop, fixed and shipped the same evening.
  const lastWeek = releases.filter((r) => r.date < SAMPLE_NOW - 7 * DAY).pop()!;
  const hotfix = add(
    'cid',
    lastWeek.date + 5 * HOUR,
    'hotfix: stop the login redirect loop',
    [lastWeek.commit],
    [['src/api/auth.ts', 8, 2]],
  );
  releases.push({ name: lastWeek.name.replace(/\.0$/, '.1'), commit: hotfix.hash, date: lastWeek.date + 7 * HOUR, source: 'tag' });
  const afterHotfix = commits.find((c) => c.parents[0] === lastWeek.commit && c !== hotfix);
  if (afterHotfix) (afterHotfix.parents as string[])[0] = hotfix.hash;
  // Ann touched billing this month: the knowledge is in use, and nobody active holds it.
  const billing = add('ann', SAMPLE_NOW - 9 * DAY, 'Billing: show VAT id on invoices', [tip], [['src/billing/invoice.ts', 6, 1]]);
  tip = billing.hash;

  commits.sort((a, b) => b.committer.time - a.committer.time);
  const headFiles = Object.entries(FOLDERS).flatMap(([folder, f]) => f.files.map((name) => `${folder}/${name}`));
  return {
    repoRoot: '/work/shop',
    commits,
    pullRequests,
    releases,
    reverts,
    headFiles: [...headFiles, 'package.json'],
    hasGitHubData: options.github ?? false,
    shallow: false,
  };
}

export function sampleReport(weeks: number, github = true): HealthReport {
  return computeHealth(sampleInput({ github }), { now: SAMPLE_NOW, weeks, timeZone: 'UTC' });
}

if (require.main === module) {
  const weeksAt = process.argv.indexOf('--weeks');
  const weeks = weeksAt > 0 ? Number(process.argv[weeksAt + 1]) : 12;
  process.stdout.write(JSON.stringify(sampleReport(weeks, !process.argv.includes('--git-only')), null, 2) + '\n');
}
