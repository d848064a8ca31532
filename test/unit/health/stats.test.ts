import * as assert from 'node:assert/strict';
import { startOfLocalDay, startOfWeek, weekIndex, weeklyPeriod } from '../../../src/health/model/period';
import { distribution, measuredDistribution, quantileSorted } from '../../../src/health/model/stats';
import { HOUR } from './fixtures';

describe('health statistics', () => {
  it('quantiles interpolate linearly between ranks (NumPy / PERCENTILE.INC)', () => {
    // numpy.percentile([1, 2, 3, 4], [50, 75, 90]) → 2.5, 3.25, 3.7
    const d = distribution([4, 1, 3, 2]);
    assert.equal(d.median, 2.5);
    assert.equal(d.p75, 3.25);
    assert.ok(Math.abs(d.p90 - 3.7) < 1e-12);
    assert.deepEqual([d.min, d.max, d.n], [1, 4, 4]);
    // Odd count: the middle value. numpy.percentile([10, 20, 30, 40, 100], 90) → 76
    const odd = distribution([100, 10, 30, 20, 40]);
    assert.equal(odd.median, 30);
    assert.equal(odd.p90, 76);
    assert.equal(quantileSorted([7], 0.9), 7);
    assert.ok(Number.isNaN(quantileSorted([], 0.5)));
  });

  it('says why there is no figure instead of showing one', () => {
    assert.deepEqual(measuredDistribution([], 3, 'mergedPullRequests'), { ok: false, reason: 'no merged pull requests in this period' });
    assert.deepEqual(measuredDistribution([1, 2], 3, 'mergedPullRequests', 'week'), {
      ok: false,
      reason: 'only 2 merged pull requests in this week; 3 needed for a stable median',
    });
    assert.equal(measuredDistribution([1, 2, 3], 3, 'reviews').ok, true);
  });
});

describe('health weeks', () => {
  it('cuts calendar weeks Monday to Monday, the last one holding now', () => {
    const now = Date.parse('2025-03-19T15:00Z'); // a Wednesday
    const period = weeklyPeriod(now, 4, 'UTC');
    assert.deepEqual(
      period.weeks.map((w) => w.label),
      ['2025-02-24', '2025-03-03', '2025-03-10', '2025-03-17'],
    );
    assert.equal(period.start, Date.parse('2025-02-24T00:00Z'));
    assert.equal(period.end, now);
    assert.equal(period.weeks[3].end, Date.parse('2025-03-24T00:00Z'));
    assert.equal(weekIndex(period, Date.parse('2025-03-09T23:59:59Z')), 1);
    assert.equal(weekIndex(period, Date.parse('2025-03-10T00:00Z')), 2);
    assert.equal(weekIndex(period, Date.parse('2025-02-23T23:59Z')), -1, 'before the period');
    assert.equal(weekIndex(period, now + 1), -1, 'after now');
  });

  it('keeps a daylight-saving week whole: 167 hours in spring, 169 in autumn (Europe/Berlin)', () => {
    const zone = 'Europe/Berlin';
    // Summer time starts Sunday 2025-03-30 02:00 → 03:00.
    const spring = weeklyPeriod(Date.parse('2025-04-02T10:00Z'), 2, zone);
    const [before, after] = spring.weeks;
    assert.equal(before.start, Date.parse('2025-03-23T23:00Z'), 'Monday 00:00 CET');
    assert.equal(before.end, Date.parse('2025-03-30T22:00Z'), 'Monday 00:00 CEST');
    assert.equal((before.end - before.start) / HOUR, 167);
    assert.equal(after.label, '2025-03-31');
    // Sunday 23:30 local is still the DST week; Monday 00:30 local is the next one.
    assert.equal(weekIndex(spring, Date.parse('2025-03-30T21:30Z')), 0);
    assert.equal(weekIndex(spring, Date.parse('2025-03-30T22:30Z')), 1);

    // Summer time ends Sunday 2025-10-26 03:00 → 02:00.
    const autumn = weeklyPeriod(Date.parse('2025-10-29T10:00Z'), 2, zone);
    assert.equal((autumn.weeks[0].end - autumn.weeks[0].start) / HOUR, 169);
    assert.equal(weekIndex(autumn, Date.parse('2025-10-26T22:30Z')), 0, 'Sunday 23:30 CET');
    assert.equal(weekIndex(autumn, Date.parse('2025-10-26T23:00Z')), 1, 'Monday 00:00 CET');
  });

  it('finds local midnight on the day the clocks change', () => {
    // 03:30 CEST on 2025-03-30 is 01:30 UTC; that day began at 00:00 CET = 23:00 UTC the day before.
    assert.equal(startOfLocalDay(Date.parse('2025-03-30T01:30Z'), 'Europe/Berlin'), Date.parse('2025-03-29T23:00Z'));
    assert.equal(startOfLocalDay(Date.parse('2025-10-26T11:00Z'), 'Europe/Berlin'), Date.parse('2025-10-25T22:00Z'));
    assert.equal(startOfWeek(Date.parse('2025-03-30T21:00Z'), 'Europe/Berlin'), Date.parse('2025-03-23T23:00Z'));
    // New York: a Sunday evening is still in the week that began on Monday.
    assert.equal(startOfWeek(Date.parse('2025-03-10T03:00Z'), 'America/New_York'), Date.parse('2025-03-03T05:00Z'));
  });
});
