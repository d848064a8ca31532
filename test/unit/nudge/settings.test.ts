import * as assert from 'node:assert/strict';
import { DEFAULT_NUDGE_SETTINGS, normalizeNudgeSettings } from '../../../src/nudge/policy/settings';

describe('normalizeNudgeSettings', () => {
  it('uses the documented defaults when nothing is set', () => {
    const { settings, problems } = normalizeNudgeSettings({});
    assert.deepEqual(problems, []);
    assert.deepEqual(settings, { ...DEFAULT_NUDGE_SETTINGS });
    assert.deepEqual(settings.quietHours, { start: '18:30', end: '09:00' });
    assert.equal(settings.maxToastsPerDay, 4);
    assert.equal(settings.minMinutesBetweenToasts, 60);
    assert.deepEqual(settings.reviewWindows, ['10:00', '15:00']);
  });

  it('takes valid values', () => {
    const { settings, problems } = normalizeNudgeSettings({
      'nudges.quietHoursStart': '20:00',
      'workingHours.days': [0, 6],
      'workingHours.timeZone': 'America/New_York',
      'nudges.toastsEnabled': false,
    });
    assert.deepEqual(problems, []);
    assert.equal(settings.quietHours.start, '20:00');
    assert.deepEqual(settings.workingDays, [0, 6]);
    assert.equal(settings.timeZone, 'America/New_York');
    assert.equal(settings.toastsEnabled, false);
  });

  it('takes 24:00 as the end of the working day and of quiet hours', () => {
    const { settings, problems } = normalizeNudgeSettings({ 'workingHours.end': '24:00', 'nudges.quietHoursEnd': '24:00' });
    assert.deepEqual(problems, []);
    assert.equal(settings.workingHours.end, '24:00');
    assert.equal(settings.quietHours.end, '24:00');
  });

  it('reads an empty time zone as the machine zone', () => {
    assert.equal(normalizeNudgeSettings({ 'workingHours.timeZone': '' }).settings.timeZone, undefined);
  });

  const bad: Array<[string, Record<string, unknown>]> = [
    ['a time without a colon', { 'nudges.quietHoursStart': '1830' }],
    ['hour 24 as a start', { 'workingHours.start': '24:00' }],
    ['hour 24 past its first minute', { 'workingHours.end': '24:30' }],
    ['weekday 7', { 'workingHours.days': [1, 7] }],
    ['a negative limit', { 'nudges.maxToastsPerDay': -1 }],
    ['a fractional gap', { 'nudges.minMinutesBetweenToasts': 1.5 }],
    ['a malformed review window', { 'nudges.reviewWindows': ['10am'] }],
    ['an unknown zone', { 'workingHours.timeZone': 'Mars/Olympus' }],
    ['a string for a boolean', { 'nudges.toastsEnabled': 'yes' }],
  ];
  for (const [name, raw] of bad) {
    it(`falls back to the default for ${name}, naming the setting`, () => {
      const { settings, problems } = normalizeNudgeSettings(raw);
      assert.equal(problems.length, 1);
      assert.match(problems[0], new RegExp(`^multiplier\\.${Object.keys(raw)[0].replace('.', '\\.')}:`));
      assert.deepEqual(settings, { ...DEFAULT_NUDGE_SETTINGS });
    });
  }
});
