// `npm start`: builds and packages the extension, prepares the demo repository, and serves a real
// VS Code (code-server) on 127.0.0.1 with Multiplier installed. Ctrl-C stops everything.
//   node scripts/demo/start.mjs [--port 8080] [--no-build]
import { execSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureHostOrExit } from '../host/ensure-host.mjs';
import { installVsix, prepareProfile, startCodeServer } from '../host/code-server.mjs';
import { packageManagerEnv } from '../host/npm-env.mjs';
import { createDemoRepository } from './demo-repo.mjs';
import { DEMO_SCENARIO, demoEnv, demoGitDirs, demoSettings, pointOriginAt, startDemoGitHub } from './github.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DEMO = join(ROOT, '.demo');
const { values: options } = parseArgs({
  options: { port: { type: 'string', default: '8080' }, 'no-build': { type: 'boolean', default: false } },
});

const stops = [];
async function stopAll(code) {
  while (stops.length)
    await stops
      .pop()()
      .catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

const host = ensureHostOrExit();
if (!options['no-build']) execSync('npm run --silent package', { cwd: ROOT, stdio: 'inherit', env: packageManagerEnv() });

const repo = createDemoRepository(join(DEMO, 'shop'));
const github = await startDemoGitHub(demoGitDirs(repo));
stops.push(github.stop);
pointOriginAt(repo, github.url);
// A fresh profile each start, so the demo always begins like a first install.
rmSync(join(DEMO, 'profile'), { recursive: true, force: true });
mkdirSync(join(DEMO, 'profile'), { recursive: true });
const { userDataDir, extensionsDir } = prepareProfile(join(DEMO, 'profile'), demoSettings(github.url));
installVsix(host, extensionsDir, join(ROOT, 'dist', 'multiplier.vsix'));

const server = await startCodeServer(host, {
  userDataDir,
  extensionsDir,
  folder: repo,
  preferredPort: Number(options.port),
  env: demoEnv(github.url),
});
stops.push(() => server.stop());
server.child.once('exit', (code) => {
  console.error(`code-server exited (${code})`);
  stopAll(1);
});

console.log(`\nMultiplier demo is running on the repository ${repo}`);
console.log(`Pull requests come from a local GitHub-like server at ${github.url} (scenario ${DEMO_SCENARIO}).`);
console.log(`Open ${server.url} in a browser, then click the Multiplier icon in the activity bar.`);
console.log('Press Ctrl-C to stop.\n');
