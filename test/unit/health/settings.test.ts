import * as assert from 'node:assert/strict';
import { DEFAULT_HEALTH_SETTINGS, readHealthSettings } from '../../../src/health/model/settings';

const from = (values: Record<string, unknown>) => readHealthSettings((key) => values[key]);

describe('health settings', () => {
  it('falls back to the defaults for anything missing or malformed', () => {
    assert.deepEqual(from({}), DEFAULT_HEALTH_SETTINGS);
    const odd = from({
      releaseSource: 'ftp',
      failureWindowDays: -3,
      inactiveDays: 'ninety',
      authorAliases: ['not', 'an', 'object'],
      excludePaths: 'vendor',
      'targets.pickupHours': 0,
      businessHours: 'yes',
    });
    assert.deepEqual(odd, DEFAULT_HEALTH_SETTINGS);
  });

  it('reads every setting, trimmed and lower-cased where it matters', () => {
    const s = from({
      releaseSource: 'deployment',
      releasePattern: '  ^release-\\d+$ ',
      deploymentEnvironment: 'prod',
      failureWindowDays: 3,
      hotfixSubjectPattern: '^fix!',
      hotfixBranchPattern: '',
      'targets.pickupHours': 4,
      'targets.reviewHours': 8,
      'targets.cycleHours': 30,
      'targets.prSizeLines': 300.4,
      businessHours: true,
      inactiveDays: 60,
      authorAliases: { ' Old@Mail.org ': 'NEW@mail.org', empty: '', bad: 3 },
      excludePaths: ['vendor/', './generated', 'vendor/', 7, ''],
    });
    assert.deepEqual(s, {
      releaseSource: 'deployment',
      releasePattern: '^release-\\d+$',
      deploymentEnvironment: 'prod',
      failureWindowDays: 3,
      hotfixSubjectPattern: '^fix!',
      hotfixBranchPattern: '',
      targets: { pickupHours: 4, reviewHours: 8, cycleHours: 30, prSizeLines: 300 },
      businessHours: true,
      inactiveDays: 60,
      authorAliases: { 'old@mail.org': 'new@mail.org' },
      excludePaths: ['vendor/', 'generated'],
    });
  });

  it('caps the failure window and inactive days at sensible maxima', () => {
    const s = from({ failureWindowDays: 10_000, inactiveDays: 1e9 });
    assert.equal(s.failureWindowDays, 365);
    assert.equal(s.inactiveDays, 3650);
  });
});
