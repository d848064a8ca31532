/**
 * Which terminal command lines run tests, and how runs group into one streak. The coach counts a
 * failed test command like a failed task: the same command failing again and again. Pure.
 *
 * A command line is split at `&&`, `||`, `;` and `|`; the last part that runs a known test
 * runner is the test command (so `cd api && npm test` is `npm test`). Grouping is by that command
 * as typed, tidied: environment assignments and `time` dropped, spaces collapsed, and npm's
 * aliases (`npm t`, `npm run test`) read as `npm test`. Different arguments are different
 * commands: `pytest tests/a.py` and `pytest tests/b.py` are two streaks.
 */

export interface TestCommand {
  /** The runner, e.g. "npm", "pytest", "go test": for logs and tests. */
  runner: string;
  /** The tidied command: the streak's identity and what the prompt quotes. */
  command: string;
}

const MAX_COMMAND_CHARS = 160;

/** Runners that run tests whatever their arguments. */
const RUNNERS = new Set([
  'jest',
  'vitest',
  'mocha',
  'ava',
  'tap',
  'jasmine',
  'karma',
  'pytest',
  'py.test',
  'tox',
  'nox',
  'rspec',
  'phpunit',
  'pest',
  'ctest',
  'elm-test',
  'nextest',
]);

/** Tools whose test subcommand (the first argument) runs tests: `go test`, `cargo test`, … */
const SUBCOMMANDS: Record<string, readonly string[]> = {
  go: ['test'],
  cargo: ['test', 'nextest'],
  dotnet: ['test'],
  deno: ['test'],
  bun: ['test'],
  swift: ['test'],
  mix: ['test'],
  sbt: ['test', 'testOnly'],
  lein: ['test'],
  stack: ['test'],
  cabal: ['test'],
  flutter: ['test'],
  dart: ['test'],
  rails: ['test'],
  rake: ['test', 'spec'],
  make: ['test', 'check'],
  mvn: ['test', 'verify'],
  mvnw: ['test', 'verify'],
  gradle: ['test', 'check'],
  gradlew: ['test', 'check'],
  playwright: ['test'],
  cypress: ['run'],
  zig: ['build'],
};

/** Package managers whose scripts named `test` or `test:*` run tests. */
const PACKAGE_MANAGERS = new Set(['npm', 'pnpm', 'yarn', 'bun']);
const TEST_SCRIPT = /^test([:._-][\w:.-]*)?$/;

/** Words that run the next words: dropped before recognising the runner. */
const WRAPPERS: Record<string, number> = {
  npx: 1,
  pnpx: 1,
  bunx: 1,
  time: 1,
  command: 1,
  exec: 1,
};
const TWO_WORD_WRAPPERS = new Set([
  'npm exec',
  'pnpm exec',
  'pnpm dlx',
  'yarn dlx',
  'yarn exec',
  'bundle exec',
  'poetry run',
  'uv run',
  'pipenv run',
  'hatch run',
  'pdm run',
]);

/** Splits a command line into words, honouring quotes and backslashes. */
function words(segment: string): string[] {
  const out: string[] = [];
  let current = '';
  let quote: string | undefined;
  let inWord = false;
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < segment.length) current += segment[++i];
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < segment.length) {
      current += segment[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) out.push(current);
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (inWord) out.push(current);
  return out;
}

/** Splits at shell operators outside quotes: `&&`, `||`, `;`, `|`, `&`. */
function segments(commandLine: string): string[] {
  const out: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (let i = 0; i < commandLine.length; i++) {
    const ch = commandLine[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (ch === ';' || ch === '|' || ch === '&' || ch === '\n') {
      out.push(current);
      current = '';
      if ((ch === '|' || ch === '&') && commandLine[i + 1] === ch) i++;
    } else {
      current += ch;
    }
  }
  out.push(current);
  return out.map((s) => s.trim()).filter(Boolean);
}

/** `./node_modules/.bin/jest` → `jest`, `./gradlew` → `gradlew`, `python3.12` → `python`. */
function baseName(word: string): string {
  const name = word.slice(word.lastIndexOf('/') + 1).replace(/\.(cmd|exe|bat|ps1)$/i, '');
  return /^python[\d.]*$/.test(name) ? 'python' : name;
}

function recogniseWords(all: readonly string[]): { runner: string; shown: string[] } | undefined {
  let rest = [...all];
  // Environment assignments and wrappers that only run what follows.
  for (;;) {
    const first = rest[0];
    if (first === undefined) return undefined;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(first)) {
      rest = rest.slice(1);
    } else if (first === 'env') {
      rest = rest.slice(1);
    } else if (first === 'time' || first === 'command' || first === 'exec') {
      rest = rest.slice(WRAPPERS[first]);
    } else break;
  }
  const shown = [...rest];
  let tool = rest;
  for (;;) {
    const head = baseName(tool[0] ?? '');
    if (tool.length >= 2 && TWO_WORD_WRAPPERS.has(`${head} ${tool[1]}`)) tool = tool.slice(2);
    else if (WRAPPERS[head] && head !== 'time' && head !== 'command' && head !== 'exec') tool = tool.slice(WRAPPERS[head]);
    else if (head === 'python' && tool[1] === '-m') tool = tool.slice(2);
    else break;
  }
  const head = baseName(tool[0] ?? '');
  const args = tool.slice(1);
  if (!head) return undefined;
  if (head === 'unittest' || RUNNERS.has(head)) return { runner: head, shown };
  if (head === 'node' && args.includes('--test')) return { runner: 'node --test', shown };
  if (PACKAGE_MANAGERS.has(head)) {
    const [sub, script] = args;
    if (head === 'bun' && sub === 'test') return { runner: 'bun test', shown };
    if (sub === 'test' || sub === 't' || sub === 'tst') return { runner: head, shown: aliasOf(shown, head) };
    if ((sub === 'run' || sub === 'run-script') && script && TEST_SCRIPT.test(script)) {
      return { runner: head, shown: script === 'test' ? aliasOf(shown, head) : shown };
    }
    if (head === 'yarn' && sub && TEST_SCRIPT.test(sub)) return { runner: head, shown };
    return undefined;
  }
  const subcommands = SUBCOMMANDS[head];
  if (subcommands && args[0] !== undefined && subcommands.includes(args[0])) {
    if (head === 'zig' && args[1] !== 'test') return undefined;
    return { runner: `${head} ${args[0]}`, shown };
  }
  return undefined;
}

/** `npm t -- --grep x` and `npm run test -- --grep x` read as `npm test -- --grep x`. */
function aliasOf(shown: readonly string[], manager: string): string[] {
  const at = shown.findIndex((w) => baseName(w) === manager);
  if (at < 0) return [...shown];
  const after = shown.slice(at + 1);
  const skip = after[0] === 'run' || after[0] === 'run-script' ? 2 : 1;
  return [...shown.slice(0, at + 1), 'test', ...after.slice(skip)];
}

/** The test command in a command line, or undefined when it runs no known test runner. */
export function recogniseTestCommand(commandLine: string): TestCommand | undefined {
  const parts = segments(commandLine);
  for (let i = parts.length - 1; i >= 0; i--) {
    const found = recogniseWords(words(parts[i]));
    if (!found) continue;
    const command = found.shown.map((w) => (/[\s"'\\]/.test(w) || w === '' ? JSON.stringify(w) : w)).join(' ');
    return {
      runner: found.runner,
      command: command.length > MAX_COMMAND_CHARS ? `${command.slice(0, MAX_COMMAND_CHARS - 1)}…` : command,
    };
  }
  return undefined;
}
