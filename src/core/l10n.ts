/**
 * Our own `@vscode/l10n`: tsconfig.json `paths` resolves that name to this file for tsc, tsx, ESLint,
 * knip and esbuild alike. Pure code writes `import * as l10n from '@vscode/l10n'` and
 * `l10n.t('…')`, the form `npm run l10n` extracts, without importing `vscode`.
 *
 * Why not the package itself: the extension is several esbuild bundles (extension.js and the ones
 * required on first use), each with its own copy of every module. The package keeps its table in a
 * module variable, so a table configured by extension.js would be unseen by the other bundles.
 * Here the table lives on globalThis under one `Symbol.for` key, shared by every copy.
 *
 * Unconfigured (English, plain-Node unit tests) `t` returns the English message with its values.
 */

type Value = string | number | boolean;
type Args = Value[] | Record<string, Value>;
/** A bundle file's shape: a translation, or the English export's `{ message, comment }`. */
type Contents = Record<string, string | { message: string }>;

const TABLE = Symbol.for('multiplier.l10n.contents');
const shared = globalThis as { [TABLE]?: Contents };

/** Sets the table every bundle reads; `undefined` (the editor's default language) means English. */
export function config(options: { contents: Contents | string | undefined }): void {
  const contents = typeof options.contents === 'string' ? (JSON.parse(options.contents) as unknown) : options.contents;
  shared[TABLE] = typeof contents === 'object' && contents !== null ? (contents as Contents) : undefined;
}

export function t(message: string, ...args: Value[]): string;
export function t(message: string, args: Record<string, Value>): string;
export function t(options: { message: string; args?: Args; comment: string | string[] }): string;
export function t(first: string | { message: string; args?: Args; comment: string | string[] }, ...rest: unknown[]): string {
  const message = typeof first === 'string' ? first : first.message;
  // The same key the exporter writes: a commented message is "message/comment".
  const key = typeof first === 'string' ? message : `${message}/${[first.comment].flat().join('')}`;
  const args = typeof first === 'string' ? argsOf(rest) : first.args;
  const found = shared[TABLE]?.[key];
  const template = typeof found === 'string' ? found : typeof found?.message === 'string' ? found.message : message;
  return args === undefined ? template : format(template, args);
}

function argsOf(rest: unknown[]): Args | undefined {
  if (rest.length === 0) return undefined;
  const [only] = rest;
  return rest.length === 1 && typeof only === 'object' && only !== null ? (only as Record<string, Value>) : (rest as Value[]);
}

/** `{0}` or `{name}` → its value; a placeholder without a value stays as written. */
function format(template: string, args: Args): string {
  return template.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const value = (args as Record<string, Value>)[name];
    return value === undefined ? whole : String(value);
  });
}
