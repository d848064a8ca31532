/**
 * What each figure means, in the words the dashboard shows on hover and the report exports: the
 * definition, the data it is computed from, what was left out (with this report's counts), and where
 * the definition comes from. Pure.
 */
import type { DoraReport } from './dora';
import type { FlowReport } from './flow';
import type { KnowledgeReport } from './knowledge';
import type { ResolvedOptions } from './options';
import type { ReviewLoadReport } from './reviewLoad';

export const FIGURE_IDS = [
  'coding',
  'pickup',
  'review',
  'release',
  'cycle',
  'prSize',
  'deploymentFrequency',
  'leadTime',
  'changeFailureRate',
  'recoveryTime',
  'truckFactor',
  'singleOwner',
  'knowledgeAtRisk',
  'reviewMatrix',
  'busiestShare',
  'firstReview',
] as const;

export type FigureId = (typeof FIGURE_IDS)[number];

export interface About {
  title: string;
  definition: string;
  data: string;
  excluded: string;
  citation?: string;
}

const LINEARB =
  "LinearB's cycle-time definitions and published 'elite' marks (pickup < 7 h, review < 6 h, cycle < 48 h, PRs < 225 changed lines)";
const DORA = 'DORA, Accelerate State of DevOps Report 2024: the four keys and their performance clusters';
const AVELINO = 'Avelino, Passos, Hora, Valente: "A Novel Approach for Estimating Truck Factors", ICPC 2016';

export function describeFigures(
  options: ResolvedOptions,
  flow: FlowReport,
  dora: DoraReport,
  knowledge: KnowledgeReport,
  reviews: ReviewLoadReport,
): Record<FigureId, About> {
  const unit = options.businessHours ? 'business hours (working days and hours of the schedule)' : 'calendar hours';
  const fx = flow.excluded;
  const flowExcluded = `Bots' PRs (${fx.bots}), revert PRs (${fx.reverts}).`;
  const prData =
    flow.mode === 'github'
      ? 'Merged pull requests in the period: commit times from git, opened / ready-for-review times and reviews from GitHub.'
      : 'Merged pull requests in the period, found in git history (merge commits "Merge pull request #N" and squash commits "(#N)"); no GitHub data.';
  const release = options.release;
  const releaseWord =
    release.source === 'tag'
      ? `tags${release.pattern ? ` matching /${release.pattern}/` : ''}`
      : release.source === 'github-release'
        ? `GitHub releases${release.pattern ? ` named /${release.pattern}/` : ''}`
        : `GitHub deployments${release.environment ? ` to ${release.environment}` : ''}`;
  const dx = dora.excluded;
  const k = knowledge.parameters;
  const kx = knowledge.excluded;
  const rx = reviews.excluded;
  const fileList =
    knowledge.fileSource === 'head'
      ? 'the files present at HEAD'
      : 'the files whose line count in history is above zero (no HEAD file list was given)';

  return {
    coding: {
      title: 'Coding time',
      definition:
        flow.mode === 'github'
          ? 'First commit → pull request ready for review (opened, or marked ready if it began as a draft: draft time counts as coding).'
          : 'First commit → merge (without GitHub data there is no "opened" time, so coding runs to the merge).',
      data: `${prData} In ${unit}.`,
      excluded: `${flowExcluded}${flow.mode === 'github' ? ` PRs without GitHub data (${fx.noGitHubData}).` : ''} ${fx.clockSkew ? ` Clock skew: ${fx.clockSkew} PRs had a stage boundary out of order, moved up to the one before.` : ''}`,
      citation: LINEARB,
    },
    pickup: {
      title: 'Pickup time',
      definition:
        'Ready for review → first review by someone other than the author. A review left on the draft counts as picked up at once.',
      data: `${prData} In ${unit}.`,
      excluded: `${flowExcluded} PRs merged without a review by anyone but the author (${fx.unreviewed}); reviews by bots.`,
      citation: LINEARB,
    },
    review: {
      title: 'Review time',
      definition: 'First review by someone other than the author → merge.',
      data: `${prData} In ${unit}.`,
      excluded: `${flowExcluded} PRs merged without a review (${fx.unreviewed}).`,
      citation: LINEARB,
    },
    release: {
      title: 'Release time',
      definition: `Merge → the first release (by date) that contains the merged commit; a release contains a commit when the commit is an ancestor of the released commit. Releases: ${releaseWord}.`,
      data: `${prData} Releases: ${releaseWord}. In ${unit}.`,
      excluded: `${flowExcluded} PRs not in any release yet (${fx.unreleased}).`,
    },
    cycle: {
      title: 'Cycle time',
      definition: "First commit → merge: coding + pickup + review. The stages' medians need not add up to the median cycle time.",
      data: `${prData} In ${unit}.`,
      excluded: flowExcluded,
      citation: LINEARB,
    },
    prSize: {
      title: 'Pull request size',
      definition: 'Lines added + deleted by the pull request (binary files count 0). Smaller PRs are picked up and reviewed faster.',
      data:
        flow.mode === 'github'
          ? "The PR's diff from GitHub where known; else the sum of its commits' line counts from git (a line changed twice counts twice)."
          : "The sum of the PR's commits' line counts from git (a line changed by two commits counts twice; a squash commit is the PR's diff).",
      excluded: flowExcluded,
      citation: LINEARB,
    },
    deploymentFrequency: {
      title: 'Deployment frequency',
      definition:
        'Releases in the period ÷ days in the period (shown per week), placed against the 2024 report\'s ranges ("on demand", daily–weekly, weekly–monthly, monthly–every six months).',
      data: `Releases: ${releaseWord}, dated in the period. Of all ${dora.releasesTotal} such releases, ${dora.releasesOffHistory} point at commits outside the read history (other branches): they count here but contain no commits for lead time.`,
      excluded: 'Releases of other kinds or not matching the pattern; pre-release tags with the default pattern.',
      citation: DORA,
    },
    leadTime: {
      title: 'Lead time for changes',
      definition:
        "Commit → the first release that contains it, for every commit first released in the period. A commit's time is the earlier of its author and committer dates (for a squash merge, the PR's first commit when earlier). Median, p75 and p90 in calendar hours.",
      data: `Non-merge commits in git history; releases: ${releaseWord}.`,
      excluded: `Merge commits; bots' commits (${dx.bots}); commits no release contains yet (${dx.unreleased} made in the period). ${dx.clockSkew ? ` Clock skew: ${dx.clockSkew} commits dated after their release counted as 0.` : ''}`,
      citation: DORA,
    },
    changeFailureRate: {
      title: 'Change failure rate',
      definition: `Share of the period's releases that failed: within ${options.failure.windowDays} days after the release, a commit it was the first to ship was reverted, or a hotfix landed (subject or PR title matching /${options.failure.hotfixSubject}/i, or PR branch matching /${options.failure.hotfixBranch}/i) with that release the latest before it.`,
      data: `Releases: ${releaseWord}; reverts ("This reverts commit …") and hotfix commits from git.`,
      excluded: `Reverts of commits never released (${dx.revertedBeforeRelease}, caught before production); reverts of reverts (${dx.reapplies}).`,
      citation: DORA,
    },
    recoveryTime: {
      title: 'Failed deployment recovery time',
      definition:
        'Failed release → the first release that contains its revert or hotfix. Median over the failed releases of the period that were fixed.',
      data: `Releases: ${releaseWord}; reverts and hotfixes from git.`,
      excluded: 'Failures whose fix is in no release yet (listed as open).',
      citation: DORA,
    },
    truckFactor: {
      title: 'Truck factor',
      definition: `The fewest people whose leaving would leave more than half of the files without an author. Author of a file: degree of authorship DOA = ${k.base} + ${k.firstAuthorship}·FA + ${k.deliveries}·DL − ${k.acceptances}·ln(1 + AC) (FA: created the file; DL: their commits to it; AC: others' commits to it), normalised DOA > ${k.normalizedThreshold} and DOA ≥ ${k.absoluteThreshold}. Greedy: remove the people who author the most files until more than ${k.coverage * 100}% are orphaned.`,
      data: `Non-merge commits by people in git history, over ${fileList}. People are lower-cased e-mails (with aliases merged).`,
      excluded: `Bots' commits (${kx.bots}); merge commits (${kx.merges}); binary-only files (${kx.binaryOnlyFiles}); excluded paths (${kx.excludedPaths}). Renames are not followed: whoever renamed a file created it.`,
      citation: AVELINO,
    },
    singleOwner: {
      title: 'Known by one person',
      definition: `Files with exactly one author (by degree of authorship), and folders whose truck factor is 1 (folders with at least ${k.minFolderFiles} files, to depth 2).`,
      data: `As for the truck factor; "changed N times" counts commits touching the folder in the last ${k.recentDays} days.`,
      excluded: 'As for the truck factor.',
      citation: AVELINO,
    },
    knowledgeAtRisk: {
      title: 'Knowledge at risk',
      definition: `Files whose every author has made no commit for ${k.inactiveDays} days, and folders where most files have no active author (their truck factor counting active people only is 0). The treemap colours each folder by that count of active owners.`,
      data: 'As for the truck factor; activity is the last commit date of each person in the history.',
      excluded: 'As for the truck factor.',
      citation: AVELINO,
    },
    reviewMatrix: {
      title: 'Who reviews whom',
      definition:
        "For each reviewer and author: how many of the author's merged pull requests the reviewer reviewed (several reviews of one PR count once). The team's pattern, not a ranking.",
      data: 'GitHub reviews of the pull requests merged in the period.',
      excluded: `Self-reviews (${rx.selfReviews}); bots (${rx.bots}); PRs without GitHub data (${rx.noGitHubData}).`,
    },
    busiestShare: {
      title: "Busiest reviewer's share",
      definition:
        'Reviews by the person who reviewed most ÷ all reviews (one review = one person on one PR). A high share means one person is the bottleneck, however fast they are.',
      data: 'GitHub reviews of the pull requests merged in the period.',
      excluded: `Self-reviews (${rx.selfReviews}); bots (${rx.bots}).`,
    },
    firstReview: {
      title: 'Time to first review',
      definition: `Ready for review → each reviewer's first review of the PR (0 for a review of the draft). The team's median over every review, and each reviewer's median in the table (alphabetical), in ${unit}.`,
      data: 'GitHub reviews and ready-for-review times of the pull requests merged in the period.',
      excluded: `Self-reviews (${rx.selfReviews}); bots (${rx.bots}).`,
    },
  };
}
