/**
 * The only place that starts git. Every read goes through here so the safety rules live once:
 *
 * - A repository's own `.git/config` can name programs for git to run (fsmonitor, pager, external
 *   diff, textconv, gpg for `log.showSignature`, lazy fetch transports). We override each of those
 *   on the command line, which wins over repository config.
 * - Strings that came from a repository never become options: callers pass only validated shas,
 *   after `--end-of-options` or `--`.
 * - Every process has a timeout and dies when its AbortSignal fires (workspace closed).
 *
 * No `vscode` import, so it is exercised in plain Node tests.
 */
import { spawn } from 'node:child_process';

export const SAFE_READ_CONFIG: readonly string[] = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'core.pager=cat',
  'core.untrackedCache=false',
  'diff.external=',
  'log.showSignature=false',
  'i18n.logOutputEncoding=UTF-8',
  // Blocks every transport, so a partial clone cannot fetch (and run ssh or upload-pack) during a read.
  'protocol.allow=never',
  'credential.helper=',
];

export interface GitRunOptions {
  cwd: string;
  /** Stdout is streamed here when given; otherwise collected and returned. */
  onStdout?: (chunk: Buffer) => void;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Exit codes that are answers rather than failures (e.g. 1 for `merge-base --is-ancestor`). */
  okExitCodes?: readonly number[];
  /** Written to git's standard input, which is then closed (e.g. object names for `cat-file --batch-check`). */
  input?: string;
}

export interface GitResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export class GitError extends Error {
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(message);
    this.name = 'GitError';
  }
}

export type GitRunner = (args: readonly string[], options: GitRunOptions) => Promise<GitResult>;

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** A full object id: 40 or 64 lower-case hex digits. */
export function isSha(value: string): boolean {
  return SHA.test(value);
}

/** A full object id is the only revision we ever hand to git; anything else is refused. */
export function assertSha(value: string): string {
  if (!isSha(value)) throw new Error(`refusing revision that is not a full sha: ${JSON.stringify(value.slice(0, 60))}`);
  return value;
}

/** For the rare symbolic ref: no option look-alikes, no control characters, no range syntax. */
export function assertSafeRef(value: string): string {
  if (value === '' || value.startsWith('-') || /[\x00-\x20\x7f~^:?*[\\]|\.\.|@\{/.test(value)) {
    throw new Error(`refusing unsafe ref: ${JSON.stringify(value.slice(0, 60))}`);
  }
  return value;
}

/** Environment for git: nothing inherited may redirect it to another repository or program. */
export function gitEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) {
    if (!key.startsWith('GIT_')) env[key] = value;
  }
  env.GIT_TERMINAL_PROMPT = '0';
  env.GIT_PAGER = 'cat';
  env.GIT_OPTIONAL_LOCKS = '0'; // never take the index lock the user's own git may need
  env.GIT_NO_LAZY_FETCH = '1';
  // Fully buffered output: into a pipe, git log otherwise flushes after every commit, and reading
  // git/git's 62 MB in ~1 KB pieces cost the extension host 5 s of CPU instead of ~1.5 s.
  env.GIT_FLUSH = '0';
  env.LC_ALL = 'C';
  return env;
}

export function safeArgs(args: readonly string[]): string[] {
  const config = SAFE_READ_CONFIG.flatMap((entry) => ['-c', entry]);
  return ['--no-pager', '--no-replace-objects', ...config, ...args];
}

/**
 * At most `maxConcurrent` git processes at once (like simple-git's default of 5): opening a
 * multi-root workspace must not fork a dozen full scans on a two-core laptop. Later calls queue.
 */
export function createGitRunner(gitPath = 'git', defaultTimeoutMs = 120_000, maxConcurrent = 4): GitRunner {
  const run = runOne(gitPath, defaultTimeoutMs);
  let running = 0;
  const queue: (() => void)[] = [];
  const release = () => {
    running--;
    queue.shift()?.();
  };
  return async (args, options) => {
    if (running >= maxConcurrent) {
      await new Promise<void>((resolve) => queue.push(resolve));
    }
    running++;
    try {
      return await run(args, options);
    } finally {
      release();
    }
  };
}

function runOne(gitPath: string, defaultTimeoutMs: number): GitRunner {
  return (args, options) =>
    new Promise<GitResult>((resolve, reject) => {
      if (options.signal?.aborted) {
        reject(new GitError('git cancelled before start', null, ''));
        return;
      }
      const child = spawn(gitPath, safeArgs(args), {
        cwd: options.cwd,
        env: gitEnv(),
        stdio: ['pipe', 'pipe', 'pipe'],
        windowsHide: true,
        // Own process group on POSIX, so a kill also reaches anything git started.
        detached: process.platform !== 'win32',
      });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      let stderrBytes = 0;
      let settled = false;
      let killedFor: string | undefined;

      const kill = (why: string) => {
        if (killedFor === undefined) killedFor = why;
        try {
          if (process.platform !== 'win32' && child.pid) process.kill(-child.pid, 'SIGKILL');
          else child.kill('SIGKILL');
        } catch {
          child.kill('SIGKILL'); // the group is already gone; make sure the child is too
        }
      };
      const timer = setTimeout(
        () => kill(`timed out after ${options.timeoutMs ?? defaultTimeoutMs} ms`),
        options.timeoutMs ?? defaultTimeoutMs,
      );
      const onAbort = () => kill('cancelled');
      options.signal?.addEventListener('abort', onAbort, { once: true });

      child.stdout.on('data', (chunk: Buffer) => {
        if (options.onStdout) options.onStdout(chunk);
        else stdout.push(chunk);
      });
      child.stderr.on('data', (chunk: Buffer) => {
        // Bounded: a misbehaving git must not fill our memory through stderr.
        if (stderrBytes < 64 * 1024) stderr.push(chunk);
        stderrBytes += chunk.length;
      });
      const finish = (error: Error | undefined, code: number | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        const errText = Buffer.concat(stderr).toString('utf8');
        if (error) return reject(new GitError(`git ${args[0]} failed to start: ${error.message}`, null, errText));
        if (killedFor) return reject(new GitError(`git ${args[0]} ${killedFor}`, code, errText));
        const okCodes = options.okExitCodes ?? [];
        if (code !== 0 && !okCodes.includes(code ?? -1)) {
          return reject(new GitError(`git ${args[0]} exited with ${code}: ${errText.trim().slice(0, 300)}`, code, errText));
        }
        resolve({ exitCode: code ?? 0, stdout: Buffer.concat(stdout).toString('utf8'), stderr: errText });
      };
      // git may exit before reading all of its input; its exit code says what happened.
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input ?? '');
      child.on('error', (error) => finish(error, null));
      child.on('close', (code) => finish(undefined, code));
    });
}
