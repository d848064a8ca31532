/**
 * Issue 12, item 6: the first poll after a window reload must not search every repository the
 * token can see while git is still finding the workspace's. The main phase leaves settings for
 * it (no repositories configured, a token for a local API, a remote on that API, the queue in
 * view); the reload phase reads what the first polls asked for, then clears everything.
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import * as vscode from 'vscode';
import { multiplier } from '../host/api';

const G = vscode.ConfigurationTarget.Global;
export const DISCOVERY_TOKEN = 'token-for-the-discovery-check-012';
const REMOTE = 'hardening-discovery';

const root = (): string => vscode.workspace.workspaceFolders![0].uri.fsPath;
const git = (...args: string[]): string => execFileSync('git', args, { cwd: root(), encoding: 'utf8' });

/** A port nothing listens on: the polls fail as offline, which is fine; what they asked for is recorded first. */
async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function prepareDiscoveryCheck(): Promise<void> {
  const api = `http://127.0.0.1:${await unusedPort()}`;
  const config = vscode.workspace.getConfiguration();
  await config.update('multiplier.github.repositories', undefined, G);
  await config.update('multiplier.nudges.toastsEnabled', false, G);
  await config.update('multiplier.github.apiUrl', api, G);
  await (await multiplier()).github.setToken(DISCOVERY_TOKEN);
  git('remote', 'add', REMOTE, `${api}/acme/app.git`);
  // In view after the reload, so the queue starts polling at once, while git is still starting.
  await vscode.commands.executeCommand('multiplier.reviewQueue.focus');
}

export async function clearDiscoveryCheck(): Promise<void> {
  try {
    git('remote', 'remove', REMOTE);
  } catch {
    // not there
  }
  await vscode.commands.executeCommand('multiplier.github.clearToken');
  const config = vscode.workspace.getConfiguration();
  for (const key of ['github.apiUrl', 'github.repositories', 'nudges.toastsEnabled'])
    await config.update(`multiplier.${key}`, undefined, G);
}
