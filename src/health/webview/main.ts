/**
 * The Team Health dashboard: browser code in the webview, no `vscode` import. It receives one
 * `health/report` message with every figure and draws it; links and buttons send messages back
 * (open a PR, reveal a folder, change the period, export) and never navigate.
 */
import './dashboard.css';
import * as l10n from '@vscode/l10n';
import type { About, FigureId } from '../model/definitions';
import { releasesAreSentence } from '../model/releaseWords';
import type { HealthReport } from '../model/report';
import type { FromDashboard, PeriodChoice, ToDashboard } from '../view/protocol';
import { HEALTH_PROTOCOL_VERSION, PERIOD_CHOICES } from '../view/protocol';
import {
  destroyCharts,
  flowStagesChart,
  folderLabel,
  knowledgeTreemap,
  ownerWords,
  releasesChart,
  reviewMatrix,
  sizeChart,
  type StageSeries,
} from './charts';
import { actionLink, append, h, uid, type Child } from './dom';
import { count, fill, formatDay, formatHours, formatShare, listWords, trim } from './format';
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
      h(
        'section',
        { class: 'error', role: 'alert' },
        h('h2', {}, l10n.t('Team Health could not be computed')),
        h('p', {}, message.message),
      ),
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
      count(weeks, 'week'),
    ),
  );
  const repos =
    m.repositories.length > 1
      ? h(
          'div',
          { class: 'repos', role: 'group', 'aria-label': l10n.t('Repository') },
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
      h('h1', {}, l10n.t('Team Health')),
      h(
        'p',
        { class: 'muted' },
        dotted(
          m.repoLabel,
          `${formatDay(r.period.start, zone)} – ${formatDay(r.period.end, zone)}`,
          r.businessHours && l10n.t('business hours'),
          m.signedIn ? l10n.t('team-level figures from git and GitHub') : l10n.t('team-level figures from git'),
        ),
      ),
      h('p', { class: 'busy', id: 'busy', role: 'status', hidden: !m.busy }, m.busy ?? ''),
    ),
    h(
      'div',
      { class: 'controls' },
      repos,
      h('div', { class: 'periods', role: 'group', 'aria-label': l10n.t('Period') }, ...buttons),
      h('button', { type: 'button', class: 'secondary', 'data-action': 'export' }, l10n.t('Export report…')),
    ),
  );
}

/** Short facts in a row, `a · b · c`, leaving out the ones that do not apply. */
function dotted(...parts: (string | false | undefined)[]): string {
  return parts.filter((p): p is string => !!p).join(' · ');
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
    labelled(l10n.t('Definition.'), about.definition),
    labelled(l10n.t('Data.'), about.data),
    labelled(l10n.t('Left out.'), about.excluded),
    about.citation ? labelled(l10n.t('Source.'), about.citation, 'muted') : null,
    extra ?? null,
  );
}

/** "**Definition.** text": a bold label, then the text. */
function labelled(label: string, text: string, className?: string): HTMLElement {
  return h('p', { class: className }, h('strong', {}, label), ' ', text);
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
    options.reason ? h('div', { class: 'figure-reason' }, l10n.t('Not enough data: {0}.', options.reason)) : null,
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
function markStatus(value: number, mark: number | undefined, which: 'elite' | 'team', business: boolean): Status | undefined {
  if (mark === undefined) return undefined;
  const at = formatHours(mark, business);
  if (value < mark)
    return { kind: 'ok', text: which === 'elite' ? l10n.t('under the elite mark ({0})', at) : l10n.t('under the team target ({0})', at) };
  return { kind: 'warn', text: which === 'elite' ? l10n.t('above the elite mark ({0})', at) : l10n.t('above the team target ({0})', at) };
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
  const canvas = h('canvas', {
    role: 'img',
    'aria-label': l10n.t({ message: '{0}. {1}', args: [title, summary], comment: ['A chart title, then its summary sentence'] }),
  });
  drawQueue.push(() => draw(canvas));
  return h(
    'figure',
    { class: 'chart-figure', 'data-chart': chart },
    h('figcaption', {}, h('span', { class: 'chart-title' }, title), h('span', { class: 'summary' }, summary)),
    h('div', { class: `chart ${size}` }, canvas),
    h('details', { class: 'table' }, h('summary', {}, l10n.t('Show as a table')), table),
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

function signInLink(): HTMLButtonElement {
  return actionLink(l10n.t('Sign in to GitHub'), 'signIn', {});
}

// ---------------------------------------------------------------- flow

type Stage = 'coding' | 'pickup' | 'review' | 'release';

function stageLabel(stage: Stage): string {
  if (stage === 'coding') return l10n.t('Coding');
  if (stage === 'pickup') return l10n.t('Pickup');
  return stage === 'review' ? l10n.t('Review') : l10n.t('Release');
}

/** The flow chart's summary: one whole sentence per stage, so a translator can inflect it. */
function longestStageSentence(stage: Stage, merged: string, median: string): string {
  if (stage === 'coding') return l10n.t('{0}; the longest stage is coding (median {1}).', merged, median);
  if (stage === 'pickup') return l10n.t('{0}; the longest stage is pickup (median {1}).', merged, median);
  if (stage === 'review') return l10n.t('{0}; the longest stage is review (median {1}).', merged, median);
  return l10n.t('{0}; the longest stage is release (median {1}).', merged, median);
}

/** "median · p75 3 h · p90 9 h", with what was counted when there is a count. */
function spread(d: { p75: number; p90: number }, business: boolean, counted?: string): string {
  const [p75, p90] = [formatHours(d.p75, business), formatHours(d.p90, business)];
  return counted === undefined
    ? l10n.t('median · p75 {0} · p90 {1}', p75, p90)
    : l10n.t('median · p75 {0} · p90 {1} · {2}', p75, p90, counted);
}

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
      sub: spread(d, bh, count(d.n, 'PR')),
      status: [markStatus(d.median, elite, 'elite', bh), markStatus(d.median, team, 'team', bh)].filter((s): s is Status => !!s),
    });
  };

  const stages = (['coding', 'pickup', 'review', 'release'] as const).filter(
    (s) => f.mode === 'github' || (s !== 'pickup' && s !== 'review'),
  );
  const weeks = r.period.weeks.map((w) => w.label);
  const series: StageSeries[] = stages.map((s) => ({
    label: stageLabel(s),
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
      ? l10n.t('No pull request was merged in this period.')
      : longest && longest.m.ok
        ? longestStageSentence(longest.s, count(f.merged, 'merged pull request'), formatHours(longest.m.value.median, bh))
        : l10n.t('{0}; too few for stage medians over the period.', count(f.merged, 'merged pull request'));
  const stageTable = table(
    [l10n.t('Week'), ...stages.map((s) => l10n.t('{0} (median)', stageLabel(s))), l10n.t('Merged PRs')],
    weeks.map((w, i) => [
      l10n.t('Week of {0}', w),
      ...series.map((s) => (s.values[i] === null ? '—' : formatHours(s.values[i]!, bh))),
      String(f.weeklyMerged[i]),
    ]),
  );

  const sizeMark = t.prSizeLines ?? f.marks.prSizeLines;
  const bins = f.size.bins.map((b) => ({ label: b.label, count: b.count, under: b.max !== null && b.max <= sizeMark }));
  const under = f.size.underMark;
  const sizeSummary = under.ok
    ? l10n.t('{0} of merged pull requests are under {1} changed lines.', formatShare(under.value.share), under.value.mark)
    : `${under.reason}.`;
  const sizeCard = (() => {
    const m = f.size.period;
    if (!m.ok) return card(r, 'prSize', '', { reason: m.reason });
    return card(r, 'prSize', count(Math.round(m.value.median), 'line'), {
      sub: l10n.t('median · p75 {0} · p90 {1}', Math.round(m.value.p75), Math.round(m.value.p90)),
      status: under.ok
        ? [
            {
              kind: under.value.share >= 0.5 ? 'ok' : 'warn',
              text: l10n.t('{0} under {1} lines', formatShare(under.value.share), under.value.mark),
            },
          ]
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
          h('h3', {}, l10n.t('Longest cycle times')),
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
                  l10n.t('Open pull request #{0}', p.number),
                ),
                h(
                  'span',
                  { class: 'muted' },
                  ` · ${dotted(
                    l10n.t('cycle {0}', formatHours(p.cycle, bh)),
                    p.pickup !== undefined && l10n.t('pickup {0}', formatHours(p.pickup, bh)),
                    p.review !== undefined && l10n.t('review {0}', formatHours(p.review, bh)),
                    count(p.size, 'line'),
                  )}`,
                ),
              ),
            ),
          ),
        );

  return section(
    'flow-title',
    l10n.t('Flow'),
    f.mode === 'github'
      ? l10n.t('Where merged pull requests wait, from first commit to release. Marks are LinearB’s published “elite” figures.')
      : l10n.t('From git alone: coding runs from first commit to merge. Sign in to GitHub to split out pickup and review.'),
    figureGroup(
      l10n.t('Flow figures'),
      stageCard('coding'),
      stageCard('pickup', f.marks.pickupHours, t.pickupHours),
      stageCard('review', f.marks.reviewHours, t.reviewHours),
      stageCard('release'),
      stageCard('cycle', f.marks.cycleHours, t.cycleHours),
      sizeCard,
    ),
    f.mode === 'git' ? h('p', { class: 'muted' }, ...fill(l10n.t('{0} for pickup, review and review load.'), signInLink())) : null,
    h(
      'div',
      { class: 'charts two' },
      chartFigure(
        'flow',
        l10n.t('Flow stages per week'),
        stageSummary,
        'tall',
        (c) => flowStagesChart(c, theme, weeks, series, bh),
        stageTable,
      ),
      chartFigure(
        'size',
        l10n.t('Pull request size'),
        sizeSummary,
        'tall',
        (c) => sizeChart(c, theme, bins),
        table(
          [l10n.t('Lines changed'), l10n.t('Pull requests')],
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
      return [{ kind, text: l10n.t('Between the {0} and {1} clusters', faster, slower) }];
    }
    return [{ kind, text: row ? l10n.t('{0} cluster: {1}', row.label, text(row)) : l10n.t('below the low cluster') }];
  };
  // How the figure was placed, when the report's ranges leave room for doubt: in the hover text.
  const placed = (cluster: { note?: string }) =>
    h(
      'div',
      {},
      cluster.note ? labelled(l10n.t('Cluster.'), l10n.t('Placed by {0}.', cluster.note)) : null,
      h('p', { class: 'muted' }, l10n.t('Clusters: {0}.', ref.citation)),
    );

  const df = d.deploymentFrequency;
  const lt = d.leadTime;
  const cfr = d.changeFailureRate;
  const rec = d.recoveryTime;
  const cards = figureGroup(
    l10n.t('DORA figures'),
    df.ok
      ? card(r, 'deploymentFrequency', l10n.t('{0} / week', trim(df.value.perWeek)), {
          sub: l10n.t('{0} on {1}', count(df.value.releases, 'release'), count(df.value.releaseDays, 'day')),
          status: clusterStatus(df.value.cluster, (c) => c.deploymentFrequency),
          about: placed(df.value.cluster),
        })
      : card(r, 'deploymentFrequency', '', { reason: df.reason }),
    lt.ok
      ? card(r, 'leadTime', formatHours(lt.value.hours.median), {
          sub: spread(lt.value.hours, false, count(lt.value.hours.n, 'commit')),
          status: clusterStatus(lt.value.cluster, (c) => c.leadTime),
          about: placed(lt.value.cluster),
        })
      : card(r, 'leadTime', '', { reason: lt.reason }),
    cfr.ok
      ? card(r, 'changeFailureRate', formatShare(cfr.value.rate), {
          sub: l10n.t('{0} of {1} failed', cfr.value.failed, count(cfr.value.total, 'release')),
          status: clusterStatus(cfr.value.cluster, (c) => l10n.t('typically {0}', c.changeFailureRate)),
          about: placed(cfr.value.cluster),
        })
      : card(r, 'changeFailureRate', '', { reason: cfr.reason }),
    rec.ok
      ? card(r, 'recoveryTime', formatHours(rec.value.hours.median), {
          sub: dotted(
            l10n.t('median of {0}', count(rec.value.hours.n, 'recovery')),
            rec.value.open > 0 && l10n.t('{0} still open', rec.value.open),
          ),
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
        ? l10n.t('No release in this period.')
        : l10n.t('No releases to show: {0}.', df.reason)
      : l10n.t('{0} in the period, {1} failed.', count(d.releases.length, 'release'), d.releases.filter((x) => x.failed).length);

  const clusters = h(
    'details',
    { class: 'table clusters' },
    h('summary', {}, l10n.t('The 2024 report’s performance clusters')),
    table(
      [
        l10n.t('Cluster'),
        l10n.t('Deployment frequency'),
        l10n.t('Lead time for changes'),
        l10n.t('Change failure rate'),
        l10n.t('Recovery time'),
        l10n.t('Respondents'),
      ],
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
          h('h3', {}, l10n.t('Failed releases')),
          h(
            'ul',
            {},
            ...d.failures.map((x) =>
              h(
                'li',
                {},
                ...fill(
                  x.cause === 'revert' ? l10n.t('{0} reverted by {1}') : l10n.t('{0} hotfixed by {1}'),
                  h('strong', {}, x.release),
                  actionLink(x.fixSubject, 'openCommit', { hash: x.fixCommit }, l10n.t('Open commit {0}', x.fixCommit.slice(0, 8))),
                ),
                h(
                  'span',
                  { class: 'muted' },
                  ` · ${
                    x.recoveredBy
                      ? l10n.t('recovered in {0} after {1}', x.recoveredBy, formatHours(x.recoveryHours ?? 0))
                      : l10n.t('fix not released yet')
                  }`,
                ),
              ),
            ),
          ),
        );

  return section(
    'dora-title',
    l10n.t('Delivery: DORA’s four keys'),
    `${releasesAreSentence(d.selection)} ${l10n.t('Each figure is placed in the clusters of the 2024 State of DevOps report.')}`,
    cards,
    h(
      'div',
      { class: 'charts two' },
      chartFigure(
        'releases',
        l10n.t('Releases per week'),
        releaseSummary,
        'short',
        (c) => releasesChart(c, theme, weeks, okPerWeek, failedPerWeek),
        table(
          [l10n.t('Week'), l10n.t('Releases'), l10n.t('Failed'), l10n.t('Lead time (median)')],
          weeks.map((w, i) => {
            const m = d.leadTimeWeekly[i];
            return [
              l10n.t('Week of {0}', w),
              String(d.weeklyReleases[i]),
              String(failedPerWeek[i]),
              m.ok ? formatHours(m.value.median) : '—',
            ];
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
    l10n.t('Knowledge figures'),
    tf.ok
      ? card(r, 'truckFactor', String(tf.value.value), {
          sub: dotted(count(files, 'file'), tf.value.people.length ? listWords(tf.value.people.map((p) => p.name)) : l10n.t('no one')),
          status: [
            tf.value.value <= 1
              ? { kind: 'bad', text: l10n.t('one person leaving would orphan most files') }
              : tf.value.value === 2
                ? { kind: 'warn', text: l10n.t('two people hold most of the code') }
                : { kind: 'ok', text: l10n.t('knowledge is spread') },
          ],
        })
      : card(r, 'truckFactor', '', { reason: tf.reason }),
    tf.ok
      ? card(r, 'singleOwner', count(k.singleAuthorFiles, 'file'), {
          sub: dotted(
            l10n.t('{0} of files', formatShare(k.singleAuthorFiles / Math.max(1, files))),
            l10n.t('{0} with one key person', count(k.singleOwnerFolders.length, 'folder')),
          ),
        })
      : card(r, 'singleOwner', '', { reason: tf.reason }),
    tf.ok
      ? card(r, 'knowledgeAtRisk', count(k.filesAtRisk, 'file'), {
          sub: dotted(
            l10n.t('authors inactive {0}+ days', k.parameters.inactiveDays),
            l10n.t('{0} with no active owner', count(k.foldersAtRisk.length, 'folder')),
          ),
          status: k.filesAtRisk === 0 ? [{ kind: 'ok', text: l10n.t('every file has an active author') }] : [],
        })
      : card(r, 'knowledgeAtRisk', '', { reason: tf.reason }),
  );

  const leaves = k.treemap;
  const atRisk = leaves.filter((l) => l.activeOwners === 0).length;
  const single = leaves.filter((l) => l.activeOwners === 1).length;
  const summary =
    leaves.length === 0
      ? l10n.t('No files to show.')
      : l10n.t('{0}: {1} with no active owner, {2} with one.', count(leaves.length, 'folder'), atRisk, single);
  const legend = h(
    'ul',
    { class: 'legend', 'aria-label': l10n.t('Colours') },
    ...[0, 1, 2, 3].map((n) => h('li', {}, h('span', { class: `swatch owners-${n}`, 'aria-hidden': 'true' }), ownerWords(n))),
  );
  const treemap = chartFigure(
    'knowledge',
    l10n.t('Knowledge by folder'),
    summary,
    'square',
    (c) => knowledgeTreemap(c, theme, leaves, (path) => post({ type: 'health/revealFolder', path })),
    table(
      [l10n.t('Folder'), l10n.t('Files'), l10n.t('Active owners'), l10n.t('Truck factor'), l10n.t('Key people'), l10n.t('Recent changes')],
      leaves.map((l) => [
        actionLink(folderLabel(l.path), 'revealFolder', { path: l.path }, revealInExplorer(l.path)),
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
    h('h3', {}, l10n.t('Spread what only one person knows')),
    k.suggestions.length === 0
      ? h('p', { class: 'muted' }, l10n.t('No folder depends on a single person. Keep pairing and reviewing across the code.'))
      : h(
          'ul',
          {},
          ...k.suggestions.map((s) =>
            h(
              'li',
              {},
              h('p', {}, s.text),
              actionLink(
                s.folder === '' ? l10n.t('Reveal the root') : l10n.t('Reveal {0}', s.folder),
                'revealFolder',
                { path: s.folder },
                revealInExplorer(s.folder),
              ),
            ),
          ),
        ),
  );

  return section(
    'knowledge-title',
    l10n.t('Shared knowledge'),
    l10n.t('Who could carry on if someone left. Names appear only to spread knowledge: pairing, tours, reviews across folders.'),
    cards,
    h('div', { class: 'charts two wide-first' }, treemap, suggestions),
  );
}

function revealInExplorer(path: string): string {
  return path === '' ? l10n.t('Reveal the root in the explorer') : l10n.t('Reveal {0} in the explorer', path);
}

// ---------------------------------------------------------------- review load

function reviewSection(m: ReportMessage, theme: Theme): HTMLElement {
  const r = m.report;
  const load = r.reviewLoad;
  const intro = l10n.t('How reviewing is shared: the team’s pattern, listed alphabetically, not a ranking.');
  if (load.unavailable) {
    return section(
      'reviews-title',
      l10n.t('Review load'),
      intro,
      h('p', { class: 'figure-reason' }, l10n.t('Not enough data: {0}.', load.unavailable)),
      m.signedIn ? null : h('p', {}, signInLink()),
    );
  }
  const bs = load.busiestShare;
  const fr = load.firstReviewHours;
  const cards = figureGroup(
    l10n.t('Review figures'),
    bs.ok
      ? card(r, 'busiestShare', formatShare(bs.value.share), {
          sub: l10n.t('{0}: {1} of {2}', bs.value.reviewer, bs.value.reviews, count(bs.value.total, 'review')),
          status: [
            bs.value.share >= 1.5 * bs.value.evenShare
              ? {
                  kind: 'warn',
                  text: l10n.t(
                    '{0}× an even share ({1}): a likely bottleneck',
                    trim(bs.value.share / bs.value.evenShare),
                    formatShare(bs.value.evenShare),
                  ),
                }
              : { kind: 'ok', text: l10n.t('close to an even share ({0})', formatShare(bs.value.evenShare)) },
          ],
        })
      : card(r, 'busiestShare', '', { reason: bs.reason }),
    fr.ok
      ? card(r, 'firstReview', formatHours(fr.value.median, r.businessHours), {
          sub: dotted(
            l10n.t('median over {0}', count(fr.value.n, 'review')),
            l10n.t('{0} of {1} reviewed', load.reviewed, count(load.pullRequests, 'PR')),
          ),
        })
      : card(r, 'firstReview', '', { reason: fr.reason }),
  );
  const matrix = chartFigure(
    'reviews',
    l10n.t('Who reviews whom'),
    l10n.t(
      '{0} by {1} on {2}.',
      count(load.reviews, 'review'),
      count(load.reviewers.length, 'person'),
      count(load.pullRequests, 'merged pull request'),
    ),
    'square',
    (c) => reviewMatrix(c, theme, load.people, load.pairs),
    table(
      [l10n.t('Reviewer'), l10n.t('Author'), l10n.t('Reviews')],
      load.pairs.map((p) => [p.reviewer, p.author, String(p.reviews)]),
      2,
    ),
  );
  const reviewers = h(
    'div',
    { class: 'list' },
    h('h3', {}, l10n.t('Per reviewer (alphabetical)')),
    table(
      [l10n.t('Reviewer'), l10n.t('Reviews'), l10n.t('Time to first review (median)')],
      load.reviewers.map((x) => [
        x.reviewer,
        String(x.reviews),
        x.firstReviewHours.ok ? formatHours(x.firstReviewHours.value.median, r.businessHours) : '—',
      ]),
    ),
  );
  return section('reviews-title', l10n.t('Review load'), intro, cards, h('div', { class: 'charts two' }, matrix, reviewers));
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
