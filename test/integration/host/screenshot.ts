import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { CONTROL_ENV, eventsFile, replyFile, type RunControl, type ScreenshotReply } from './protocol';
import { controlFile } from './protocol';

/**
 * Asks the harness (which drives Chromium) for a screenshot of the real workbench, and for a check
 * that the given texts are visible in the page. Resolves with the harness's reply.
 * Outside the offline harness (desktop @vscode/test-cli) there is no browser: returns undefined.
 */
export async function requestScreenshot(name: string, expectText: string[] = [], timeoutMs = 30_000): Promise<ScreenshotReply | undefined> {
  const dir = process.env[CONTROL_ENV];
  if (!dir) return undefined;
  const control = JSON.parse(readFileSync(controlFile(dir), 'utf8')) as RunControl;
  const id = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  appendFileSync(eventsFile(dir, control.phase), `${JSON.stringify({ type: 'screenshot', id, name, expectText })}\n`);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(replyFile(dir, id))) return JSON.parse(readFileSync(replyFile(dir, id), 'utf8')) as ScreenshotReply;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the harness did not answer screenshot request "${name}" within ${timeoutMs} ms`);
}

/** True when the suites run under the offline harness, which can take screenshots. */
export const underHarness = (): boolean => Boolean(process.env[CONTROL_ENV]);
