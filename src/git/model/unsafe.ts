/**
 * Git refuses to read a repository owned by another user ("detected dubious ownership", git ≥
 * 2.35.2) until the user trusts it with `safe.directory`. Multiplier never overrides that check;
 * it recognises the refusal so the views can say why history is unavailable and how to fix it.
 * Pure.
 */

/** A repository git refuses to read, and the command that trusts it. */
export interface UnsafeRepository {
  /** The path git names (the work tree, or the `.git` folder). */
  path: string;
  /** `git config --global --add safe.directory '<path>'`, quoted for a POSIX shell. */
  fix: string;
}

/** The path in git's "dubious ownership" message, or undefined when stderr says something else. */
export function unsafeRepositoryIn(stderr: string): UnsafeRepository | undefined {
  const path = /detected dubious ownership in repository at '(.+)'\s*$/m.exec(stderr)?.[1];
  return path ? { path, fix: safeDirectoryCommand(path) } : undefined;
}

export function safeDirectoryCommand(path: string): string {
  return `git config --global --add safe.directory '${path.replace(/'/g, `'\\''`)}'`;
}
