// A tiny extension that runs mocha suites inside the real extension host and streams results to
// the harness. It does nothing unless the harness set MULTIPLIER_TEST_CONTROL_DIR.
import { appendFileSync, readFileSync } from 'node:fs';
import type * as vscode from 'vscode';
import { CONTROL_ENV, controlFile, eventsFile, type RunControl, type RunEvent } from './protocol';

interface MochaRunner {
  on(event: string, listener: (...args: any[]) => void): void;
}
interface MochaInstance {
  files: string[];
  loadFiles(): void;
  run(done: (failures: number) => void): MochaRunner;
}

export function activate(_context: vscode.ExtensionContext): void {
  const dir = process.env[CONTROL_ENV];
  if (!dir) return;
  let control: RunControl;
  try {
    control = JSON.parse(readFileSync(controlFile(dir), 'utf8')) as RunControl;
  } catch {
    return; // No run requested for this host start.
  }
  const emit = (event: RunEvent): void => appendFileSync(eventsFile(dir, control.phase), `${JSON.stringify(event)}\n`);
  // Let the workbench finish restoring before the suites poke at it.
  setTimeout(() => {
    try {
      runSuites(control, emit);
    } catch (error) {
      emit({ type: 'crash', error: String((error as Error)?.message ?? error), stack: (error as Error)?.stack });
    }
  }, 500);
}

function runSuites(control: RunControl, emit: (event: RunEvent) => void): void {
  // mocha 12 is an ES module; require() of it yields the namespace.
  const mochaModule = require('mocha');
  const Mocha = (mochaModule.default ?? mochaModule) as new (options: object) => MochaInstance;
  const mocha = new Mocha({ ui: 'bdd', timeout: control.testTimeoutMs, color: false, grep: control.grep });
  mocha.files = control.files;
  mocha.loadFiles();
  let passed = 0;
  let failed = 0;
  let pending = 0;
  const runner = mocha.run(() => emit({ type: 'end', phase: control.phase, passed, failed, pending }));
  emit({ type: 'start', phase: control.phase, total: (runner as any).total ?? 0, at: Date.now() });
  runner.on('suite', (suite: { title: string }) => suite.title && emit({ type: 'suite', title: suite.title }));
  runner.on('pass', (test: { fullTitle(): string; duration?: number }) => {
    passed++;
    emit({ type: 'test', fullTitle: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 });
  });
  runner.on('pending', (test: { fullTitle(): string }) => {
    pending++;
    emit({ type: 'test', fullTitle: test.fullTitle(), state: 'pending', durationMs: 0 });
  });
  runner.on('fail', (test: { fullTitle(): string; duration?: number }, error: Error) => {
    failed++;
    emit({
      type: 'test',
      fullTitle: test.fullTitle(),
      state: 'failed',
      durationMs: test.duration ?? 0,
      error: error?.message,
      stack: error?.stack,
    });
  });
}
