/**
 * The Team Health view's compact tree: the key figures of a report, grouped by family, each with a
 * status (against a mark, a DORA cluster, or a plain judgement), a one-line "why it matters", and
 * what its tooltip explains. Pure: strings go through `t` (the editor passes `vscode.l10n.t`).
 *
 * Team-level only: the one place a person is named is who alone knows a folder (to spread that
 * knowledge) and the busiest reviewer (to balance reviews), as the dashboard does.
 */
import type { About, FigureId } from '../model/definitions';
import type { ClusterMatch } from '../model/dora';
import type { HealthReport } from '../model/report';
import type { Distribution, Measured } from '../model/stats';
import { formatHours, formatShare, plural, trim } from '../webview/format';

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

export type Translate = (message: string, ...args: (string | number)[]) => string;

/** `{0}`-style placeholders, as `vscode.l10n.t` fills them. */
export const plainTranslate: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (m, i: string) => String(args[Number(i)] ?? m));

/** Names that leave room for the value at the side bar's default width (about 300 px). */
const SHORT: Record<FigureId, string> = {
  coding: 'Coding time',
  pickup: 'Pickup time',
  review: 'Review time',
  release: 'Release time',
  cycle: 'Cycle time',
  prSize: 'PR size',
  deploymentFrequency: 'Releases',
  leadTime: 'Lead time',
  changeFailureRate: 'Failure rate',
  recoveryTime: 'Recovery time',
  truckFactor: 'Truck factor',
  singleOwner: 'One-person code',
  knowledgeAtRisk: 'At risk',
  reviewMatrix: 'Who reviews whom',
  busiestShare: 'Busiest reviewer',
  firstReview: 'First review',
};

const WHY: Record<FigureId, string> = {
  coding: 'Long coding stretches keep work out of sight; smaller slices get feedback sooner.',
  pickup: 'A ready pull request waiting for a first look is the queue’s cost, not the author’s.',
  review: 'Long reviews often mean the change is too big or its purpose unclear.',
  release: 'Merged work delivers nothing until it is released.',
  cycle: 'The whole wait a change goes through, from first commit to merge.',
  prSize: 'Small pull requests are reviewed sooner and more carefully.',
  deploymentFrequency: 'Frequent, small releases make each one less risky.',
  leadTime: 'How long finished work waits before users have it.',
  changeFailureRate: 'How often a release needs a revert or a hotfix.',
  recoveryTime: 'How quickly the team recovers when a release goes wrong.',
  truckFactor: 'How many people could leave before most code has no one who knows it.',
  singleOwner: 'Code only one person knows is code others hesitate to change.',
  knowledgeAtRisk: 'Code whose authors have moved on needs a new owner before it needs a fix.',
  reviewMatrix: 'Who reviews whom shows where knowledge flows, and where it does not.',
  busiestShare: 'When one person does most of the reviews, everyone waits on them.',
  firstReview: 'How soon reviewers respond once a pull request is ready.',
};

export function keyFigures(report: HealthReport, t: Translate = plainTranslate): FigureGroup[] {
  const f = report.flow;
  const d = report.dora;
  const k = report.knowledge;
  const rl = report.reviewLoad;
  const bh = report.businessHours;
  const figure = (id: FigureId, value: string, status: FigureStatus, verdict: string): KeyFigure => ({
    id,
    title: report.about[id].title,
    short: t(SHORT[id]),
    value,
    status,
    verdict,
    why: t(WHY[id]),
    about: report.about[id],
  });
  const missing = (id: FigureId, reason: string) => figure(id, '—', 'missing', t('Not enough data: {0}.', reason));

  /** A flow stage's median against LinearB's elite mark and the team's target, when there are any. */
  const stage = (id: 'coding' | 'pickup' | 'review' | 'release' | 'cycle', m: Measured<Distribution>, elite?: number, team?: number) => {
    if (!m.ok) return missing(id, m.reason);
    const median = m.value.median;
    const n = plural(m.value.n, 'PR');
    const value = formatHours(median, bh);
    if (elite === undefined && team === undefined) return figure(id, value, 'info', t('median of {0}', n));
    const marks: string[] = [];
    let status: FigureStatus = 'ok';
    if (elite !== undefined) {
      if (median >= elite) status = 'warn';
      marks.push(
        median < elite ? t('under the elite mark ({0})', formatHours(elite, bh)) : t('above the elite mark ({0})', formatHours(elite, bh)),
      );
    }
    if (team !== undefined) {
      if (median >= team) status = 'warn';
      marks.push(
        median < team ? t('under the team target ({0})', formatHours(team, bh)) : t('above the team target ({0})', formatHours(team, bh)),
      );
    }
    return figure(id, value, status, t('median of {0}, {1}', n, marks.join(', ')));
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
          t('{0} lines', Math.round(f.size.period.value.median)),
          under.value.share >= 0.5 ? 'ok' : 'warn',
          t('median; {0} under {1} lines', formatShare(under.value.share), under.value.mark),
        )
      : missing('prSize', f.size.period.ok ? (under.ok ? '' : under.reason) : f.size.period.reason),
  );

  const cluster = (match: ClusterMatch): { status: FigureStatus; text: string } => {
    const label = d.reference.clusters.find((c) => c.id === match.cluster)?.label;
    const status: FigureStatus =
      match.cluster === 'elite' || match.cluster === 'high' ? 'ok' : match.cluster === 'medium' ? 'info' : 'warn';
    if (match.between) {
      const [faster, slower] = match.between.map((id) => d.reference.clusters.find((c) => c.id === id)?.label ?? id);
      return { status, text: t('between the {0} and {1} clusters (DORA 2024)', faster, slower) };
    }
    return { status, text: label ? t('{0} cluster (DORA 2024)', label) : t('below the low cluster (DORA 2024)') };
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
            t('{0} / week', trim(df.value.perWeek)),
            c.status,
            t('{0}; {1}', plural(df.value.releases, 'release'), c.text),
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
            t('median of {0}; {1}', plural(lt.value.hours.n, 'commit'), c.text),
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
            t('{0} of {1} failed; {2}', cfr.value.failed, plural(cfr.value.total, 'release'), c.text),
          );
        })()
      : missing('changeFailureRate', cfr.reason),
    rec.ok
      ? (() => {
          const c = cluster(rec.value.cluster);
          const open = rec.value.open > 0 ? t(', {0} still open', rec.value.open) : '';
          return figure(
            'recoveryTime',
            formatHours(rec.value.hours.median),
            c.status,
            t('median of {0}{1}; {2}', plural(rec.value.hours.n, 'recovery', 'recoveries'), open, c.text),
          );
        })()
      : figure('recoveryTime', '—', d.failures.length === 0 && d.releases.length > 0 ? 'ok' : 'missing', t('{0}.', capitalise(rec.reason))),
  ];

  const tf = k.truckFactor;
  const knowledgeFigures: KeyFigure[] = tf.ok
    ? [
        figure(
          'truckFactor',
          String(tf.value.value),
          tf.value.value <= 1 ? 'bad' : tf.value.value === 2 ? 'warn' : 'ok',
          tf.value.value <= 1
            ? t('one person leaving would leave most of {0} without an author', plural(tf.value.files, 'file'))
            : t('{0} people hold most of {1}', tf.value.value, plural(tf.value.files, 'file')),
        ),
        figure(
          'singleOwner',
          plural(k.singleOwnerFolders.length, 'folder'),
          k.singleOwnerFolders.length === 0 ? 'ok' : 'warn',
          t(
            '{0} ({1} of all files) known by one person',
            plural(k.singleAuthorFiles, 'file'),
            formatShare(k.singleAuthorFiles / Math.max(1, tf.value.files)),
          ),
        ),
        figure(
          'knowledgeAtRisk',
          plural(k.filesAtRisk, 'file'),
          k.filesAtRisk === 0 ? 'ok' : 'bad',
          k.filesAtRisk === 0
            ? t('every file has an author active in the last {0} days', k.parameters.inactiveDays)
            : t('no author active in the last {0} days; {1}', k.parameters.inactiveDays, plural(k.foldersAtRisk.length, 'folder')),
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
            t(
              '{0}: {1} of {2}; an even share would be {3}',
              bs.value.reviewer,
              bs.value.reviews,
              plural(bs.value.total, 'review'),
              formatShare(bs.value.evenShare),
            ),
          )
        : missing('busiestShare', bs.reason),
    );
    const fr = rl.firstReviewHours;
    reviewFigures.push(
      fr.ok
        ? figure('firstReview', formatHours(fr.value.median, bh), 'info', t('median over {0}', plural(fr.value.n, 'review')))
        : missing('firstReview', fr.reason),
    );
  }

  return [
    {
      id: 'flow',
      title: t('Flow'),
      summary:
        f.merged === 0
          ? t('no pull request merged in this period')
          : t('{0} merged{1}', plural(f.merged, 'pull request'), f.mode === 'github' ? t(', with GitHub reviews') : t(', from git alone')),
      figures: flowFigures,
      pullRequests: [...f.pullRequests]
        .filter((p) => p.cycle > (f.targets.cycleHours ?? f.marks.cycleHours))
        .sort((a, b) => b.cycle - a.cycle || b.number - a.number)
        .slice(0, SLOW_PULL_REQUESTS)
        .map((p) => ({ number: p.number, text: t('#{0} {1} · cycle {2}', p.number, p.title, formatHours(p.cycle, bh)) })),
    },
    {
      id: 'delivery',
      title: t('Delivery (DORA)'),
      summary: t('{0} in this period', plural(d.releases.length, 'release')),
      figures: deliveryFigures,
    },
    {
      id: 'knowledge',
      title: t('Shared knowledge'),
      summary: tf.ok ? t('{0} at HEAD', plural(tf.value.files, 'file')) : t('no files to judge'),
      figures: knowledgeFigures,
      suggestions: k.suggestions.slice(0, 3).map((s) => ({ folder: s.folder, text: s.text })),
    },
    {
      id: 'reviews',
      title: t('Review load'),
      summary: rl.unavailable
        ? t('needs GitHub reviews')
        : t('{0} on {1}', plural(rl.reviews, 'review'), plural(rl.pullRequests, 'pull request')),
      figures: reviewFigures,
    },
  ];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
