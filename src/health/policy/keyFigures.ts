/**
 * The Team Health view's compact tree: the key figures of a report, grouped by family, each with a
 * status (against a mark, a DORA cluster, or a plain judgement), a one-line "why it matters", and
 * what its tooltip explains. Pure: strings go through `l10n.t` from '@vscode/l10n' (src/core/l10n.ts).
 *
 * Team-level only: the one place a person is named is who alone knows a folder (to spread that
 * knowledge) and the busiest reviewer (to balance reviews), as the dashboard does.
 */
import * as l10n from '@vscode/l10n';
import type { About, FigureId } from '../model/definitions';
import type { ClusterMatch } from '../model/dora';
import type { HealthReport } from '../model/report';
import type { Distribution, Measured } from '../model/stats';
import { count, formatHours, formatShare, trim } from '../webview/format';

export type FigureStatus = 'ok' | 'warn' | 'bad' | 'info' | 'missing';

export interface KeyFigure {
  id: FigureId;
  /** "Pickup time" */
  title: string;
  /** A name short enough for the tree at the default side bar width ("Recovery time"). */
  short: string;
  /** "9.5 h", or "—" when there is not enough data. */
  value: string;
  status: FigureStatus;
  /** One line: against what the value was judged ("above the elite mark of 7 h"), or why there is no value. */
  verdict: string;
  /** One line: why a lead should care. */
  why: string;
  about: About;
}

export interface FolderSuggestion {
  folder: string;
  /** Untrusted: contains names from git. */
  text: string;
}

/** A merged pull request slower than the cycle-time target: the tree links it to where it can be read. */
export interface SlowPullRequest {
  number: number;
  /** Untrusted: its title comes from GitHub or a commit message. */
  text: string;
}

export interface FigureGroup {
  id: 'flow' | 'delivery' | 'knowledge' | 'reviews';
  title: string;
  /** One line under the title: what the figures are computed from. */
  summary: string;
  figures: KeyFigure[];
  suggestions?: FolderSuggestion[];
  pullRequests?: SlowPullRequest[];
}

/** How many of the slowest pull requests the tree names (the dashboard lists more). */
const SLOW_PULL_REQUESTS = 3;

/** Names that leave room for the value at the side bar's default width (about 300 px). */
const SHORT = (): Record<FigureId, string> => ({
  coding: l10n.t('Coding time'),
  pickup: l10n.t('Pickup time'),
  review: l10n.t('Review time'),
  release: l10n.t('Release time'),
  cycle: l10n.t('Cycle time'),
  prSize: l10n.t('PR size'),
  deploymentFrequency: l10n.t('Releases'),
  leadTime: l10n.t('Lead time'),
  changeFailureRate: l10n.t('Failure rate'),
  recoveryTime: l10n.t('Recovery time'),
  truckFactor: l10n.t('Truck factor'),
  singleOwner: l10n.t('One-person code'),
  knowledgeAtRisk: l10n.t('At risk'),
  reviewMatrix: l10n.t('Who reviews whom'),
  busiestShare: l10n.t('Busiest reviewer'),
  firstReview: l10n.t('First review'),
});

const WHY = (): Record<FigureId, string> => ({
  coding: l10n.t('Long coding stretches keep work out of sight; smaller slices get feedback sooner.'),
  pickup: l10n.t('A ready pull request waiting for a first look is the queue’s cost, not the author’s.'),
  review: l10n.t('Long reviews often mean the change is too big or its purpose unclear.'),
  release: l10n.t('Merged work delivers nothing until it is released.'),
  cycle: l10n.t('The whole wait a change goes through, from first commit to merge.'),
  prSize: l10n.t('Small pull requests are reviewed sooner and more carefully.'),
  deploymentFrequency: l10n.t('Frequent, small releases make each one less risky.'),
  leadTime: l10n.t('How long finished work waits before users have it.'),
  changeFailureRate: l10n.t('How often a release needs a revert or a hotfix.'),
  recoveryTime: l10n.t('How quickly the team recovers when a release goes wrong.'),
  truckFactor: l10n.t('How many people could leave before most code has no one who knows it.'),
  singleOwner: l10n.t('Code only one person knows is code others hesitate to change.'),
  knowledgeAtRisk: l10n.t('Code whose authors have moved on needs a new owner before it needs a fix.'),
  reviewMatrix: l10n.t('Who reviews whom shows where knowledge flows, and where it does not.'),
  busiestShare: l10n.t('When one person does most of the reviews, everyone waits on them.'),
  firstReview: l10n.t('How soon reviewers respond once a pull request is ready.'),
});

export function keyFigures(report: HealthReport): FigureGroup[] {
  const f = report.flow;
  const d = report.dora;
  const k = report.knowledge;
  const rl = report.reviewLoad;
  const bh = report.businessHours;
  const [short, why] = [SHORT(), WHY()];
  const figure = (id: FigureId, value: string, status: FigureStatus, verdict: string): KeyFigure => ({
    id,
    title: report.about[id].title,
    short: short[id],
    value,
    status,
    verdict,
    why: why[id],
    about: report.about[id],
  });
  const missing = (id: FigureId, reason: string) => figure(id, '—', 'missing', l10n.t('Not enough data: {0}.', reason));

  /** A flow stage's median against LinearB's elite mark and the team's target, when there are any. */
  const stage = (id: 'coding' | 'pickup' | 'review' | 'release' | 'cycle', m: Measured<Distribution>, elite?: number, team?: number) => {
    if (!m.ok) return missing(id, m.reason);
    const median = m.value.median;
    const n = count(m.value.n, 'PR');
    const value = formatHours(median, bh);
    if (elite === undefined && team === undefined) return figure(id, value, 'info', l10n.t('median of {0}', n));
    const marks: string[] = [];
    let status: FigureStatus = 'ok';
    if (elite !== undefined) {
      if (median >= elite) status = 'warn';
      marks.push(
        median < elite
          ? l10n.t('under the elite mark ({0})', formatHours(elite, bh))
          : l10n.t('above the elite mark ({0})', formatHours(elite, bh)),
      );
    }
    if (team !== undefined) {
      if (median >= team) status = 'warn';
      marks.push(
        median < team
          ? l10n.t('under the team target ({0})', formatHours(team, bh))
          : l10n.t('above the team target ({0})', formatHours(team, bh)),
      );
    }
    return figure(id, value, status, l10n.t('median of {0}, {1}', n, marks.join(', ')));
  };

  const flowFigures: KeyFigure[] = [stage('cycle', f.cycle.period, f.marks.cycleHours, f.targets.cycleHours)];
  if (f.mode === 'github') {
    flowFigures.push(stage('pickup', f.stages.pickup.period, f.marks.pickupHours, f.targets.pickupHours));
    flowFigures.push(stage('review', f.stages.review.period, f.marks.reviewHours, f.targets.reviewHours));
  }
  flowFigures.push(stage('release', f.stages.release.period));
  const under = f.size.underMark;
  flowFigures.push(
    f.size.period.ok && under.ok
      ? figure(
          'prSize',
          l10n.t('{0} lines', Math.round(f.size.period.value.median)),
          under.value.share >= 0.5 ? 'ok' : 'warn',
          l10n.t('median; {0} under {1} lines', formatShare(under.value.share), under.value.mark),
        )
      : missing('prSize', f.size.period.ok ? (under.ok ? '' : under.reason) : f.size.period.reason),
  );

  const cluster = (match: ClusterMatch): { status: FigureStatus; text: string } => {
    const label = d.reference.clusters.find((c) => c.id === match.cluster)?.label;
    const status: FigureStatus =
      match.cluster === 'elite' || match.cluster === 'high' ? 'ok' : match.cluster === 'medium' ? 'info' : 'warn';
    if (match.between) {
      const [faster, slower] = match.between.map((id) => d.reference.clusters.find((c) => c.id === id)?.label ?? id);
      return { status, text: l10n.t('between the {0} and {1} clusters (DORA 2024)', faster, slower) };
    }
    return { status, text: label ? l10n.t('{0} cluster (DORA 2024)', label) : l10n.t('below the low cluster (DORA 2024)') };
  };
  const df = d.deploymentFrequency;
  const lt = d.leadTime;
  const cfr = d.changeFailureRate;
  const rec = d.recoveryTime;
  const deliveryFigures: KeyFigure[] = [
    df.ok
      ? (() => {
          const c = cluster(df.value.cluster);
          return figure(
            'deploymentFrequency',
            l10n.t('{0} / week', trim(df.value.perWeek)),
            c.status,
            l10n.t('{0}; {1}', count(df.value.releases, 'release'), c.text),
          );
        })()
      : missing('deploymentFrequency', df.reason),
    lt.ok
      ? (() => {
          const c = cluster(lt.value.cluster);
          return figure(
            'leadTime',
            formatHours(lt.value.hours.median),
            c.status,
            l10n.t('median of {0}; {1}', count(lt.value.hours.n, 'commit'), c.text),
          );
        })()
      : missing('leadTime', lt.reason),
    cfr.ok
      ? (() => {
          const c = cluster(cfr.value.cluster);
          return figure(
            'changeFailureRate',
            formatShare(cfr.value.rate),
            cfr.value.failed === 0 ? 'ok' : c.status,
            l10n.t('{0} of {1} failed; {2}', cfr.value.failed, count(cfr.value.total, 'release'), c.text),
          );
        })()
      : missing('changeFailureRate', cfr.reason),
    rec.ok
      ? (() => {
          const c = cluster(rec.value.cluster);
          const open = rec.value.open > 0 ? l10n.t(', {0} still open', rec.value.open) : '';
          return figure(
            'recoveryTime',
            formatHours(rec.value.hours.median),
            c.status,
            l10n.t('median of {0}{1}; {2}', count(rec.value.hours.n, 'recovery'), open, c.text),
          );
        })()
      : figure(
          'recoveryTime',
          '—',
          d.failures.length === 0 && d.releases.length > 0 ? 'ok' : 'missing',
          l10n.t('{0}.', capitalise(rec.reason)),
        ),
  ];

  const tf = k.truckFactor;
  const knowledgeFigures: KeyFigure[] = tf.ok
    ? [
        figure(
          'truckFactor',
          String(tf.value.value),
          tf.value.value <= 1 ? 'bad' : tf.value.value === 2 ? 'warn' : 'ok',
          tf.value.value <= 1
            ? l10n.t('one person leaving would leave most of {0} without an author', count(tf.value.files, 'file'))
            : l10n.t('{0} people hold most of {1}', tf.value.value, count(tf.value.files, 'file')),
        ),
        figure(
          'singleOwner',
          count(k.singleOwnerFolders.length, 'folder'),
          k.singleOwnerFolders.length === 0 ? 'ok' : 'warn',
          l10n.t(
            '{0} ({1} of all files) known by one person',
            count(k.singleAuthorFiles, 'file'),
            formatShare(k.singleAuthorFiles / Math.max(1, tf.value.files)),
          ),
        ),
        figure(
          'knowledgeAtRisk',
          count(k.filesAtRisk, 'file'),
          k.filesAtRisk === 0 ? 'ok' : 'bad',
          k.filesAtRisk === 0
            ? l10n.t('every file has an author active in the last {0} days', k.parameters.inactiveDays)
            : l10n.t('no author active in the last {0} days; {1}', k.parameters.inactiveDays, count(k.foldersAtRisk.length, 'folder')),
        ),
      ]
    : [missing('truckFactor', tf.reason)];

  const reviewFigures: KeyFigure[] = [];
  if (rl.unavailable) {
    reviewFigures.push(missing('busiestShare', rl.unavailable));
  } else {
    const bs = rl.busiestShare;
    reviewFigures.push(
      bs.ok
        ? figure(
            'busiestShare',
            formatShare(bs.value.share),
            bs.value.share >= 1.5 * bs.value.evenShare ? 'warn' : 'ok',
            l10n.t(
              '{0}: {1} of {2}; an even share would be {3}',
              bs.value.reviewer,
              bs.value.reviews,
              count(bs.value.total, 'review'),
              formatShare(bs.value.evenShare),
            ),
          )
        : missing('busiestShare', bs.reason),
    );
    const fr = rl.firstReviewHours;
    reviewFigures.push(
      fr.ok
        ? figure('firstReview', formatHours(fr.value.median, bh), 'info', l10n.t('median over {0}', count(fr.value.n, 'review')))
        : missing('firstReview', fr.reason),
    );
  }

  return [
    {
      id: 'flow',
      title: l10n.t('Flow'),
      summary:
        f.merged === 0
          ? l10n.t('no pull request merged in this period')
          : l10n.t(
              '{0} merged{1}',
              count(f.merged, 'pull request'),
              f.mode === 'github' ? l10n.t(', with GitHub reviews') : l10n.t(', from git alone'),
            ),
      figures: flowFigures,
      pullRequests: [...f.pullRequests]
        .filter((p) => p.cycle > (f.targets.cycleHours ?? f.marks.cycleHours))
        .sort((a, b) => b.cycle - a.cycle || b.number - a.number)
        .slice(0, SLOW_PULL_REQUESTS)
        .map((p) => ({ number: p.number, text: l10n.t('#{0} {1} · cycle {2}', p.number, p.title, formatHours(p.cycle, bh)) })),
    },
    {
      id: 'delivery',
      title: l10n.t('Delivery (DORA)'),
      summary: l10n.t('{0} in this period', count(d.releases.length, 'release')),
      figures: deliveryFigures,
    },
    {
      id: 'knowledge',
      title: l10n.t('Shared knowledge'),
      summary: tf.ok ? l10n.t('{0} at HEAD', count(tf.value.files, 'file')) : l10n.t('no files to judge'),
      figures: knowledgeFigures,
      suggestions: k.suggestions.slice(0, 3).map((s) => ({ folder: s.folder, text: s.text })),
    },
    {
      id: 'reviews',
      title: l10n.t('Review load'),
      summary: rl.unavailable
        ? l10n.t('needs GitHub reviews')
        : l10n.t('{0} on {1}', count(rl.reviews, 'review'), count(rl.pullRequests, 'pull request')),
      figures: reviewFigures,
    },
  ];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
