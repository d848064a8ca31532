import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import {
  CONTROL_ENV,
  eventsFile,
  PHASE_ENV,
  replyFile,
  type KeysReply,
  type RunEvent,
  type ScreenshotReply,
  type SidebarReply,
} from './protocol';

type Request = Extract<RunEvent, { type: 'screenshot' | 'keys' | 'click' | 'sidebar' }>;
type RequestBody = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

/** Sends a request to the harness (which drives Chromium) and waits for its reply. */
async function ask<T>(request: RequestBody, timeoutMs: number): Promise<T> {
  const dir = process.env[CONTROL_ENV]!;
  const phase = process.env[PHASE_ENV] ?? 'main';
  const id = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  appendFileSync(eventsFile(dir, phase), `${JSON.stringify({ ...request, id })}\n`);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(replyFile(dir, id))) return JSON.parse(readFileSync(replyFile(dir, id), 'utf8')) as T;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the harness did not answer the ${request.type} request within ${timeoutMs} ms`);
}

/**
 * Asks the harness for a screenshot of the real workbench, and for a check that the given texts
 * are visible in the page. Outside the offline harness (desktop @vscode/test-cli) there is no
 * browser: returns undefined.
 */
export async function requestScreenshot(
  name: string,
  expectText: string[] = [],
  timeoutMs = 60_000,
  options: { selector?: string; viewport?: { width: number; height: number } } = {},
): Promise<ScreenshotReply | undefined> {
  if (!underHarness()) return undefined;
  return ask<ScreenshotReply>({ type: 'screenshot', name, expectText, ...options }, timeoutMs);
}

/** A toast: removed from the page when its notification closes. */
const TOAST = '.notification-toast-container';

/**
 * Clicks the button labelled `label` on the toast whose message contains `message`, and waits until
 * that toast has closed (every button of our toasts closes it), clicking again if a click was lost.
 */
export async function clickToastButton(message: string, label: string, timeoutMs = 45_000): Promise<void> {
  if (!underHarness()) throw new Error('clicking a notification needs the offline harness (a browser)');
  const selector = `${TOAST}:has-text(${JSON.stringify(message)}) .monaco-button`;
  const reply = await ask<KeysReply>({ type: 'click', selector, text: label, closes: TOAST }, timeoutMs);
  if (reply.error) throw new Error(`the harness could not click ${label} on the toast "${message}": ${reply.error}`);
}

/**
 * Types into the real workbench through the browser, as a person would: waits until `waitFor`
 * (a CSS selector, e.g. the quick input) is visible, types `text`, then presses `keys`
 * (Playwright key names such as 'Enter'). Only under the offline harness.
 */
export async function typeInWorkbench(options: { waitFor?: string; text?: string; keys?: string[] }, timeoutMs = 60_000): Promise<void> {
  if (!underHarness()) throw new Error('typing into the workbench needs the offline harness (a browser)');
  const reply = await ask<KeysReply>({ type: 'keys', waitFor: options.waitFor, text: options.text, keys: options.keys ?? [] }, timeoutMs);
  if (reply.error) throw new Error(`the harness could not type into the workbench: ${reply.error}`);
}

/**
 * Clicks, as a person would, the first visible element showing `text` (tree rows, buttons inside
 * webviews); `role: 'button'` limits it to buttons. Only under the offline harness.
 */
export async function clickInWorkbench(text: string, options: { role?: 'button' } = {}, timeoutMs = 60_000): Promise<void> {
  if (!underHarness()) throw new Error('clicking in the workbench needs the offline harness (a browser)');
  const reply = await ask<KeysReply>({ type: 'click', text, role: options.role }, timeoutMs);
  if (reply.error) throw new Error(`the harness could not click "${text}": ${reply.error}`);
}

/** Drags the side bar's sash until it is `width` px wide; resolves with the width reached. Only under the offline harness. */
export async function setSidebarWidth(width: number, timeoutMs = 60_000): Promise<number> {
  if (!underHarness()) throw new Error('resizing the side bar needs the offline harness (a browser)');
  const reply = await ask<SidebarReply>({ type: 'sidebar', width }, timeoutMs);
  if (reply.error || reply.width === undefined) throw new Error(`the harness could not resize the side bar: ${reply.error}`);
  return reply.width;
}

/** The selector of VS Code's quick input (quick pick, input box) while it is open. */
export const QUICK_INPUT = '.quick-input-widget';

/** True when the suites run under the offline harness, which can take screenshots and type. */
export const underHarness = (): boolean => Boolean(process.env[CONTROL_ENV]);
