import * as assert from 'node:assert/strict';
import { labelOfKind, mutedText, snoozedText } from '../../../src/nudge/policy/feedback';
import { berlin } from './fixtures';

describe('nudge feedback', () => {
  it('says until when a snooze lasts, in the working-hours zone', () => {
    const now = berlin('2025-01-15T14:30');
    assert.equal(snoozedText(now + 60 * 60_000, now, 'Europe/Berlin', 'review reminders'), 'Snoozed review reminders until 15:30.');
    assert.equal(snoozedText(berlin('2025-01-16T09:00'), now, 'Europe/Berlin'), 'Snoozed this until Thu 09:00.');
  });
  it('names what was muted, from the label or else the kind', () => {
    assert.equal(mutedText(labelOfKind('coach.repeated-failure', 'repeated failures')), 'No more nudges about repeated failures.');
    assert.equal(labelOfKind('review.reminder'), 'review reminder');
    assert.equal(labelOfKind('integration.persisted-mute'), 'integration persisted mute');
  });
});
