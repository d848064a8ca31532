// Starts one code-server (VS Code 1.139 server) on 127.0.0.1 with its own user-data and extension
// folders, and stops it with everything it spawned.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './ports.mjs';

/** User settings that keep a test or demo workbench quiet and offline. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.autofetch': false,
  'git.openRepositoryInParentFolders': 'always',
  'github.gitAuthentication': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export function prepareProfile(root, settings = {}) {
  const userDataDir = join(root, 'user-data');
  const extensionsDir = join(root, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(join(userDataDir, 'Machine'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  // The browser workbench is a remote window: machine-scoped settings (such as the GitHub API URL,
  // or walkthroughs.openOnInstall as an extension reads it) come from the server's Machine
  // settings, not from the user's; so the quiet settings go there too.
  writeFileSync(join(userDataDir, 'Machine', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  return { userDataDir, extensionsDir };
}

/** Installs a .vsix through code-server's own CLI, as a user would. */
export function installVsix(host, extensionsDir, vsix, env = process.env) {
  const result = spawnSync(host.node, [host.codeServerEntry, '--extensions-dir', extensionsDir, '--install-extension', vsix], {
    encoding: 'utf8',
    timeout: 120_000,
    env,
  });
  if (result.status !== 0) throw new Error(`installing ${vsix} failed:\n${result.stdout}\n${result.stderr}`);
}

/**
 * Starts code-server on `preferredPort` (or another free port if it is taken) and resolves once it
 * listens. `trusted: false` leaves workspace trust on, so the folder opens in restricted mode.
 */
export async function startCodeServer(
  host,
  { userDataDir, extensionsDir, folder, env = {}, preferredPort = 0, trusted = true, log = () => {} },
) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort(attempt === 0 ? preferredPort : 0);
    const args = [
      host.codeServerEntry,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-getting-started-override',
      ...(trusted ? ['--disable-workspace-trust'] : []),
      folder,
    ];
    const child = spawn(host.node, args, {
      detached: true, // its own process group, so stop() reaches the extension host too
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env, CODE_SERVER_CONFIG: join(userDataDir, 'code-server.yaml') },
    });
    const output = [];
    const collect = (chunk) => {
      const text = chunk.toString();
      output.push(text);
      log(text);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const outcome = await new Promise((resolve) => {
      const timer = setTimeout(() => resolve('timeout'), 60_000);
      const check = () => {
        const text = output.join('');
        if (/HTTP server listening on/i.test(text)) {
          clearTimeout(timer);
          resolve('listening');
        } else if (/EADDRINUSE/.test(text)) {
          clearTimeout(timer);
          resolve('port-in-use');
        }
      };
      child.stdout.on('data', check);
      child.stderr.on('data', check);
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve(`exited with code ${code}`);
      });
    });
    if (outcome === 'listening') {
      return { url: `http://127.0.0.1:${port}/`, port, child, stop: () => stopProcessGroup(child) };
    }
    await stopProcessGroup(child);
    if (outcome !== 'port-in-use') throw new Error(`code-server did not start (${outcome}):\n${output.join('').slice(-3000)}`);
    log(`port ${port} is in use, trying another\n`);
  }
  throw new Error('code-server could not find a free port after 5 attempts');
}

/** SIGTERM to the whole process group, SIGKILL if it lingers. */
export function stopProcessGroup(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => {
      kill('SIGKILL');
      resolve();
    }, 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      kill('SIGKILL');
      resolve();
    });
    kill('SIGTERM');
  });
}
