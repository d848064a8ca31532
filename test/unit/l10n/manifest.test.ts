import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Every user-facing string of the manifest is a `%key%` resolved from package.nls.json, so a
// translator's package.nls.<lang>.json covers all of it. VS Code replaces any string value that is
// exactly `%key%`; these are the fields a user reads (menus and ids carry no text).
const USER_FACING = new Set([
  'title', // commands, view containers, configuration sections, walkthroughs and their steps
  'displayName', // the extension's own name
  'category',
  'name', // views
  'contextualTitle',
  'contents', // viewsWelcome
  'description', // settings, walkthroughs, capabilities
  'markdownDescription',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'enumItemLabels',
  'deprecationMessage',
  'markdownDeprecationMessage',
  'patternErrorMessage',
  'altText', // walkthrough media
  'label',
  'shortTitle',
]);

/** Fields whose values are data (a setting's default, allowed values), never shown as prose. */
const DATA = new Set(['default', 'enum', 'examples', 'const']);

const ROOT = join(__dirname, '..', '..', '..');
const readJson = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, unknown>;

interface Findings {
  hardCoded: string[];
  missing: string[];
  unused: string[];
}

/** Walks `value`, collecting user-facing strings that are not `%key%` and the keys used. */
function walk(value: unknown, path: string, field: string | undefined, used: Map<string, string>, hardCoded: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, `${path}[${i}]`, field, used, hardCoded));
  } else if (value && typeof value === 'object') {
    if (field !== undefined && DATA.has(field)) return;
    // Under `properties` (settings, and JSON schemas inside them) keys are names, not fields.
    const names = field === 'properties';
    for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`, names ? undefined : key, used, hardCoded);
  } else if (typeof value === 'string' && field !== undefined && USER_FACING.has(field)) {
    const key = /^%([\w.-]+)%$/.exec(value)?.[1];
    if (key === undefined) hardCoded.push(`${path}: ${JSON.stringify(value)}`);
    else used.set(key, path);
  }
}

function check(manifest: Record<string, unknown>, nls: Record<string, unknown>): Findings {
  const used = new Map<string, string>();
  const hardCoded: string[] = [];
  walk(manifest.contributes, 'contributes', undefined, used, hardCoded);
  walk(manifest.capabilities, 'capabilities', undefined, used, hardCoded);
  for (const top of ['displayName', 'description']) walk(manifest[top], top, top, used, hardCoded);
  const missing = [...used].filter(([key]) => typeof nls[key] !== 'string').map(([key, path]) => `${key} (${path})`);
  const unused = Object.keys(nls).filter((key) => !used.has(key));
  return { hardCoded, missing, unused };
}

describe('package.json is localisable', () => {
  const manifest = readJson('package.json');
  const nls = readJson('package.nls.json');

  it('has no hard-coded user-facing string in contributes, displayName, description or capabilities', () => {
    assert.deepEqual(check(manifest, nls).hardCoded, [], 'move these into package.nls.json and use "%key%"');
  });

  it('finds every %key% it uses in package.nls.json', () => {
    assert.deepEqual(check(manifest, nls).missing, []);
  });

  it('keeps no key in package.nls.json that nothing uses', () => {
    assert.deepEqual(check(manifest, nls).unused, []);
  });

  it('keeps every translation file to the keys of package.nls.json', () => {
    for (const file of readdirSync(ROOT).filter((f) => /^package\.nls\.[\w-]+\.json$/.test(f))) {
      const extra = Object.keys(readJson(file)).filter((key) => !(key in nls));
      assert.deepEqual(extra, [], `${file} has keys package.nls.json does not`);
    }
  });

  describe('catches', () => {
    const copy = () =>
      structuredClone(manifest) as { contributes: Record<string, Array<Record<string, unknown>>> } & Record<string, unknown>;

    it('a hard-coded command title', () => {
      const broken = copy();
      broken.contributes.commands[0].title = 'Open Walkthrough';
      const { hardCoded } = check(broken, nls);
      assert.equal(hardCoded.length, 1);
      assert.match(hardCoded[0], /^contributes\.commands\[0\]\.title: "Open Walkthrough"$/);
    });

    it('a hard-coded setting description and view name', () => {
      const broken = copy();
      const section = broken.contributes.configuration[0] as { properties: Record<string, Record<string, unknown>> };
      const [first] = Object.values(section.properties);
      first.markdownDescription = 'How often…';
      (broken.contributes.views as unknown as Record<string, Array<Record<string, unknown>>>).multiplier[0].name = 'Review Queue';
      assert.equal(check(broken, nls).hardCoded.length, 2);
    });

    it('a key missing from package.nls.json, and one nothing uses', () => {
      const { missing, unused } = check(manifest, { ...nls, 'command.openWalkthrough.title': undefined, 'command.gone.title': 'Gone' });
      assert.deepEqual(missing, ['command.openWalkthrough.title (contributes.commands[0].title)']);
      assert.deepEqual(unused, ['command.gone.title']);
    });
  });
});
