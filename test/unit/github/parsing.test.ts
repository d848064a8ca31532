import * as assert from 'node:assert/strict';
import { GitHubError } from '../../../src/github/model/errors';
import { parseLinkHeader } from '../../../src/github/model/linkHeader';
import { backoffFrom } from '../../../src/github/model/rateLimit';
import { parseJsonBody } from '../../../src/github/model/responseBody';

const headers = (h: Record<string, string>) => ({ get: (n: string) => h[n.toLowerCase()] ?? null });

describe('parseLinkHeader', () => {
  const cases: Array<[string | null, Record<string, string>]> = [
    [null, {}],
    [
      '<https://api.github.com/x?page=2>; rel="next", <https://api.github.com/x?page=5>; rel="last"',
      { next: 'https://api.github.com/x?page=2', last: 'https://api.github.com/x?page=5' },
    ],
    ['<https://a/x?page=1>; rel="prev first"', { prev: 'https://a/x?page=1', first: 'https://a/x?page=1' }],
    ['<https://a/x?page=3>;rel=next', { next: 'https://a/x?page=3' }],
    ['garbage, <no-rel>', {}],
  ];
  for (const [header, expected] of cases) it(JSON.stringify(header), () => assert.deepEqual(parseLinkHeader(header), expected));
});

describe('backoffFrom', () => {
  const now = 1_000_000;
  const cases: Array<[string, number, Record<string, string>, string, number, { until: number; reason: string } | undefined]> = [
    ['200, plenty left', 200, { 'x-ratelimit-remaining': '4999', 'x-ratelimit-reset': '2000' }, '', 0, undefined],
    ['403 Retry-After 120', 403, { 'retry-after': '120' }, '', 0, { until: now + 120_000, reason: 'retry-after' }],
    [
      '429 Retry-After as a date',
      429,
      { 'retry-after': new Date(now + 30_000).toUTCString() },
      '',
      0,
      { until: now + 30_000, reason: 'retry-after' },
    ],
    [
      '403 primary exhausted',
      403,
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '5000' },
      '',
      0,
      { until: 5_000_000, reason: 'primary' },
    ],
    [
      '200 but the last point spent',
      200,
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '3000' },
      '',
      0,
      { until: 3_000_000, reason: 'primary' },
    ],
    [
      '403 secondary, first strike',
      403,
      {},
      '{"message":"You have exceeded a secondary rate limit"}',
      0,
      { until: now + 60_000, reason: 'secondary' },
    ],
    [
      '403 secondary, third strike',
      403,
      {},
      '{"message":"You have exceeded a secondary rate limit"}',
      2,
      { until: now + 240_000, reason: 'secondary' },
    ],
    ['403 secondary, capped at 15 min', 403, {}, 'secondary rate limit', 10, { until: now + 900_000, reason: 'secondary' }],
    ['429 without headers', 429, {}, '', 0, { until: now + 60_000, reason: 'secondary' }],
    ['403 forbidden for another reason', 403, { 'x-ratelimit-remaining': '10' }, '{"message":"Resource not accessible"}', 0, undefined],
    ['500 with Retry-After is not a rate limit', 500, { 'retry-after': '5' }, '', 0, undefined],
  ];
  for (const [name, status, h, body, strikes, expected] of cases) {
    it(name, () => assert.deepEqual(backoffFrom(status, headers(h), body, now, strikes), expected));
  }
});

describe('parseJsonBody', () => {
  const cases: Array<[string, string, string | null, unknown | 'error']> = [
    ['plain JSON', '{"a":1}', 'application/json', { a: 1 }],
    ['HTML page', '<!DOCTYPE html><h1>502</h1>', 'text/html', 'error'],
    ['HTML with a JSON content type', '  <html>', 'application/json', 'error'],
    ['truncated', '[{"a":1},{"b"', 'application/json', 'error'],
    ['empty', '', 'application/json', 'error'],
  ];
  for (const [name, text, type, expected] of cases) {
    it(name, () => {
      if (expected === 'error')
        assert.throws(
          () => parseJsonBody(text, type, 200),
          (e) => e instanceof GitHubError && e.kind === 'bad-response',
        );
      else assert.deepEqual(parseJsonBody(text, type, 200), expected);
    });
  }
});
