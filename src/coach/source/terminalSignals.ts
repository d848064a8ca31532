/**
 * Test runs typed in the integrated terminal, through shell integration: each command's line and
 * exit code. Only commands that run a known test runner count (model/testCommands.ts); they join
 * the same failure streaks as tasks. Terminals without shell integration report nothing: the coach
 * notices them (one the user typed in, still without integration after a grace period) and says
 * that it cannot see test runs there, instead of staying silent about why.
 */
import * as vscode from 'vscode';
import type { Clock, Timer } from '../../core/clock';
import { coachRuntime } from '../load';
import { SameRunFilter, type RunSource } from '../model/sameRun';
import type { TaskEndEvent } from '../model/signals/types';

/** Shell integration activates within a second or two of a shell starting; ten is generous. */
const SHELL_INTEGRATION_GRACE_MS = 10_000;
/** A task that runs in a terminal with shell integration would report the same run twice. */
const SAME_RUN_MS = 2_000;

export interface TerminalSignalSink {
  record(event: TaskEndEvent): void;
  /** How many terminals the user typed in that have no shell integration. */
  setUnseenTerminals(count: number): void;
  poke(): void;
}

/** The streak a task's run belongs to: its test command when it runs one, else its identity. */
export function taskStreakKey(task: vscode.Task): string {
  const execution = task.execution;
  if (execution instanceof vscode.ShellExecution) {
    const parts = [execution.command, ...(execution.args ?? [])];
    const line = execution.commandLine ?? parts.map((part) => (typeof part === 'string' ? part : (part?.value ?? ''))).join(' ');
    const test = line ? coachRuntime().recogniseTestCommand(line) : undefined;
    if (test) return test.command;
  }
  return `${task.source}: ${task.name}`;
}

export function watchTerminalSignals(sink: TerminalSignalSink, clock: Clock): vscode.Disposable {
  /** Recent runs and where each was seen (a task's process, or a terminal's shell integration). */
  const sameRun = new SameRunFilter(SAME_RUN_MS);
  const unseen = new Set<vscode.Terminal>();
  const timers = new Map<vscode.Terminal, Timer>();
  /** Terminals past their grace period: from then on, typing in one without integration counts. */
  const due = new Set<vscode.Terminal>();

  /** Records a run once, even when a task's terminal reports it through shell integration too. */
  const record = (event: TaskEndEvent, from: RunSource): void => {
    if (sameRun.isSecondReport(event, from)) return;
    sink.record(event);
    sink.poke();
  };

  const publish = (): void => sink.setUnseenTerminals(unseen.size);
  const check = (terminal: vscode.Terminal): void => {
    const blind =
      !terminal.shellIntegration &&
      terminal.exitStatus === undefined &&
      terminal.state.isInteractedWith &&
      !('pty' in terminal.creationOptions); // an extension's own terminal runs no shell
    if (blind === unseen.has(terminal)) return;
    if (blind) unseen.add(terminal);
    else unseen.delete(terminal);
    publish();
  };
  const watch = (terminal: vscode.Terminal): void => {
    if (timers.has(terminal)) return;
    timers.set(
      terminal,
      clock.after(SHELL_INTEGRATION_GRACE_MS, () => {
        due.add(terminal);
        check(terminal);
      }),
    );
  };
  const forget = (terminal: vscode.Terminal): void => {
    timers.get(terminal)?.dispose();
    timers.delete(terminal);
    due.delete(terminal);
    if (unseen.delete(terminal)) publish();
  };

  vscode.window.terminals.forEach(watch);
  const disposables: vscode.Disposable[] = [
    vscode.window.onDidEndTerminalShellExecution((e) => {
      const test = coachRuntime().recogniseTestCommand(e.execution.commandLine.value);
      // No exit code: the shell's integration could not tell (or the command is still a mystery).
      if (!test || e.exitCode === undefined) return;
      record({ kind: 'taskEnd', at: clock.now(), task: test.command, exitCode: e.exitCode }, 'shell');
    }),
    vscode.tasks.onDidEndTaskProcess((e) => {
      record({ kind: 'taskEnd', at: clock.now(), task: taskStreakKey(e.execution.task), exitCode: e.exitCode }, 'task');
    }),
    vscode.window.onDidOpenTerminal(watch),
    vscode.window.onDidCloseTerminal(forget),
    vscode.window.onDidChangeTerminalShellIntegration(({ terminal }) => check(terminal)),
    // The first keystroke in a terminal past its grace period.
    vscode.window.onDidChangeTerminalState((terminal) => {
      if (due.has(terminal)) check(terminal);
    }),
  ];
  return new vscode.Disposable(() => {
    for (const d of disposables) d.dispose();
    for (const t of timers.values()) t.dispose();
  });
}
