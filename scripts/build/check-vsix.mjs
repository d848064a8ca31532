// Lists the commands the packaged production .vsix contributes and registers, and fails when any
// is a test seam: a command not in package.json (hidden), an id naming "internal" or "test", or a
// test API returned from activate(). Also fails when the bundle contains seam code at all, when a
// bundle it loads on first use (`join(__dirname, 'x.js')`) is missing from the package or fails to
// load, or when activation itself requires one of them.
//   node scripts/build/check-vsix.mjs [dist/multiplier.vsix]
// It loads the bundle in plain Node with a stand-in `vscode` module that records registrations;
// it checks an inventory, not behaviour (the integration suites run the real editor).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { posix, resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import vm from 'node:vm';

const vsix = resolve(process.argv[2] ?? 'dist/multiplier.vsix');

/** The entries of a zip file, by name (stored or deflated; enough for a .vsix). */
function readZip(buffer) {
  const entries = new Map();
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error(`${vsix} is not a zip file`);
  let at = buffer.readUInt32LE(end + 16);
  for (let i = 0, n = buffer.readUInt16LE(end + 10); i < n; i++) {
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const skip = nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const local = buffer.readUInt32LE(at + 42);
    const dataAt = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const raw = buffer.subarray(dataAt, dataAt + size);
    entries.set(name, method === 0 ? raw : inflateRawSync(raw));
    at += 46 + skip;
  }
  return entries;
}

/** A `vscode` stand-in: every member is callable and constructible and returns another stand-in. */
function standIn(record) {
  // The top level is a plain object (bundlers copy a module's own keys), named after the real API.
  const api = readFileSync(createRequire(import.meta.url).resolve('@types/vscode/index.d.ts'), 'utf8');
  const names = new Set([...api.matchAll(/^\s*export (?:namespace|class|enum|const|function|interface) (\w+)/gm)].map((m) => m[1]));
  const make = (path) =>
    new Proxy(function () {}, {
      get: (_target, key) => {
        if (key === 'then') return undefined; // not a promise
        if (key === Symbol.toPrimitive) return () => path;
        if (path === 'vscode.workspace' && key === 'getConfiguration') return () => ({ get: (_k, fallback) => fallback, has: () => false });
        if (path === 'vscode.commands' && (key === 'registerCommand' || key === 'registerTextEditorCommand')) {
          return (id) => (record.push(id), make(`command ${id}`));
        }
        return make(`${path}.${String(key)}`);
      },
      apply: () => make(`${path}()`),
      construct: () => make(`new ${path}`),
    });
  return Object.fromEntries([...names].map((name) => [name, make(`vscode.${name}`)]));
}

const zip = readZip(readFileSync(vsix));
const manifest = JSON.parse(zip.get('extension/package.json').toString('utf8'));
const bundle = zip.get(`extension/${manifest.main.replace(/^\.\//, '')}`)?.toString('utf8');
if (!bundle) throw new Error(`${vsix} has no ${manifest.main}`);

const problems = [];
for (const marker of ['MULTIPLIER_TEST_CONTROL_DIR', 'setNow', 'createTestApi', 'multiplier.internal.']) {
  if (bundle.includes(marker)) problems.push(`the bundle contains test-seam code ("${marker}")`);
}

const registered = [];
const require = createRequire(vsix);
const sandboxRequire = (id) => {
  if (id === 'vscode') return standIn(registered);
  // A file beside the bundle (`join(__dirname, …)`, and __dirname is '/' here): one meant for first use.
  if (id.startsWith('/')) throw new Error(`required ${id}, a bundle meant for first use, while loading or activating`);
  return require(id);
};
/** Runs a bundle's code as CommonJS in this process, with the stand-in `vscode`; returns its exports. */
function load(code, file) {
  const module = { exports: {} };
  vm.runInThisContext(`(function (exports, require, module, __filename, __dirname) {${code}\n})`)(
    module.exports,
    sandboxRequire,
    module,
    file,
    '/',
  );
  return module.exports;
}
const module = { exports: load(bundle, vsix) };
const storage = { fsPath: '/nonexistent/multiplier-check', path: '/nonexistent/multiplier-check' };
const memento = { get: (_key, fallback) => fallback, update: async () => {}, keys: () => [] };
const context = {
  subscriptions: [],
  storageUri: storage,
  globalStorageUri: storage,
  extensionUri: storage,
  globalState: memento,
  workspaceState: memento,
  secrets: { get: async () => undefined, store: async () => {}, delete: async () => {}, onDidChange: () => ({ dispose() {} }) },
  extension: { id: `${manifest.publisher}.${manifest.name}` },
};
let returned;
try {
  returned = module.exports.activate(context);
} catch (error) {
  problems.push(`activate() failed: ${error instanceof Error ? error.message : String(error)}`);
}
if (returned !== undefined) problems.push('activate() returned an API (only a harness build may)');

// The bundles loaded on first use, found by the name each bundle joins to its own folder, and the
// ones those load in turn: each must be in the package, and must load.
const folder = posix.dirname(manifest.main.replace(/^\.\//, ''));
const lazyBundles = [];
const pending = [bundle];
while (pending.length > 0) {
  for (const [, name] of pending.pop().matchAll(/__dirname\s*,\s*["'`]([\w.-]+\.js)["'`]/g)) {
    if (lazyBundles.includes(name)) continue;
    lazyBundles.push(name);
    const code = zip.get(`extension/${folder}/${name}`)?.toString('utf8');
    if (code === undefined) {
      problems.push(`${folder}/${name} is loaded on first use but is not in the package (.vscodeignore)`);
      continue;
    }
    try {
      load(code, `/${name}`);
    } catch (error) {
      problems.push(`${folder}/${name} does not load: ${error instanceof Error ? error.message : String(error)}`);
    }
    pending.push(code);
  }
}
console.log(`${vsix}: bundles loaded on first use: ${lazyBundles.sort().join(', ')}`);
for (const d of context.subscriptions) d.dispose?.();

const contributed = (manifest.contributes?.commands ?? []).map((c) => c.command);
for (const id of registered) {
  if (!contributed.includes(id)) problems.push(`registers ${id}, which package.json does not contribute (a hidden command)`);
}
for (const id of new Set([...registered, ...contributed])) {
  if (/internal|test/i.test(id)) problems.push(`command ${id} looks like a test seam`);
}
for (const id of contributed) {
  if (!registered.includes(id)) problems.push(`package.json contributes ${id}, but activate() registers no handler for it`);
}

console.log(`${vsix}: ${contributed.length} commands contributed, ${registered.length} registered at activation`);
console.log(`  ${[...registered].sort().join('\n  ')}`);
if (problems.length > 0) {
  console.error(`\ncheck-vsix: ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('check-vsix: no test seam in the production package');
// Timers the extension armed at activation (a delayed first poll) would keep this process alive.
process.exit(0);
