import * as assert from 'node:assert/strict';
import { exportFileName, keepSection, oneOnOneDocument, TO_DISCUSS } from '../../../src/notes/model/documents';
import { inlineTags, quickNoteBody } from '../../../src/notes/model/templates';

describe('notes: tags stay visible in the text', () => {
  const cases: [string, string[], string][] = [
    ['Asked before telling in review #testing', [], '# Asked before telling in review\n\n#testing\n'],
    ['Asked #giving-feedback before telling', [], '# Asked #giving-feedback before telling\n\n'],
    ['Paired on the parser #pairing #testing', ['coach'], '# Paired on the parser\n\n#pairing #testing #coach\n'],
    ['First line\nWhat I learned #testing', ['x'], '# First line\n\n#x\n\nWhat I learned #testing\n'],
    ['No tags at all', [], '# No tags at all\n\n'],
    ['## Already a heading #t', [], '## Already a heading\n\n#t\n'],
  ];
  for (const [text, extra, body] of cases) {
    it(`${JSON.stringify(text)} → ${JSON.stringify(body)}`, () => assert.equal(quickNoteBody(text, extra), body));
  }
  it('reads every inline tag once, in order', () => {
    assert.deepEqual(inlineTags('a #x b #y-z #x c#not'), ['x', 'y-z']);
  });
});

describe('notes: refreshing this week’s note keeps what the user wrote', () => {
  it('keeps the To discuss section of the existing 1:1 prep and refreshes the rest', () => {
    const existing = `# 1:1 prep — 2026-12-01\n\nThe last 1 growth note.\n\n## Old note\n\n${TO_DISCUSS}\n\n- Ask about the on-call rota\n- Career plan\n`;
    const fresh = `# 1:1 prep — 2026-12-03\n\nThe last 2 growth notes.\n\n## New note\n\n## Old note\n\n${TO_DISCUSS}\n\n- \n`;
    assert.equal(
      keepSection(existing, fresh, TO_DISCUSS),
      `# 1:1 prep — 2026-12-03\n\nThe last 2 growth notes.\n\n## New note\n\n## Old note\n\n${TO_DISCUSS}\n\n- Ask about the on-call rota\n- Career plan\n`,
    );
  });
  it('takes the fresh text when the user removed the section', () => {
    assert.equal(keepSection('# mine\n', `# fresh\n\n${TO_DISCUSS}\n`, TO_DISCUSS), `# fresh\n\n${TO_DISCUSS}\n`);
  });
  it('matches the heading as a whole line only', () => {
    const existing = `x\n${TO_DISCUSS} later\n\n${TO_DISCUSS}\n\nmine\n`;
    assert.equal(keepSection(existing, `y\n\n${TO_DISCUSS}\n`, TO_DISCUSS), `y\n\n${TO_DISCUSS}\n\nmine\n`);
  });
  it('still ends a generated prep with the section', () => {
    assert.ok(oneOnOneDocument([], 5, '2026-12-02T12:00:00Z').endsWith(`${TO_DISCUSS}\n\n- \n`));
  });
});

describe('notes: export file name', () => {
  it('is growth-notes-YYYY-MM-DD.md by the local date', () => {
    const instant = Date.parse('2026-12-02T23:30:00Z');
    assert.equal(exportFileName(instant, 'Europe/Berlin'), 'growth-notes-2026-12-03.md');
    assert.equal(exportFileName(instant, 'America/New_York'), 'growth-notes-2026-12-02.md');
  });
});
