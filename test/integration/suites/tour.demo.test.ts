// A tour of what `npm start` shows: the demo repository (scripts/demo/demo-repo.mjs) and the demo
// pull requests (test/fake-github/scenarios/demo.json), with a screenshot of each view as a user
// would see it. The current user is Maya Okafor, on feature/refund-flow with work in progress.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { multiplier } from '../host/api';
import type { CoachViewModel } from '../../../src/coach/view/protocol';
import { noteIdFromUri } from '../../../src/notes/model/uri';
import { clickInWorkbench, requestScreenshot, underHarness } from '../host/screenshot';
import { editActively } from '../host/editing';
import { waitFor } from '../host/wait';

async function screenshot(name: string, expectText: string[]): Promise<void> {
  const reply = await requestScreenshot(name, expectText);
  assert.ok(reply, 'the harness answered');
  assert.equal(reply.error, undefined);
  assert.deepEqual(reply.missingText, [], `not visible in ${name}: ${reply.missingText.join(', ')}`);
}

interface QueueGroup {
  label?: string;
  children: { id?: string; label?: string; description?: string }[];
}
const queueState = async (): Promise<{ tree: QueueGroup[] }> => (await multiplier()).review.state() as { tree: QueueGroup[] };
const groupsOf = (state: { tree: QueueGroup[] } | undefined): QueueGroup[] => state?.tree ?? [];

describe('Demo tour', function () {
  this.timeout(90_000);

  before(async function () {
    if (!underHarness()) this.skip(); // needs the harness's demo session: repository and GitHub server
    await vscode.extensions.getExtension('multiplier-dev.multiplier')?.activate();
    await vscode.commands.executeCommand('workbench.view.extension.multiplier');
  });

  after(async () => {
    await vscode.workspace
      .getConfiguration('multiplier.coach')
      .update('uncommittedActiveMinutes', undefined, vscode.ConfigurationTarget.Global);
  });

  it('ranks the demo pull requests that wait on Maya, each with a reason', async () => {
    await vscode.commands.executeCommand('multiplier.reviewQueue.focus');
    const groups = groupsOf(
      await waitFor(queueState, (s) => groupsOf(s).some((g) => g.children.length > 0), 'the demo review queue', 30_000),
    );
    const waiting = groups.find((g) => String(g.label).startsWith('Waiting on you'));
    assert.ok(waiting && waiting.children.length >= 3, `groups: ${JSON.stringify(groups).slice(0, 400)}`);
    // The label says what to do first ("#89 Refund ledger table · 20h"), the description the size and flags.
    for (const item of waiting.children) {
      assert.match(String(item.label), /^#\d+ .+ · [\d.]+(h|m)$/);
      assert.match(String(item.description), /^\d+ lines/);
    }
    // Fold the views below, as a reviewer would, so the queue has the container's height.
    for (const title of ['Coach', 'Growth Notes', 'Team Health']) await clickInWorkbench(title);
    // The title's room in a row depends on the wait beside it ("· 9h", "· 9.3h"), which depends on
    // when the demo runs: expect only the part every wait leaves.
    await screenshot('demo-review-queue', ['Waiting on you', 'Ready to merge', 'Blocked', 'Waiting on the author', '#412 Add retry']);
    for (const title of ['Coach', 'Growth Notes', 'Team Health']) await clickInWorkbench(title);
  });

  it('opens a pull request in the editor: its overview, then its real diff', async () => {
    const row = groupsOf(await queueState())
      .flatMap((g) => g.children)
      .find((c) => c.id === 'waiting:multiplier-demo/shop#412');
    assert.ok(row?.label, '#412 waits on Maya');
    await clickInWorkbench(row.label);
    const api = await multiplier();
    await waitFor(
      async () => api.review.overviews().find((o) => o.key === 'multiplier-demo/shop#412'),
      (o) => o !== undefined && !o.loading && o.files > 0 && o.ready > 0,
      'the overview of #412',
      30_000,
    );
    await screenshot('demo-pr-overview', ['Add retry with backoff', 'Open Changes', 'src/checkout/retry.ts']);
    await clickInWorkbench('Open Changes', { role: 'button' });
    const changes = await waitFor(
      async () => api.review.changes(),
      (c) => c.title?.startsWith('#412') === true && c.reads.some((r) => r.kind === 'text'),
      'the diff of #412 to load',
      30_000,
    );
    assert.equal(changes.triples.length, 2, 'retry.ts added, cart.ts modified');
    await screenshot('demo-pr-changes', ['submitWithRetry']);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('asks Maya a question about her uncommitted refund work and suggests who knows the code', async () => {
    const root = vscode.workspace.workspaceFolders![0].uri;
    // Forty-eight minutes of steady refund work, a line a minute: past the default 45 active minutes.
    await editActively(vscode.Uri.joinPath(root, 'src', 'billing', 'rules.ts'), (i) => `export const refundRule${i} = ${i};`, 49, 1);
    await vscode.commands.executeCommand('multiplier.coach.focus');
    const model = await waitFor(
      async (): Promise<CoachViewModel> => (await multiplier()).coach.state(),
      (m) => m?.current?.signalKind === 'long-uncommitted' && (m.current.people.length ?? 0) > 0,
      'a coach prompt with people to ask',
      30_000,
    );
    const people = model!.current!.people.map((p) => p.name);
    assert.ok(people.includes('Jo Becker'), `people: ${people.join(', ')}`); // wrote the price rules engine
    assert.ok(!people.includes('Maya Okafor'), 'never suggests the current user');
    await screenshot('demo-coach', ['Long uncommitted work', 'Jo Becker', 'Never for this kind']);
  });

  it('answers the coach in a growth note', async () => {
    const before = await (await multiplier()).coach.state();
    const key = before!.current!.key;
    await (
      await multiplier()
    ).coach.message({
      type: 'answerInNote',
      key,
      answer: 'Split the refund rules from the tax rules first.',
    });
    const notes = await (await multiplier()).notes.state();
    const answer = notes!.notes.find((note) => note.kind === 'coach-answer');
    assert.ok(answer, 'a coach-answer note exists');
    assert.match(answer.body, /Split the refund rules from the tax rules first\./);
    assert.match(answer.body, /Is there a part of this|What|How|Why/); // the question itself is kept with the answer
  });

  it('keeps a growth note and shows it by week and tag', async () => {
    // Captured while src/billing/rules.ts is active on feature/refund-flow, which has an open PR.
    const root = vscode.workspace.workspaceFolders![0].uri;
    await vscode.window.showTextDocument(vscode.Uri.joinPath(root, 'src', 'billing', 'rules.ts'));
    const uri = await vscode.commands.executeCommand<vscode.Uri>('multiplier.notes.capture', {
      text: 'Asked Sam what he had tried before suggesting a fix #giving-feedback',
      open: false,
    });
    assert.ok(uri);
    const id = noteIdFromUri(uri);
    const note = (await (await multiplier()).notes.state()).notes.find((n) => n.id === id);
    const types = note?.links.map((link) => link.type);
    assert.deepEqual(types, ['file', 'commit', 'pr'], JSON.stringify(note?.links));
    assert.match(JSON.stringify(note!.links[2]), /multiplier-demo\/shop\/pull\/\d+/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    await vscode.commands.executeCommand('multiplier.growthNotes.focus');
    await screenshot('demo-growth-notes', ['Growth Notes', 'Asked Sam what he had tried']);
  });
});
