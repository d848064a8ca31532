/**
 * Messages from the PR overview webview to the extension. The webview is another origin: nothing
 * it sends is trusted until it has one of these shapes. Files are named by their index in the
 * list the extension rendered, never by a path the page supplies. Pure.
 */
export const OVERVIEW_ACTIONS = [
  'openChanges',
  'checkout',
  'openInBrowser',
  'openInPullRequests',
  'snooze',
  'pin',
  'unpin',
  'copyQuestion',
  'refresh',
  'checkDescription',
] as const;

export type OverviewAction = (typeof OVERVIEW_ACTIONS)[number];

export type OverviewMessage =
  | { type: 'ready' }
  | { type: 'action'; action: OverviewAction }
  | { type: 'openFile'; index: number }
  /** A `securitypolicyviolation` event the page saw: reported so tests (and the log) can see it. */
  | { type: 'csp'; directive: string; blocked: string };

export function isOverviewMessage(value: unknown): value is OverviewMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return true;
    case 'action':
      return typeof m.action === 'string' && (OVERVIEW_ACTIONS as readonly string[]).includes(m.action);
    case 'openFile':
      return typeof m.index === 'number' && Number.isInteger(m.index) && m.index >= 0;
    case 'csp':
      return typeof m.directive === 'string' && typeof m.blocked === 'string';
    default:
      return false;
  }
}
