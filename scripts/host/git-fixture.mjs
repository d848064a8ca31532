// Builds small, real git repositories with a controlled history, for the tests and the demo.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function git(cwd, args, { env = {}, input } = {}) {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    input,
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', ...env },
  });
}

export function initRepository(dir, { branch = 'main' } = {}) {
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q', '-b', branch]);
  git(dir, ['config', 'user.name', 'Test Runner']);
  git(dir, ['config', 'user.email', 'runner@example.com']);
  git(dir, ['config', 'commit.gpgsign', 'false']);
  return dir;
}

export function writeFiles(dir, files) {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** Commits `files` as `author` ({ name, email }) at `date` (ISO string). Returns the new sha. */
export function commit(dir, message, { files = {}, author, date } = {}) {
  writeFiles(dir, files);
  git(dir, ['add', '-A']);
  const env = {};
  if (author)
    Object.assign(env, {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_COMMITTER_NAME: author.name,
      GIT_COMMITTER_EMAIL: author.email,
    });
  if (date) Object.assign(env, { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  git(dir, ['commit', '-q', '--allow-empty', '-m', message], { env });
  return git(dir, ['rev-parse', 'HEAD']).trim();
}

/** The workspace the integration suites start from: two authors, a few days of history. */
export function createTestRepository(dir) {
  initRepository(dir);
  const ada = { name: 'Ada Lovelace', email: 'ada@example.com' };
  const grace = { name: 'Grace Hopper', email: 'grace@example.com' };
  const day = (n) => new Date(Date.now() - n * 86_400_000).toISOString();
  commit(dir, 'Initial commit', {
    author: ada,
    date: day(10),
    files: { 'README.md': '# Test workspace\n', 'src/app.ts': 'export const answer = 42;\n' },
  });
  commit(dir, 'Add parser', {
    author: grace,
    date: day(7),
    files: { 'src/parser.ts': 'export function parse(text: string) { return text.split(","); }\n' },
  });
  commit(dir, 'Explain the parser (#3)', {
    author: ada,
    date: day(3),
    files: { 'src/parser.ts': '// Splits CSV-ish input.\nexport function parse(text: string) { return text.split(","); }\n' },
  });
  return dir;
}
