/**
 * The Team Health report as files: one Markdown document (every figure, its definition and a small
 * table per chart) and CSV files with the rows behind the charts. Pure: the export command decides
 * where they go (outside the repository by default) and writes them.
 *
 * Untrusted text (PR titles, commit subjects, names) is escaped for Markdown tables, and CSV cells
 * that a spreadsheet would run as a formula (=, +, -, @ first) are prefixed with an apostrophe.
 *
 * The Markdown's headings, table headers and prose are translated (`l10n.t`); the CSV column headers
 * stay stable snake_case identifiers (`week_start`, `cycle_median_h`): scripts and spreadsheet
 * formulas refer to columns by name, and a name that changes with the editor's language breaks them.
 */
import * as l10n from '@vscode/l10n';
import type { FigureId } from '../model/definitions';
import type { HealthReport } from '../model/report';
import type { Distribution, Measured } from '../model/stats';

export interface ExportFile {
  name: string;
  content: string;
}

const HOURS = (h: number | undefined) => (h === undefined || !Number.isFinite(h) ? '' : (Math.round(h * 100) / 100).toString());
const PCT = (x: number) => `${Math.round(x * 1000) / 10}%`;

function day(ms: number, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** A Markdown table cell: no pipes, no line breaks, no raw HTML. */
export function mdCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A CSV cell (RFC 4180 quoting), defused against spreadsheet formulas. */
export function csvCell(value: string | number | boolean | undefined | null): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(head: string[], rows: (string | number | boolean | undefined | null)[][]): string {
  return [head, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function mdTable(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(mdCell).join(' | ')} |`;
  return [line(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/** The Detail cell of a figure without a value. */
const notEnough = (reason: string) => l10n.t('not enough data: {0}', reason);

function distribution(m: Measured<Distribution>, unit = 'h'): [string, string] {
  if (!m.ok) return ['—', notEnough(m.reason)];
  const d = m.value;
  return [`${HOURS(d.median)} ${unit}`, `p75 ${HOURS(d.p75)} ${unit}, p90 ${HOURS(d.p90)} ${unit}, n = ${d.n}`];
}

export function healthMarkdown(report: HealthReport, repoLabel: string): string {
  const r = report;
  const zone = r.period.timeZone;
  const f = r.flow;
  const d = r.dora;
  const k = r.knowledge;
  const rl = r.reviewLoad;
  const unit = r.businessHours ? 'business h' : 'h';
  const out: string[] = [];
  out.push(`# ${mdCell(l10n.t('Team Health: {0}', repoLabel))}`);
  out.push('');
  out.push(
    [
      r.businessHours
        ? l10n.t('{0} – {1} ({2} weeks, business hours).', day(r.period.start, zone), day(r.period.end, zone), r.period.weeks.length)
        : l10n.t('{0} – {1} ({2} weeks).', day(r.period.start, zone), day(r.period.end, zone), r.period.weeks.length),
      f.mode === 'github'
        ? l10n.t('Team-level figures computed locally from git and GitHub reviews.')
        : l10n.t('Team-level figures computed locally from git.'),
    ].join(' '),
  );
  for (const note of r.notes) out.push('', `> ${mdCell(note)}`);

  const figureRows: string[][] = [];
  const add = (id: FigureId, value: string, detail: string) => figureRows.push([r.about[id].title, value, detail]);
  add('coding', ...distribution(f.stages.coding.period, unit));
  add('pickup', ...distribution(f.stages.pickup.period, unit));
  add('review', ...distribution(f.stages.review.period, unit));
  add('release', ...distribution(f.stages.release.period, unit));
  add('cycle', ...distribution(f.cycle.period, unit));
  add(
    'prSize',
    f.size.period.ok ? `${Math.round(f.size.period.value.median)} lines` : '—',
    f.size.underMark.ok
      ? `${PCT(f.size.underMark.value.share)} under ${f.size.underMark.value.mark} lines`
      : notEnough(f.size.underMark.reason),
  );
  const df = d.deploymentFrequency;
  add(
    'deploymentFrequency',
    df.ok ? `${Math.round(df.value.perWeek * 10) / 10} / week` : '—',
    df.ok ? `${df.value.releases} releases; ${df.value.cluster.cluster} cluster` : notEnough(df.reason),
  );
  const lt = d.leadTime;
  add(
    'leadTime',
    lt.ok ? `${HOURS(lt.value.hours.median)} h` : '—',
    lt.ok ? `n = ${lt.value.hours.n}; ${lt.value.cluster.cluster} cluster` : notEnough(lt.reason),
  );
  const cfr = d.changeFailureRate;
  add(
    'changeFailureRate',
    cfr.ok ? PCT(cfr.value.rate) : '—',
    cfr.ok ? `${cfr.value.failed} of ${cfr.value.total} releases; ${cfr.value.cluster.cluster} cluster` : notEnough(cfr.reason),
  );
  const rec = d.recoveryTime;
  add(
    'recoveryTime',
    rec.ok ? `${HOURS(rec.value.hours.median)} h` : '—',
    rec.ok ? `n = ${rec.value.hours.n}, ${rec.value.open} open; ${clusterText(rec.value.cluster)}` : notEnough(rec.reason),
  );
  const tf = k.truckFactor;
  add(
    'truckFactor',
    tf.ok ? String(tf.value.value) : '—',
    tf.ok ? `${tf.value.files} files; ${tf.value.people.map((p) => p.name).join(', ') || 'no one'}` : notEnough(tf.reason),
  );
  add('singleOwner', l10n.t('{0} files', k.singleAuthorFiles), l10n.t('{0} folders with one key person', k.singleOwnerFolders.length));
  add('knowledgeAtRisk', l10n.t('{0} files', k.filesAtRisk), l10n.t('{0} folders with no active owner', k.foldersAtRisk.length));
  const bs = rl.busiestShare;
  add(
    'busiestShare',
    bs.ok ? PCT(bs.value.share) : '—',
    bs.ok
      ? `${bs.value.reviewer}: ${bs.value.reviews} of ${bs.value.total} reviews; even share ${PCT(bs.value.evenShare)}`
      : notEnough(bs.reason),
  );
  add('firstReview', ...distribution(rl.firstReviewHours, unit));
  out.push('', `## ${l10n.t('Figures')}`, '', mdTable([l10n.t('Figure'), l10n.t('Value'), l10n.t('Detail')], figureRows));

  out.push('', `## ${l10n.t('Flow stages per week (medians)')}`, '');
  out.push(
    mdTable(
      [l10n.t('Week of'), l10n.t('Coding'), l10n.t('Pickup'), l10n.t('Review'), l10n.t('Release'), l10n.t('Cycle'), l10n.t('Merged PRs')],
      r.period.weeks.map((w, i) => [
        w.label,
        ...(['coding', 'pickup', 'review', 'release'] as const).map((s) => {
          const m = f.stages[s].weekly[i];
          return m.ok ? HOURS(m.value.median) : '—';
        }),
        f.cycle.weekly[i].ok ? HOURS((f.cycle.weekly[i] as { ok: true; value: Distribution }).value.median) : '—',
        String(f.weeklyMerged[i]),
      ]),
    ),
  );
  out.push(
    '',
    `## ${l10n.t('Pull request size')}`,
    '',
    mdTable(
      [l10n.t('Lines changed'), l10n.t('Pull requests')],
      f.size.bins.map((b) => [b.label, String(b.count)]),
    ),
  );
  out.push(
    '',
    `## ${l10n.t('Releases per week')}`,
    '',
    mdTable(
      [l10n.t('Week of'), l10n.t('Releases'), l10n.t('Failed')],
      r.period.weeks.map((w, i) => [
        w.label,
        String(d.weeklyReleases[i]),
        String(d.releases.filter((x) => x.week === i && x.failed).length),
      ]),
    ),
  );
  if (d.failures.length > 0) {
    out.push(
      '',
      `## ${l10n.t('Failed releases')}`,
      '',
      mdTable(
        [l10n.t('Release'), l10n.t('Cause'), l10n.t('Fix'), l10n.t('Recovered by'), l10n.t('Recovery (h)')],
        d.failures.map((x) => [x.release, x.cause, x.fixSubject, x.recoveredBy ?? l10n.t('not yet'), HOURS(x.recoveryHours)]),
      ),
    );
  }
  out.push(
    '',
    `## ${l10n.t('Knowledge by folder')}`,
    '',
    mdTable(
      [
        l10n.t('Folder'),
        l10n.t('Files'),
        l10n.t('Active owners'),
        l10n.t('Truck factor'),
        l10n.t('Key people'),
        l10n.t('Changes (recent)'),
      ],
      k.treemap.map((l) => [
        l.path || l10n.t('(root files)'),
        String(l.files),
        String(l.activeOwners),
        String(l.truckFactor),
        l.keyPeople.join(', '),
        String(l.recentChanges),
      ]),
    ),
  );
  if (k.suggestions.length > 0) out.push('', `## ${l10n.t('Spreading knowledge')}`, '', ...k.suggestions.map((s) => `- ${mdCell(s.text)}`));
  if (!rl.unavailable) {
    out.push(
      '',
      `## ${l10n.t('Who reviews whom')}`,
      '',
      mdTable(
        [l10n.t('Reviewer'), l10n.t('Author'), l10n.t('Reviews')],
        rl.pairs.map((p) => [p.reviewer, p.author, String(p.reviews)]),
      ),
    );
  } else {
    out.push('', `## ${l10n.t('Review load')}`, '', mdCell(l10n.t('Not available: {0}.', rl.unavailable)));
  }
  out.push('', `## ${l10n.t('Definitions')}`, '');
  for (const about of Object.values(r.about)) {
    out.push(
      `**${about.title}.** ${about.definition} *${l10n.t('Data:')}* ${about.data} *${l10n.t('Left out:')}* ${about.excluded}${about.citation ? ` *${l10n.t('Source:')}* ${about.citation}.` : ''}`,
      '',
    );
  }
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}

export function healthCsvFiles(report: HealthReport): ExportFile[] {
  const r = report;
  const f = r.flow;
  const d = r.dora;
  const k = r.knowledge;
  const rl = r.reviewLoad;
  const zone = r.period.timeZone;
  const median = (m: Measured<Distribution>) => (m.ok ? HOURS(m.value.median) : '');
  return [
    {
      name: 'flow-weekly.csv',
      content: csv(
        ['week_start', 'coding_median_h', 'pickup_median_h', 'review_median_h', 'release_median_h', 'cycle_median_h', 'merged_prs'],
        r.period.weeks.map((w, i) => [
          w.label,
          median(f.stages.coding.weekly[i]),
          median(f.stages.pickup.weekly[i]),
          median(f.stages.review.weekly[i]),
          median(f.stages.release.weekly[i]),
          median(f.cycle.weekly[i]),
          f.weeklyMerged[i],
        ]),
      ),
    },
    {
      name: 'pull-requests.csv',
      content: csv(
        ['number', 'title', 'merged', 'kind', 'lines_changed', 'coding_h', 'pickup_h', 'review_h', 'release_h', 'cycle_h', 'release'],
        f.pullRequests.map((p) => [
          p.number,
          p.title,
          day(p.mergedAt, zone),
          p.kind,
          p.size,
          HOURS(p.coding),
          HOURS(p.pickup),
          HOURS(p.review),
          HOURS(p.release),
          HOURS(p.cycle),
          p.releaseName ?? '',
        ]),
      ),
    },
    {
      name: 'releases.csv',
      content: csv(
        ['release', 'date', 'commit', 'failed', 'cause', 'fix_commit', 'recovered_by', 'recovery_h'],
        d.releases.map((x) => {
          const failure = d.failures.find((y) => y.release === x.name);
          return [
            x.name,
            day(x.date, zone),
            x.commit,
            x.failed,
            failure?.cause ?? '',
            failure?.fixCommit ?? '',
            failure?.recoveredBy ?? '',
            HOURS(failure?.recoveryHours),
          ];
        }),
      ),
    },
    {
      name: 'knowledge-folders.csv',
      content: csv(
        ['folder', 'files', 'active_owners', 'truck_factor', 'key_people', 'recent_changes'],
        k.treemap.map((l) => [l.path, l.files, l.activeOwners, l.truckFactor, l.keyPeople.join('; '), l.recentChanges]),
      ),
    },
    {
      name: 'review-pairs.csv',
      content: csv(
        ['reviewer', 'author', 'reviews'],
        rl.pairs.map((p) => [p.reviewer, p.author, p.reviews]),
      ),
    },
  ];
}

/** `team-health-shop-2026-12-02`: the folder an export goes into (a number is added when it exists). */
export function exportFolderName(repoLabel: string, now: number, timeZone?: string): string {
  const slug =
    repoLabel
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'repository';
  return `team-health-${slug}-${day(now, timeZone)}`;
}

/** True when `path` is `root` or inside it (both absolute, `/` or `\` separated). */
export function isInside(path: string, root: string): boolean {
  const norm = (p: string) => p.replace(/\\/g, '/').replace(/\/+$/, '');
  const a = norm(path);
  const b = norm(root);
  return a === b || a.startsWith(`${b}/`);
}

/** `low cluster`, or `between the medium and low clusters` when the figure falls in a gap of the report's ranges. */
function clusterText(match: { cluster: string; between?: readonly string[] }): string {
  return match.between ? `between the ${match.between[0]} and ${match.between[1]} clusters` : `${match.cluster} cluster`;
}
