import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { multiplier } from '../host/api';
import { QUICK_INPUT, requestScreenshot, typeInWorkbench, underHarness } from '../host/screenshot';
import { waitFor } from '../host/wait';

const EXTENSION_ID = 'multiplier-dev.multiplier';
const THEMES = { dark: 'Default Dark Modern', light: 'Default Light Modern' } as const;

const root = (): string => vscode.workspace.workspaceFolders![0].uri.fsPath;
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Multiplier');

function git(args: string[], author?: { name: string; email: string }): string {
  return execFileSync('git', args, {
    cwd: root(),
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_TERMINAL_PROMPT: '0',
      ...(author
        ? {
            GIT_AUTHOR_NAME: author.name,
            GIT_AUTHOR_EMAIL: author.email,
            GIT_COMMITTER_NAME: author.name,
            GIT_COMMITTER_EMAIL: author.email,
          }
        : {}),
    },
  });
}

/** A screenshot in each theme; every expected text must be visible in both. */
async function screenshots(name: string, expectText: string[]): Promise<void> {
  if (!underHarness()) return;
  const workbench = () => vscode.workspace.getConfiguration('workbench');
  try {
    for (const [theme, label] of Object.entries(THEMES)) {
      await workbench().update('colorTheme', label, vscode.ConfigurationTarget.Global);
      const reply = await requestScreenshot(`${name}-${theme}`, expectText);
      assert.equal(reply?.error, undefined);
      assert.deepEqual(reply?.missingText, [], `${name} (${theme}) shows ${expectText.join(', ')}`);
    }
  } finally {
    await workbench().update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
  }
}

/** The built-in git extension's repository for the workspace, as a user's Source Control view shows it. */
interface ScmRepository {
  rootUri: vscode.Uri;
  inputBox: { value: string };
  status(): Promise<void>;
}
async function scmRepository(): Promise<ScmRepository> {
  const extension = vscode.extensions.getExtension<{ getAPI(v: 1): { repositories: ScmRepository[] } }>('vscode.git')!;
  const api = (await extension.activate()).getAPI(1);
  return waitFor(
    async () => api.repositories.find((r) => r.rootUri.fsPath === root()),
    (r) => r !== undefined,
    'the git extension to open the workspace repository',
  ) as Promise<ScmRepository>;
}

describe('Words', function () {
  this.timeout(90_000);

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
    (await multiplier()).clock.reset();
  });

  it('applies the combined rewrite with Enter in the real quick pick, and what it cannot fix stays on the text', async function () {
    if (!underHarness()) this.skip(); // typing into the quick pick needs the harness's browser
    const doc = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: 'Intro line\nThis is obviously ugly. Just use a map.\nOutro line\n',
    });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(1, 0, 1, 'This is obviously ugly. Just use a map.'.length);
    // The command a user runs; it resolves once the picked rewrite is applied.
    const checked = vscode.commands.executeCommand('multiplier.coach.checkComment');
    await typeInWorkbench({ waitFor: QUICK_INPUT });
    // The findings are on the text while the pick is open, with their reasons in hovers.
    const shown = await waitFor(
      async () => ours(doc.uri),
      (d) => d.length === 4,
      'the findings as diagnostics on the selection',
    );
    assert.deepEqual(
      shown.map((d) => d.code),
      ['condescension', 'insult', 'absolute-wording', 'request-without-reason'],
    );
    assert.ok(shown.every((d) => d.range.start.line === 1));
    await screenshots('words-quick-pick', ['Fix all 4 findings', 'This is hard to read. Could we use a map?']);
    // The combined rewrite is the first row and selected: Enter applies it.
    await typeInWorkbench({ waitFor: QUICK_INPUT, keys: ['Enter'] });
    await checked;
    assert.equal(doc.getText(), 'Intro line\nThis is hard to read. Could we use a map?\nOutro line\n');
    assert.deepEqual(ours(doc.uri), [], 'nothing is left to fix');

    // A rewrite that fixes one finding leaves the others on the text.
    editor.selection = new vscode.Selection(1, 0, 1, doc.lineAt(1).text.length);
    await editor.edit((e) => e.replace(editor.selection, 'You should never do this. Obviously.'));
    editor.selection = new vscode.Selection(1, 0, 1, doc.lineAt(1).text.length);
    const again = vscode.commands.executeCommand('multiplier.coach.checkComment');
    await typeInWorkbench({ waitFor: QUICK_INPUT, keys: ['Escape'] });
    await again;
    assert.equal(doc.lineAt(1).text, 'You should never do this. Obviously.', 'Escape changes nothing');
    assert.ok(ours(doc.uri).length >= 2, 'Escape keeps the findings on the text');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('shows diagnostics on a review draft; labels are checked only once the team opts in, and a bad team file says where', async () => {
    const config = vscode.workspace.getConfiguration('multiplier.coach');
    await config.update('reviewDraftGlob', '**/*.review.md', vscode.ConfigurationTarget.Global);
    const teamDir = path.join(root(), '.multiplier');
    const teamFile = path.join(teamDir, 'config.json');
    try {
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'words-draft-')), 'pr-42.review.md');
      writeFileSync(file, '# Review of #42\n\npraise: Nice tests.\n\nJust use a map.\n\nThis is obviously ugly.\n');
      const doc = await vscode.workspace.openTextDocument(file);
      await vscode.window.showTextDocument(doc);
      const off = await waitFor(
        async () => ours(doc.uri),
        (d) => d.length === 4,
        'review-draft diagnostics',
      );
      assert.deepEqual(
        off.map((d) => `${d.range.start.line}:${String(d.code)}`),
        ['4:absolute-wording', '4:request-without-reason', '6:condescension', '6:insult'],
      );
      assert.equal((await (await multiplier()).words.conventionalComments()).from, 'default');
      await screenshots('words-draft-diagnostics', ['pr-42.review.md']);

      // The team opts in with a checked-in file: missing labels become warnings.
      mkdirSync(teamDir, { recursive: true });
      writeFileSync(teamFile, '{ "conventionalComments": "require" }\n');
      await waitFor(
        async () => (await multiplier()).words.conventionalComments(),
        (c) => c.from === 'team' && c.mode === 'require',
        'the team file',
      );
      const on = await waitFor(
        async () => ours(doc.uri),
        (d) => d.some((x) => x.code === 'missing-label'),
        'label findings',
      );
      const missing = on.filter((d) => d.code === 'missing-label');
      assert.deepEqual(
        missing.map((d) => d.range.start.line),
        [4, 6],
        'the labelled praise needs none',
      );
      assert.ok(missing.every((d) => d.severity === vscode.DiagnosticSeverity.Warning));

      // A mistake in the file is reported with line and column, and nothing half-read is used.
      writeFileSync(teamFile, '{\n  "conventionalComments": "always"\n}\n');
      const problems = await waitFor(
        async () => (await multiplier()).words.teamConfigProblems(),
        (p) => p.length > 0,
        'the team file problem',
      );
      assert.equal(problems[0].problems[0].line, 2);
      assert.equal(problems[0].problems[0].column, 27);

      const actions =
        (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, off[0].range)) ?? [];
      const combined = actions.find((a) => a.title === 'Fix all 2 findings');
      assert.ok(combined?.edit, `actions: ${actions.map((a) => a.title).join(', ')}`);
      assert.ok(await vscode.workspace.applyEdit(combined.edit));
      assert.equal(doc.lineAt(4).text, 'Could we use a map?');
      await doc.save();
    } finally {
      rmSync(teamDir, { recursive: true, force: true });
      assert.deepEqual(await (await multiplier()).words.teamConfigProblems(), [], 'no problem is left behind for a deleted file');
      await config.update('reviewDraftGlob', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('hints on the commit message of a large change without a why, and not for a small one', async () => {
    const repository = await scmRepository();
    await vscode.commands.executeCommand('workbench.view.scm');
    const hints = async () => (await multiplier()).words.commitHints();
    try {
      // A large staged change (60 lines in 1 file) with a message that says only what.
      writeFileSync(
        path.join(root(), 'src', 'limits.ts'),
        Array.from({ length: 60 }, (_, i) => `export const limit${i} = ${i};`).join('\n') + '\n',
      );
      git(['add', 'src/limits.ts']);
      await repository.status();
      repository.inputBox.value = 'Add upload limits';
      const large = await waitFor(
        hints,
        (h) => h.some((s) => s.message === 'Add upload limits' && s.size?.lines === 60),
        'the hint to weigh the large change',
      );
      assert.equal(large.find((s) => s.message === 'Add upload limits')!.hinted, true);
      const input = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'vscode-scm' && d.getText() === 'Add upload limits');
      assert.ok(input, 'the Source Control input is a text document');
      const hint = ours(input.uri);
      assert.deepEqual(
        hint.map((d) => [d.code, d.severity]),
        [['missing-why', vscode.DiagnosticSeverity.Information]],
      );
      assert.match(hint[0].message, /says what changed \(1 file, 60 lines\) but not why/);
      await screenshots('words-commit-hint', ['Add upload limits']);
      if (underHarness()) {
        // What a user sees on hovering the underline: the reason, and one click to turn the hints off.
        // A picture to judge, not a check: where the workbench puts the cursor and the hover is its own business.
        await vscode.commands.executeCommand('workbench.scm.focus');
        await vscode.commands.executeCommand('cursorHome');
        await vscode.commands.executeCommand('editor.action.showHover');
        await requestScreenshot('words-commit-hint-hover', ['but not why', 'Turn off why hints']);
        await typeInWorkbench({ keys: ['Escape'] }); // the hover stays until dismissed, as for a user
        await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
      }

      // With a why, the hint goes.
      repository.inputBox.value = 'Add upload limits\n\nBecause large uploads time out the proxy.';
      await waitFor(
        hints,
        (h) => h.some((s) => s.message.startsWith('Add upload limits\n\nBecause') && !s.hinted),
        'the hint to weigh the why',
      );

      // A small change (1 line) never gets a hint.
      git(['reset', '-q', 'src/limits.ts']);
      rmSync(path.join(root(), 'src', 'limits.ts'));
      writeFileSync(path.join(root(), 'README.md'), '# Test workspace\n\nSmall tweak.\n');
      git(['add', 'README.md']);
      await repository.status();
      repository.inputBox.value = 'Tweak readme';
      const small = await waitFor(
        hints,
        (h) => h.some((s) => s.message === 'Tweak readme' && s.size !== undefined),
        'the hint to weigh the small change',
      );
      const state = small.find((s) => s.message === 'Tweak readme')!;
      assert.ok(state.size!.lines < 30 && state.size!.files === 1, JSON.stringify(state.size));
      assert.equal(state.hinted, false);
      const smallInput = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'vscode-scm' && d.getText() === 'Tweak readme');
      assert.deepEqual(smallInput ? ours(smallInput.uri) : [], []);
    } finally {
      repository.inputBox.value = '';
      git(['reset', '-q']);
      git(['checkout', '-q', '--', 'README.md']);
      rmSync(path.join(root(), 'src', 'limits.ts'), { force: true });
      await repository.status();
    }
  });

  it('offers a blameless retro in a review window after a revert, and the note holds the timeline', async () => {
    const api = await multiplier();
    const hours = vscode.workspace.getConfiguration('multiplier.workingHours');
    await hours.update('timeZone', 'UTC', vscode.ConfigurationTarget.Global);
    try {
      // The watcher has taken its first look (which only sets the mark) before anything lands.
      await waitFor(
        () => api.words.retros(),
        (r) => r.checks >= 1,
        'the retro watcher to look at the repository',
      );
      const ada = { name: 'Ada Lovelace', email: 'ada@example.com' };
      const grace = { name: 'Grace Hopper', email: 'grace@example.com' };
      writeFileSync(path.join(root(), 'src', 'upload.ts'), 'export const retries = 3;\n');
      git(['add', 'src/upload.ts']);
      git(['commit', '-q', '-m', 'Add retry to uploads'], ada);
      git(['revert', '--no-edit', 'HEAD'], grace);
      const revert = git(['rev-parse', 'HEAD']).trim();

      const found = await waitFor(
        () => api.words.retros(),
        (r) => r.pending.some((p) => p.incident.id === `revert:${revert}`),
        'the revert to become a retro offer',
        30_000,
      );
      const offer = found.pending.find((p) => p.incident.id === `revert:${revert}`)!;
      assert.equal(offer.incident.title, 'the revert of "Add retry to uploads"');
      assert.deepEqual(offer.incident.participants, ['Grace Hopper', 'Ada Lovelace']);

      // Wednesday 2026-01-07 at 10:05 UTC: a working day, inside the 10:00 review window.
      api.clock.setNow(Date.UTC(2026, 0, 7, 10, 5));
      const toasted = await waitFor(
        () => api.words.retros(),
        (r) => r.pending.some((p) => p.incident.id === `revert:${revert}` && p.toastedAt !== undefined),
        'the offer to be shown in the review window',
      );
      assert.equal(toasted.pending.find((p) => p.incident.id === `revert:${revert}`)!.reason, 'allowed');
      if (underHarness()) {
        const reply = await requestScreenshot('words-retro-offer', ['Start a blameless retro']);
        assert.deepEqual(reply?.missingText, []);
      }

      // The user takes the offer (the toast's button runs the same as the command).
      await vscode.commands.executeCommand('multiplier.words.startRetro');
      const editor = await waitFor(
        async () => vscode.window.activeTextEditor,
        (e) => e?.document.uri.scheme === 'multiplier-note',
        'the retro note to open',
      );
      const note = editor!.document;
      const text = note.getText();
      assert.match(text, /^# Retro: the revert of "Add retry to uploads"/);
      assert.match(
        text,
        /## Timeline \(from git\)\n\n- \d{4}-\d\d-\d\d \d\d:\d\d UTC: change written: "Add retry to uploads" \([0-9a-f]{7}\)\n/,
      );
      assert.match(
        text,
        new RegExp(`- \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC: reverted: "Revert "Add retry to uploads"" \\(${revert.slice(0, 7)}\\)`),
      );
      assert.match(text, /## People involved\n\nParticipants, not causes\.\n\n- Grace Hopper\n- Ada Lovelace\n/);
      for (const question of ['What happened?', 'What made it easy to happen?', 'What did we learn?', 'What do we change?'])
        assert.ok(text.includes(`## ${question}`));
      assert.deepEqual(
        (await api.words.retros()).pending.filter((p) => p.incident.id === `revert:${revert}`),
        [],
      );

      // The wording check flags blame as the user writes.
      const at = note.positionAt(text.indexOf('- ', text.indexOf('## What happened?')) + 2);
      await editor!.edit((e) => e.insert(at, 'Ada should have run the tests. Who broke the build?'));
      const blame = await waitFor(
        async () => ours(note.uri),
        (d) => d.filter((x) => x.code === 'blame').length >= 2,
        'the blame check on the note',
      );
      assert.ok(blame.some((d) => d.message.includes('names Ada')));
      await screenshots('words-retro-note', ['Retro: the revert of', 'People involved']);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await hours.update('timeZone', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('notifications.clearAll');
      api.clock.reset();
    }
  });
});
