// The deep-work meter in the real editor: a simulated 30-minute stretch of editing (the clock is
// moved, not waited for) shows in the status bar, and the week goes into Growth Notes.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { multiplier } from '../host/api';
import { editActively } from '../host/editing';
import { QUICK_INPUT, requestScreenshot, typeInWorkbench, underHarness } from '../host/screenshot';
import { waitFor } from '../host/wait';

/** Wednesday 2031-01-22, 09:30 in Berlin: a week no other suite writes to. */
const START = Date.parse('2031-01-22T08:30:00Z');

describe('Deep-work meter', function () {
  this.timeout(90_000);
  const G = vscode.ConfigurationTarget.Global;
  const root = () => vscode.workspace.workspaceFolders![0].uri;

  before(async () => {
    await vscode.workspace.getConfiguration().update('multiplier.workingHours.timeZone', 'Europe/Berlin', G);
    (await multiplier()).clock.setNow(START);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    execFileSync('git', ['checkout', '-q', '--', 'src/app.ts'], { cwd: root().fsPath });
    await vscode.workspace.getConfiguration().update('multiplier.workingHours.timeZone', undefined, G);
    await vscode.commands.executeCommand('notifications.clearAll');
    (await multiplier()).clock.reset();
  });

  it('counts a simulated 30-minute stretch of editing', async () => {
    const api = await multiplier();
    assert.equal(api.nudges.deepWork()?.week.minutes, 0, 'nothing yet in this week');
    // 31 edits a minute apart, plus a few seconds each: a little over 30 minutes of work, past the
    // 25-minute threshold. The few seconds absorb the test clock ticking on in real time between
    // setting an instant and the edit reaching the extension (a second or so on a busy machine).
    await editActively(vscode.Uri.joinPath(root(), 'src', 'app.ts'), (i) => `export const step${i} = ${i};`, 31, 1.004);
    const deepWork = await waitFor(
      async () => api.nudges.deepWork(),
      (d) => (d?.week.minutes ?? 0) >= 30,
      'the meter to count the stretch',
    );
    assert.ok(deepWork!.week.minutes < 31, `${deepWork!.week.minutes} minutes`);
    assert.equal(deepWork!.week.stretches, 1);
    assert.equal(deepWork!.statusText, 'Deep work this week: 30 min / 20 h');
    assert.equal(deepWork!.week.days.find((d) => d.dayKey === '2031-01-22')?.minutes, deepWork!.week.minutes);
    if (underHarness()) {
      const reply = await requestScreenshot('deep-work-status', ['Deep work this week: 30 min / 20 h']);
      assert.equal(reply?.error, undefined);
      assert.deepEqual(reply?.missingText, [], 'the status item shows the stretch');
    }
  });

  it('shows the week from the status item’s command and adds it to Growth Notes, once a week', async function () {
    if (!underHarness()) this.skip(); // answering the quick pick needs the harness's browser
    const api = await multiplier();
    const shown = vscode.commands.executeCommand('multiplier.deepWork.showSummary');
    await typeInWorkbench({ waitFor: QUICK_INPUT });
    const reply = await requestScreenshot('deep-work-summary', ['Deep work this week: 30 min of 20 h', 'Add this week to Growth Notes']);
    assert.deepEqual(reply?.missingText, []);
    await typeInWorkbench({ waitFor: QUICK_INPUT, text: 'Add this week to Growth Notes', keys: ['Enter'] });
    await shown;
    const notes = async () => (await api.notes.state()).notes.filter((n) => n.tags.includes('deep-work'));
    const [note] = await waitFor(notes, (list) => list.length === 1, 'the deep-work note');
    assert.match(note.body, /^# Deep work — week of 2031-01-20\n/);
    assert.match(note.body, /\*\*30 min\*\* of deep work against a goal of \*\*20 h\*\*, in 1 stretch/);
    assert.match(note.body, /\n#deep-work\n$/, 'the tag is in the text');
    await vscode.commands.executeCommand('multiplier.notes.addDeepWorkSummary', { open: false });
    assert.equal((await notes()).length, 1, 'the same week updates its note instead of adding one');
    const reply2 = await requestScreenshot('deep-work-note', ['Deep work — week of 2031-01-20']);
    assert.equal(reply2?.error, undefined);
  });
});
