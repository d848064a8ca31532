// The local GitHub-like server with the demo scenario, and the settings and environment that point
// the extension at it. Shared by `npm start` and the harness's demo session.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { git } from '../host/git-fixture.mjs';
import { createDemoPaymentsRepository } from './demo-repo.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
export const DEMO_SCENARIO = 'test/fake-github/scenarios/demo.json';
export const DEMO_REPOSITORIES = ['multiplier-demo/shop', 'multiplier-demo/payments-api'];

/**
 * Starts the server in a child process (it is TypeScript, run through tsx). `gitDirs` maps
 * `owner/repo` to a local repository holding its pull requests' branches, for real diffs.
 */
export async function startDemoGitHub(gitDirs = {}) {
  const gitArgs = Object.entries(gitDirs).flatMap(([repo, dir]) => ['--git', `${repo}=${dir}`]);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'test', 'fake-github', 'server.ts'), '--scenario', join(ROOT, DEMO_SCENARIO), '--port', '0', ...gitArgs],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise((resolvePromise, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error('the demo GitHub server did not start within 30 s')), 30_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match[1].replace(/\/$/, ''));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the demo GitHub server exited (${code})`));
    });
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
    },
  };
}

/** The demo repositories whose branches give the pull requests real diffs: the shop (the workspace) and payments-api beside it. */
export function demoGitDirs(shop) {
  return {
    'multiplier-demo/shop': shop,
    'multiplier-demo/payments-api': createDemoPaymentsRepository(join(dirname(shop), 'payments-api')),
  };
}

/** Settings for a profile that reads its review queue from `url`. */
export const demoSettings = (url) => ({ 'multiplier.github.apiUrl': url, 'multiplier.github.repositories': DEMO_REPOSITORIES });

/**
 * The headless token path: the token is sent only to the host named by GITHUB_API_URL.
 * (code-server drops GITHUB_TOKEN from the extension host's environment, hence our own name.)
 */
export const demoEnv = (url) => ({ MULTIPLIER_GITHUB_TOKEN: 'demo-token', GITHUB_API_URL: url });

/**
 * Points the demo repository's origin at the server's host, as a GitHub Enterprise remote would be,
 * so the queue can tell which pull request belongs to the checked-out branch.
 */
export function pointOriginAt(repo, url) {
  git(repo, ['remote', 'set-url', 'origin', `${url}/multiplier-demo/shop.git`]);
}
