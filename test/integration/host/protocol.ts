/**
 * The file-based protocol between the harness (a Node process outside the editor) and the runner
 * inside the real extension host. Both sides share the machine, so a folder is the simplest
 * channel that survives window reloads.
 */
export interface RunControl {
  /**
   * The phases of this window, in order: 'main', then 'reload', … Each extension-host start runs
   * the first phase not yet done, and then reloads the window (VS Code's own reload, which saves
   * state first, as a user's would) when another phase follows.
   */
  phases: { phase: string; files: string[] }[];
  grep?: string;
  /** Per-test timeout; a hanging test fails with its full title. */
  testTimeoutMs: number;
}

export type RunEvent =
  | { type: 'start'; phase: string; total: number; at: number }
  | { type: 'suite'; title: string }
  /** A before/after hook finished: progress the harness's watchdog can see. */
  | { type: 'hook'; title: string; durationMs: number }
  | { type: 'test'; fullTitle: string; state: 'passed' | 'failed' | 'pending'; durationMs: number; error?: string; stack?: string }
  /**
   * A screenshot of the workbench, or of one element (`selector`, e.g. the side bar), optionally
   * at another window size (`viewport`, restored afterwards).
   */
  | { type: 'screenshot'; id: string; name: string; expectText: string[]; selector?: string; viewport?: { width: number; height: number } }
  /** Type into the real workbench as a person would: wait for `waitFor` (a CSS selector) to be visible, type `text`, press `keys`. */
  | { type: 'keys'; id: string; waitFor?: string; text?: string; keys: string[] }
  /**
   * Click, as a person would: with `selector`, the first visible element matching it whose text
   * contains `text` (a notification's button); without, the first visible element (in any frame,
   * webviews included) whose text is `text`, where `role: 'button'` limits it to buttons. With
   * `closes`, clicked again (up to three times) until its ancestor matching `closes` is gone.
   */
  | { type: 'click'; id: string; text: string; role?: 'button'; selector?: string; closes?: string }
  /** Drag the sash between the side bar and the editor until the side bar is `width` px wide. */
  | { type: 'sidebar'; id: string; width: number }
  | { type: 'end'; phase: string; passed: number; failed: number; pending: number }
  /** Every 10 s while suites run: the extension host's event loop is alive (a slow test is not a hung host). */
  | { type: 'heartbeat' }
  | { type: 'crash'; error: string; stack?: string };

/** What the harness answers to a screenshot request. */
export interface ScreenshotReply {
  path?: string;
  missingText: string[];
  error?: string;
}

/** What the harness answers to a keys or click request. */
export interface KeysReply {
  error?: string;
}

/** What the harness answers to a sidebar request: the width reached. */
export interface SidebarReply {
  width?: number;
  error?: string;
}

export const CONTROL_ENV = 'MULTIPLIER_TEST_CONTROL_DIR';
export const controlFile = (dir: string): string => `${dir}/control.json`;
export const eventsFile = (dir: string, phase: string): string => `${dir}/events-${phase}.ndjson`;
export const replyFile = (dir: string, id: string): string => `${dir}/reply-${id}.json`;
export const doneFile = (dir: string, phase: string): string => `${dir}/done-${phase}`;
/** Set by the runner in the extension host: the phase whose events file requests go to. */
export const PHASE_ENV = 'MULTIPLIER_TEST_PHASE';
