// Feedback for every nudge action, in the real editor: the Coach view confirms Snooze, Dismiss and
// "Never for this kind" with an Undo and lists muted kinds with Un-mute; a toast's own Snooze and
// Never buttons, clicked in the real workbench, answer with what happened and an Undo.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CoachViewModel } from '../../../src/coach/view/protocol';
import { multiplier } from '../host/api';
import { clickToastButton, requestScreenshot, underHarness } from '../host/screenshot';
import { waitFor } from '../host/wait';

const KIND = 'coach.repeated-failure';
/** Muted while toasts are tested, so no other prompt (from earlier suites' edits) takes the toast. */
const OTHER_KINDS = ['coach.long-uncommitted', 'coach.error-churn', 'coach.back-and-forth', 'coach.ageing-branch', 'coach.single-author'];
const coachState = async (): Promise<CoachViewModel> => (await multiplier()).coach.state();
const muted = async (): Promise<string[]> => (await multiplier()).nudges.state().state.neverKinds;

let runs = 0;
/** Runs a shell task that exits with `code`, as the user's task would, and waits for its end. */
async function runTask(name: string, code: number): Promise<void> {
  const task = new vscode.Task(
    { type: 'shell', feedbackSuite: `${name}-${++runs}` },
    vscode.TaskScope.Workspace,
    name,
    'feedback-suite',
    new vscode.ShellExecution(`exit ${code}`),
  );
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Never, echo: false };
  const ended = new Promise<void>((resolve) => {
    const listener = vscode.tasks.onDidEndTaskProcess((e) => {
      if (e.execution.task.definition.feedbackSuite === task.definition.feedbackSuite) {
        listener.dispose();
        resolve();
      }
    });
  });
  await vscode.tasks.executeTask(task);
  await ended;
}

/** Two failures of a task with a fresh name: a new occurrence of the repeated-failure prompt. */
async function raiseFailurePrompt(name: string): Promise<CoachViewModel> {
  await runTask(name, 1);
  await runTask(name, 1);
  return waitFor(
    coachState,
    (m) => m.current?.signalKind === 'repeated-failure' && m.current.why.includes(name),
    `the repeated-failure prompt for ${name}`,
  );
}

async function screenshot(name: string, expectText: string[]): Promise<void> {
  if (!underHarness()) return;
  const reply = await requestScreenshot(name, expectText);
  assert.equal(reply?.error, undefined);
  assert.deepEqual(reply?.missingText, [], `${name}: ${reply?.missingText.join(', ')}`);
}

describe('Feedback for every nudge action', function () {
  this.timeout(120_000);
  const G = vscode.ConfigurationTarget.Global;
  const settings = {
    'multiplier.coach.repeatedFailures': 2,
    // The deep-work meter would suggest a focus block at the instants below; keep this suite to its toasts.
    'multiplier.deepWork.enabled': false,
  };

  before(async () => {
    for (const [key, value] of Object.entries(settings)) await vscode.workspace.getConfiguration().update(key, value, G);
    await vscode.commands.executeCommand('multiplier.nudges.resetMuted', [KIND]);
    // A working hour (Tuesday 10:00 in Berlin): coach prompts are not held back by quiet hours.
    await vscode.workspace.getConfiguration().update('multiplier.workingHours.timeZone', 'Europe/Berlin', G);
    (await multiplier()).clock.setNow(Date.parse('2031-01-14T09:00:00Z'));
  });

  after(async () => {
    for (const key of [...Object.keys(settings), 'multiplier.coach.notifications', 'multiplier.workingHours.timeZone'])
      await vscode.workspace.getConfiguration().update(key, undefined, G);
    await vscode.commands.executeCommand('multiplier.nudges.resetMuted', [KIND, ...OTHER_KINDS]);
    await vscode.commands.executeCommand('notifications.clearAll');
    (await multiplier()).clock.reset();
  });

  it('confirms "Never for this kind" in the Coach view, lists the kind as muted, and Undo restores it', async () => {
    const api = await multiplier();
    const prompt = (await raiseFailurePrompt('feedback-never')).current!;
    await vscode.commands.executeCommand('multiplier.coach.focus');
    const after = await api.coach.message({ type: 'never', key: prompt.key });
    assert.deepEqual(after.feedback && { text: after.feedback.text, canUndo: after.feedback.canUndo }, {
      text: 'No more prompts about repeated failures.',
      canUndo: true,
    });
    assert.deepEqual(after.muted, [{ kind: KIND, label: 'Repeated failures' }]);
    assert.ok((await muted()).includes(KIND));
    assert.notEqual(after.current?.signalKind, 'repeated-failure');
    const { html } = await waitFor(
      async () => api.coach.html(),
      (h) => h.html.includes('data-action="undo"'),
      'the Coach view to show the confirmation',
    );
    assert.match(html, /<section class="feedback" role="status"><p>No more prompts about repeated failures\. <button[^>]*>Undo<\/button>/);
    assert.match(html, /<h3>Muted<\/h3>/);
    await screenshot('coach-feedback-never', ['Coach']);

    const undone = await api.coach.message({ type: 'undo', id: after.feedback!.id });
    assert.ok(!(await muted()).includes(KIND), 'the kind is back');
    assert.deepEqual(undone.muted, []);
    assert.equal(undone.current?.key, prompt.key, 'and so is the prompt');
  });

  it('says until when a Snooze lasts, and Undo brings the prompt back', async () => {
    const api = await multiplier();
    const prompt = (await coachState()).current!;
    const snoozed = await api.coach.message({ type: 'snooze', key: prompt.key });
    assert.match(snoozed.feedback?.text ?? '', /^Snoozed until (\d\d:\d\d|\w{3} \d\d:\d\d)\. It comes back then if it still applies\.$/);
    assert.notEqual(snoozed.current?.key, prompt.key);
    const back = await api.coach.message({ type: 'undo', id: snoozed.feedback!.id });
    assert.equal(back.current?.key, prompt.key);
  });

  it('un-mutes a kind from the Coach view’s list', async () => {
    const api = await multiplier();
    await api.nudges.mute(KIND);
    assert.deepEqual((await coachState()).muted, [{ kind: KIND, label: 'Repeated failures' }]);
    const model = await api.coach.message({ type: 'unmute', kind: KIND });
    assert.deepEqual(model.muted, []);
    assert.ok(!(await muted()).includes(KIND));
  });

  it('answers a toast’s "Never for this kind", clicked in the workbench, with an Undo that restores the kind', async function () {
    if (!underHarness()) this.skip(); // clicking a notification needs the harness's browser
    const api = await multiplier();
    // Wednesday 11:00 in Berlin: a working day, outside quiet hours, no toast yet that day.
    await vscode.workspace.getConfiguration().update('multiplier.workingHours.timeZone', 'Europe/Berlin', G);
    await vscode.workspace.getConfiguration().update('multiplier.coach.notifications', true, G);
    for (const kind of OTHER_KINDS) await api.nudges.mute(kind);
    api.clock.setNow(Date.parse('2031-01-15T10:00:00Z'));
    await vscode.commands.executeCommand('notifications.clearAll');

    await raiseFailurePrompt('toast-never');
    await clickToastButton('toast-never', 'Never for this kind');
    await waitFor(muted, (kinds) => kinds.includes(KIND), 'the kind to be muted');
    await screenshot('toast-never-undo', ['No more nudges about repeated failures.', 'Undo']);
    await clickToastButton('No more nudges about repeated failures.', 'Undo');
    await waitFor(muted, (kinds) => !kinds.includes(KIND), 'Undo to restore the kind');
  });

  it('answers a toast’s Snooze with until when, and its Undo ends the snooze', async function () {
    if (!underHarness()) this.skip();
    const api = await multiplier();
    // An hour and more later (toasts are at least an hour apart), a new streak.
    api.clock.setNow(Date.parse('2031-01-15T11:30:00Z'));
    await vscode.commands.executeCommand('notifications.clearAll');
    await raiseFailurePrompt('toast-snooze');
    await clickToastButton('toast-snooze', 'Snooze 1 hour');
    const state = await waitFor(
      async () => api.nudges.state().state,
      (s) => (s.snoozedKinds?.[KIND] ?? 0) > api.clock.now(),
      'the kind to be snoozed',
    );
    assert.ok(state);
    await screenshot('toast-snooze-until', ['Snoozed repeated failures until 13:3', 'Undo']);
    await clickToastButton('Snoozed repeated failures until', 'Undo');
    await waitFor(
      async () => api.nudges.state().state,
      (s) => s.snoozedKinds?.[KIND] === undefined,
      'Undo to end the snooze',
    );
  });
});
