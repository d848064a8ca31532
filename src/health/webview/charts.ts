/**
 * The dashboard's charts, drawn with Chart.js (canvas; it sets sizes through the CSSOM only, so a
 * policy without inline styles or eval holds) plus its treemap and matrix plugins. Only the pieces
 * used are registered, to keep the webview bundle small. Every colour comes from the theme.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
  type ChartOptions,
  type Plugin,
  type TooltipItem,
} from 'chart.js';
import { MatrixController, MatrixElement } from 'chartjs-chart-matrix';
import { TreemapController, TreemapElement } from 'chartjs-chart-treemap';
import * as l10n from '@vscode/l10n';
import type { TreemapLeaf } from '../model/knowledge';
import { count, formatHours, weekLabel } from './format';
import { textOn, withAlpha } from './colors';
import type { Theme } from './theme';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
  TreemapController,
  TreemapElement,
  MatrixController,
  MatrixElement,
);

const charts = new Set<Chart>();

/** Destroys every chart (before a re-render or a theme change). */
export function destroyCharts(): void {
  for (const chart of charts) chart.destroy();
  charts.clear();
}

function make<T extends ChartConfiguration>(canvas: HTMLCanvasElement, config: T): Chart {
  const chart = new Chart(canvas, config as ChartConfiguration);
  charts.add(chart);
  return chart;
}

function base(theme: Theme): ChartOptions {
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    color: theme.foreground,
    font: { family: theme.fontFamily, size: theme.fontSize },
    plugins: {
      legend: { labels: { color: theme.foreground, boxWidth: 12, boxHeight: 12 } },
      tooltip: {
        backgroundColor: theme.tooltipBackground,
        titleColor: theme.tooltipForeground,
        bodyColor: theme.tooltipForeground,
        borderColor: theme.tooltipBorder,
        borderWidth: 1,
      },
    },
  };
}

function axes(theme: Theme, yTitle: string, stacked = false) {
  const tick = { color: theme.foreground };
  return {
    x: {
      stacked,
      ticks: { ...tick, maxRotation: 0, autoSkip: true, autoSkipPadding: 8 },
      grid: { display: false },
      border: { color: theme.grid },
    },
    y: {
      stacked,
      beginAtZero: true,
      ticks: tick,
      grid: { color: theme.grid },
      border: { display: false },
      title: { display: true, text: yTitle, color: theme.muted },
    },
  };
}

export interface StageSeries {
  label: string;
  color: string;
  /** Median per week (hours); null where the week has no value. */
  values: (number | null)[];
  counts: number[];
}

/** Stacked bar per week: the median of each flow stage, so the longest wait stands out. */
export function flowStagesChart(canvas: HTMLCanvasElement, theme: Theme, weeks: string[], series: StageSeries[], business: boolean): Chart {
  return make(canvas, {
    type: 'bar',
    data: {
      labels: weeks.map(weekLabel),
      datasets: series.map((s) => ({
        label: s.label,
        data: s.values,
        backgroundColor: s.color,
        borderColor: theme.contrastBorder ?? theme.background,
        borderWidth: theme.contrastBorder ? 1 : 0,
        stack: 'stages',
      })),
    },
    options: {
      ...base(theme),
      scales: axes(theme, business ? l10n.t('median business hours') : l10n.t('median hours'), true),
      plugins: {
        ...base(theme).plugins,
        tooltip: {
          ...base(theme).plugins!.tooltip,
          callbacks: {
            title: (items: TooltipItem<'bar'>[]) => l10n.t('Week of {0}', weeks[items[0]?.dataIndex ?? 0] ?? ''),
            label: (item: TooltipItem<'bar'>) => {
              const s = series[item.datasetIndex];
              const v = s.values[item.dataIndex];
              return v === null
                ? l10n.t('{0}: no data', s.label)
                : l10n.t('{0}: {1} (median of {2})', s.label, formatHours(v, business), count(s.counts[item.dataIndex], 'PR'));
            },
          },
        },
      },
    },
  });
}

/** PR size distribution: bins under the size mark in the "ok" colour, the rest in "warn". */
export function sizeChart(canvas: HTMLCanvasElement, theme: Theme, bins: { label: string; count: number; under: boolean }[]): Chart {
  return make(canvas, {
    type: 'bar',
    data: {
      labels: bins.map((b) => b.label),
      datasets: [
        {
          label: l10n.t('Pull requests'),
          data: bins.map((b) => b.count),
          backgroundColor: bins.map((b) => (b.under ? theme.ok : theme.warn)),
          borderColor: theme.contrastBorder ?? theme.background,
          borderWidth: theme.contrastBorder ? 1 : 0,
        },
      ],
    },
    options: {
      ...base(theme),
      scales: {
        x: { ...axes(theme, '').x, title: { display: true, text: l10n.t('lines changed'), color: theme.muted } },
        y: { ...axes(theme, l10n.t('pull requests')).y, ticks: { color: theme.foreground, precision: 0 } },
      },
      plugins: { ...base(theme).plugins, legend: { display: false } },
    },
  });
}

/** Releases per week, failed ones stacked on top in the "bad" colour. */
export function releasesChart(canvas: HTMLCanvasElement, theme: Theme, weeks: string[], ok: number[], failed: number[]): Chart {
  const border = { borderColor: theme.contrastBorder ?? theme.background, borderWidth: theme.contrastBorder ? 1 : 0 };
  return make(canvas, {
    type: 'bar',
    data: {
      labels: weeks.map(weekLabel),
      datasets: [
        { label: l10n.t('Releases'), data: ok, backgroundColor: theme.accent, stack: 'r', ...border },
        { label: l10n.t('Failed releases'), data: failed, backgroundColor: theme.bad, stack: 'r', ...border },
      ],
    },
    options: {
      ...base(theme),
      scales: {
        ...axes(theme, l10n.t('releases'), true),
        y: { ...axes(theme, l10n.t('releases'), true).y, ticks: { color: theme.foreground, precision: 0 } },
      },
    },
  });
}

export function ownerColor(theme: Theme, activeOwners: number): string {
  return theme.owners[Math.min(3, Math.max(0, activeOwners))];
}

/** The legend's words for a colour: 0, 1, 2, 3 or more active owners. */
export function ownerWords(activeOwners: number): string {
  if (activeOwners <= 0) return l10n.t('no active owner');
  if (activeOwners === 1) return l10n.t('1 active owner');
  return activeOwners === 2 ? l10n.t('2 active owners') : l10n.t('3 or more active owners');
}

/** A folder's name in a chart or table; the root's files by themselves have none. */
export function folderLabel(path: string): string {
  return path === '' ? l10n.t('(root files)') : path;
}

/** Folders sized by file count, coloured by how many active people know them. */
export function knowledgeTreemap(canvas: HTMLCanvasElement, theme: Theme, leaves: TreemapLeaf[], onFolder: (path: string) => void): Chart {
  type Raw = { _data?: TreemapLeaf };
  const leafOf = (ctx: { raw?: unknown }) => (ctx.raw as Raw | undefined)?._data;
  const fill = (ctx: { raw?: unknown }) => {
    const leaf = leafOf(ctx);
    return leaf ? ownerColor(theme, leaf.activeOwners) : theme.grid;
  };
  return make(canvas, {
    type: 'treemap',
    data: {
      datasets: [
        {
          label: l10n.t('Folders'),
          tree: leaves as unknown as Record<string, unknown>[],
          key: 'files',
          borderColor: theme.contrastBorder ?? theme.background,
          borderWidth: theme.contrastBorder ? 2 : 1,
          spacing: 1,
          backgroundColor: fill,
          labels: {
            display: true,
            overflow: 'hidden',
            color: (ctx: { raw?: unknown }) => textOn(fill(ctx), theme.background),
            font: { family: theme.fontFamily, size: theme.fontSize - 1 },
            formatter: (ctx: { raw?: unknown }) => {
              const leaf = leafOf(ctx);
              return leaf ? [folderLabel(leaf.path), count(leaf.files, 'file')] : '';
            },
          },
        },
      ],
    } as never,
    options: {
      ...base(theme),
      // A click reveals the folder (a message to the extension); the pointer says it is clickable.
      onClick: (_event: unknown, elements: { index: number }[]) => {
        const leaf = elements.length > 0 ? leaves[elements[0].index] : undefined;
        if (leaf) onFolder(leaf.path);
      },
      onHover: (_event: unknown, elements: unknown[]) => {
        canvas.style.cursor = elements.length > 0 ? 'pointer' : 'default';
      },
      plugins: {
        ...base(theme).plugins,
        legend: { display: false },
        tooltip: {
          ...base(theme).plugins!.tooltip,
          callbacks: {
            title: (items: TooltipItem<'treemap'>[]) => {
              const leaf = leafOf(items[0] ?? {});
              return leaf ? folderLabel(leaf.path) : '';
            },
            label: (item: TooltipItem<'treemap'>) => {
              const leaf = leafOf(item);
              if (!leaf) return '';
              return [
                `${count(leaf.files, 'file')} · ${ownerWords(leaf.activeOwners)}`,
                leaf.keyPeople.length
                  ? l10n.t('truck factor {0} ({1})', leaf.truckFactor, leaf.keyPeople.join(', '))
                  : l10n.t('truck factor {0}', leaf.truckFactor),
                l10n.t('{0} recently', count(leaf.recentChanges, 'change')),
              ];
            },
          },
        },
      },
    } as never,
  });
}

/** Draws each matrix cell's count in a colour that reads on its fill (kept out of Chart.js options,
 * whose resolver would call our functions as scriptable options). */
function cellLabels(fill: (v: number) => string, background: string, font: string): Plugin<'matrix'> {
  return {
    id: 'multiplierCellLabels',
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      const meta = chart.getDatasetMeta(0);
      const data = chart.data.datasets[0]?.data as { v: number }[] | undefined;
      if (!data) return;
      ctx.save();
      ctx.font = font;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      meta.data.forEach((element, i) => {
        const v = data[i]?.v;
        if (!v) return;
        const { x, y, width, height } = element.getProps(['x', 'y', 'width', 'height'], true) as unknown as {
          x: number;
          y: number;
          width: number;
          height: number;
        };
        ctx.fillStyle = textOn(fill(v), background);
        ctx.fillText(String(v), x + width / 2, y + height / 2);
      });
      ctx.restore();
    },
  };
}

/** Who reviews whom: reviewers down, authors across, both alphabetical; darker means more reviews. */
export function reviewMatrix(
  canvas: HTMLCanvasElement,
  theme: Theme,
  people: string[],
  pairs: { reviewer: string; author: string; reviews: number }[],
): Chart {
  const max = Math.max(1, ...pairs.map((p) => p.reviews));
  const fill = (v: number) => withAlpha(theme.accent, 0.2 + 0.8 * (v / max));
  const n = Math.max(1, people.length);
  return make(canvas, {
    type: 'matrix',
    data: {
      datasets: [
        {
          label: l10n.t('Reviews'),
          data: pairs.map((p) => ({ x: p.author, y: p.reviewer, v: p.reviews })),
          backgroundColor: (ctx: { raw?: unknown }) => fill((ctx.raw as { v: number } | undefined)?.v ?? 0),
          borderColor: theme.contrastBorder ?? theme.background,
          borderWidth: 1,
          width: ({ chart }: { chart: Chart }) => (chart.chartArea?.width ?? 0) / n - 2,
          height: ({ chart }: { chart: Chart }) => (chart.chartArea?.height ?? 0) / n - 2,
        },
      ],
    } as never,
    options: {
      ...base(theme),
      scales: {
        x: {
          type: 'category',
          labels: people,
          offset: true,
          position: 'top',
          ticks: { color: theme.foreground },
          grid: { display: false },
          title: { display: true, text: l10n.t('author'), color: theme.muted },
        },
        y: {
          type: 'category',
          labels: people,
          offset: true,
          reverse: false, // the matrix plugin reverses y by default; alphabetical from the top, like the table
          ticks: { color: theme.foreground },
          grid: { display: false },
          title: { display: true, text: l10n.t('reviewer'), color: theme.muted },
        },
      },
      plugins: {
        ...base(theme).plugins,
        legend: { display: false },
        tooltip: {
          ...base(theme).plugins!.tooltip,
          callbacks: {
            title: () => '',
            label: (item: TooltipItem<'matrix'>) => {
              const raw = item.raw as { x: string; y: string; v: number };
              return l10n.t('{0} reviewed {1} by {2}', raw.y, count(raw.v, 'pull request'), raw.x);
            },
          },
        },
      },
    } as never,
    plugins: [cellLabels(fill, theme.background, `${theme.fontSize}px ${theme.fontFamily}`) as Plugin],
  });
}
