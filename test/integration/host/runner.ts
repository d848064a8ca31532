// A tiny extension that runs mocha suites inside the real extension host and streams results to
// the harness. It does nothing unless the harness set MULTIPLIER_TEST_CONTROL_DIR.
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type * as vscode from 'vscode';
import { CONTROL_ENV, controlFile, doneFile, eventsFile, PHASE_ENV, type RunControl, type RunEvent } from './protocol';

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
  const index = control.phases.findIndex(({ phase }) => !existsSync(doneFile(dir, phase)));
  if (index < 0) return; // every phase ran
  const { phase, files } = control.phases[index];
  process.env[PHASE_ENV] = phase;
  const emit = (event: RunEvent): void => appendFileSync(eventsFile(dir, phase), `${JSON.stringify(event)}\n`);
  const finished = (): void => {
    writeFileSync(doneFile(dir, phase), '');
    // The next phase runs after VS Code's own reload, which saves state first, as a user's would.
    if (index + 1 < control.phases.length)
      void (require('vscode') as typeof vscode).commands.executeCommand('workbench.action.reloadWindow');
  };
  // Let the workbench finish restoring before the suites poke at it.
  setTimeout(() => {
    try {
      runSuites(files, control, emit, finished);
    } catch (error) {
      emit({ type: 'crash', error: String((error as Error)?.message ?? error), stack: (error as Error)?.stack });
    }
  }, 500);
}

function runSuites(files: string[], control: RunControl, emit: (event: RunEvent) => void, finished: () => void): void {
  // mocha 12 is an ES module; require() of it yields the namespace.
  const mochaModule = require('mocha');
  const Mocha = (mochaModule.default ?? mochaModule) as new (options: object) => MochaInstance;
  const mocha = new Mocha({ ui: 'bdd', timeout: control.testTimeoutMs, color: false, grep: control.grep });
  mocha.files = files;
  mocha.loadFiles();
  let passed = 0;
  let failed = 0;
  let pending = 0;
  const phase = process.env[PHASE_ENV] ?? '';
  // Long tests (a diff editor opening on a loaded machine) stay silent for a while; mocha's own
  // per-test timeout judges them. The harness's silence watchdog is then only for a blocked host.
  const heartbeat = setInterval(() => emit({ type: 'heartbeat' }), 10_000);
  const runner = mocha.run(() => {
    clearInterval(heartbeat);
    emit({ type: 'end', phase, passed, failed, pending });
    finished();
  });
  emit({ type: 'start', phase, total: (runner as any).total ?? 0, at: Date.now() });
  runner.on('suite', (suite: { title: string }) => suite.title && emit({ type: 'suite', title: suite.title }));
  runner.on('hook end', (hook: { title: string; duration?: number }) =>
    emit({ type: 'hook', title: hook.title, durationMs: hook.duration ?? 0 }),
  );
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
