// Debian's Chromium driven by playwright-core: the browser client that makes code-server start its
// extension host, and the camera for workbench screenshots.
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function openWorkbench(executablePath, url, { width = 1400, height = 900 } = {}) {
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  return { browser, page };
}

/**
 * Which of `texts` are visible nowhere in the page (case-insensitive, as the UI upper-cases
 * headers). Webview views live in nested iframes, so every frame is searched.
 */
export async function missingTexts(page, texts) {
  const missing = [];
  for (const text of texts) {
    let found = false;
    for (const frame of page.frames()) {
      const visible = await frame
        .getByText(text)
        .filter({ visible: true })
        .count()
        .catch(() => 0);
      if (visible > 0) {
        found = true;
        break;
      }
    }
    if (!found) missing.push(text);
  }
  return missing;
}
