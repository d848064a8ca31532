// Test commands typed in the real integrated terminal: shell integration reports each command's
// line and exit code, and a failing test command run twice raises the repeated-failure prompt.
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CoachViewModel } from '../../../src/coach/view/protocol';
import { multiplier } from '../host/api';
import { requestScreenshot, typeInWorkbench, underHarness } from '../host/screenshot';
import { waitFor } from '../host/wait';

const coachState = async (): Promise<CoachViewModel> => (await multiplier()).coach.state();
/** The element that has the keyboard when a terminal is focused. */
const FOCUSED_TERMINAL = '.xterm.focus';

/** Resolves when shell integration in `terminal` reports the end of a command, with its line and exit code. */
function nextCommandEnd(terminal: vscode.Terminal): Promise<{ commandLine: string; exitCode: number | undefined }> {
  return new Promise((resolve) => {
    const listener = vscode.window.onDidEndTerminalShellExecution((e) => {
      if (e.terminal !== terminal) return;
      listener.dispose();
      resolve({ commandLine: e.execution.commandLine.value, exitCode: e.exitCode });
    });
  });
}

/** A terminal with the shell's integration active (bash: VS Code injects it). */
async function terminalWithShellIntegration(cwd: string): Promise<vscode.Terminal> {
  const terminal = vscode.window.createTerminal({ name: 'tests', shellPath: '/bin/bash', cwd });
  terminal.show(false);
  await waitFor(
    async () => terminal.shellIntegration !== undefined,
    (ready) => ready,
    'shell integration in bash',
    30_000,
  );
  return terminal;
}

describe('Coach and the terminal', function () {
  this.timeout(90_000);
  const config = () => vscode.workspace.getConfiguration('multiplier.coach');
  const terminals: vscode.Terminal[] = [];

  before(async function () {
    if (!underHarness()) this.skip(); // typing into the terminal needs the harness's browser
    await config().update('repeatedFailures', 2, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('multiplier.nudges.resetMuted', ['coach.repeated-failure']);
    // A working hour (Tuesday 10:00 in Berlin): outside quiet hours, whenever the suite runs.
    await vscode.workspace
      .getConfiguration()
      .update('multiplier.workingHours.timeZone', 'Europe/Berlin', vscode.ConfigurationTarget.Global);
    (await multiplier()).clock.setNow(Date.parse('2031-01-14T09:00:00Z'));
  });

  after(async () => {
    for (const terminal of terminals) terminal.dispose();
    await config().update('repeatedFailures', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration().update('multiplier.workingHours.timeZone', undefined, vscode.ConfigurationTarget.Global);
    (await multiplier()).clock.reset();
  });

  it('raises the repeated-failure prompt when a test command typed in the terminal fails twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coach-terminal-'));
    writeFileSync(
      join(dir, 'refund.test.mjs'),
      "import assert from 'node:assert/strict';\nimport { test } from 'node:test';\ntest('half of 0.05 rounds half-even', () => assert.equal(Math.round(5 * 0.5), 2));\n",
    );
    const terminal = await terminalWithShellIntegration(dir);
    terminals.push(terminal);
    for (let run = 1; run <= 2; run++) {
      const ended = nextCommandEnd(terminal);
      await typeInWorkbench({ waitFor: FOCUSED_TERMINAL, text: 'node --test refund.test.mjs', keys: ['Enter'] });
      const end = await ended;
      assert.equal(end.commandLine.trim(), 'node --test refund.test.mjs');
      assert.equal(end.exitCode, 1, `run ${run} failed, as the test does`);
    }
    const model = await waitFor(coachState, (m) => m.current?.signalKind === 'repeated-failure', 'the repeated-failure prompt');
    assert.equal(model.current!.why, '"node --test refund.test.mjs" has failed 2 times in a row (last exit code 1).');
    await vscode.commands.executeCommand('multiplier.coach.focus');
    await waitFor(
      async () => (await multiplier()).coach.html(),
      (h) => h.resolved && h.html.includes('node --test refund.test.mjs'),
      'the Coach view to render the prompt',
    );
    terminal.show(true);
    const reply = await requestScreenshot('coach-terminal-failure', ['Repeated failures', 'node --test refund.test.mjs']);
    assert.equal(reply?.error, undefined);
    assert.deepEqual(reply?.missingText, []);
  });

  it('clears the streak once the same test command passes', async () => {
    const terminal = terminals[0];
    terminal.show(false);
    // The fix, then the same test command: the last part of the line is what counts.
    const ran = nextCommandEnd(terminal);
    await typeInWorkbench({
      waitFor: FOCUSED_TERMINAL,
      text: 'sed -i s/2\\)/3\\)/ refund.test.mjs && node --test refund.test.mjs',
      keys: ['Enter'],
    });
    assert.equal((await ran).exitCode, 0);
    await waitFor(coachState, (m) => m.current?.signalKind !== 'repeated-failure', 'the prompt to go once the tests pass');
  });

  it('says so, instead of staying silent, when a terminal has no shell integration', async () => {
    // dash has no shell integration: VS Code cannot tell when a command ends or how.
    const terminal = vscode.window.createTerminal({ name: 'plain sh', shellPath: '/bin/sh' });
    terminals.push(terminal);
    terminal.show(false);
    // The earlier tests' bash terminal may still hold the keyboard under load: type only once this
    // one is the active terminal and has the focus, and check the keystrokes reached it.
    await waitFor(
      async () => vscode.window.activeTerminal === terminal,
      (active) => active,
      'plain sh to be the active terminal',
    );
    await vscode.commands.executeCommand('workbench.action.terminal.focus');
    await typeInWorkbench({ waitFor: FOCUSED_TERMINAL, text: 'true', keys: ['Enter'] });
    await waitFor(
      async () => terminal.state.isInteractedWith,
      (typed) => typed,
      'the keystrokes to reach plain sh',
    );
    const model = await waitFor(
      coachState,
      (m) => m.unseenTerminals === 1,
      'the coach to notice the terminal without shell integration',
      30_000,
    );
    assert.equal(terminal.shellIntegration, undefined);
    assert.equal(model.unseenTerminals, 1);
    await vscode.commands.executeCommand('multiplier.coach.focus');
    await waitFor(
      async () => (await multiplier()).coach.html(),
      (h) => h.html.includes('1 terminal has no shell integration'),
      'the Coach view to say so',
    );
    const reply = await requestScreenshot('coach-terminal-without-shell-integration', ['Coach']);
    assert.equal(reply?.error, undefined);
    terminal.dispose();
    await waitFor(coachState, (m) => m.unseenTerminals === 0, 'the notice to go with the terminal');
  });
});
