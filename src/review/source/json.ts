/**
 * Shape checks for GitHub REST JSON, shared by the queue's and the PR overview's projections: a
 * value of the wrong shape fails the request as a bad response. Pure.
 */
import { GitHubError } from '../../github/api';

export type Json = Record<string, unknown>;

export function bad(what: string): never {
  throw new GitHubError('bad-response', `unexpected GitHub response: ${what}`);
}
export function obj(value: unknown, what: string): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : bad(`${what} is not an object`);
}
export function arr(value: unknown, what: string): unknown[] {
  return Array.isArray(value) ? value : bad(`${what} is not a list`);
}
export function str(value: unknown, what: string): string {
  return typeof value === 'string' ? value : bad(`${what} is not text`);
}
export function optStr(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
