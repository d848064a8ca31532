import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { getL10nPseudoLocalized } from '@vscode/l10n-dev';
import { computeHealth } from '../../../src/health/model/report';
import { keyFigures } from '../../../src/health/policy/keyFigures';
import { healthMarkdown } from '../../../src/health/view/export';
import { at, commit, delivery, input } from '../health/fixtures';

// Team Health's model and export in the pseudo-locale `npm run l10n:pseudo` writes: definitions,
// reasons, DORA clusters and the Markdown report come out accented, with their values filled in.
const ROOT = join(__dirname, '..', '..', '..');
const english = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
const pseudo = getL10nPseudoLocalized(english) as Record<string, string>;
const accented = (text: string) => pseudo[text];
const opts = { now: at(13, 20), weeks: 4, timeZone: 'UTC' };

describe('Team Health strings in a pseudo-locale', () => {
  beforeEach(() => l10n.config({ contents: pseudo }));
  afterEach(() => l10n.config({ contents: undefined }));

  it('translates the definitions when a report is built, filling their placeholders', () => {
    const report = computeHealth(delivery(), opts);
    assert.equal(report.about.cycle.title, accented('Cycle time'));
    assert.equal(report.about.review.definition, accented('First review by someone other than the author → merge.'));
    const template = accented("Bots' PRs ({0}), revert PRs ({1}).");
    assert.ok(template.includes('{0}') && template !== "Bots' PRs ({0}), revert PRs ({1}).");
    const filled = template.replace('{0}', String(report.flow.excluded.bots)).replace('{1}', String(report.flow.excluded.reverts));
    assert.equal(report.about.cycle.excluded, filled);
    assert.ok(!/\{\d\}/.test(JSON.stringify(report.about)), 'no placeholder left unfilled');
  });

  it('translates the DORA clusters and the reasons a figure is missing', () => {
    const report = computeHealth(input({ commits: [commit('a', { at: at(-1) })] }), opts);
    assert.deepEqual(
      report.dora.reference.clusters.map((c) => c.label),
      ['Elite', 'High', 'Medium', 'Low'].map(accented),
    );
    const byId = new Map(
      keyFigures(report)
        .flatMap((g) => g.figures)
        .map((f) => [f.id, f]),
    );
    const verdict = byId.get('deploymentFrequency')!.verdict;
    assert.ok(verdict.startsWith(accented('Not enough data: {0}.').split('{0}')[0]), verdict);
    assert.notEqual(verdict, l10n.t('Not enough data: {0}.', 'x'));
    assert.ok(!verdict.includes('no tags'), `reason translated too: ${verdict}`);
  });

  it('translates the Markdown export; its CSV headers stay stable identifiers', () => {
    const markdown = healthMarkdown(computeHealth(delivery(), opts), 'acme/<app>');
    assert.ok(markdown.startsWith(`# ${accented('Team Health: {0}').replace('{0}', 'acme/&lt;app&gt;')}`), markdown.slice(0, 80));
    for (const heading of ['Figures', 'Definitions', 'Releases per week'])
      assert.ok(markdown.includes(`## ${accented(heading)}\n`), heading);
    assert.ok(!markdown.includes('## Figures'));
  });
});
