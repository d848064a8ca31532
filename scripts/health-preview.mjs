// Renders the Team Health dashboard outside the editor, to check it really draws under the strict
// policy it will have in a webview: builds the webview bundle, serves the real HTML shell (same
// Content-Security-Policy, a nonce per page) with sample data on 127.0.0.1, opens it in Debian's
// Chromium with playwright-core, counts CSP violations (must be 0), clicks a link to check that it
// becomes a message and not a navigation, and saves screenshots with light, dark and high-contrast
// theme variables. Not shipped.
//
//   npx tsx scripts/health-preview.mjs [--out test-output/health] [--keep]
//
// --keep leaves the server running and prints its URL.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { renderHealthHtml } from '../src/health/view/html.ts';
import { sampleReport } from './health-sample.ts';
import { CHROMIUM_ARGS } from './host/browser.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const outDir = resolve(root, outAt >= 0 ? args[outAt + 1] : 'test-output/health');
const keep = args.includes('--keep');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// VS Code's own values for a few of its theme colours (Light Modern, Dark Modern, Dark High Contrast).
const FONT = {
  '--vscode-font-family': '-apple-system, "Segoe WPC", "Segoe UI", Ubuntu, "Droid Sans", sans-serif',
  '--vscode-font-size': '13px',
};
const THEMES = {
  light: {
    bodyClass: 'vscode-light',
    vars: {
      ...FONT,
      '--vscode-foreground': '#3b3b3b',
      '--vscode-descriptionForeground': '#3b3b3b',
      '--vscode-editor-background': '#ffffff',
      '--vscode-editorWidget-background': '#f8f8f8',
      '--vscode-panel-border': '#e5e5e5',
      '--vscode-charts-foreground': '#3b3b3b',
      '--vscode-charts-lines': 'rgba(59, 59, 59, 0.5)',
      '--vscode-charts-red': '#e51400',
      '--vscode-charts-blue': '#1a85ff',
      '--vscode-charts-yellow': '#bf8803',
      '--vscode-charts-orange': '#d18616',
      '--vscode-charts-green': '#388a34',
      '--vscode-charts-purple': '#652d90',
      '--vscode-button-background': '#005fb8',
      '--vscode-button-foreground': '#ffffff',
      '--vscode-button-secondaryBackground': '#e5e5e5',
      '--vscode-button-secondaryForeground': '#3b3b3b',
      '--vscode-button-secondaryHoverBackground': '#cccccc',
      '--vscode-button-border': '#0000001a',
      '--vscode-textLink-foreground': '#005fb8',
      '--vscode-textLink-activeForeground': '#005fb8',
      '--vscode-focusBorder': '#005fb8',
      '--vscode-editorHoverWidget-background': '#f8f8f8',
      '--vscode-editorHoverWidget-foreground': '#3b3b3b',
      '--vscode-editorHoverWidget-border': '#c8c8c8',
      '--vscode-widget-shadow': 'rgba(0, 0, 0, 0.16)',
      '--vscode-editorWarning-foreground': '#bf8803',
      '--vscode-textBlockQuote-background': '#f8f8f8',
    },
  },
  dark: {
    bodyClass: 'vscode-dark',
    vars: {
      ...FONT,
      '--vscode-foreground': '#cccccc',
      '--vscode-descriptionForeground': '#9d9d9d',
      '--vscode-editor-background': '#1f1f1f',
      '--vscode-editorWidget-background': '#202020',
      '--vscode-panel-border': '#2b2b2b',
      '--vscode-charts-foreground': '#cccccc',
      '--vscode-charts-lines': 'rgba(204, 204, 204, 0.5)',
      '--vscode-charts-red': '#f14c4c',
      '--vscode-charts-blue': '#3794ff',
      '--vscode-charts-yellow': '#cca700',
      '--vscode-charts-orange': '#d18616',
      '--vscode-charts-green': '#89d185',
      '--vscode-charts-purple': '#b180d7',
      '--vscode-button-background': '#0078d4',
      '--vscode-button-foreground': '#ffffff',
      '--vscode-button-secondaryBackground': '#313131',
      '--vscode-button-secondaryForeground': '#cccccc',
      '--vscode-button-secondaryHoverBackground': '#3c3c3c',
      '--vscode-button-border': '#ffffff12',
      '--vscode-textLink-foreground': '#4daafc',
      '--vscode-textLink-activeForeground': '#4daafc',
      '--vscode-focusBorder': '#0078d4',
      '--vscode-editorHoverWidget-background': '#202020',
      '--vscode-editorHoverWidget-foreground': '#cccccc',
      '--vscode-editorHoverWidget-border': '#454545',
      '--vscode-widget-shadow': 'rgba(0, 0, 0, 0.36)',
      '--vscode-editorWarning-foreground': '#cca700',
      '--vscode-textBlockQuote-background': '#2b2b2b',
    },
  },
  'high-contrast': {
    bodyClass: 'vscode-high-contrast',
    vars: {
      ...FONT,
      '--vscode-foreground': '#ffffff',
      '--vscode-descriptionForeground': 'rgba(255, 255, 255, 0.7)',
      '--vscode-editor-background': '#000000',
      '--vscode-contrastBorder': '#6fc3df',
      '--vscode-charts-foreground': '#ffffff',
      '--vscode-charts-lines': 'rgba(255, 255, 255, 0.5)',
      '--vscode-charts-red': '#f48771',
      '--vscode-charts-blue': '#75beff',
      '--vscode-charts-yellow': '#ffd370',
      '--vscode-charts-orange': '#ff9a4d',
      '--vscode-charts-green': '#89d185',
      '--vscode-charts-purple': '#d3a3ff',
      '--vscode-button-background': '#000000',
      '--vscode-button-foreground': '#ffffff',
      '--vscode-button-border': '#6fc3df',
      '--vscode-textLink-foreground': '#21a6ff',
      '--vscode-focusBorder': '#f38518',
      '--vscode-editorHoverWidget-background': '#0c141f',
      '--vscode-editorHoverWidget-foreground': '#ffffff',
      '--vscode-editorHoverWidget-border': '#6fc3df',
      '--vscode-editorWarning-foreground': '#ffd370',
    },
  },
};

function build() {
  const result = spawnSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('esbuild failed');
}

/**
 * The dashboard's stand-in host: acquireVsCodeApi records messages; "ready" is answered with the report,
 * unless the page carried it in its HTML already (as the editor sends it when it has one).
 */
function bootstrap(message, embedded) {
  return `window.__messages = [];
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
window.acquireVsCodeApi = () => ({
  postMessage(m) {
    window.__messages.push(m);
    if (m && m.type === 'health/ready' && !${JSON.stringify(embedded)}) setTimeout(() => window.postMessage(${JSON.stringify(message)}, '*'), 0);
  },
  getState() { return undefined; },
  setState() {},
});
`;
}

function serve(pages) {
  const files = {
    '/health.js': ['application/javascript', () => readFileSync(join(root, 'dist/webview/health.js'))],
    '/health.css': ['text/css', () => readFileSync(join(root, 'dist/webview/health.css'))],
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const page = pages.get(url.pathname.split('/')[1] ?? '');
    const send = (type, body) => {
      res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (files[url.pathname]) return send(files[url.pathname][0], files[url.pathname][1]());
    if (url.pathname === '/favicon.ico') return res.writeHead(204).end();
    if (page && url.pathname.endsWith('/bootstrap.js')) return send('application/javascript', bootstrap(page.message, page.embedded));
    if (page && url.pathname.endsWith('/theme.css')) {
      return send(
        'text/css',
        `:root {\n${Object.entries(THEMES[page.theme].vars)
          .map(([k, v]) => `  ${k}: ${v};`)
          .join('\n')}\n}\n`,
      );
    }
    if (page && url.pathname.endsWith('/')) {
      const origin = `http://127.0.0.1:${server.address().port}`;
      const nonce = randomBytes(16).toString('hex');
      let html = renderHealthHtml({
        cspSource: origin,
        nonce,
        scriptUri: `${origin}/health.js`,
        styleUri: `${origin}/health.css`,
        initial: page.embedded ? page.message : undefined,
      });
      // What VS Code adds itself: the theme's variables and the body's theme class, and (here) the host stub.
      html = html
        .replace('<link rel="stylesheet"', `<link rel="stylesheet" href="${origin}/${page.id}/theme.css">\n<link rel="stylesheet"`)
        .replace('<body>', `<body class="${THEMES[page.theme].bodyClass}">`)
        .replace('<script nonce=', `<script nonce="${nonce}" src="${origin}/${page.id}/bootstrap.js"></script>\n<script nonce=`);
      return send('text/html', html);
    }
    res.writeHead(404).end();
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

function reportMessage(weeks, signedIn) {
  return {
    type: 'health/report',
    protocol: 1,
    repoLabel: 'shop',
    repositories: [],
    weeks,
    signedIn,
    report: sampleReport(weeks, signedIn),
  };
}

async function main() {
  if (!existsSync(chromiumPath)) {
    console.error(`health-preview: ${chromiumPath} is missing; the editor host setup installs it (npm test does, once).`);
    process.exit(2);
  }
  build();
  mkdirSync(outDir, { recursive: true });
  const pages = new Map();
  const addPage = (id, theme, weeks, signedIn, embedded = false) =>
    pages.set(id, { id, theme, embedded, message: reportMessage(weeks, signedIn) });
  addPage('light', 'light', 12, true, true); // the report in the page's HTML, as the editor sends a known one
  addPage('dark', 'dark', 12, true);
  addPage('hc', 'high-contrast', 12, true);
  addPage('git-only', 'dark', 4, false);
  const server = await serve(pages);
  const origin = `http://127.0.0.1:${server.address().port}`;
  if (keep) console.log(`health-preview: serving ${[...pages.keys()].map((id) => `${origin}/${id}/`).join(' ')}`);

  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
  let violations = 0;
  let failures = 0;
  try {
    for (const page of pages.values()) {
      const tab = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
      const problems = [];
      tab.on('console', (m) => {
        if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
      });
      tab.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      const started = Date.now();
      await tab.goto(`${origin}/${page.id}/`, { waitUntil: 'load' });
      // The page says when the figures were painted, and again when every chart was drawn.
      await tab.waitForFunction(() => window.__messages.some((m) => m.type === 'health/painted' && m.complete), null, { timeout: 30_000 });
      const firstPaint = Date.now() - started;
      await tab.waitForTimeout(300);
      const timing = await tab.evaluate(() => {
        const painted = window.__messages.filter((m) => m.type === 'health/painted');
        const first = painted.find((m) => !m.complete);
        const all = painted.find((m) => m.complete);
        return first && all
          ? { drawn: Math.round(performance.now()), render: Math.round(first.renderMs), all: Math.round(all.renderMs) }
          : undefined;
      });
      const shot = join(outDir, `health-${page.id}.png`);
      await tab.screenshot({ path: shot, fullPage: true });
      // One picture per family too, at full size, to judge legibility.
      for (const family of ['flow', 'dora', 'knowledge', 'reviews']) {
        const section = tab.locator(`section[aria-labelledby="${family}-title"]`);
        if ((await section.count()) > 0) await section.screenshot({ path: join(outDir, `health-${page.id}-${family}.png`) });
      }

      // Hover the pickup figure: its explanation must appear.
      const figure = tab.locator('[data-figure="pickup"], [data-figure="coding"]').first();
      await figure.hover();
      const aboutVisible = await figure.locator('.about').isVisible();
      await tab.screenshot({ path: join(outDir, `health-${page.id}-hover.png`), clip: await clipAround(figure) });

      // A pull request link must become a message, never a navigation.
      const before = tab.url();
      const link = tab.locator('button[data-action="openPullRequest"]').first();
      if ((await link.count()) > 0) await link.click();
      // A click on the treemap reveals a folder: a message again.
      await tab
        .locator('section[aria-labelledby="knowledge-title"] canvas')
        .first()
        .click({ position: { x: 40, y: 40 } });
      await tab.locator('button[data-action="setPeriod"][data-weeks="26"]').click();
      const messages = await tab.evaluate(() => window.__messages.map((m) => m.type));
      const pageViolations = await tab.evaluate(() => window.__violations);
      const cspConsole = problems.filter((p) => /Content Security Policy/i.test(p));
      violations += pageViolations.length + cspConsole.length;
      const navigated = tab.url() !== before;
      const ok =
        aboutVisible && !navigated && messages.includes('health/setPeriod') && problems.length === 0 && pageViolations.length === 0;
      if (!ok) failures++;
      console.log(
        `${ok ? 'ok  ' : 'FAIL'} ${page.id.padEnd(9)} figures painted ${timing?.render ?? '?'} ms after the report arrived, every chart ${timing?.all ?? '?'} ms; ${firstPaint} ms from navigation as seen by the driver${page.embedded ? ' (report in the HTML)' : ''} · CSP violations ${pageViolations.length + cspConsole.length} · hover text ${aboutVisible ? 'shown' : 'MISSING'} · messages ${messages.join(', ')}${navigated ? ' · NAVIGATED' : ''} → ${shot}`,
      );
      for (const p of [...problems, ...pageViolations]) console.log(`       ${p}`);
      if (!keep) await tab.close();
    }
  } finally {
    if (!keep) {
      await browser.close();
      server.close();
    }
  }
  console.log(`health-preview: ${violations} CSP violations; ${pages.size - failures} passed, ${failures} failed`);
  if (!keep) process.exit(violations === 0 && failures === 0 ? 0 : 1);
}

async function clipAround(locator) {
  const box = await locator.boundingBox();
  const about = await locator.locator('.about').boundingBox();
  const x = Math.max(0, Math.min(box.x, about?.x ?? box.x) - 10);
  const y = Math.max(0, box.y - 10);
  const right = Math.max(box.x + box.width, about ? about.x + about.width : 0) + 10;
  const bottom = Math.max(box.y + box.height, about ? about.y + about.height : 0) + 10;
  return { x, y, width: right - x, height: bottom - y };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
