/** Turns a response body into JSON or a clear error: HTML pages and truncated JSON are errors. Pure. */
import { GitHubError } from './errors';

export function parseJsonBody(text: string, contentType: string | null, status: number): unknown {
  const looksHtml = /^\s*</.test(text) || /text\/html/i.test(contentType ?? '');
  if (looksHtml) throw new GitHubError('bad-response', `GitHub answered ${status} with an HTML page instead of JSON`, status);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new GitHubError('bad-response', `GitHub answered ${status} with malformed or truncated JSON (${text.length} bytes)`, status);
  }
}

/** The `message` field GitHub puts in error bodies, if any; never the raw body (it may be large). */
export function errorMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: unknown };
    return typeof body.message === 'string' ? body.message.slice(0, 200) : '';
  } catch {
    return '';
  }
}
