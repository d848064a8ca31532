/**
 * The Team Health dashboard: browser code in the webview, no `vscode` import. It receives one
 * `health/report` message with every figure and draws it; links and buttons send messages back
 * (open a PR, reveal a folder, change the period, export) and never navigate.
 */
import './dashboard.css';
import * as l10n from '@vscode/l10n';
import type { About, FigureId } from '../model/definitions';
import type { HealthReport } from '../model/report';
import type { FromDashboard, PeriodChoice, ToDashboard } from '../view/protocol';
import { HEALTH_PROTOCOL_VERSION, PERIOD_CHOICES } from '../view/protocol';
import {
  destroyCharts,
  flowStagesChart,
  knowledgeTreemap,
  ownerWords,
  releasesChart,
  reviewMatrix,
  sizeChart,
  type StageSeries,
} from './charts';
import { actionLink, append, h, uid, type Child } from './dom';
import { formatDay, formatHours, formatShare, listWords, plural, trim } from './format';
import { readTheme, type Theme } from './theme';

type ReportMessage = Extract<ToDashboard, { type: 'health/report' }>;

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode: VsCodeApi = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : { postMessage: () => undefined };
const post = (message: FromDashboard) => vscode.postMessage(message);

let current: ReportMessage | undefined;

function app(): HTMLElement {
  return document.getElementById('app') ?? document.body;
}

// Whatever the policy blocks is reported to the extension, which logs it (and the tests check there is none).
document.addEventListener('securitypolicyviolation', (event) => {
  post({
    type: 'health/cspViolation',
    directive: String(event.violatedDirective).slice(0, 200),
    blocked: String(event.blockedURI).slice(0, 2000),
  });
});

/** A figure to scroll to once the report is drawn (the view can ask before the report arrives). */
let revealNext: FigureId | undefined;

window.addEventListener('message', (event: MessageEvent) => handle(event.data as ToDashboard | undefined));

function handle(message: ToDashboard | undefined): void {
  if (!message || typeof message !== 'object') return;
  if (message.type === 'health/report' && message.protocol === HEALTH_PROTOCOL_VERSION) {
    current = message;
    render();
    if (revealNext) reveal(revealNext);
  } else if (message.type === 'health/busy') {
    if (current) {
      current = { ...current, busy: message.message };
      showBusy(message.message);
    }
  } else if (message.type === 'health/reveal') {
    revealNext = message.figure;
    if (current) reveal(message.figure);
  } else if (message.type === 'health/progress') {
    if (!current) app().replaceChildren(h('p', { class: 'muted', role: 'status' }, message.message));
  } else if (message.type === 'health/error') {
    app().replaceChildren(
      h('section', { class: 'error', role: 'alert' }, h('h2', {}, 'Team Health could not be computed'), h('p', {}, message.message)),
    );
  }
}

/** Which chart shows a figure: revealing the figure scrolls to it. */
const CHART_OF: Partial<Record<FigureId, string>> = {
  coding: 'flow',
  pickup: 'flow',
  review: 'flow',
  release: 'flow',
  cycle: 'flow',
  prSize: 'size',
  deploymentFrequency: 'releases',
  leadTime: 'releases',
  changeFailureRate: 'releases',
  recoveryTime: 'releases',
  truckFactor: 'knowledge',
  singleOwner: 'knowledge',
  knowledgeAtRisk: 'knowledge',
  reviewMatrix: 'reviews',
  busiestShare: 'reviews',
  firstReview: 'reviews',
};

function reveal(figure: FigureId): void {
  revealNext = undefined;
  const chart = CHART_OF[figure];
  const target =
    (chart && document.querySelector<HTMLElement>(`[data-chart="${chart}"]`)) ||
    document.querySelector<HTMLElement>(`[data-figure="${figure}"]`);
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  for (const el of document.querySelectorAll('.revealed')) el.classList.remove('revealed');
  document.querySelector(`[data-figure="${figure}"]`)?.classList.add('revealed');
  requestAnimationFrame(() => post({ type: 'health/revealed', figure }));
}

function showBusy(message: string | undefined): void {
  const line = document.getElementById('busy');
  if (!line) return;
  line.textContent = message ?? '';
  line.hidden = !message;
}

// Links and buttons carry their message in data-* attributes: one listener for all of them.
document.addEventListener('click', (event) => {
  const target = (event.target as Element | null)?.closest<HTMLElement>('[data-action]');
  if (!target) return;
  const d = target.dataset;
  switch (d.action) {
    case 'setPeriod':
      post({ type: 'health/setPeriod', weeks: Number(d.weeks) as PeriodChoice });
      break;
    case 'openPullRequest':
      post({ type: 'health/openPullRequest', number: Number(d.number), url: d.url || undefined });
      break;
    case 'openCommit':
      post({ type: 'health/openCommit', hash: d.hash ?? '' });
      break;
    case 'revealFolder':
      post({ type: 'health/revealFolder', path: d.path ?? '' });
      break;
    case 'export':
      post({ type: 'health/export' });
      break;
    case 'signIn':
      post({ type: 'health/signIn' });
      break;
    case 'selectRepository':
      post({ type: 'health/selectRepository', root: d.root ?? '' });
      break;
  }
});

// VS Code swaps the body's theme class and the CSS variables together: redraw with the new colours.
new MutationObserver(() => current && render()).observe(document.body, { attributes: true, attributeFilter: ['class'] });

/** Tells the extension a frame after something was drawn: `complete` once every chart is. */
function painted(started: number, complete: boolean): void {
  if (!current) return;
  const drawn = {
    weeks: current.report.period.weeks.length,
    repoRoot: current.report.repoRoot,
    theme: readTheme().kind,
    complete,
  };
  requestAnimationFrame(() => setTimeout(() => post({ type: 'health/painted', ...drawn, renderMs: performance.now() - started }), 0));
}

function render(): void {
  if (!current) return;
  const started = performance.now();
  destroyCharts();
  const theme = readTheme();
  const root = app();
  root.replaceChildren();
  const r = current.report;
  append(root, [
    header(current),
    notes(r, current.notes),
    flowSection(r, theme),
    doraSection(r, theme),
    knowledgeSection(r, theme),
    reviewSection(current, theme),
  ]);
  // The figures paint first; the charts follow, one per task, so the page never waits for all of them.
  const queue = drawQueue.splice(0);
  painted(started, false);
  const generation = ++renders;
  const next = () => {
    if (generation !== renders) return; // a newer render took over
    const draw = queue.shift();
    if (!draw) {
      painted(started, true);
      return;
    }
    draw();
    setTimeout(next, 0);
  };
  requestAnimationFrame(() => setTimeout(next, 0));
}

let renders = 0;

/** Charts are drawn once their canvas is in the document (Chart.js measures the container). */
const drawQueue: (() => void)[] = [];

// ---------------------------------------------------------------- header

function header(m: ReportMessage): HTMLElement {
  const r = m.report;
  const zone = r.period.timeZone;
  const buttons = PERIOD_CHOICES.map((weeks) =>
    h(
      'button',
      {
        type: 'button',
        class: 'period',
        'data-action': 'setPeriod',
        'data-weeks': weeks,
        'aria-pressed': weeks === m.weeks ? 'true' : 'false',
      },
      `${weeks} weeks`,
    ),
  );
  const repos =
    m.repositories.length > 1
      ? h(
          'div',
          { class: 'repos', role: 'group', 'aria-label': 'Repository' },
          ...m.repositories.map((repo) =>
            h(
              'button',
              {
                type: 'button',
                class: 'period',
                'data-action': 'selectRepository',
                'data-root': repo.root,
                'aria-pressed': repo.root === r.repoRoot ? 'true' : 'false',
              },
              repo.label,
            ),
          ),
        )
      : null;
  return h(
    'header',
    { class: 'top' },
    h(
      'div',
      { class: 'title' },
      h('h1', {}, 'Team Health'),
      h(
        'p',
        { class: 'muted' },
        `${m.repoLabel} · ${formatDay(r.period.start, zone)} – ${formatDay(r.period.end, zone)}${r.businessHours ? ' · business hours' : ''} · team-level figures from git${m.signedIn ? ' and GitHub' : ''}`,
      ),
      h('p', { class: 'busy', id: 'busy', role: 'status', hidden: !m.busy }, m.busy ?? ''),
    ),
    h(
      'div',
      { class: 'controls' },
      repos,
      h('div', { class: 'periods', role: 'group', 'aria-label': 'Period' }, ...buttons),
      h('button', { type: 'button', class: 'secondary', 'data-action': 'export' }, 'Export report…'),
    ),
  );
}

function notes(r: HealthReport, extra: readonly string[] = []): HTMLElement | null {
  const all = [...extra, ...r.notes];
  if (all.length === 0) return null;
  return h('aside', { class: 'notes' }, ...all.map((n) => h('p', {}, n)));
}

// ---------------------------------------------------------------- figure cards

type Status = { kind: 'ok' | 'warn' | 'bad' | 'info'; text: string };

function aboutBlock(about: About, id: string, extra?: Child): HTMLElement {
  return h(
    'div',
    { class: 'about', role: 'tooltip', id },
    h('p', {}, h('strong', {}, 'Definition. '), about.definition),
    h('p', {}, h('strong', {}, 'Data. '), about.data),
    h('p', {}, h('strong', {}, 'Left out. '), about.excluded),
    about.citation ? h('p', { class: 'muted' }, h('strong', {}, 'Source. '), about.citation) : null,
    extra ?? null,
  );
}

function card(
  r: HealthReport,
  id: FigureId,
  value: string,
  options: { sub?: string; reason?: string; status?: Status[]; extra?: Child; about?: Child } = {},
): HTMLElement {
  const about = r.about[id];
  const aboutId = uid(`about-${id}`);
  return h(
    'div',
    { class: `figure${options.reason ? ' missing' : ''}`, tabindex: 0, 'aria-describedby': aboutId, 'data-figure': id },
    h('div', { class: 'figure-title' }, about.title, h('span', { class: 'info-mark', 'aria-hidden': 'true' }, 'i')),
    h('div', { class: 'figure-value' }, options.reason ? '—' : value),
    options.reason ? h('div', { class: 'figure-reason' }, `Not enough data: ${options.reason}.`) : null,
    options.sub && !options.reason ? h('div', { class: 'figure-sub' }, options.sub) : null,
    ...(options.reason
      ? []
      : (options.status ?? []).map((s) =>
          h('div', { class: `status ${s.kind}` }, h('span', { class: 'icon', 'aria-hidden': 'true' }, statusIcon(s.kind)), ` ${s.text}`),
        )),
    options.extra ?? null,
    aboutBlock(about, aboutId, options.about),
  );
}

function statusIcon(kind: Status['kind']): string {
  return kind === 'ok' ? '✓' : kind === 'warn' ? '▲' : kind === 'bad' ? '✕' : '•';
}

/** Against a mark: "✓ under the elite mark (7 h)" or "▲ above …". */
function markStatus(value: number, mark: number | undefined, who: string, business: boolean): Status | undefined {
  if (mark === undefined) return undefined;
  return value < mark
    ? { kind: 'ok', text: `under the ${who} (${formatHours(mark, business)})` }
    : { kind: 'warn', text: `above the ${who} (${formatHours(mark, business)})` };
}

function figureGroup(label: string, ...cards: HTMLElement[]): HTMLElement {
  return h('div', { class: 'figures', role: 'list', 'aria-label': label }, ...cards.map((c) => (c.setAttribute('role', 'listitem'), c)));
}

/** A chart with its summary line and its data as a table, the text alternative. */
function chartFigure(
  chart: string,
  title: string,
  summary: string,
  size: 'tall' | 'short' | 'square',
  draw: (canvas: HTMLCanvasElement) => void,
  table: HTMLTableElement,
): HTMLElement {
  const canvas = h('canvas', { role: 'img', 'aria-label': `${title}. ${summary}` });
  drawQueue.push(() => draw(canvas));
  return h(
    'figure',
    { class: 'chart-figure', 'data-chart': chart },
    h('figcaption', {}, h('span', { class: 'chart-title' }, title), h('span', { class: 'summary' }, summary)),
    h('div', { class: `chart ${size}` }, canvas),
    h('details', { class: 'table' }, h('summary', {}, 'Show as a table'), table),
  );
}

function table(head: string[], rows: Child[][], numericFrom = 1): HTMLTableElement {
  return h(
    'table',
    {},
    h('thead', {}, h('tr', {}, ...head.map((c, i) => h('th', { scope: 'col', class: i >= numericFrom ? 'num' : undefined }, c)))),
    h(
      'tbody',
      {},
      ...rows.map((row) =>
        h(
          'tr',
          {},
          ...row.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', { class: i >= numericFrom ? 'num' : undefined }, c))),
        ),
      ),
    ),
  );
}

function section(id: string, title: string, intro: string, ...children: Child[]): HTMLElement {
  return h(
    'section',
    { class: 'family', 'aria-labelledby': id },
    h('h2', { id }, title),
    h('p', { class: 'intro muted' }, intro),
    ...children,
  );
}

// ---------------------------------------------------------------- flow

const STAGE_LABELS = { coding: 'Coding', pickup: 'Pickup', review: 'Review', release: 'Release' } as const;

function flowSection(r: HealthReport, theme: Theme): HTMLElement {
  const f = r.flow;
  const bh = r.businessHours;
  const t = f.targets;
  const dist = (id: 'coding' | 'pickup' | 'review' | 'release' | 'cycle') => (id === 'cycle' ? f.cycle.period : f.stages[id].period);
  const stageCard = (id: 'coding' | 'pickup' | 'review' | 'release' | 'cycle', elite?: number, team?: number) => {
    const m = dist(id);
    if (!m.ok) return card(r, id, '', { reason: m.reason });
    const d = m.value;
    return card(r, id, formatHours(d.median, bh), {
      sub: `median · p75 ${formatHours(d.p75, bh)} · p90 ${formatHours(d.p90, bh)} · ${plural(d.n, 'PR')}`,
      status: [markStatus(d.median, elite, 'elite mark', bh), markStatus(d.median, team, 'team target', bh)].filter(
        (s): s is Status => !!s,
      ),
    });
  };

  const stages = (['coding', 'pickup', 'review', 'release'] as const).filter(
    (s) => f.mode === 'github' || (s !== 'pickup' && s !== 'review'),
  );
  const weeks = r.period.weeks.map((w) => w.label);
  const series: StageSeries[] = stages.map((s) => ({
    label: STAGE_LABELS[s],
    color: theme.stage[s],
    values: f.stages[s].weekly.map((m) => (m.ok ? m.value.median : null)),
    counts: f.stages[s].weekly.map((m) => (m.ok ? m.value.n : 0)),
  }));
  const longest = stages
    .map((s) => ({ s, m: f.stages[s].period }))
    .filter((x) => x.m.ok)
    .sort((a, b) => (b.m.ok ? b.m.value.median : 0) - (a.m.ok ? a.m.value.median : 0))[0];
  const stageSummary =
    f.merged === 0
      ? 'No pull request was merged in this period.'
      : longest && longest.m.ok
        ? `${plural(f.merged, 'merged pull request')}; the longest stage is ${STAGE_LABELS[longest.s].toLowerCase()} (median ${formatHours(longest.m.value.median, bh)}).`
        : `${plural(f.merged, 'merged pull request')}; too few for stage medians over the period.`;
  const stageTable = table(
    ['Week', ...stages.map((s) => `${STAGE_LABELS[s]} (median)`), 'Merged PRs'],
    weeks.map((w, i) => [
      `Week of ${w}`,
      ...series.map((s) => (s.values[i] === null ? '—' : formatHours(s.values[i]!, bh))),
      String(f.weeklyMerged[i]),
    ]),
  );

  const sizeMark = t.prSizeLines ?? f.marks.prSizeLines;
  const bins = f.size.bins.map((b) => ({ label: b.label, count: b.count, under: b.max !== null && b.max <= sizeMark }));
  const under = f.size.underMark;
  const sizeSummary = under.ok
    ? `${formatShare(under.value.share)} of merged pull requests are under ${under.value.mark} changed lines.`
    : `${under.reason}.`;
  const sizeCard = (() => {
    const m = f.size.period;
    if (!m.ok) return card(r, 'prSize', '', { reason: m.reason });
    return card(r, 'prSize', `${Math.round(m.value.median)} lines`, {
      sub: `median · p75 ${Math.round(m.value.p75)} · p90 ${Math.round(m.value.p90)}`,
      status: under.ok
        ? [{ kind: under.value.share >= 0.5 ? 'ok' : 'warn', text: `${formatShare(under.value.share)} under ${under.value.mark} lines` }]
        : [],
    });
  })();

  const slow = [...f.pullRequests].sort((a, b) => b.cycle - a.cycle).slice(0, 5);
  const slowList =
    slow.length === 0
      ? null
      : h(
          'div',
          { class: 'list' },
          h('h3', {}, 'Longest cycle times'),
          h(
            'ul',
            {},
            ...slow.map((p) =>
              h(
                'li',
                {},
                actionLink(
                  `#${p.number} ${p.title}`,
                  'openPullRequest',
                  p.url ? { number: p.number, url: p.url } : { number: p.number },
                  `Open pull request #${p.number}`,
                ),
                h(
                  'span',
                  { class: 'muted' },
                  ` · cycle ${formatHours(p.cycle, bh)}${p.pickup !== undefined ? ` · pickup ${formatHours(p.pickup, bh)}` : ''}${p.review !== undefined ? ` · review ${formatHours(p.review, bh)}` : ''} · ${p.size} lines`,
                ),
              ),
            ),
          ),
        );

  return section(
    'flow-title',
    'Flow',
    f.mode === 'github'
      ? 'Where merged pull requests wait, from first commit to release. Marks are LinearB’s published “elite” figures.'
      : 'From git alone: coding runs from first commit to merge. Sign in to GitHub to split out pickup and review.',
    figureGroup(
      'Flow figures',
      stageCard('coding'),
      stageCard('pickup', f.marks.pickupHours, t.pickupHours),
      stageCard('review', f.marks.reviewHours, t.reviewHours),
      stageCard('release'),
      stageCard('cycle', f.marks.cycleHours, t.cycleHours),
      sizeCard,
    ),
    f.mode === 'git'
      ? h('p', { class: 'muted' }, actionLink('Sign in to GitHub', 'signIn', {}), ' for pickup, review and review load.')
      : null,
    h(
      'div',
      { class: 'charts two' },
      chartFigure('flow', 'Flow stages per week', stageSummary, 'tall', (c) => flowStagesChart(c, theme, weeks, series, bh), stageTable),
      chartFigure(
        'size',
        'Pull request size',
        sizeSummary,
        'tall',
        (c) => sizeChart(c, theme, bins),
        table(
          ['Lines changed', 'Pull requests'],
          bins.map((b) => [b.label, String(b.count)]),
        ),
      ),
    ),
    slowList,
  );
}

// ---------------------------------------------------------------- DORA

function doraSection(r: HealthReport, theme: Theme): HTMLElement {
  const d = r.dora;
  const ref = d.reference;
  const clusterRow = (id: string) => ref.clusters.find((c) => c.id === id);
  const clusterStatus = (
    cluster: { cluster: string; between?: readonly string[] },
    text: (row: (typeof ref.clusters)[number]) => string,
  ): Status[] => {
    const row = clusterRow(cluster.cluster);
    const kind: Status['kind'] =
      cluster.cluster === 'elite' || cluster.cluster === 'high' ? 'ok' : cluster.cluster === 'medium' ? 'info' : 'warn';
    if (cluster.between) {
      const [faster, slower] = cluster.between.map((id) => clusterRow(id)?.label ?? id);
      return [{ kind, text: `Between the ${faster} and ${slower} clusters` }];
    }
    return [{ kind, text: row ? `${row.label} cluster: ${text(row)}` : 'below the low cluster' }];
  };
  // How the figure was placed, when the report's ranges leave room for doubt: in the hover text.
  const placed = (cluster: { note?: string }) =>
    h(
      'div',
      {},
      cluster.note ? h('p', {}, h('strong', {}, 'Cluster. '), `Placed by ${cluster.note}.`) : null,
      h('p', { class: 'muted' }, `Clusters: ${ref.citation}.`),
    );

  const df = d.deploymentFrequency;
  const lt = d.leadTime;
  const cfr = d.changeFailureRate;
  const rec = d.recoveryTime;
  const cards = figureGroup(
    'DORA figures',
    df.ok
      ? card(r, 'deploymentFrequency', `${trim(df.value.perWeek)} / week`, {
          sub: `${plural(df.value.releases, 'release')} on ${plural(df.value.releaseDays, 'day')}`,
          status: clusterStatus(df.value.cluster, (c) => c.deploymentFrequency),
          about: placed(df.value.cluster),
        })
      : card(r, 'deploymentFrequency', '', { reason: df.reason }),
    lt.ok
      ? card(r, 'leadTime', formatHours(lt.value.hours.median), {
          sub: `median · p75 ${formatHours(lt.value.hours.p75)} · p90 ${formatHours(lt.value.hours.p90)} · ${plural(lt.value.hours.n, 'commit')}`,
          status: clusterStatus(lt.value.cluster, (c) => c.leadTime),
          about: placed(lt.value.cluster),
        })
      : card(r, 'leadTime', '', { reason: lt.reason }),
    cfr.ok
      ? card(r, 'changeFailureRate', formatShare(cfr.value.rate), {
          sub: `${cfr.value.failed} of ${plural(cfr.value.total, 'release')} failed`,
          status: clusterStatus(cfr.value.cluster, (c) => `typically ${c.changeFailureRate}`),
          about: placed(cfr.value.cluster),
        })
      : card(r, 'changeFailureRate', '', { reason: cfr.reason }),
    rec.ok
      ? card(r, 'recoveryTime', formatHours(rec.value.hours.median), {
          sub: `median of ${plural(rec.value.hours.n, 'recovery', 'recoveries')}${rec.value.open ? ` · ${rec.value.open} still open` : ''}`,
          status: clusterStatus(rec.value.cluster, (c) => c.recoveryTime),
          about: placed(rec.value.cluster),
        })
      : card(r, 'recoveryTime', '', { reason: rec.reason }),
  );

  const weeks = r.period.weeks.map((w) => w.label);
  const failedPerWeek = weeks.map((_, i) => d.releases.filter((x) => x.week === i && x.failed).length);
  const okPerWeek = weeks.map((_, i) => d.weeklyReleases[i] - failedPerWeek[i]);
  const releaseSummary =
    d.releases.length === 0
      ? df.ok
        ? 'No release in this period.'
        : `No releases to show: ${df.reason}.`
      : `${plural(d.releases.length, 'release')} in the period, ${d.releases.filter((x) => x.failed).length} failed.`;

  const clusters = h(
    'details',
    { class: 'table clusters' },
    h('summary', {}, 'The 2024 report’s performance clusters'),
    table(
      ['Cluster', 'Deployment frequency', 'Lead time for changes', 'Change failure rate', 'Recovery time', 'Respondents'],
      ref.clusters.map((c) => [c.label, c.deploymentFrequency, c.leadTime, c.changeFailureRate, c.recoveryTime, formatShare(c.share)]),
      5,
    ),
    h('p', { class: 'muted' }, `${ref.citation}.`),
  );

  const failures =
    d.failures.length === 0
      ? null
      : h(
          'div',
          { class: 'list' },
          h('h3', {}, 'Failed releases'),
          h(
            'ul',
            {},
            ...d.failures.map((x) =>
              h(
                'li',
                {},
                h('strong', {}, x.release),
                ` ${x.cause === 'revert' ? 'reverted' : 'hotfixed'} by `,
                actionLink(x.fixSubject, 'openCommit', { hash: x.fixCommit }, `Open commit ${x.fixCommit.slice(0, 8)}`),
                h(
                  'span',
                  { class: 'muted' },
                  x.recoveredBy ? ` · recovered in ${x.recoveredBy} after ${formatHours(x.recoveryHours ?? 0)}` : ' · fix not released yet',
                ),
              ),
            ),
          ),
        );

  return section(
    'dora-title',
    'Delivery: DORA’s four keys',
    `Releases are ${d.selection.source === 'tag' ? `tags${d.selection.pattern ? ` matching /${d.selection.pattern}/` : ''}` : d.selection.source === 'github-release' ? 'GitHub releases' : `GitHub deployments${d.selection.environment ? ` to ${d.selection.environment}` : ''}`}. Each figure is placed in the clusters of the 2024 State of DevOps report.`,
    cards,
    h(
      'div',
      { class: 'charts two' },
      chartFigure(
        'releases',
        'Releases per week',
        releaseSummary,
        'short',
        (c) => releasesChart(c, theme, weeks, okPerWeek, failedPerWeek),
        table(
          ['Week', 'Releases', 'Failed', 'Lead time (median)'],
          weeks.map((w, i) => {
            const m = d.leadTimeWeekly[i];
            return [`Week of ${w}`, String(d.weeklyReleases[i]), String(failedPerWeek[i]), m.ok ? formatHours(m.value.median) : '—'];
          }),
        ),
      ),
      h('div', { class: 'side' }, failures, clusters),
    ),
  );
}

// ---------------------------------------------------------------- knowledge

function knowledgeSection(r: HealthReport, theme: Theme): HTMLElement {
  const k = r.knowledge;
  const tf = k.truckFactor;
  const files = tf.ok ? tf.value.files : 0;
  const cards = figureGroup(
    'Knowledge figures',
    tf.ok
      ? card(r, 'truckFactor', String(tf.value.value), {
          sub: `${plural(files, 'file')} · ${tf.value.people.length ? listWords(tf.value.people.map((p) => p.name)) : 'no one'}`,
          status: [
            tf.value.value <= 1
              ? { kind: 'bad', text: 'one person leaving would orphan most files' }
              : tf.value.value === 2
                ? { kind: 'warn', text: 'two people hold most of the code' }
                : { kind: 'ok', text: 'knowledge is spread' },
          ],
        })
      : card(r, 'truckFactor', '', { reason: tf.reason }),
    tf.ok
      ? card(r, 'singleOwner', `${plural(k.singleAuthorFiles, 'file')}`, {
          sub: `${formatShare(k.singleAuthorFiles / Math.max(1, files))} of files · ${plural(k.singleOwnerFolders.length, 'folder')} with one key person`,
        })
      : card(r, 'singleOwner', '', { reason: tf.reason }),
    tf.ok
      ? card(r, 'knowledgeAtRisk', `${plural(k.filesAtRisk, 'file')}`, {
          sub: `authors inactive ${k.parameters.inactiveDays}+ days · ${plural(k.foldersAtRisk.length, 'folder')} with no active owner`,
          status: k.filesAtRisk === 0 ? [{ kind: 'ok', text: 'every file has an active author' }] : [],
        })
      : card(r, 'knowledgeAtRisk', '', { reason: tf.reason }),
  );

  const leaves = k.treemap;
  const atRisk = leaves.filter((l) => l.activeOwners === 0).length;
  const single = leaves.filter((l) => l.activeOwners === 1).length;
  const summary =
    leaves.length === 0 ? 'No files to show.' : `${plural(leaves.length, 'folder')}: ${atRisk} with no active owner, ${single} with one.`;
  const legend = h(
    'ul',
    { class: 'legend', 'aria-label': 'Colours' },
    ...[0, 1, 2, 3].map((n) => h('li', {}, h('span', { class: `swatch owners-${n}`, 'aria-hidden': 'true' }), ownerWords(n))),
  );
  const treemap = chartFigure(
    'knowledge',
    'Knowledge by folder',
    summary,
    'square',
    (c) => knowledgeTreemap(c, theme, leaves, (path) => post({ type: 'health/revealFolder', path })),
    table(
      ['Folder', 'Files', 'Active owners', 'Truck factor', 'Key people', 'Recent changes'],
      leaves.map((l) => [
        actionLink(
          l.path === '' ? '(root files)' : l.path,
          'revealFolder',
          { path: l.path },
          `Reveal ${l.path || 'the root'} in the explorer`,
        ),
        String(l.files),
        String(l.activeOwners),
        String(l.truckFactor),
        l.keyPeople.join(', '),
        String(l.recentChanges),
      ]),
    ),
  );
  treemap.insertBefore(legend, treemap.querySelector('.chart'));

  const suggestions = h(
    'div',
    { class: 'list suggestions' },
    h('h3', {}, 'Spread what only one person knows'),
    k.suggestions.length === 0
      ? h('p', { class: 'muted' }, 'No folder depends on a single person. Keep pairing and reviewing across the code.')
      : h(
          'ul',
          {},
          ...k.suggestions.map((s) =>
            h(
              'li',
              {},
              h('p', {}, s.text),
              actionLink(
                `Reveal ${s.folder === '' ? 'the root' : s.folder}`,
                'revealFolder',
                { path: s.folder },
                `Reveal ${s.folder} in the explorer`,
              ),
            ),
          ),
        ),
  );

  return section(
    'knowledge-title',
    'Shared knowledge',
    'Who could carry on if someone left. Names appear only to spread knowledge: pairing, tours, reviews across folders.',
    cards,
    h('div', { class: 'charts two wide-first' }, treemap, suggestions),
  );
}

// ---------------------------------------------------------------- review load

function reviewSection(m: ReportMessage, theme: Theme): HTMLElement {
  const r = m.report;
  const load = r.reviewLoad;
  const intro = 'How reviewing is shared: the team’s pattern, listed alphabetically, not a ranking.';
  if (load.unavailable) {
    return section(
      'reviews-title',
      'Review load',
      intro,
      h('p', { class: 'figure-reason' }, `Not enough data: ${load.unavailable}.`),
      m.signedIn ? null : h('p', {}, actionLink('Sign in to GitHub', 'signIn', {})),
    );
  }
  const bs = load.busiestShare;
  const fr = load.firstReviewHours;
  const cards = figureGroup(
    'Review figures',
    bs.ok
      ? card(r, 'busiestShare', formatShare(bs.value.share), {
          sub: `${bs.value.reviewer}: ${bs.value.reviews} of ${plural(bs.value.total, 'review')}`,
          status: [
            bs.value.share >= 1.5 * bs.value.evenShare
              ? {
                  kind: 'warn',
                  text: `${trim(bs.value.share / bs.value.evenShare)}× an even share (${formatShare(bs.value.evenShare)}): a likely bottleneck`,
                }
              : { kind: 'ok', text: `close to an even share (${formatShare(bs.value.evenShare)})` },
          ],
        })
      : card(r, 'busiestShare', '', { reason: bs.reason }),
    fr.ok
      ? card(r, 'firstReview', formatHours(fr.value.median, r.businessHours), {
          sub: `median over ${plural(fr.value.n, 'review')} · ${load.reviewed} of ${plural(load.pullRequests, 'PR')} reviewed`,
        })
      : card(r, 'firstReview', '', { reason: fr.reason }),
  );
  const matrix = chartFigure(
    'reviews',
    'Who reviews whom',
    `${plural(load.reviews, 'review')} by ${plural(load.reviewers.length, 'person', 'people')} on ${plural(load.pullRequests, 'merged pull request')}.`,
    'square',
    (c) => reviewMatrix(c, theme, load.people, load.pairs),
    table(
      ['Reviewer', 'Author', 'Reviews'],
      load.pairs.map((p) => [p.reviewer, p.author, String(p.reviews)]),
      2,
    ),
  );
  const reviewers = h(
    'div',
    { class: 'list' },
    h('h3', {}, 'Per reviewer (alphabetical)'),
    table(
      ['Reviewer', 'Reviews', 'Time to first review (median)'],
      load.reviewers.map((x) => [
        x.reviewer,
        String(x.reviews),
        x.firstReviewHours.ok ? formatHours(x.firstReviewHours.value.median, r.businessHours) : '—',
      ]),
    ),
  );
  return section('reviews-title', 'Review load', intro, cards, h('div', { class: 'charts two' }, matrix, reviewers));
}

// ---------------------------------------------------------------- start
// Last in the module, once every declaration above is initialised. First the translation table the
// page was given (none in English), before any text is made; a broken one leaves the page in English.
const translations = document.getElementById('l10n')?.textContent;
if (translations) {
  try {
    l10n.config({ contents: translations });
  } catch {
    l10n.config({ contents: undefined });
  }
}
// Then the report the page was opened with, if any, is drawn at once, without a round trip to the
// extension; then the page says it is ready.
const initial = document.getElementById('initial')?.textContent;
if (initial) {
  try {
    handle(JSON.parse(initial) as ToDashboard);
  } catch {
    // A broken data block only costs the round trip: the extension sends the report after "ready".
  }
}
post({ type: 'health/ready' });
