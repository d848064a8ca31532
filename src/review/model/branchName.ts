/**
 * Whether a branch name from GitHub may be handed to git as a branch name. Stricter than git's own
 * check-ref-format: letters, digits and `._/-`, starting with a letter or digit (so it can never
 * be read as an option), no `..`, no empty or dot-led segment, no `.lock` ending. Anything else is
 * checked out under a name we make from the pull request's number. Pure.
 */
export function isSafeBranchName(name: string): boolean {
  if (name.length === 0 || name.length > 200) return false;
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(name)) return false;
  if (name.includes('..') || name.endsWith('/') || name.endsWith('.') || name.endsWith('.lock')) return false;
  return name.split('/').every((segment) => segment.length > 0 && !segment.startsWith('.') && !segment.endsWith('.lock'));
}

/** The local branch a pull request is checked out as when its own name cannot be used (a fork, an odd name). */
export function pullBranchName(number: number): string {
  return `pr/${number}`;
}
