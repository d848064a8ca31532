// Smoke test of `npm start`, run the way the README tells a newcomer: starts `npm start` in its own
// process group, waits for the URL it prints, loads it in Chromium, opens the Multiplier container
// and checks its three views (the queue listing the demo pull requests) and the demo folder, saves test-output/screenshots/start-smoke.png,
// then presses Ctrl-C (SIGINT to the group) and checks that every process it spawned is gone and
// nothing it listened on still listens. Exit code 0 when all of that holds, 1 with the failed step.
//   node scripts/host/smoke-start.mjs      (npm run test:start)
// The editor host comes from MULTIPLIER_HOST_CACHE like everywhere else; from an empty cache the
// first step includes the host install.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openWorkbench } from './browser.mjs';
import { findChromium } from './ensure-host.mjs';
import { packageManagerEnv } from './npm-env.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SCREENSHOT = join(ROOT, 'test-output', 'screenshots', 'start-smoke.png');
const MINUTE = 60_000;
/** Installing the host from an empty cache takes a few minutes; 25 leaves room on a busy machine. */
const URL_TIMEOUT_MS = 25 * MINUTE;
const STOP_TIMEOUT_MS = 30_000;
const VIEWS = ['Review Queue', 'Coach', 'Growth Notes'];

class StepFailed extends Error {
  constructor(step, detail) {
    super(`npm start smoke failed at step "${step}": ${detail}`);
    this.step = step;
  }
}

const log = (line) => console.log(`[start-smoke] ${line}`);
const seconds = (since) => `${Math.round((performance.now() - since) / 100) / 10} s`;

// ---- processes and sockets, read from /proc -------------------------------------------------

/** pid → { ppid, start } for every process, where start is its start time (so a reused pid differs). */
function processTable() {
  const table = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // fields[0] is the state (field 3 of stat), so field N is fields[N - 3].
      table.set(Number(entry), { state: fields[0], ppid: Number(fields[1]), start: fields[19] });
    } catch {
      /* exited meanwhile */
    }
  }
  return table;
}

/** `root` and all its descendants, each as { pid, start, command }. */
function processTree(root) {
  const table = processTable();
  const tree = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift();
    const info = table.get(pid);
    if (!info) continue;
    tree.push({ pid, start: info.start, command: commandLine(pid) });
    for (const [child, childInfo] of table) if (childInfo.ppid === pid) queue.push(child);
  }
  return tree;
}

function commandLine(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim().slice(0, 160);
  } catch {
    return '?';
  }
}

/** The processes of `tree` that still run (same pid and start time, not a zombie). */
function stillRunning(tree) {
  const table = processTable();
  return tree.filter(({ pid, start }) => {
    const info = table.get(pid);
    return info && info.start === start && info.state !== 'Z';
  });
}

/** inode → "address:port" of every TCP socket in LISTEN state. */
function listeningSockets() {
  const sockets = new Map();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.trim().split('\n').slice(1)) {
      const columns = line.trim().split(/\s+/);
      if (columns[3] !== '0A') continue; // 0A = LISTEN
      const [, portHex] = columns[1].split(':');
      sockets.set(columns[9], `${file.endsWith('6') ? '[::]' : '127.0.0.1'}:${parseInt(portHex, 16)}`);
    }
  }
  return sockets;
}

/** inode → port of the listening sockets that processes of `tree` hold open. */
function listeningSocketsOf(tree) {
  const listening = listeningSockets();
  const held = new Map();
  for (const { pid } of tree) {
    let fds = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
        if (inode && listening.has(inode)) held.set(inode, listening.get(inode));
      } catch {
        /* closed meanwhile */
      }
    }
  }
  return held;
}

function mergeTrees(a, b) {
  const seen = new Set(a.map(({ pid, start }) => `${pid}/${start}`));
  return [...a, ...b.filter(({ pid, start }) => !seen.has(`${pid}/${start}`))];
}

function killAll(tree) {
  for (const { pid } of stillRunning(tree)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}

// ---- the smoke ------------------------------------------------------------------------------

/** Starts `npm start` in a process group of its own and resolves with what it printed once it is serving. */
function startNpmStart() {
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    detached: true, // its own process group: Ctrl-C in a terminal signals that group
    stdio: ['ignore', 'pipe', 'pipe'],
    env: packageManagerEnv(), // as a newcomer's shell starts it, even when this script runs under npm
  });
  let output = '';
  const ready = new Promise((resolvePromise, reject) => {
    const timer = setTimeout(
      () => reject(new StepFailed('npm start prints the URL', `no URL within ${URL_TIMEOUT_MS / MINUTE} minutes`)),
      URL_TIMEOUT_MS,
    );
    const onData = (chunk) => {
      const text = chunk.toString();
      process.stdout.write(text.replace(/^(?=.)/gm, '  | '));
      output += text;
      const url = /Open (http:\/\/\S+) in a browser/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolvePromise({
          url,
          repository: /running on the repository (\S+)/.exec(output)?.[1],
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new StepFailed('npm start prints the URL', `npm start exited (${signal ?? code}) before printing a URL`));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new StepFailed('npm start prints the URL', `could not run npm: ${error.message}`));
    });
  });
  const exited = new Promise((resolvePromise) => child.once('exit', (code, signal) => resolvePromise({ code, signal })));
  return { child, ready, exited };
}

/** Calls `check` every half second until it returns `true` or `timeoutMs` passes; returns its last answer. */
async function poll(timeoutMs, check) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await check();
    if (answer === true || Date.now() >= deadline) return answer;
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function checkWorkbench(chromiumPath, url, repository) {
  let step = 'load the workbench';
  const { browser, page } = await openWorkbench(chromiumPath, url).catch((error) => {
    throw new StepFailed(step, error.message);
  });
  try {
    step = 'the demo repository is the opened folder';
    const folder = new URL(page.url()).searchParams.get('folder');
    if (!repository) throw new StepFailed(step, 'npm start did not print "running on the repository <path>"');
    if (folder !== repository) throw new StepFailed(step, `the workbench opened ${folder ?? 'no folder'}, not ${repository}`);

    step = 'open the Multiplier container from the activity bar';
    const icon = page.locator('.part.activitybar a.action-label[aria-label^="Multiplier"]');
    await icon.waitFor({ state: 'visible', timeout: 60_000 }).catch(() => {
      throw new StepFailed(step, 'no Multiplier icon in the activity bar within 60 s (is the extension installed?)');
    });
    await icon.click();
    const sideBar = page.locator('.part.sidebar');
    await sideBar
      .locator('.composite.title', { hasText: /multiplier/i })
      .waitFor({ state: 'visible', timeout: 30_000 })
      .catch(() => {
        throw new StepFailed(step, 'the side bar does not show the Multiplier container after a click on its icon');
      });

    step = `its views are visible (${VIEWS.join(', ')})`;
    const headers = await poll(30_000, async () => {
      const titles = await sideBar.locator('.pane-header .title').filter({ visible: true }).allTextContents();
      const missing = VIEWS.filter((view) => !titles.some((title) => title.trim().toLowerCase() === view.toLowerCase()));
      return missing.length === 0 ? true : { missing };
    });
    if (headers !== true) throw new StepFailed(step, `not visible in the Multiplier container: ${headers.missing.join(', ')}`);

    // The extension has activated and drawn: the queue lists the demo's pull requests (from the
    // local GitHub-like server), and the Coach webview shows its text.
    step = 'the Review Queue lists the demo pull requests';
    const queue = sideBar.locator('.pane', { has: page.locator('.pane-header .title', { hasText: /^Review Queue$/i }) });
    const rows = await poll(90_000, async () => ((await queue.locator('.monaco-list-row').count()) > 0 ? true : undefined));
    if (rows !== true) throw new StepFailed(step, 'no row in the Review Queue within 90 s (extension not activated, or no pull request)');
    step = 'the Coach view draws';
    const coach = await poll(60_000, async () => {
      // A webview is an iframe in the workbench with its content in an iframe of its own; other
      // frames of the workbench (such as the worker host) are direct children of the page.
      for (const frame of page.frames()) {
        if (!frame.parentFrame() || frame.parentFrame() === page.mainFrame()) continue;
        const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
        if (text.trim().length > 0) return true;
      }
      return undefined;
    });
    if (coach !== true) throw new StepFailed(step, 'the Coach webview shows no text within 60 s');

    await page.mouse.move(900, 450); // no hover tooltip over the picture
    await page.waitForTimeout(500);
    mkdirSync(join(ROOT, 'test-output', 'screenshots'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    log(`screenshot: ${SCREENSHOT}`);
  } catch (error) {
    mkdirSync(join(ROOT, 'test-output', 'screenshots'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT }).catch(() => {});
    log(`screenshot of the failure: ${SCREENSHOT}`);
    throw error instanceof StepFailed ? error : new StepFailed(step, error.message);
  } finally {
    await browser.close().catch(() => {});
  }
}

async function main() {
  const started = performance.now();
  const chromiumPath = findChromium();
  log('starting `npm start` as a newcomer would');
  const npmStart = startNpmStart();
  let tree = [];
  try {
    const { url, repository } = await npmStart.ready;
    log(`npm start printed ${url} after ${seconds(started)}`);
    tree = processTree(npmStart.child.pid); // so a failure below can still clean up what runs now
    if (!chromiumPath) throw new StepFailed('load the workbench', 'no Chromium in /usr/bin although npm start says it is serving');
    await checkWorkbench(chromiumPath, url, repository);
    log('the Multiplier container shows Review Queue (with the demo pull requests), Coach and Growth Notes on the demo repository');

    // Everything npm start spawned, the extension host included (it starts once a browser connects).
    tree = mergeTrees(tree, processTree(npmStart.child.pid));
    const sockets = listeningSocketsOf(tree);
    const port = new URL(url).port;
    if (![...sockets.values()].some((address) => address.endsWith(`:${port}`))) {
      throw new StepFailed('find what npm start listens on', `no process of npm start listens on port ${port}`);
    }
    log(`stopping with Ctrl-C: ${tree.length} processes, listening on ${[...new Set(sockets.values())].join(', ')}`);

    const stopStarted = performance.now();
    process.kill(-npmStart.child.pid, 'SIGINT');
    const exit = await Promise.race([npmStart.exited, new Promise((r) => setTimeout(() => r(undefined), STOP_TIMEOUT_MS))]);
    if (!exit) throw new StepFailed('stop with Ctrl-C', `npm start still runs ${STOP_TIMEOUT_MS / 1000} s after SIGINT`);
    // Give the processes it stopped a moment to be reaped.
    let left = stillRunning(tree);
    for (let i = 0; i < 20 && left.length > 0; i++) {
      await new Promise((r) => setTimeout(r, 250));
      left = stillRunning(tree);
    }
    if (left.length > 0) {
      throw new StepFailed(
        'nothing is left running',
        `after npm start exited these still run:\n${left.map((p) => `  ${p.pid} ${p.command}`).join('\n')}`,
      );
    }
    const stillListening = [...sockets].filter(([inode]) => listeningSockets().has(inode)).map(([, address]) => address);
    if (stillListening.length > 0) throw new StepFailed('nothing is left listening', `still listening: ${stillListening.join(', ')}`);
    log(`stopped in ${seconds(stopStarted)} (npm start exit ${exit.signal ?? exit.code}); no process left, nothing listening`);
    log(`passed in ${seconds(started)}`);
  } finally {
    // Whatever happened, leave nothing behind: the group of npm start, then anything it spawned elsewhere.
    const everything = mergeTrees(tree, processTree(npmStart.child.pid));
    try {
      process.kill(-npmStart.child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    killAll(everything);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`\n${error instanceof StepFailed ? error.message : `npm start smoke failed: ${error.stack ?? error}`}`);
    process.exit(1);
  },
);
