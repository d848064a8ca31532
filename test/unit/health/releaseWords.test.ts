import * as assert from 'node:assert/strict';
import type { ReleaseSelection } from '../../../src/health/model/options';
import { releasesAreSentence, releasesInWords } from '../../../src/health/model/releaseWords';

// The definitions (hover, export) and the dashboard's DORA intro name the same releases: every
// selection's sentence carries its phrase, so neither can leave out a pattern or environment.
describe('Team Health: which releases count, in words', () => {
  const cases: [ReleaseSelection, string][] = [
    [{ source: 'tag', pattern: '^v\\d+$' }, 'Releases are tags matching /^v\\d+$/.'],
    [{ source: 'tag' }, 'Releases are tags.'],
    [{ source: 'github-release', pattern: '^stable-' }, 'Releases are GitHub releases named /^stable-/.'],
    [{ source: 'github-release' }, 'Releases are GitHub releases.'],
    [{ source: 'deployment', environment: 'production' }, 'Releases are GitHub deployments to production.'],
    [{ source: 'deployment' }, 'Releases are GitHub deployments.'],
  ];
  for (const [selection, sentence] of cases) {
    it(`${JSON.stringify(selection)}: "${sentence}"`, () => {
      assert.equal(releasesAreSentence(selection), sentence);
      assert.equal(`Releases are ${releasesInWords(selection)}.`, sentence);
    });
  }
});
