import * as assert from 'node:assert/strict';
import type { HistoryModel, Release, RevertRecord } from '../../../src/git/api';
import { decide } from '../../../src/nudge/policy/policy';
import type { NudgePolicyState, NudgeSettings } from '../../../src/nudge/api';
import { checkDescription } from '../../../src/words/model/description';
import { commitsSince, findIncidents, hotfixMatcher, participantsInNote, retroNoteBody } from '../../../src/words/model/retro';
import { parseTeamConfig } from '../../../src/words/model/teamConfig';
import { nextReviewWindowStart } from '../../../src/words/policy/reviewWindow';
import { WordsController } from '../../../src/words/controller';
import { commit, DAY, NOW, sha } from '../git/builders';

function history(partial: Partial<HistoryModel>): HistoryModel {
  return {
    repoRoot: '/repo',
    shallow: false,
    commits: [],
    pullRequests: [],
    reverts: [],
    releases: [],
    skippedTags: [],
    authors: [],
    ownersOf: () => [],
    readAt: NOW,
    ...partial,
  };
}

describe('words: team config (.multiplier/config.json)', () => {
  const table: [string, string | undefined][] = [
    ['{ "conventionalComments": "require" }', 'require'],
    ['{ "conventionalComments": true }', 'require'],
    ['{ "conventionalComments": "suggest" }', 'suggest'],
    ['{ "conventionalComments": false }', 'off'],
    ['{}', undefined],
  ];
  for (const [text, mode] of table)
    it(`reads ${text}`, () => {
      const { config, problems } = parseTeamConfig(text);
      assert.deepEqual(problems, []);
      assert.equal(config.conventionalComments, mode);
    });
  it('reports a bad value with its line and column', () => {
    const { config, problems } = parseTeamConfig('{\n  "conventionalComments": "always"\n}\n');
    assert.equal(config.conventionalComments, undefined);
    assert.deepEqual(
      problems.map((p) => [p.line, p.column]),
      [[2, 27]],
    );
    assert.match(problems[0].message, /takes "require"/);
  });
  it('reports syntax errors and unknown keys by line and column', () => {
    assert.deepEqual(
      parseTeamConfig('{\n  "conventionalComments": "require",\n}').problems.map((p) => [p.line, p.column]),
      [[3, 1]],
    );
    const typo = parseTeamConfig('{ "conventionalComment": "require" }');
    assert.match(typo.problems[0].message, /Unknown setting "conventionalComment"/);
    assert.deepEqual([typo.problems[0].line, typo.problems[0].column], [1, 3]);
    assert.equal(parseTeamConfig('[1]').problems.length, 1);
    assert.equal(parseTeamConfig('').problems.length, 1);
  });
  it('the user setting wins over the team file, and nothing opted in means off', () => {
    let user: 'off' | 'require' | undefined;
    let team: { conventionalComments?: 'require' | 'suggest' } = {};
    const controller = new WordsController({ userConventionalComments: () => user, teamConfig: () => team });
    assert.deepEqual(controller.conventionalComments(), { mode: 'off', from: 'default' });
    assert.ok(!controller.checkReviewComment('Use a map.').some((f) => f.rule === 'missing-label'));
    team = { conventionalComments: 'require' };
    assert.deepEqual(controller.conventionalComments(), { mode: 'require', from: 'team' });
    assert.ok(controller.checkReviewComment('Use a map.').some((f) => f.rule === 'missing-label' && f.severity === 'warning'));
    user = 'off';
    assert.deepEqual(controller.conventionalComments(), { mode: 'off', from: 'setting' });
  });
});

describe('words: checkDescription (the PR overview and Markdown drafts)', () => {
  it('hints for a missing why and flags tone by paragraph, with offsets into the whole text', () => {
    const text = 'Refactor the upload pipeline\n\nThe old code was garbage.';
    const findings = checkDescription(text, { files: 5, lines: 200 });
    assert.deepEqual(
      findings.map((f) => [f.rule, f.severity, text.slice(f.start, f.end)]),
      [
        ['missing-why', 'info', 'Refactor the upload pipeline'],
        ['insult', 'warning', 'garbage'],
      ],
    );
    assert.match(findings[0].message, /^This description says what changed \(5 files, 200 lines\) but not why\./);
  });
  it('stays quiet on a description that says why, and on a small change', () => {
    assert.deepEqual(checkDescription('Refactor the upload pipeline\n\nIt read every file twice, which made big uploads slow.'), []);
    assert.deepEqual(checkDescription('Refactor the upload pipeline', { files: 1, lines: 3 }), []);
  });
  it('keeps quiet suggestions (orders without a reason) out of a description', () => {
    assert.deepEqual(
      checkDescription('Use a map for the lookups.\n\nFixes #12').map((f) => f.rule),
      [],
    );
  });
});

describe('words: retro incidents', () => {
  const ada = { email: 'ada@x.io', name: 'Ada Lovelace' };
  const grace = { email: 'grace@x.io', name: 'Grace Hopper' };
  const original = commit('orig', { ...ada, daysAgo: 2, subject: 'Add retry to uploads' });
  const revertCommit = commit('rev', {
    ...grace,
    daysAgo: 1,
    parents: ['orig'],
    subject: 'Revert "Add retry to uploads"',
    revertOf: sha('orig'),
  });
  const record: RevertRecord = {
    revertCommit: revertCommit.hash,
    revertedCommit: original.hash,
    revertedAt: revertCommit.committer.time,
    originalAt: original.committer.time,
    revertOfRevert: false,
  };
  const release: Release = { tag: 'v1.4.0', commit: original.hash, date: NOW - 1.5 * DAY, annotated: true };
  const model = history({ commits: [revertCommit, original], reverts: [record], releases: [release], tip: revertCommit.hash });

  it('finds a revert that is new since the last look, with the timeline and the people as participants', () => {
    const fresh = commitsSince(model, original.hash)!;
    const [incident, ...rest] = findIncidents(model, fresh, new Set(), hotfixMatcher(''));
    assert.equal(rest.length, 0);
    assert.equal(incident.id, `revert:${revertCommit.hash}`);
    assert.equal(incident.title, 'the revert of "Add retry to uploads"');
    assert.deepEqual(
      incident.timeline.map((e) => [e.at, e.what]),
      [
        [original.author.time, 'change written: "Add retry to uploads"'],
        [release.date, 'released as v1.4.0 (the first tag after it landed)'],
        [revertCommit.committer.time, 'reverted: "Revert "Add retry to uploads""'],
      ],
    );
    assert.deepEqual(incident.participants, ['Grace Hopper', 'Ada Lovelace']);
  });
  it('offers nothing for history from before the first look, or when the last tip is gone', () => {
    assert.deepEqual(findIncidents(model, commitsSince(model, revertCommit.hash)!, new Set(), hotfixMatcher('')), []);
    assert.equal(commitsSince(model, sha('gone')), undefined);
  });
  it('finds hotfixes by subject or merged branch, with the pattern from settings', () => {
    const fix = commit('fix', { ...ada, subject: 'Hotfix: restore the upload limit' });
    const other = commit('other', { ...ada, subject: 'Add a hot path cache' });
    const m = history({ commits: [fix, other] });
    const fresh = new Set([fix.hash, other.hash]);
    assert.deepEqual(
      findIncidents(m, fresh, new Set(), hotfixMatcher('')).map((i) => i.id),
      [`hotfix:${fix.hash}`],
    );
    assert.deepEqual(
      findIncidents(m, fresh, new Set(), hotfixMatcher('^Add a hot')).map((i) => i.id),
      [`hotfix:${other.hash}`],
    );
    assert.equal(hotfixMatcher('(').invalid, true);
  });
  it('calls a release failed when a patch release follows within two days', () => {
    const v1 = { tag: 'v2.0.0', commit: sha('a'), date: NOW - DAY, annotated: true };
    const v2 = { tag: 'v2.0.1', commit: sha('b'), date: NOW, annotated: true };
    const later = { tag: 'v2.0.2', commit: sha('c'), date: NOW + 5 * DAY, annotated: true };
    const m = history({ releases: [later, v2, v1] });
    assert.deepEqual(
      findIncidents(m, new Set(), new Set(['v2.0.1', 'v2.0.2']), hotfixMatcher('')).map((i) => i.id),
      ['failed-release:v2.0.0'],
    );
  });
  it('writes a note with the timeline, participants (never causes) and the four questions; names stay inert', () => {
    const [incident] = findIncidents(model, new Set([revertCommit.hash]), new Set(), hotfixMatcher(''));
    const body = retroNoteBody({ ...incident, participants: ['Ada Lovelace', '[evil](command:x)'] });
    assert.match(body, /^# Retro: the revert of "Add retry to uploads"\n/);
    assert.match(body, /## Timeline \(from git\)\n\n- \d{4}-\d\d-\d\d \d\d:\d\d UTC: change written/);
    assert.ok(body.includes('## People involved\n\nParticipants, not causes.\n\n- Ada Lovelace\n- \\[evil\\](command:x)\n'));
    for (const q of ['What happened?', 'What made it easy to happen?', 'What did we learn?', 'What do we change?'])
      assert.ok(body.includes(q));
    assert.deepEqual(participantsInNote(body), ['Ada Lovelace', '[evil](command:x)']);
    assert.match(retroNoteBody(undefined), /^# Retro: what happened/);
  });
});

describe('words: review windows for offers that must wait', () => {
  const settings = { reviewWindows: ['10:00', '15:00'], timeZone: 'UTC' };
  it('is the next window start (a minute in), today or tomorrow', () => {
    assert.equal(nextReviewWindowStart(Date.UTC(2026, 0, 7, 8, 30), settings), Date.UTC(2026, 0, 7, 10, 1));
    assert.equal(nextReviewWindowStart(Date.UTC(2026, 0, 7, 12, 0), settings), Date.UTC(2026, 0, 7, 15, 1));
    assert.equal(nextReviewWindowStart(Date.UTC(2026, 0, 7, 16, 0), settings), Date.UTC(2026, 0, 8, 10, 1));
    assert.equal(nextReviewWindowStart(Date.UTC(2026, 0, 7, 16, 0), { reviewWindows: [], timeZone: 'UTC' }), undefined);
  });
  it('the scheduler keeps an onlyInReviewWindow nudge in its view outside a window', () => {
    const policySettings: NudgeSettings = {
      toastsEnabled: true,
      quietHours: { start: '18:30', end: '09:00' },
      workingDays: [1, 2, 3, 4, 5],
      workingHours: { start: '09:00', end: '17:00' },
      maxToastsPerDay: 4,
      minMinutesBetweenToasts: 60,
      reviewWindows: ['10:00', '15:00'],
      reviewWindowMinutes: 30,
      timeZone: 'UTC',
    };
    const state: NudgePolicyState = { snoozedKinds: {}, snoozedIds: {}, neverKinds: [], toastLog: [] };
    const req = { kind: 'words.retro', id: 'r', title: 't', why: 'w', wantsToast: true, onlyInReviewWindow: true };
    assert.deepEqual(decide(req, Date.UTC(2026, 0, 7, 11, 0), state, policySettings), {
      channel: 'view',
      reason: 'waits for the 15:00 review window',
    });
    assert.equal(decide(req, Date.UTC(2026, 0, 7, 10, 5), state, policySettings).channel, 'toast');
    assert.equal(decide({ ...req, onlyInReviewWindow: false }, Date.UTC(2026, 0, 7, 11, 0), state, policySettings).channel, 'toast');
  });
});
