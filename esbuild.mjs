// Bundles the extension into one minified CommonJS file, with bundles beside it that are loaded on
// first use so they never weigh on activation (see firstUse below); and each webview's browser code
// into a bundle of its own (dist/webview/), so chart code never weighs on the extension host; with
// --tests, instead, the suites that run inside the real extension host.
//   node esbuild.mjs [--watch] [--dev] [--test-seams] [--outfile FILE] [--by-source] | node esbuild.mjs --tests
// --by-source lists what each bundle is made of, largest first (a package counts as one).
// --test-seams builds what the integration harness installs: activate() returns the test API when
// the harness started the host. Without it (every build a user gets) the seam is not in the bundle.
import * as esbuild from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const argv = process.argv.slice(2);
const args = new Set(argv);
const watch = args.has('--watch');
const dev = args.has('--dev') || watch;
const testSeams = args.has('--test-seams');
const outfileAt = argv.indexOf('--outfile');
const outfile = outfileAt >= 0 ? argv[outfileAt + 1] : 'dist/extension.js';
/** Everything else lands beside the extension's bundle (the test build stages it elsewhere). */
const outdir = dirname(outfile);

/**
 * @2toad/profanity ships word lists for twelve languages (~90 KB); the review-comment check uses
 * the English one. Bundle that list alone, read from the installed package at build time.
 * @type {esbuild.Plugin}
 */
const englishProfanityOnly = {
  name: 'english-profanity-only',
  setup(build) {
    build.onResolve({ filter: /^@2toad\/profanity$/ }, () => ({ path: 'profanity-en', namespace: 'profanity-en' }));
    build.onLoad({ filter: /.*/, namespace: 'profanity-en' }, () => {
      const english = createRequire(import.meta.url)('@2toad/profanity').profaneWords.get('en');
      return { contents: `export const profaneWords = new Map([['en', ${JSON.stringify(english)}]]);`, loader: 'js' };
    });
  },
};

/** @type {esbuild.BuildOptions} */
const shared = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  // ES module builds first: jsonc-parser's UMD build requires its parts at run time, which a
  // bundle cannot resolve.
  mainFields: ['module', 'main'],
  sourcemap: dev ? 'inline' : false,
  logLevel: 'warning',
  legalComments: 'none',
  define: { MULTIPLIER_TEST_SEAMS: String(testSeams) },
  plugins: [englishProfanityOnly],
};

const extension = {
  ...shared,
  entryPoints: ['src/extension.ts'],
  outfile,
  minify: !dev,
  metafile: true,
};

/**
 * A bundle beside the extension's, required on first use (src/core/lazyModule.ts, or a require of a
 * path esbuild does not follow), so activation never parses it. Each has its own copy of every
 * module it imports: shared state must come in from the extension side. (`entryPoints` keeps its
 * name so knip reads the entry files from here.)
 */
const besideExtension = ({ file, entryPoints }) => ({ ...shared, entryPoints, outfile: join(outdir, file), minify: !dev, metafile: true });

const firstUse = [
  // Team Health's editor side and metrics: the first time the view is shown or a Team Health
  // command runs (src/health/register.ts).
  besideExtension({ file: 'health.js', entryPoints: ['src/health/runtime.ts'] }),
  // The words engine (tone lexicon, profanity list, rules, rewrites, the team file's reader): the
  // first check (src/words/engine.ts).
  besideExtension({ file: 'words-engine.js', entryPoints: ['src/words/model/engine.ts'] }),
  // The git history engine (log reader and parser, cache, derived data): the first history asked
  // for (src/git/controller.ts).
  besideExtension({ file: 'git-history.js', entryPoints: ['src/git/source/historySource.ts'] }),
  // A pull request's description renderer with markdown-it: the first description shown
  // (src/review/view/overview/html.ts).
  besideExtension({ file: 'markdown.js', entryPoints: ['src/review/view/overview/markdown.ts'] }),
  // Growth Notes' store, file system, tree and commands: the first note read or written, the first
  // look at the view, the first notes command (src/notes/load.ts).
  besideExtension({ file: 'notes.js', entryPoints: ['src/notes/runtime.ts'] }),
  // The Coach's prompt reader with its JSON parser and shipped prompts, its view's HTML and the
  // test-command recogniser: the first evaluation, look or finished command (src/coach/load.ts).
  besideExtension({ file: 'coach.js', entryPoints: ['src/coach/runtime.ts'] }),
  // The pull request pages (overview tabs and HTML, details loader, content store, check-out, the
  // commands' implementation, the multiplier-pr: file system's reads): the first overview, diff or
  // page command (src/review/pages.ts).
  besideExtension({ file: 'pr-pages.js', entryPoints: ['src/review/pagesRuntime.ts'] }),
];

// Browser code for webviews: an IIFE for Chromium, with its stylesheet beside it (health.css).
const webviews = {
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'chrome120',
  entryPoints: { health: 'src/health/webview/main.ts' },
  outdir: join(outdir, 'webview'),
  minify: !dev,
  sourcemap: dev ? 'inline' : false,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

function listTests(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return listTests(full);
    return name.endsWith('.test.ts') ? [full] : [];
  });
}

// Suites stay unminified with source maps so failures carry readable stack traces.
const tests = {
  ...shared,
  entryPoints: ['test/integration/host/runner.ts', ...listTests('test/integration/suites')],
  outdir: 'dist/test',
  outbase: 'test/integration',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
};

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

function reportSources(inputs) {
  const bySource = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
    const source = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[0] ?? input;
    bySource.set(source, (bySource.get(source) ?? 0) + bytesInOutput);
  }
  for (const [source, bytes] of [...bySource].sort(([, a], [, b]) => b - a).slice(0, 25)) {
    if (bytes > 0) console.log(`  ${kib(bytes).padStart(9)}  ${source}`);
  }
}

function reportSize(result) {
  for (const [file, info] of Object.entries(result.metafile?.outputs ?? {})) {
    if (/\.(js|css)$/.test(file)) {
      console.log(`${file}: ${kib(info.bytes)}${dev ? ' (dev build)' : ' minified'}${testSeams ? ', with test seams' : ''}`);
      if (args.has('--by-source')) reportSources(info.inputs);
    }
  }
}

if (watch) {
  const report = [{ name: 'report', setup: (build) => build.onEnd((result) => reportSize(result)) }];
  const contexts = await Promise.all(
    [extension, ...firstUse, webviews].map((options) => esbuild.context({ ...options, plugins: [...(options.plugins ?? []), ...report] })),
  );
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('esbuild: watching src/ for changes');
} else if (args.has('--tests')) {
  await esbuild.build(tests);
} else {
  for (const options of [extension, ...firstUse, webviews]) reportSize(await esbuild.build(options));
}
