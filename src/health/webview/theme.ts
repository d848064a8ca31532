/**
 * Colours and fonts from the VS Code theme's CSS variables, read when the charts are drawn and again
 * when the theme changes (VS Code swaps the body's `vscode-light` / `vscode-dark` /
 * `vscode-high-contrast` class and the variables with it).
 */

export interface Theme {
  kind: 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';
  foreground: string;
  muted: string;
  background: string;
  grid: string;
  /** Outline for chart elements in high-contrast themes; undefined elsewhere. */
  contrastBorder?: string;
  fontFamily: string;
  fontSize: number;
  tooltipBackground: string;
  tooltipForeground: string;
  tooltipBorder: string;
  stage: { coding: string; pickup: string; review: string; release: string };
  /** Treemap fills for 0, 1, 2 and 3+ active owners: four distinct hues, red for none. */
  owners: [string, string, string, string];
  ok: string;
  warn: string;
  bad: string;
  accent: string;
}

const FALLBACK_DARK: Record<string, string> = {
  '--vscode-foreground': '#cccccc',
  '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-editor-background': '#1e1e1e',
  '--vscode-charts-lines': 'rgba(204, 204, 204, 0.5)',
  '--vscode-charts-red': '#f14c4c',
  '--vscode-charts-blue': '#3794ff',
  '--vscode-charts-yellow': '#cca700',
  '--vscode-charts-orange': '#d18616',
  '--vscode-charts-green': '#89d185',
  '--vscode-charts-purple': '#b180d7',
  '--vscode-editorHoverWidget-background': '#252526',
  '--vscode-editorHoverWidget-foreground': '#cccccc',
  '--vscode-editorHoverWidget-border': '#454545',
  '--vscode-font-family': 'system-ui, sans-serif',
  '--vscode-font-size': '13px',
};

export function readTheme(root: Element = document.documentElement, body: Element = document.body): Theme {
  const style = getComputedStyle(root);
  const bodyStyle = getComputedStyle(body);
  const v = (name: string) => (style.getPropertyValue(name) || bodyStyle.getPropertyValue(name)).trim() || FALLBACK_DARK[name] || '';
  const classes = body.classList;
  const kind: Theme['kind'] = classes.contains('vscode-high-contrast-light')
    ? 'high-contrast-light'
    : classes.contains('vscode-high-contrast')
      ? 'high-contrast'
      : classes.contains('vscode-light')
        ? 'light'
        : 'dark';
  const contrast = v('--vscode-contrastBorder');
  const red = v('--vscode-charts-red');
  const blue = v('--vscode-charts-blue');
  const yellow = v('--vscode-charts-yellow');
  const orange = v('--vscode-charts-orange');
  const green = v('--vscode-charts-green');
  const purple = v('--vscode-charts-purple');
  return {
    kind,
    foreground: v('--vscode-foreground'),
    muted: v('--vscode-descriptionForeground'),
    background: v('--vscode-editor-background'),
    grid: v('--vscode-charts-lines'),
    contrastBorder: kind.startsWith('high-contrast') && contrast ? contrast : undefined,
    fontFamily: v('--vscode-font-family'),
    fontSize: parseFloat(v('--vscode-font-size')) || 13,
    tooltipBackground: v('--vscode-editorHoverWidget-background'),
    tooltipForeground: v('--vscode-editorHoverWidget-foreground') || v('--vscode-foreground'),
    tooltipBorder: v('--vscode-editorHoverWidget-border'),
    stage: { coding: blue, pickup: orange, review: purple, release: green },
    owners: [red, yellow, blue, green],
    ok: green,
    warn: orange,
    bad: red,
    accent: blue,
  };
}
