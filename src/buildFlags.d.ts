/**
 * Set by esbuild at build time (`define`): true only in the build the integration harness installs
 * (`node esbuild.mjs --test-seams`). The production bundle is built with false, so every branch
 * guarded by it, and everything only those branches import, is left out.
 */
declare const MULTIPLIER_TEST_SEAMS: boolean;
