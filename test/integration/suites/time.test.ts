// The whole extension at fixed instants that cross edges: just after midnight, Monday 09:00,
// Friday 17:59, a Sunday, and the Sunday a daylight-saving change happens. Working hours are set
// in Europe/Berlin while the extension host runs in America/New_York (the harness sets TZ), so code
// that mixes the machine's zone with the configured one fails here. Every expectation below was
// computed by hand for its instant; none is read from the wall clock.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Scenario } from '../../fake-github/scenario';
import { startFakeGitHub, type FakeGitHub } from '../../fake-github/server';
import { multiplier } from '../host/api';
import { editActively } from '../host/editing';
import { waitFor } from '../host/wait';

const TOKEN = 'time-suite-token-0123456789';
const G = vscode.ConfigurationTarget.Global;

/** Three pull requests that wait on me, created 30 h, 2 h and 75 h before the instant. */
const SCENARIO: Scenario = {
  viewer: 'me',
  token: TOKEN,
  repos: [
    {
      owner: 'acme',
      name: 'clock',
      pulls: [
        {
          number: 1,
          title: 'Thirty hours ago',
          author: 'alice',
          created: '-30h',
          head: 'a',
          additions: 40,
          deletions: 10,
          requestedReviewers: ['me'],
          checks: 'success',
          body: 'Needed because the nightly job drops rows.',
        },
        {
          number: 2,
          title: 'Two hours ago',
          author: 'bob',
          created: '-2h',
          head: 'b',
          additions: 5,
          deletions: 1,
          requestedReviewers: ['me'],
          checks: 'success',
          body: 'Fixes a typo reported by support.',
        },
        {
          number: 3,
          title: 'Seventy-five hours ago',
          author: 'carol',
          created: '-75h',
          head: 'c',
          additions: 120,
          deletions: 30,
          requestedReviewers: ['me'],
          checks: 'success',
          body: 'Splits the importer because it times out on big files.',
        },
      ],
    },
  ],
};

interface Instant {
  name: string;
  /** The instant, UTC. */
  at: string;
  /** Working days for this instant (0 = Sunday); Mon–Fri unless the case needs a working Sunday. */
  days?: number[];
  /** Business hours each PR has waited: #1, #2, #3 (0 = "under 1 business hour"). */
  waits: [number, number, number];
  /** The status item: oldest wait, and whether it is warning-coloured (past the 7 h target, not quiet). */
  status: { oldest: string; warning: boolean };
  /** The scheduler's decision for a review reminder and for another kind that asks to notify. */
  review: string;
  other: string;
  /** A 25-minute focus block started at the instant ends at this wall time in Berlin. */
  focusUntil: string;
  /** The growth-notes week of a note written at the instant, in the host's zone (New York). */
  week: string;
}

const INSTANTS: Instant[] = [
  {
    name: 'Wednesday 00:30 (Berlin), Tuesday evening in New York',
    at: '2026-12-01T23:30:00Z',
    waits: [9, 0, 18],
    status: { oldest: '18h', warning: false },
    review: 'view: quiet hours (18:30–09:00)',
    other: 'view: quiet hours (18:30–09:00)',
    focusUntil: '00:55',
    week: 'Week of 2026-11-30',
  },
  {
    name: 'Monday 09:00, the first working minute of the week',
    at: '2026-12-07T08:00:00Z',
    waits: [0, 0, 9],
    status: { oldest: '9h', warning: true },
    review: 'view: waits for the 10:00 review window',
    other: 'toast: allowed',
    focusUntil: '09:25',
    week: 'Week of 2026-12-07',
  },
  {
    name: 'Friday 17:59, the last working minute of the week',
    at: '2026-12-04T16:59:00Z',
    waits: [15, 2, 30],
    status: { oldest: '30h', warning: true },
    review: 'view: waits for the 10:00 review window',
    other: 'toast: allowed',
    focusUntil: '18:24',
    week: 'Week of 2026-11-30',
  },
  {
    name: 'Sunday 12:00, not a working day',
    at: '2026-12-06T11:00:00Z',
    waits: [0, 0, 18],
    status: { oldest: '18h', warning: true },
    review: 'view: not a working day',
    other: 'view: not a working day',
    focusUntil: '12:25',
    week: 'Week of 2026-11-30',
  },
  {
    // Berlin leaves summer time at 03:00 that morning: the day has 25 hours. With every day a
    // working day, waits run across the change and must count wall-clock working hours.
    name: 'Sunday 2026-10-25 12:00, the day Berlin leaves summer time, every day a working day',
    at: '2026-10-25T11:00:00Z',
    days: [0, 1, 2, 3, 4, 5, 6],
    waits: [12, 2, 29],
    status: { oldest: '29h', warning: true },
    review: 'view: waits for the 15:00 review window',
    other: 'toast: allowed',
    focusUntil: '12:25',
    week: 'Week of 2026-10-19',
  },
];

const describeWait = (hours: number): string =>
  hours === 0 ? 'waiting under 1 business hour' : `waiting ${hours} business hour${hours === 1 ? '' : 's'}`;
const request = (kind: string) => ({ kind, id: `${kind}#time-suite`, title: 't', why: 'w', wantsToast: true });

interface QueueItem {
  id?: string;
  tooltip?: string;
}
interface QueueState {
  status: string;
  statusBar: { text: string; warning: boolean };
  tree: { label?: string; children: QueueItem[] }[];
}

describe('The extension at fixed instants (Berlin working hours, New York host)', function () {
  this.timeout(120_000);
  const config = () => vscode.workspace.getConfiguration('multiplier');

  before(async () => {
    await config().update('workingHours.timeZone', 'Europe/Berlin', G);
    await config().update('workingHours.start', '09:00', G);
    await config().update('workingHours.end', '18:00', G);
    await config().update('github.repositories', ['acme/clock'], G);
  });

  after(async () => {
    for (const key of [
      'workingHours.timeZone',
      'workingHours.start',
      'workingHours.end',
      'workingHours.days',
      'github.repositories',
      'github.apiUrl',
    ]) {
      await config().update(key, undefined, G);
    }
    await vscode.commands.executeCommand('multiplier.github.clearToken');
    (await multiplier()).clock.reset();
  });

  it('the host runs in a zone unlike the configured one', () => {
    assert.equal(Intl.DateTimeFormat().resolvedOptions().timeZone, 'America/New_York');
  });

  for (const instant of INSTANTS) {
    describe(instant.name, () => {
      let gh: FakeGitHub;
      const at = Date.parse(instant.at);

      before(async () => {
        const api = await multiplier();
        await config().update('workingHours.days', instant.days ?? [1, 2, 3, 4, 5], G);
        api.clock.setNow(at);
        gh = await startFakeGitHub({ scenario: JSON.parse(JSON.stringify(SCENARIO)) as Scenario, now: at });
        await config().update('github.apiUrl', gh.url, G);
        await api.github.setToken(TOKEN);
      });

      after(async () => {
        await vscode.commands.executeCommand('multiplier.focus.stop');
        await gh?.close();
      });

      it(`ranks the waits in Berlin business hours: ${instant.waits.join(' h, ')} h`, async () => {
        const api = await multiplier();
        // Back to the instant (the set-up took real seconds), then poll: the queue is built at once.
        api.clock.setNow(at);
        await vscode.commands.executeCommand('multiplier.review.refresh');
        const state = await waitFor(
          async () => api.review.state() as QueueState,
          (s) => s.status === 'ready' && s.tree.some((g) => g.children.length === 3),
          'the queue of the instant',
        );
        const waiting = state.tree.find((g) => g.label === 'Waiting on you')?.children ?? [];
        instant.waits.forEach((hours, i) => {
          const item = waiting.find((w) => w.id === `waiting:acme/clock#${i + 1}`);
          assert.ok(item, `#${i + 1} waits on me: ${JSON.stringify(waiting)}`);
          // The label carries the short wait; the tooltip the reason in words.
          assert.ok(item.tooltip?.includes(`Waiting on you: ${describeWait(hours)} ·`), `#${i + 1}: ${item.tooltip}`);
        });
        assert.equal(state.statusBar.text, `$(git-pull-request) 3 · ${instant.status.oldest}`);
        assert.equal(state.statusBar.warning, instant.status.warning, 'warning colour past the target, never in quiet hours');
      });

      it(`decides nudges by Berlin's clock: review reminder ${instant.review}; other kinds ${instant.other}`, async () => {
        const api = await multiplier();
        api.clock.setNow(at);
        const show = (d?: { channel: string; reason: string }) => `${d?.channel}: ${d?.reason}`;
        assert.equal(show(api.nudges.state(request('review.reminder')).decision), instant.review);
        assert.equal(show(api.nudges.state(request('integration.time-suite')).decision), instant.other);
      });

      it(`ends a 25-minute focus block at ${instant.focusUntil} Berlin time, when the clock gets there`, async () => {
        const api = await multiplier();
        api.clock.setNow(at);
        await vscode.commands.executeCommand('multiplier.focus.start', 25);
        const during = api.nudges.state(request('integration.time-suite'));
        assert.equal(during.quietReason, `focus block until ${instant.focusUntil}`);
        assert.equal(during.decision?.channel, 'view');
        // Move the clock past the end: the block ends by the clock alone, with no command.
        api.clock.setNow(at + 26 * 60_000);
        const after = api.nudges.state(request('integration.time-suite'));
        assert.equal(after.focusActive, false);
        assert.doesNotMatch(after.quietReason ?? '', /^focus block/);
        api.clock.setNow(at);
      });

      it(`files a growth note written at the instant under "${instant.week}"`, async () => {
        const api = await multiplier();
        const text = `Time suite note for ${instant.at}`;
        const uri = await vscode.commands.executeCommand<vscode.Uri>('multiplier.notes.capture', { text, open: false });
        assert.ok(uri);
        const state = await api.notes.state();
        const note = state.notes.find((n) => n.body.includes(text));
        assert.ok(note);
        const created = Date.parse(note.created);
        assert.ok(created >= at && created < at + 10 * 60_000, `written at the instant, not the wall clock: ${note.created}`);
        const week = state.weeks.find((group) => group.ids.includes(note.id));
        assert.equal(week?.label, instant.week);
        await vscode.commands.executeCommand('multiplier.notes.delete', note.id, { confirm: false });
      });
    });
  }

  it('Friday 17:59: 48 minutes of editing end in quiet hours, and the Coach says so', async () => {
    const api = await multiplier();
    await config().update('workingHours.days', [1, 2, 3, 4, 5], G);
    api.clock.setNow(Date.parse('2026-12-04T16:59:00Z'));
    const root = vscode.workspace.workspaceFolders![0].uri;
    const file = vscode.Uri.joinPath(root, 'time-suite-notes.ts');
    await vscode.workspace.fs.writeFile(file, Buffer.from('// edited over the evening\n'));
    try {
      // A line a minute from 17:59 to 18:47 Berlin: quiet hours begin at 18:30 on the way.
      await editActively(file, (i) => `export const evening${i} = ${i};`, 49, 1);
      await vscode.commands.executeCommand('multiplier.coach.focus');
      const model = await waitFor(
        () => api.coach.state(),
        (m) => m.current?.signalKind === 'long-uncommitted',
        'the long-uncommitted prompt',
      );
      assert.equal(model.quietReason, 'quiet hours');
      assert.equal(api.nudges.state(request('integration.time-suite')).decision?.reason, 'quiet hours (18:30–09:00)');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(file);
    }
  });
});
