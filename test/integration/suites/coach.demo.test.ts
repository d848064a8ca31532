// What a newcomer meets in the first minute of `npm start`: opening the Multiplier view on the demo
// repository, the Coach already asks about the stuck branch; the demo's test task fails, and
// running it a few times raises the repeated-failure prompt.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CoachViewModel } from '../../../src/coach/view/protocol';
import { multiplier } from '../host/api';
import { requestScreenshot, underHarness } from '../host/screenshot';
import { waitFor } from '../host/wait';

async function runTask(task: vscode.Task): Promise<number | undefined> {
  const ended = new Promise<number | undefined>((resolve) => {
    const listener = vscode.tasks.onDidEndTaskProcess((e) => {
      if (e.execution.task.name === task.name) {
        listener.dispose();
        resolve(e.exitCode);
      }
    });
  });
  await vscode.tasks.executeTask(task);
  return ended;
}

describe('Demo: the Coach in the first minute', function () {
  this.timeout(120_000);

  before(function () {
    if (!underHarness()) this.skip(); // needs the harness's demo session
  });

  it('asks about the stuck branch within a minute of opening the Multiplier view', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.multiplier');
    // The view's own HTML, read without starting the coach: opening the view is what starts it.
    const { html } = await waitFor(
      async () => (await multiplier()).coach.html(),
      (h) => h.resolved && h.html.includes('Ageing branch'),
      'a Coach prompt about the stuck branch',
      60_000,
    );
    assert.match(html, /feature\/refund-flow is \d+ commits? behind origin\/main, with work from \d+ days ago unmerged\./);
    const reply = await requestScreenshot('demo-coach-first-minute', ['Ageing branch', 'Never for this kind']);
    assert.deepEqual(reply?.missingText, []);
  });

  it('has a failing test task; three failed runs raise the repeated-failure prompt', async () => {
    const test = (await vscode.tasks.fetchTasks()).find((t) => t.name === 'test' && t.source === 'Workspace');
    assert.ok(test, 'the demo has a test task (.vscode/tasks.json)');
    test.presentationOptions = { ...test.presentationOptions, reveal: vscode.TaskRevealKind.Never };
    for (let run = 0; run < 3; run++) assert.equal(await runTask(test), 1, 'npm test fails: refunds round half-up');
    const model = await waitFor(
      async (): Promise<CoachViewModel> => (await multiplier()).coach.state(),
      (m) => m.current?.signalKind === 'repeated-failure',
      'the repeated-failure prompt',
    );
    assert.equal(model.current!.why, '"npm test" has failed 3 times in a row (last exit code 1).');
    assert.equal(model.waiting, 1, 'the stuck branch waits behind it');
    const reply = await requestScreenshot('demo-coach-failing-tests', ['Repeated failures', 'npm test']);
    assert.deepEqual(reply?.missingText, []);
  });
});
