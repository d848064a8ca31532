/**
 * Generates the benchmark's synthetic repository with `git fast-import`: ~300 files in folders,
 * 8 authors, a GitHub-style merge of a 3-commit branch every ~20 commits, squash-style "(#N)"
 * subjects, a tag every 1,000 commits. Deterministic (seeded), cached outside the repository and
 * keyed by GENERATOR_VERSION, so it is built once per machine.
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, renameSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const GENERATOR_VERSION = 1;

export function benchCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'multiplier-bench');
}

const AUTHORS = [
  'Ada Lovelace',
  'Grace Hopper',
  'Alan Turing',
  'Edsger Dijkstra',
  'Barbara Liskov',
  'Donald Knuth',
  'Frances Allen',
  'Ken Thompson',
].map((name) => ({ name, email: `${name.split(' ')[0].toLowerCase()}@example.com` }));
const FOLDERS = [
  'src/api',
  'src/ui',
  'src/ui/widgets',
  'src/core',
  'src/core/store',
  'src/git',
  'docs',
  'test/unit',
  'test/e2e',
  'scripts',
  'src/auth',
  'src/billing',
];

/** Small seeded PRNG (mulberry32): the same repository on every machine. */
function rng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function ensureSyntheticRepo(commits = 100_000): Promise<string> {
  const dir = path.join(benchCacheDir(), `synthetic-v${GENERATOR_VERSION}-${commits}`);
  if (existsSync(path.join(dir, '.git', 'multiplier-bench-complete'))) return dir;
  const building = `${dir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main', building]);
  const started = Date.now();
  await fastImport(building, commits);
  execFileSync('git', ['-C', building, 'symbolic-ref', 'HEAD', 'refs/heads/main']);
  execFileSync('git', ['-C', building, 'update-ref', '-d', 'refs/heads/side']);
  execFileSync('touch', [path.join(building, '.git', 'multiplier-bench-complete')]);
  rmSync(dir, { recursive: true, force: true });
  renameSync(building, dir);
  process.stderr.write(`generated ${commits} commits in ${((Date.now() - started) / 1000).toFixed(1)} s at ${dir}\n`);
  return dir;
}

async function fastImport(repo: string, total: number): Promise<void> {
  const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: repo, stdio: ['pipe', 'inherit', 'inherit'] });
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`fast-import exited ${code}`))));
  });
  let buffered: string[] = [];
  let bufferedBytes = 0;
  const write = async (text: string) => {
    buffered.push(text);
    bufferedBytes += text.length;
    if (bufferedBytes > 1 << 20) await flush();
  };
  const flush = async () => {
    const chunk = buffered.join('');
    buffered = [];
    bufferedBytes = 0;
    if (!child.stdin.write(chunk)) await new Promise((r) => child.stdin.once('drain', r));
  };

  const random = rng(42);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const files: { path: string; lines: string[] }[] = [];
  for (let i = 0; i < 300; i++) {
    const folder = pick(FOLDERS);
    files.push({
      path: `${folder}/file${i}.${folder.startsWith('docs') ? 'md' : 'ts'}`,
      lines: Array.from({ length: 10 + Math.floor(random() * 30) }, (_, n) => `line ${n} of ${i}`),
    });
  }
  // Hot spots: a fifth of the files take most changes, as in real code.
  const choose = () => (random() < 0.7 ? files[Math.floor(random() * 60)] : pick(files));
  const edit = (file: { lines: string[] }, n: number) => {
    const count = 1 + Math.floor(random() * 6);
    for (let k = 0; k < count; k++) {
      const at = Math.floor(random() * (file.lines.length + 1));
      if (random() < 0.6 || file.lines.length < 5) file.lines.splice(at, 0, `change ${n}.${k}`);
      else if (random() < 0.5) file.lines.splice(at, 1);
      else file.lines[Math.min(at, file.lines.length - 1)] = `edit ${n}.${k}`;
    }
  };
  const blob = (file: { path: string; lines: string[] }) => {
    const data = file.lines.join('\n') + '\n';
    return `M 100644 inline ${file.path}\ndata ${Buffer.byteLength(data)}\n${data}`;
  };

  let mark = 0;
  let time = 1_420_070_400; // 2015-01-01
  let mainTip = 0;
  let pr = 0;
  const commit = async (
    ref: string,
    subject: string,
    author: { name: string; email: string },
    from: number,
    changes: string,
    merge?: number,
  ) => {
    mark++;
    time += 300 + Math.floor(random() * 3000);
    const who = `${author.name} <${author.email}> ${time} +0000`;
    const message = `${subject}\n`;
    await write(
      `commit ${ref}\nmark :${mark}\nauthor ${who}\ncommitter ${who}\ndata ${Buffer.byteLength(message)}\n${message}` +
        (from ? `from :${from}\n` : '') +
        (merge ? `merge :${merge}\n` : '') +
        changes +
        '\n',
    );
    return mark;
  };

  let made = 0;
  while (made < total) {
    if (made > 0 && made % 20 === 0 && total - made >= 4) {
      // A pull request: three commits on a branch, then "Merge pull request #N from owner/branch".
      const author = pick(AUTHORS);
      const branch = 'refs/heads/side'; // reused; each PR starts it afresh with `from`
      pr++;
      let tip = mainTip;
      const touched = new Map<string, { path: string; lines: string[] }>();
      for (let k = 0; k < 3; k++) {
        const file = choose();
        edit(file, made);
        touched.set(file.path, file);
        tip = await commit(branch, `Work on ${file.path} (${k + 1}/3)`, author, tip, blob(file));
        made++;
      }
      const mergeChanges = [...touched.values()].map(blob).join('');
      mainTip = await commit(
        'refs/heads/main',
        `Merge pull request #${pr} from ${author.email.split('@')[0]}/pr-${pr}\n\nPR ${pr}`,
        pick(AUTHORS),
        mainTip,
        mergeChanges,
        tip,
      );
      made++;
    } else {
      const n = 1 + (random() < 0.3 ? Math.floor(random() * 3) : 0);
      const changed = new Map<string, { path: string; lines: string[] }>();
      for (let k = 0; k < n; k++) {
        const file = choose();
        edit(file, made);
        changed.set(file.path, file);
      }
      const subject = random() < 0.05 ? `Squashed change ${made} (#${100_000 + made})` : `Change ${made}`;
      mainTip = await commit('refs/heads/main', subject, pick(AUTHORS), mainTip, [...changed.values()].map(blob).join(''));
      made++;
    }
    if (made % 1000 === 0) await write(`reset refs/tags/v${made / 1000}.0\nfrom :${mainTip}\n\n`);
  }
  await write('done\n');
  await flush();
  child.stdin.end();
  await done;
}
