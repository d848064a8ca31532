/** Helpers for the git suites: run git in temp repos, poll the git source through the test API. */
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import type { RepoSnapshot } from '../../../src/git/api';
import { multiplier } from '../host/api';

export { EXTENSION_ID } from '../host/api';

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_TERMINAL_PROMPT: '0',
      GIT_AUTHOR_NAME: 'Suite',
      GIT_AUTHOR_EMAIL: 'suite@example.com',
      GIT_COMMITTER_NAME: 'Suite',
      GIT_COMMITTER_EMAIL: 'suite@example.com',
    },
  });
}

export const snapshots = async (): Promise<RepoSnapshot[]> => [...(await multiplier()).git.snapshots()];

/** Polls the engine's snapshots until `predicate` holds (the git extension notices changes via file watching). */
export async function waitForSnapshot(
  predicate: (all: RepoSnapshot[]) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<RepoSnapshot[]> {
  const deadline = Date.now() + timeoutMs;
  let last: RepoSnapshot[] = [];
  while (Date.now() < deadline) {
    last = await snapshots();
    if (predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(
    `timed out waiting for ${what}; last snapshots: ${JSON.stringify(last.map((s) => ({ root: s.repoRoot, branch: s.branch, head: s.head, dirty: s.dirtyFiles })))}`,
  );
}

/**
 * Closes a repository this suite opened in the git extension, so later suites do not see it. Only
 * when the engine has a snapshot of it: `git.close` on an unknown path would open a picker and wait.
 */
export async function closeRepository(repoRoot: string): Promise<void> {
  if (!(await snapshots()).some((s) => s.repoRoot === repoRoot)) return;
  await vscode.commands.executeCommand('git.close', vscode.Uri.file(repoRoot));
}

/** Records every child process our own extension's code starts (a spawn hook, not an assumption). */
export function hookSpawns(extensionPath: string): { calls: string[]; restore(): void } {
  const cp = require('node:child_process') as Record<string, unknown>;
  const names = ['spawn', 'execFile', 'exec', 'fork', 'spawnSync', 'execFileSync', 'execSync'];
  const originals = new Map(names.map((n) => [n, cp[n]]));
  const calls: string[] = [];
  for (const name of names) {
    const original = originals.get(name) as (...args: unknown[]) => unknown;
    cp[name] = function (this: unknown, ...args: unknown[]) {
      const stack = new Error().stack ?? '';
      if (stack.includes(extensionPath)) calls.push(`${name} ${String(args[0])}`);
      return original.apply(this, args);
    };
  }
  return { calls, restore: () => names.forEach((n) => (cp[n] = originals.get(n))) };
}

/** Child processes of this extension host whose command is git, from the process list. */
export function gitChildren(): string[] {
  try {
    const out = execFileSync('ps', ['-o', 'pid=,ppid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
    return out.split('\n').filter((line) => /\bgit\b/.test(line) && !line.includes(' ps '));
  } catch {
    return []; // ps exits 1 when there are no children at all
  }
}
