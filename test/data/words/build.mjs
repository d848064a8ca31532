// Builds comments.jsonl (what the evaluation reads) from raw.txt and licences.json.
//   node test/data/words/build.mjs
// Each comment gets its repository, the repository's licence, a stable id and a split: about 70 % "tune"
// (used while writing the lexicon) and 30 % "held-out" (only measured), by a hash of the id.
// Comments from repositories without a verified permissive licence are left out.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const here = import.meta.dirname;
const licences = JSON.parse(readFileSync(join(here, 'licences.json'), 'utf8'));
const PERMISSIVE = new Set([
  'MIT',
  'Apache-2.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'ISC',
  'Zlib',
  'PostgreSQL',
  'CC-BY-3.0',
  'CC-BY-4.0',
  'CC0-1.0',
  'Unlicense',
  'MIT OR Apache-2.0',
  'BSL-1.0',
  'Python-2.0',
]);
const blocks = readFileSync(join(here, 'raw.txt'), 'utf8').split(/^@ /m).slice(1);
const out = [];
const skipped = new Map();
for (const block of blocks) {
  const newline = block.indexOf('\n');
  const [url, label, note] = block
    .slice(0, newline)
    .split('|')
    .map((s) => s.trim());
  const text = block.slice(newline + 1).replace(/\n+$/, '');
  if (!['toxic', 'neutral'].includes(label)) throw new Error(`bad label ${label} for ${url}`);
  const repo = /github\.com\/([^/]+\/[^/]+)/.exec(url)?.[1];
  const licence = licences[repo]?.[0];
  if (!licence) throw new Error(`no licence entry for ${repo}`);
  if (!PERMISSIVE.has(licence)) {
    skipped.set(repo, (skipped.get(repo) ?? 0) + 1);
    continue;
  }
  const id = createHash('sha1').update(`${url}\n${text}`).digest('hex').slice(0, 12);
  const split = parseInt(id.slice(0, 8), 16) % 10 < 7 ? 'tune' : 'held-out';
  out.push({ id, label, split, text, url, repo, licence, ...(note ? { note } : {}) });
}
writeFileSync(join(here, 'comments.jsonl'), out.map((c) => JSON.stringify(c)).join('\n') + '\n');
const count = (f) => out.filter(f).length;
console.log(
  `comments.jsonl: ${out.length} comments (${count((c) => c.label === 'toxic')} toxic), tune ${count((c) => c.split === 'tune')}, held-out ${count((c) => c.split === 'held-out')}, ${new Set(out.map((c) => c.repo)).size} repositories`,
);
for (const [repo, n] of skipped) console.log(`  left out ${n} from ${repo} (licence ${licences[repo][0]})`);
