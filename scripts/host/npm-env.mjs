// The environment of every package-manager call (npm, npx) that our scripts start.
//
// Under `npm test` or `npm start` this process inherits the outer npm run's settings as variables:
// every `npm_config_*` value (the user agent "npm/… node/v20 …" among them), `npm_package_*`,
// `npm_lifecycle_*`, `INIT_CWD`, `NODE`, and `node_modules/.bin` folders on PATH. A nested npm reads
// them as its own configuration, so its result would depend on how our script was started: under
// `npm test`, code-server's postinstall reads "node/v20" from the user agent and refuses to build on
// Node 24. A nested call therefore starts from the machine's environment as a shell gives it (npm's
// own config files still apply), and the caller adds what it needs on purpose, after the stripping.
import { delimiter } from 'node:path';

/** Variables npm reads (or sets for scripts) besides the `npm_*` family. */
export const NPM_BEHAVIOUR_VARIABLES = Object.freeze([
  'INIT_CWD', // npm sets it to the outer run's folder; lifecycle scripts use it as "where npm was started"
  'NODE', // npm sets it to the outer run's Node binary
  'NODE_OPTIONS', // flags for every Node process, npm and install scripts included
  'NODE_PATH', // module lookup of install scripts
  'NODE_ENV', // "production" makes npm omit dev dependencies
  'PREFIX', // overrides npm's global prefix
  'DESTDIR', // prefixes npm's global prefix
]);

/** `npm_config_*`, `NPM_CONFIG_*`, `npm_package_*`, `npm_lifecycle_*`, `npm_execpath`, … */
const NPM_FAMILY = /^npm_/i;

/** PATH entries that `npm run` prepends: every `node_modules/.bin` up the tree, and npm's node-gyp shim. */
const NPM_PATH_ENTRY = /[\\/](node_modules[\\/]\.bin|node-gyp-bin)[\\/]?$/;

/**
 * The environment for a nested npm or npx call: `outer` without npm's variables, NODE_OPTIONS and the
 * PATH entries npm added; then `prependPath` in front of PATH, then `set` (deliberate settings such
 * as `npm_config_nodedir`, which therefore survive the stripping).
 * @param {NodeJS.ProcessEnv} [outer]
 * @param {{ prependPath?: string[], set?: Record<string, string> }} [options]
 * @returns {NodeJS.ProcessEnv}
 */
export function packageManagerEnv(outer = process.env, { prependPath = [], set = {} } = {}) {
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [name, value] of Object.entries(outer)) {
    if (value === undefined || NPM_FAMILY.test(name) || NPM_BEHAVIOUR_VARIABLES.includes(name)) continue;
    env[name] = value;
  }
  const path = (outer.PATH ?? '').split(delimiter).filter((entry) => entry !== '' && !NPM_PATH_ENTRY.test(entry));
  env.PATH = [...prependPath, ...path].join(delimiter);
  return Object.assign(env, set);
}
