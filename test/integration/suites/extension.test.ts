import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { multiplier } from '../host/api';

const EXTENSION_ID = 'multiplier-dev.multiplier';

describe('Extension', () => {
  it('activates in the real extension host', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    await extension.activate();
    assert.equal(extension.isActive, true);
    assert.match(vscode.version, /^1\.\d+/);
  });

  it('registers every command its manifest contributes', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const manifest = JSON.parse(readFileSync(join(extension.extensionPath, 'package.json'), 'utf8'));
    const contributed: string[] = manifest.contributes.commands.map((c: { command: string }) => c.command);
    assert.ok(contributed.length > 0);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('leaves the pull request pages (dist/pr-pages.js) unloaded until one is opened', async () => {
    assert.equal((await multiplier()).review.pagesLoaded(), false);
  });

  it('never activates on "*"', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const events: string[] = extension.packageJSON.activationEvents;
    assert.ok(!events.includes('*'));
  });
});

describe('Built-in git', () => {
  it('vscode.git sees the temporary repository', async () => {
    const gitExtension = vscode.extensions.getExtension<{
      getAPI(version: 1): { repositories: { rootUri: vscode.Uri }[]; onDidOpenRepository: vscode.Event<unknown> };
    }>('vscode.git');
    assert.ok(gitExtension, 'vscode.git is present');
    const api = (await gitExtension.activate()).getAPI(1);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open');
    const deadline = Date.now() + 15_000;
    while (api.repositories.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const roots = api.repositories.map((r) => r.rootUri.fsPath);
    assert.ok(roots.includes(folder.uri.fsPath), `git repositories: ${roots.join(', ') || 'none'}`);
  });
});
