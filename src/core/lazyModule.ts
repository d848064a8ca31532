/**
 * A module bundled apart (a file beside dist/extension.js, built by esbuild.mjs) and required on
 * first use, so activation never parses it. Run from source (unit tests, benchmarks) it is the
 * module itself.
 */
export function lazyModule<T>(paths: { bundled: string; source: string }): () => T {
  let loaded: T | undefined;
  return () => {
    // A path computed at run time, so the bundler leaves the module out of extension.js.
    loaded ??= require(__filename.endsWith('.js') ? paths.bundled : paths.source) as T;
    return loaded;
  };
}
