// Bundles the extension into one minified CommonJS file, with bundles beside it loaded on first use
// so they never weigh on activation: the words engine (dist/words-engine.js), Team Health's editor
// side and metrics (dist/health.js), the git history engine (dist/git-history.js), the pull request
// pages (dist/pr-pages.js) and their description renderer (dist/markdown.js); and each webview's
// browser code into a bundle of its own
// (dist/webview/), so chart code never weighs on the extension host; with --tests, instead, the
// suites that run inside the real extension host.
//   node esbuild.mjs [--watch] [--dev] [--test-seams] [--outfile FILE] | node esbuild.mjs --tests
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

// Team Health's editor side and metrics: required by src/health/register.ts the first time the view
// is shown or a Team Health command runs (see src/health/runtime.ts).
const health = {
  ...shared,
  entryPoints: { health: 'src/health/runtime.ts' },
  outdir,
  minify: !dev,
  metafile: true,
};

// The words engine (tone lexicon, profanity list, rules, rewrites): a file of its own beside the
// extension, loaded on the first check (src/words/engine.ts), so activation never parses it.
const wordsEngine = {
  ...shared,
  entryPoints: ['src/words/model/engine.ts'],
  outfile: join(dirname(outfile), 'words-engine.js'),
  minify: !dev,
  metafile: true,
};

// The git history engine (log reader and parser, cache, derived data): beside the extension, required
// on the first history asked for (src/git/controller.ts), so activation never parses it.
const gitHistory = {
  ...shared,
  entryPoints: ['src/git/source/historySource.ts'],
  outfile: join(dirname(outfile), 'git-history.js'),
  minify: !dev,
  metafile: true,
};

// A pull request's description renderer with markdown-it: beside the extension, required on the
// first description shown (src/review/view/overview/html.ts).
const markdown = {
  ...shared,
  entryPoints: ['src/review/view/overview/markdown.ts'],
  outfile: join(dirname(outfile), 'markdown.js'),
  minify: !dev,
  metafile: true,
};

// The pull request pages (overview tabs and HTML, details loader, content store, check-out, the
// commands' implementation, the multiplier-pr: file system's reads): beside the extension, required
// on the first overview, diff or page command (src/review/pages.ts).
const prPages = {
  ...shared,
  entryPoints: ['src/review/pagesRuntime.ts'],
  outfile: join(dirname(outfile), 'pr-pages.js'),
  minify: !dev,
  metafile: true,
};

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

function reportSize(result) {
  for (const [file, info] of Object.entries(result.metafile?.outputs ?? {})) {
    if (/\.(js|css)$/.test(file)) {
      console.log(
        `${file}: ${(info.bytes / 1024).toFixed(1)} KiB${dev ? ' (dev build)' : ' minified'}${testSeams ? ', with test seams' : ''}`,
      );
    }
  }
}

if (watch) {
  const report = [{ name: 'report', setup: (build) => build.onEnd((result) => reportSize(result)) }];
  const contexts = await Promise.all([
    esbuild.context({ ...extension, plugins: [...extension.plugins, ...report] }),
    esbuild.context({ ...health, plugins: [...health.plugins, ...report] }),
    esbuild.context({ ...wordsEngine, plugins: [...wordsEngine.plugins, ...report] }),
    esbuild.context({ ...gitHistory, plugins: [...gitHistory.plugins, ...report] }),
    esbuild.context({ ...markdown, plugins: [...markdown.plugins, ...report] }),
    esbuild.context({ ...prPages, plugins: [...prPages.plugins, ...report] }),
    esbuild.context({ ...webviews, plugins: report }),
  ]);
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('esbuild: watching src/ for changes');
} else if (args.has('--tests')) {
  await esbuild.build(tests);
} else {
  reportSize(await esbuild.build(extension));
  reportSize(await esbuild.build(health));
  reportSize(await esbuild.build(wordsEngine));
  reportSize(await esbuild.build(gitHistory));
  reportSize(await esbuild.build(markdown));
  reportSize(await esbuild.build(prPages));
  reportSize(await esbuild.build(webviews));
}
