/**
 * What each figure means, in the words the dashboard shows on hover and the report exports: the
 * definition, the data it is computed from, what was left out (with this report's counts), and where
 * the definition comes from. Pure; translated through `l10n.t` when a report is built.
 */
import * as l10n from '@vscode/l10n';
import type { DoraReport } from './dora';
import type { FlowReport } from './flow';
import type { KnowledgeReport } from './knowledge';
import { listWords } from './lists';
import type { ResolvedOptions } from './options';
import { releasesInWords } from './releaseWords';
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

/** Citations, translated when read (a module's constants load before the translations do). */
const LINEARB = () =>
  l10n.t(
    "LinearB's cycle-time definitions and published 'elite' marks (pickup < 7 h, review < 6 h, cycle < 48 h, PRs < 225 changed lines)",
  );
const DORA = () => l10n.t('DORA, Accelerate State of DevOps Report 2024: the four keys and their performance clusters');
const AVELINO = () => l10n.t('Avelino, Passos, Hora, Valente: "A Novel Approach for Estimating Truck Factors", ICPC 2016');

export function describeFigures(
  options: ResolvedOptions,
  flow: FlowReport,
  dora: DoraReport,
  knowledge: KnowledgeReport,
  reviews: ReviewLoadReport,
): Record<FigureId, About> {
  const inUnit = options.businessHours
    ? l10n.t('In business hours (working days and hours of the schedule).')
    : l10n.t('In calendar hours.');
  const unit = options.businessHours ? l10n.t('business hours (working days and hours of the schedule)') : l10n.t('calendar hours');
  const fx = flow.excluded;
  const flowExcluded = l10n.t("Bots' PRs ({0}), revert PRs ({1}).", fx.bots, fx.reverts);
  const prData =
    flow.mode === 'github'
      ? l10n.t('Merged pull requests in the period: commit times from git, opened / ready-for-review times and reviews from GitHub.')
      : l10n.t(
          'Merged pull requests in the period, found in git history (merge commits "Merge pull request #N" and squash commits "(#N)"); no GitHub data.',
        );
  const flowData = `${prData} ${inUnit}`;
  const releaseWord = releasesInWords(options.release);
  const dx = dora.excluded;
  const k = knowledge.parameters;
  const kx = knowledge.excluded;
  const rx = reviews.excluded;
  const fileList =
    knowledge.fileSource === 'head'
      ? l10n.t('the files present at HEAD')
      : l10n.t('the files whose line count in history is above zero (no HEAD file list was given)');
  const sentences = (...parts: (string | false)[]) => parts.filter((part) => part !== false).join(' ');
  const [linearb, dora2024, avelino] = [LINEARB(), DORA(), AVELINO()];
  const asForTruckFactor = l10n.t('As for the truck factor.');
  const reviewData = l10n.t('GitHub reviews of the pull requests merged in the period.');

  return {
    coding: {
      title: l10n.t('Coding time'),
      definition:
        flow.mode === 'github'
          ? l10n.t(
              'First commit → pull request ready for review (opened, or marked ready if it began as a draft: draft time counts as coding).',
            )
          : l10n.t('First commit → merge (without GitHub data there is no "opened" time, so coding runs to the merge).'),
      data: flowData,
      excluded: sentences(
        flowExcluded,
        flow.mode === 'github' && l10n.t('PRs without GitHub data ({0}).', fx.noGitHubData),
        fx.clockSkew > 0 && l10n.t('Clock skew: {0} PRs had a stage boundary out of order, moved up to the one before.', fx.clockSkew),
      ),
      citation: linearb,
    },
    pickup: {
      title: l10n.t('Pickup time'),
      definition: l10n.t(
        'Ready for review → first review by someone other than the author. A review left on the draft counts as picked up at once.',
      ),
      data: flowData,
      excluded: sentences(
        flowExcluded,
        l10n.t('PRs merged without a review by anyone but the author ({0}); reviews by bots.', fx.unreviewed),
      ),
      citation: linearb,
    },
    review: {
      title: l10n.t('Review time'),
      definition: l10n.t('First review by someone other than the author → merge.'),
      data: flowData,
      excluded: sentences(flowExcluded, l10n.t('PRs merged without a review ({0}).', fx.unreviewed)),
      citation: linearb,
    },
    release: {
      title: l10n.t('Release time'),
      definition: l10n.t(
        'Merge → the first release (by date) that contains the merged commit; a release contains a commit when the commit is an ancestor of the released commit. Releases: {0}.',
        releaseWord,
      ),
      data: sentences(prData, l10n.t('Releases: {0}.', releaseWord), inUnit),
      excluded: sentences(flowExcluded, l10n.t('PRs not in any release yet ({0}).', fx.unreleased)),
    },
    cycle: {
      title: l10n.t('Cycle time'),
      definition: l10n.t("First commit → merge: coding + pickup + review. The stages' medians need not add up to the median cycle time."),
      data: flowData,
      excluded: flowExcluded,
      citation: linearb,
    },
    prSize: {
      title: l10n.t('Pull request size'),
      definition: l10n.t(
        'Lines added + deleted by the pull request (binary files count 0). Smaller PRs are picked up and reviewed faster.',
      ),
      data:
        flow.mode === 'github'
          ? l10n.t(
              "The PR's diff from GitHub where known; else the sum of its commits' line counts from git (a line changed twice counts twice).",
            )
          : l10n.t(
              "The sum of the PR's commits' line counts from git (a line changed by two commits counts twice; a squash commit is the PR's diff).",
            ),
      excluded: flowExcluded,
      citation: linearb,
    },
    deploymentFrequency: {
      title: l10n.t('Deployment frequency'),
      definition: l10n.t(
        'Releases in the period ÷ days in the period (shown per week), placed against the 2024 report\'s ranges ("on demand", daily–weekly, weekly–monthly, monthly–every six months).',
      ),
      data: l10n.t(
        'Releases: {0}, dated in the period. Of all {1} such releases, {2} point at commits outside the read history (other branches): they count here, and for lead time they ship the commits below their merge bases with HEAD.',
        releaseWord,
        dora.releasesTotal,
        dora.releasesOffHistory,
      ),
      excluded: sentences(
        l10n.t('Releases of other kinds or not matching the pattern; pre-release tags with the default pattern.'),
        dora.tagsNotCommits.length > 0 &&
          l10n.t(
            'Tags that point at a tree or a blob, not a commit ({0}): {1}.',
            dora.tagsNotCommits.length,
            listWords(
              dora.tagsNotCommits.length <= 5
                ? dora.tagsNotCommits
                : [...dora.tagsNotCommits.slice(0, 5), l10n.t('{0} more', dora.tagsNotCommits.length - 5)],
            ),
          ),
      ),
      citation: dora2024,
    },
    leadTime: {
      title: l10n.t('Lead time for changes'),
      definition: l10n.t(
        "Commit → the first release that contains it, for every commit first released in the period. A commit's time is the earlier of its author and committer dates (for a squash merge, the PR's first commit when earlier). Median, p75 and p90 in calendar hours.",
      ),
      data: l10n.t('Non-merge commits in git history; releases: {0}.', releaseWord),
      excluded: sentences(
        l10n.t("Merge commits; bots' commits ({0}); commits no release contains yet ({1} made in the period).", dx.bots, dx.unreleased),
        dx.clockSkew > 0 && l10n.t('Clock skew: {0} commits dated after their release counted as 0.', dx.clockSkew),
      ),
      citation: dora2024,
    },
    changeFailureRate: {
      title: l10n.t('Change failure rate'),
      definition: l10n.t(
        "Share of the period's releases that failed: within {0} days after the release, a commit it was the first to ship was reverted, or a hotfix landed (subject or PR title matching /{1}/i, or PR branch matching /{2}/i) with that release the latest before it.",
        options.failure.windowDays,
        options.failure.hotfixSubject,
        options.failure.hotfixBranch,
      ),
      data: l10n.t('Releases: {0}; reverts ("This reverts commit …") and hotfix commits from git.', releaseWord),
      excluded: l10n.t(
        'Reverts of commits never released ({0}, caught before production); reverts of reverts ({1}).',
        dx.revertedBeforeRelease,
        dx.reapplies,
      ),
      citation: dora2024,
    },
    recoveryTime: {
      title: l10n.t('Failed deployment recovery time'),
      definition: l10n.t(
        'Failed release → the first release that contains its revert or hotfix. Median over the failed releases of the period that were fixed.',
      ),
      data: l10n.t('Releases: {0}; reverts and hotfixes from git.', releaseWord),
      excluded: l10n.t('Failures whose fix is in no release yet (listed as open).'),
      citation: dora2024,
    },
    truckFactor: {
      title: l10n.t('Truck factor'),
      definition: l10n.t(
        "The fewest people whose leaving would leave more than half of the files without an author. Author of a file: degree of authorship DOA = {0} + {1}·FA + {2}·DL − {3}·ln(1 + AC) (FA: created the file; DL: their commits to it; AC: others' commits to it), normalised DOA > {4} and DOA ≥ {5}. Greedy: remove the people who author the most files until more than {6}% are orphaned.",
        k.base,
        k.firstAuthorship,
        k.deliveries,
        k.acceptances,
        k.normalizedThreshold,
        k.absoluteThreshold,
        k.coverage * 100,
      ),
      data: l10n.t('Non-merge commits by people in git history, over {0}. People are lower-cased e-mails (with aliases merged).', fileList),
      excluded: l10n.t(
        "Bots' commits ({0}); merge commits ({1}); binary-only files ({2}); excluded paths ({3}). Renames are not followed: whoever renamed a file created it.",
        kx.bots,
        kx.merges,
        kx.binaryOnlyFiles,
        kx.excludedPaths,
      ),
      citation: avelino,
    },
    singleOwner: {
      title: l10n.t('Known by one person'),
      definition: l10n.t(
        'Files with exactly one author (by degree of authorship), and folders whose truck factor is 1 (folders with at least {0} files, to depth 2).',
        k.minFolderFiles,
      ),
      data: l10n.t('As for the truck factor; "changed N times" counts commits touching the folder in the last {0} days.', k.recentDays),
      excluded: asForTruckFactor,
      citation: avelino,
    },
    knowledgeAtRisk: {
      title: l10n.t('Knowledge at risk'),
      definition: l10n.t(
        'Files whose every author has made no commit for {0} days, and folders where most files have no active author (their truck factor counting active people only is 0). The treemap colours each folder by that count of active owners.',
        k.inactiveDays,
      ),
      data: l10n.t('As for the truck factor; activity is the last commit date of each person in the history.'),
      excluded: asForTruckFactor,
      citation: avelino,
    },
    reviewMatrix: {
      title: l10n.t('Who reviews whom'),
      definition: l10n.t(
        "For each reviewer and author: how many of the author's merged pull requests the reviewer reviewed (several reviews of one PR count once). The team's pattern, not a ranking.",
      ),
      data: reviewData,
      excluded: l10n.t('Self-reviews ({0}); bots ({1}); PRs without GitHub data ({2}).', rx.selfReviews, rx.bots, rx.noGitHubData),
    },
    busiestShare: {
      title: l10n.t("Busiest reviewer's share"),
      definition: l10n.t(
        'Reviews by the person who reviewed most ÷ all reviews (one review = one person on one PR). A high share means one person is the bottleneck, however fast they are.',
      ),
      data: reviewData,
      excluded: l10n.t('Self-reviews ({0}); bots ({1}).', rx.selfReviews, rx.bots),
    },
    firstReview: {
      title: l10n.t('Time to first review'),
      definition: l10n.t(
        "Ready for review → each reviewer's first review of the PR (0 for a review of the draft). The team's median over every review, and each reviewer's median in the table (alphabetical), in {0}.",
        unit,
      ),
      data: l10n.t('GitHub reviews and ready-for-review times of the pull requests merged in the period.'),
      excluded: l10n.t('Self-reviews ({0}); bots ({1}).', rx.selfReviews, rx.bots),
    },
  };
}
