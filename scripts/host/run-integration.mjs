// The offline integration harness: runs the mocha suites in test/integration/suites inside a real
// VS Code 1.139 extension host (code-server), driven by Debian's Chromium.
//
//   node scripts/host/run-integration.mjs [--grep TEXT] [--keep] [--test-timeout MS] [--phase-timeout MS]
//
// Expects `npm run package:test` (dist/multiplier-test.vsix: the build whose activate() returns the
// test API) and `node esbuild.mjs --tests` (dist/test) first;
// `npm run test:integration` does all three. Suites run in phases, each in a fresh extension host:
//   main       *.test.ts               trusted workspace on a temporary git repository
//   reload     *.reload.test.ts        the same window after a reload (persistence checks)
//   untrusted  *.untrusted.test.ts     a second server with workspace trust on (restricted mode)
//   demo       *.demo.test.ts          what `npm start` shows: the demo repository and pull requests
//   firstrun   *.firstrun.test.ts      a first start in a profile with VS Code's default
//                                      walkthroughs.openOnInstall (the quiet profile turns it off)
//   firstrun-reload  *.firstrun-reload.test.ts  the same window reloaded: nothing opens again
// Screenshots and logs land in test-output/. Exits non-zero on any failure, crash or timeout, and
// stops every process it started, also on Ctrl-C.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureHostOrExit } from './ensure-host.mjs';
import { installVsix, prepareProfile, startCodeServer } from './code-server.mjs';
import { missingTexts, openWorkbench } from './browser.mjs';
import { createTestRepository } from './git-fixture.mjs';
import { createDemoRepository } from '../demo/demo-repo.mjs';
import { demoEnv, demoGitDirs, demoSettings, pointOriginAt, startDemoGitHub } from '../demo/github.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const OUTPUT = join(ROOT, 'test-output');
const { values: options } = parseArgs({
  options: {
    grep: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'test-timeout': { type: 'string', default: '30000' },
    // A backstop only: a runner that hangs is caught within minutes by the no-progress check in
    // followPhase. A fixed 10-minute limit on the whole phase failed runs that were still making
    // progress on a loaded 2-core machine (the main phase holds most of the suites).
    'phase-timeout': { type: 'string', default: '1800000' },
  },
});
const testTimeoutMs = Number(options['test-timeout']);
const phaseTimeoutMs = Number(options['phase-timeout']);

const cleanups = [];
async function cleanup() {
  while (cleanups.length)
    await cleanups
      .pop()()
      .catch(() => {});
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    console.error(`\n${signal}: stopping everything the harness started`);
    await cleanup();
    process.exit(130);
  });
}

const clock = { started: Date.now(), marks: [] };
const mark = (label) => clock.marks.push([label, Date.now()]);

function suitesFor(phase) {
  const dir = join(ROOT, 'dist', 'test', 'suites');
  if (!existsSync(dir)) return [];
  const all = readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.test.js'))
    .map((f) => join(dir, f))
    .sort();
  const special = ['reload', 'untrusted', 'demo', 'firstrun', 'firstrun-reload'];
  const phaseOf = (f) => special.find((name) => f.endsWith(`.${name}.test.js`)) ?? 'main';
  return all.filter((f) => phaseOf(f) === phase);
}

/** The test-runner extension: a folder that loads dist/test/host/runner.js inside the host. */
function installRunnerExtension(extensionsDir) {
  const dir = join(extensionsDir, 'multiplier-dev.multiplier-test-runner-0.0.1');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'multiplier-test-runner',
      publisher: 'multiplier-dev',
      version: '0.0.1',
      engines: { vscode: '^1.90.0' },
      main: './extension.js',
      activationEvents: ['onStartupFinished'],
      capabilities: { untrustedWorkspaces: { supported: true } },
    }),
  );
  writeFileSync(
    join(dir, 'extension.js'),
    `module.exports = require(${JSON.stringify(join(ROOT, 'dist', 'test', 'host', 'runner.js'))});\n`,
  );
  // The server only loads extensions listed in extensions.json; a bare folder is "marked as removed".
  const registry = join(extensionsDir, 'extensions.json');
  const entries = existsSync(registry) ? JSON.parse(readFileSync(registry, 'utf8')) : [];
  const location = { $mid: 1, path: dir, scheme: 'file' };
  entries.push({
    identifier: { id: 'multiplier-dev.multiplier-test-runner' },
    version: '0.0.1',
    location,
    relativeLocation: basename(dir),
    metadata: { source: 'vsix' },
  });
  writeFileSync(registry, JSON.stringify(entries));
}

const results = { passed: 0, failed: 0, pending: 0, failures: [] };

/** Follows one phase's event stream until it ends, answering screenshot requests meanwhile. */
async function followPhase(page, controlDir, phase) {
  const file = join(controlDir, `events-${phase}.ndjson`);
  const deadline = Date.now() + phaseTimeoutMs;
  let consumed = 0;
  let lastEventAt = Date.now();
  let lastSuite = '(before any suite started)';
  let firstEvent = true;
  for (;;) {
    const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
    for (const line of lines.slice(consumed)) {
      consumed++;
      lastEventAt = Date.now();
      if (firstEvent) {
        mark(`phase ${phase}: first event from the extension host`);
        firstEvent = false;
      }
      const event = JSON.parse(line);
      if (event.type === 'suite') {
        lastSuite = event.title;
        console.log(`  ${event.title}`);
      } else if (event.type === 'test') report(event);
      else if (event.type === 'screenshot') await answerScreenshot(page, controlDir, event);
      else if (event.type === 'keys') await answerKeys(page, controlDir, event);
      else if (event.type === 'click') await answerClick(page, controlDir, event);
      else if (event.type === 'sidebar') await answerSidebar(page, controlDir, event);
      else if (event.type === 'crash') return fail(`[${phase}] runner crashed: ${event.error}`, event.stack);
      else if (event.type === 'end') return;
    }
    const silentFor = Date.now() - lastEventAt;
    if (Date.now() > deadline) return fail(`[${phase}] phase timed out after ${phaseTimeoutMs} ms; last suite: ${lastSuite}`);
    // Mocha fails a slow test itself; this only catches a runner that went silent (hooks and tests
    // both report progress; a suite may set a longer timeout than the default).
    if (!firstEvent && silentFor > Math.max(3 * testTimeoutMs, 120_000))
      return fail(`[${phase}] no progress for ${Math.round(silentFor / 1000)} s; last suite: ${lastSuite}`);
    if (firstEvent && silentFor > 120_000)
      return fail(`[${phase}] the extension host never started the test runner (see test-output/logs)`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function report(event) {
  if (event.state === 'passed') {
    results.passed++;
    console.log(`    ✔ ${event.fullTitle} (${event.durationMs} ms)`);
  } else if (event.state === 'pending') {
    results.pending++;
    console.log(`    - ${event.fullTitle} (skipped)`);
  } else fail(event.fullTitle, `${event.error}\n${event.stack ?? ''}`);
}

function fail(title, detail = '') {
  results.failed++;
  results.failures.push({ title, detail });
  console.log(`    ✘ ${title}`);
}

/** Written whole, then renamed: the suite polls for the reply file and must never read half of it. */
function writeReply(controlDir, id, reply) {
  const file = join(controlDir, `reply-${id}.json`);
  writeFileSync(`${file}.tmp`, JSON.stringify(reply));
  renameSync(`${file}.tmp`, file);
}

async function answerScreenshot(page, controlDir, { id, name, expectText, selector, viewport }) {
  const reply = { missingText: [] };
  const before = page.viewportSize();
  try {
    if (viewport) {
      await page.setViewportSize(viewport);
      await page.waitForTimeout(500); // the workbench lays itself out again
    }
    // Views (webviews especially) paint a moment after the command that showed them: give the
    // expected texts up to 20 s (a loaded machine) to appear before calling them missing.
    const deadline = Date.now() + 20_000;
    reply.missingText = await missingTexts(page, expectText);
    while (reply.missingText.length > 0 && Date.now() < deadline) {
      await page.waitForTimeout(250);
      reply.missingText = await missingTexts(page, expectText);
    }
    await page.waitForTimeout(300); // let the last update finish painting
    mkdirSync(join(OUTPUT, 'screenshots'), { recursive: true });
    reply.path = join(OUTPUT, 'screenshots', `${name.replace(/[^\w.-]+/g, '-')}.png`);
    if (selector) await page.locator(selector).filter({ visible: true }).first().screenshot({ path: reply.path });
    else await page.screenshot({ path: reply.path });
    console.log(`    📷 ${reply.path}${reply.missingText.length ? ` (missing: ${reply.missingText.join(', ')})` : ''}`);
  } catch (error) {
    reply.error = String(error?.message ?? error);
  }
  if (viewport && before) await page.setViewportSize(before).catch(() => {});
  writeReply(controlDir, id, reply);
}

/**
 * A click on the first visible element matching `selector` whose text contains `text` (a
 * notification's button). With `closes` (a selector of the element's ancestor that the click
 * removes, e.g. the toast), the click is repeated until that ancestor is gone: VS Code re-renders a
 * toast's row while it settles, and a click whose press and release land on different renderings is
 * lost, as it would be for a person, who would click again. Each repeat is printed, so a click that
 * never closes anything fails after three tries instead of passing silently.
 */
async function clickSelector(page, selector, text, closes) {
  let target = page.locator(selector).filter({ visible: true });
  if (text) target = target.filter({ hasText: text });
  const tries = closes ? 3 : 1;
  for (let attempt = 1; attempt <= tries; attempt++) {
    await target.first().waitFor({ state: 'visible', timeout: 15_000 });
    const ancestor = closes ? await target.first().evaluateHandle((el, sel) => el.closest(sel), closes) : undefined;
    await target.first().click();
    if (!ancestor) return;
    const deadline = Date.now() + 3_000;
    while (Date.now() < deadline) {
      if (!(await ancestor.evaluate((el) => el?.isConnected ?? false).catch(() => false))) return;
      await page.waitForTimeout(100);
    }
    console.log(`    ↻ the click on ${JSON.stringify(text)} left ${closes} open (try ${attempt} of ${tries})`);
  }
  throw new Error(`${closes} stayed open after ${tries} clicks on ${JSON.stringify(text)}`);
}

/** Types into the workbench as a person would, once the element the suite waits for is visible. */
async function answerKeys(page, controlDir, { id, waitFor, text, keys }) {
  const reply = {};
  try {
    if (waitFor) await page.locator(waitFor).first().waitFor({ state: 'visible', timeout: 15_000 });
    if (text) await page.keyboard.type(text, { delay: 10 });
    for (const key of keys) await page.keyboard.press(key);
  } catch (error) {
    reply.error = String(error?.message ?? error);
  }
  writeReply(controlDir, id, reply);
}

/** Clicks the first visible element with `text` in any frame (webviews live in nested iframes). */
async function answerClick(page, controlDir, { id, text, role, selector, closes }) {
  const reply = {};
  if (selector) {
    await clickSelector(page, selector, text, closes).catch((error) => (reply.error = String(error?.message ?? error)));
    return writeReply(controlDir, id, reply);
  }
  try {
    const deadline = Date.now() + 15_000;
    let clicked = false;
    while (!clicked && Date.now() < deadline) {
      for (const frame of page.frames()) {
        const locator = (role ? frame.getByRole(role, { name: text, exact: true }) : frame.getByText(text, { exact: true })).filter({
          visible: true,
        });
        if ((await locator.count().catch(() => 0)) > 0) {
          await locator.first().click({ timeout: 5_000 });
          clicked = true;
          break;
        }
      }
      if (!clicked) await page.waitForTimeout(250);
    }
    if (!clicked) reply.error = `no visible element shows ${JSON.stringify(text)}`;
  } catch (error) {
    reply.error = String(error?.message ?? error);
  }
  writeReply(controlDir, id, reply);
}

/** Drags the sash on the side bar's right edge until the side bar is `width` px wide (a few tries: layout snaps). */
async function answerSidebar(page, controlDir, { id, width }) {
  const reply = {};
  try {
    const sidebar = page.locator('.part.sidebar').first();
    for (let attempt = 0; attempt < 4; attempt++) {
      const box = await sidebar.boundingBox();
      if (!box) throw new Error('the side bar is not visible');
      reply.width = Math.round(box.width);
      if (Math.abs(box.width - width) <= 2) break;
      const y = box.y + box.height / 2;
      const edge = box.x + box.width;
      await page.mouse.move(edge, y);
      await page.mouse.down();
      await page.mouse.move(edge + (width - box.width) / 2, y, { steps: 4 });
      await page.mouse.move(box.x + width, y, { steps: 4 });
      await page.mouse.up();
      await page.waitForTimeout(300);
    }
    const box = await sidebar.boundingBox();
    reply.width = box ? Math.round(box.width) : undefined;
    // Off the sash, so its hover highlight is not in the next screenshot.
    if (box) await page.mouse.move(box.x + box.width + 200, box.y + box.height - 10);
  } catch (error) {
    reply.error = String(error?.message ?? error);
  }
  writeReply(controlDir, id, reply);
}

async function runSession(host, { name, phases, trusted, createWorkspace = createTestRepository, withDemoGitHub = false, settings = {} }) {
  const todo = phases.filter((phase) => suitesFor(phase).length > 0);
  if (todo.length === 0) return;
  const root = mkdtempSync(join(tmpdir(), `multiplier-it-${name}-`));
  if (!options.keep) cleanups.push(async () => rmSync(root, { recursive: true, force: true }));
  const workspace = createWorkspace(join(root, 'workspace'));
  const github = withDemoGitHub ? await startDemoGitHub(demoGitDirs(workspace)) : undefined;
  if (github) {
    cleanups.push(github.stop);
    pointOriginAt(workspace, github.url);
  }
  const { userDataDir, extensionsDir } = prepareProfile(root, { ...(github ? demoSettings(github.url) : {}), ...settings });
  const controlDir = join(root, 'control');
  mkdirSync(controlDir);
  installVsix(host, extensionsDir, join(ROOT, 'dist', 'multiplier-test.vsix'));
  installRunnerExtension(extensionsDir);
  mark(`${name}: profile and extension installed`);

  // Every phase of this window, in order; the runner reloads the window between them.
  const control = { phases: todo.map((phase) => ({ phase, files: suitesFor(phase) })), grep: options.grep, testTimeoutMs };
  writeFileSync(join(controlDir, 'control.json'), JSON.stringify(control));
  const server = await startCodeServer(host, {
    userDataDir,
    extensionsDir,
    folder: workspace,
    trusted,
    env: {
      MULTIPLIER_TEST_CONTROL_DIR: controlDir,
      MULTIPLIER_TEST_WORKSPACE: workspace,
      // A process time zone unlike any the suites configure for working hours, so code that mixes
      // the machine's zone with the configured one fails here rather than for users abroad.
      TZ: 'America/New_York',
      ...(github ? demoEnv(github.url) : {}),
    },
  });
  cleanups.push(async () => {
    await server.stop();
    // Keep the extension host logs: they list activations and errors when a test cannot see the extension.
    const logs = join(OUTPUT, 'logs', name);
    rmSync(logs, { recursive: true, force: true });
    if (existsSync(join(userDataDir, 'logs'))) cpSync(join(userDataDir, 'logs'), logs, { recursive: true });
  });
  mark(`${name}: code-server listening`);
  const { browser, page } = await openWorkbench(host.chromium, server.url);
  cleanups.push(async () => browser.close());
  mark(`${name}: workbench loaded in Chromium`);

  for (const phase of todo) {
    console.log(`\n[${name}] phase ${phase}: ${suitesFor(phase).length} suite file(s)`);
    await followPhase(page, controlDir, phase);
  }
  await cleanup();
}

async function main() {
  const host = ensureHostOrExit();
  mark('editor host ready');
  try {
    await runSession(host, { name: 'trusted', phases: ['main', 'reload'], trusted: true });
    await runSession(host, { name: 'untrusted', phases: ['untrusted'], trusted: false });
    await runSession(host, { name: 'demo', phases: ['demo'], trusted: true, createWorkspace: createDemoRepository, withDemoGitHub: true });
    // VS Code's default for walkthroughs, as in a user's own profile: the first start opens ours.
    await runSession(host, {
      name: 'firstrun',
      phases: ['firstrun', 'firstrun-reload'],
      trusted: true,
      settings: { 'workbench.welcomePage.walkthroughs.openOnInstall': true },
    });
  } catch (error) {
    fail('harness', error?.stack ?? String(error));
  } finally {
    await cleanup();
  }
  console.log('\nHarness start-up cost:');
  let previous = clock.started;
  for (const [label, at] of clock.marks) {
    console.log(`  +${((at - previous) / 1000).toFixed(1).padStart(5)} s  ${label}`);
    previous = at;
  }
  console.log(`  total ${((Date.now() - clock.started) / 1000).toFixed(1)} s`);
  for (const { title, detail } of results.failures) console.log(`\nFAILED: ${title}\n${detail}`);
  const total = results.passed + results.failed;
  if (total === 0) fail('no integration test ran');
  console.log(`\nintegration: ${results.passed} passed, ${results.failed} failed${results.pending ? `, ${results.pending} skipped` : ''}`);
  process.exit(results.failed > 0 ? 1 : 0);
}

await main();
