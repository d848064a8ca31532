/**
 * The file-based protocol between the harness (a Node process outside the editor) and the runner
 * inside the real extension host. Both sides share the machine, so a folder is the simplest
 * channel that survives window reloads.
 */
export interface RunControl {
  /** Which phase the next extension-host start should run: 'main', 'reload', … */
  phase: string;
  /** Absolute paths of the compiled suites for this phase. */
  files: string[];
  grep?: string;
  /** Per-test timeout; a hanging test fails with its full title. */
  testTimeoutMs: number;
}

export type RunEvent =
  | { type: 'start'; phase: string; total: number; at: number }
  | { type: 'suite'; title: string }
  | { type: 'test'; fullTitle: string; state: 'passed' | 'failed' | 'pending'; durationMs: number; error?: string; stack?: string }
  | { type: 'screenshot'; id: string; name: string; expectText: string[] }
  | { type: 'end'; phase: string; passed: number; failed: number; pending: number }
  | { type: 'crash'; error: string; stack?: string };

/** What the harness answers to a screenshot request. */
export interface ScreenshotReply {
  path?: string;
  missingText: string[];
  error?: string;
}

export const CONTROL_ENV = 'MULTIPLIER_TEST_CONTROL_DIR';
export const controlFile = (dir: string): string => `${dir}/control.json`;
export const eventsFile = (dir: string, phase: string): string => `${dir}/events-${phase}.ndjson`;
export const replyFile = (dir: string, id: string): string => `${dir}/reply-${id}.json`;
