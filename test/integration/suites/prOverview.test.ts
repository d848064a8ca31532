// Pull requests in the editor, driven as a person would: a click on a queue row opens the
// overview; its buttons open the multi-file diff (contents from the local GitHub server through
// the read-only multiplier-pr: file system); hostile titles, bodies, file names and check names
// stay inert text. Screenshots of the overview and the diff in light and dark themes, and of the
// queue at 300 and 500 px side bar widths.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MultiplierTestApi } from '../../../src/testApi';
import { multiplier } from '../host/api';
import { screenshotShowing, setColorTheme } from '../host/look';
import { clickInWorkbench, QUICK_INPUT, setSidebarWidth, typeInWorkbench, underHarness } from '../host/screenshot';
import { waitFor } from '../host/wait';
import { git } from './git-helpers';
import { startFakeGitHub, type FakeGitHub } from '../../fake-github/server';
import type { Scenario, ScenarioFile } from '../../fake-github/scenario';
import basic from '../../fake-github/scenarios/basic.json';

const TOKEN = (basic as Scenario).token!;
const HOSTILE = '<img src=x onerror=alert(1)>';
/** Its row label: the title cut to 18 characters, so the wait stays visible at 300 px. */
const HOSTILE_LABEL = '#6 <img src=x onerro… · 1h';
const BIDI_FILE = 'src/invoice\u202Efdp.ts';
const HOSTILE_BODY = [
  'Click [x](command:workbench.action.terminal.new) for details <script>alert(1)</script>',
  '',
  '![tracking pixel](https://tracker.example/pixel.png) <img src="https://tracker.example/raw.png">',
  '',
  '[javascript](javascript:alert(1)) [file](file:///etc/passwd) [safe link](https://example.com/docs)',
  '',
  '| a | b |',
  '|--:|:--|',
  '| 1 | 2 |',
  '',
  'Bidi: \u202Eevil\u202C text',
].join('\n');

const PARSER_BODY =
  'Rewrites the parser as a table-driven state machine.\n\nSplits the lexer out of it. Obviously the old parser was stupid.';

const UPLOAD_BASE = 'export function upload(file: Blob) {\n  return send(file);\n}\n';
const UPLOAD_HEAD = 'export async function upload(file: Blob) {\n  return retry(() => send(file), 3);\n}\n';
const RETRY_HEAD =
  'export async function retry<T>(work: () => Promise<T>, times: number): Promise<T> {\n  for (;;) {\n    try {\n      return await work();\n    } catch (error) {\n      if (--times <= 0) throw error;\n    }\n  }\n}\n';

function scenario(): Scenario {
  const s = JSON.parse(JSON.stringify(basic)) as Scenario;
  const app = s.repos[0];
  const one = app.pulls.find((p) => p.number === 1)!;
  one.labels = ['bug', 'networking'];
  one.files = [
    { path: 'src/upload.ts', base: UPLOAD_BASE, head: UPLOAD_HEAD },
    { path: 'src/retry.ts', head: RETRY_HEAD },
    { path: 'docs/old-notes.md', base: '# Old notes\n\nUploads never retry.\n' },
    {
      path: 'src/net/client.ts',
      previousPath: 'src/client.ts',
      base: 'export const timeout = 10;\n',
      head: 'export const timeout = 30;\n',
    },
    { path: 'assets/logo.png', binary: true, status: 'modified' },
  ];
  one.checkRuns = [
    { name: 'build', status: 'completed', conclusion: 'success' },
    { name: 'unit tests', status: 'completed', conclusion: 'success' },
    { name: 'e2e', status: 'in_progress' },
  ];
  one.comments = [{ user: 'erin', at: '-20h', body: 'Is the backoff capped?' }];
  const evil = app.pulls.find((p) => p.number === 6)!;
  evil.body = HOSTILE_BODY;
  evil.labels = [HOSTILE, '\u202Eflipped'];
  const files: ScenarioFile[] = [
    { path: `docs/${HOSTILE}.md`, head: `${HOSTILE}\n` },
    { path: BIDI_FILE, base: 'a\n', head: 'b\n' },
    { path: 'src/huge.txt', headSize: 2 * 1024 * 1024 },
  ];
  evil.files = files;
  evil.checkRuns = [
    { name: '<script>alert(1)</script>', status: 'completed', conclusion: 'failure', url: 'command:workbench.action.terminal.new' },
    { name: `lint ${HOSTILE}`, status: 'completed', conclusion: 'success', url: 'javascript:alert(1)' },
  ];
  evil.reviews = [{ user: 'bob', state: 'COMMENTED', at: '-30m', body: HOSTILE }];
  // A large change whose description says what but not why, and talks down to its author.
  const parser = s.repos[1].pulls.find((p) => p.number === 10)!;
  parser.body = PARSER_BODY;
  parser.files = [
    { path: 'src/parser.ts', base: 'export const parse = backtrack;\n', head: 'export const parse = table;\n' },
    { path: 'src/lexer.ts', head: 'export const lex = scan;\n' },
    { path: 'test/parser.test.ts', head: 'test("parses", () => {});\n' },
  ];
  return s;
}

interface Overview {
  key: string;
  title: string;
  html: string;
  loading: boolean;
  notice?: string;
  ready: number;
  violations: { directive: string; blocked: string }[];
  files: number;
}

/** The few fields of the built-in git extension's API this suite reads. */
interface BuiltInGit {
  repositories: { rootUri: vscode.Uri; state: { remotes: { name: string }[] } }[];
}

const overviews = async (): Promise<Overview[]> => (await multiplier()).review.overviews() as Overview[];
const overviewOf = (key: string) =>
  waitFor(
    async () => (await overviews()).find((o) => o.key === key),
    (o) => o !== undefined && !o.loading && o.files > 0 && o.ready > 0,
    `the overview of ${key} with its details`,
    30_000,
  ) as Promise<Overview>;
const changes = async () => (await multiplier()).review.changes();
type DescriptionCheck = NonNullable<ReturnType<MultiplierTestApi['review']['descriptionCheck']>>;
/** The next "Check description" outcome for `key`, after the one seen before the click. */
const descriptionCheckOf = (key: string, before: unknown) =>
  waitFor(
    async () => (await multiplier()).review.descriptionCheck(),
    (c) => c !== undefined && c.key === key && JSON.stringify(c) !== JSON.stringify(before),
    `Check description of ${key}`,
  ) as Promise<DescriptionCheck>;

describe('Pull requests in the editor', function () {
  this.timeout(90_000);
  let gh: FakeGitHub;
  const config = () => vscode.workspace.getConfiguration();
  const G = vscode.ConfigurationTarget.Global;
  const INSTANT = Date.parse('2026-12-02T15:30:00Z');

  before(async function () {
    if (!underHarness()) this.skip(); // clicks and screenshots need the harness's browser
    (await multiplier()).clock.setNow(INSTANT);
    gh = await startFakeGitHub({ scenario: scenario(), now: INSTANT });
    await config().update('multiplier.workingHours.days', [0, 1, 2, 3, 4, 5, 6], G);
    await config().update('multiplier.workingHours.start', '00:00', G);
    await config().update('multiplier.workingHours.end', '24:00', G);
    await config().update('multiplier.nudges.toastsEnabled', false, G);
    await config().update('multiplier.github.repositories', ['acme/app', 'acme/lib'], G);
    await config().update('multiplier.github.apiUrl', gh.url, G);
    await (await multiplier()).github.setToken(TOKEN);
    await vscode.commands.executeCommand('multiplier.review.refresh');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('multiplier.reviewQueue.focus');
  });

  after(async () => {
    if (!underHarness()) return;
    await setColorTheme(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const key of [
      'workingHours.days',
      'workingHours.start',
      'workingHours.end',
      'nudges.toastsEnabled',
      'github.repositories',
      'github.apiUrl',
    ])
      await config().update(`multiplier.${key}`, undefined, G);
    await vscode.commands.executeCommand('multiplier.github.clearToken');
    await gh?.close();
    (await multiplier()).clock.reset();
  });

  it('a click on a queue row opens the overview with reviewers, checks, files and the timeline', async () => {
    const s = (await multiplier()).review.state() as {
      tree: { label?: string; children: { id?: string; label?: string; command?: string }[] }[];
    };
    const row = s.tree.flatMap((g) => g.children).find((c) => c.id === 'waiting:acme/app#1');
    assert.ok(row?.label, JSON.stringify(s.tree).slice(0, 500));
    assert.equal(row.label, '#1 Retry uploads · 30h');
    assert.equal(row.command, 'multiplier.review.openOverview');
    await clickInWorkbench(row.label);
    const o = await overviewOf('acme/app#1');
    assert.equal(o.title, '#1 Retry uploads');
    for (const text of [
      'Retry uploads',
      'alice',
      'Waiting on you',
      'you are the only reviewer',
      'networking',
      'unit tests',
      'e2e',
      'src/upload.ts',
      'src/retry.ts',
      'erin commented',
    ])
      assert.ok(o.html.includes(text), `the overview shows ${text}`);
    assert.deepEqual(o.violations, []);
    await setColorTheme('Default Dark Modern');
    await screenshotShowing('pr-overview-dark', ['Retry uploads', 'Open Changes', 'Changed files', 'Timeline']);
    await setColorTheme('Default Light Modern');
    await screenshotShowing('pr-overview-light', ['Retry uploads', 'Open Changes', 'Why it is here']);
    await setColorTheme(undefined);
  });

  it('Open Changes opens the multi-file diff with the base and head contents from GitHub', async () => {
    const before = (await changes()).reads.length;
    await clickInWorkbench('Open Changes', { role: 'button' });
    const c = await waitFor(changes, (x) => x.title?.startsWith('#1 ') === true, 'Open Changes to run');
    assert.equal(c.triples.length, 5);
    const byPath = new Map(c.triples.map((t) => [vscode.Uri.parse(t[0]).path.split('/').slice(3).join('/'), t]));
    const read = async (uri: string) => Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri))).toString('utf8');
    const upload = byPath.get('src/upload.ts')!;
    assert.equal(await read(upload[1]), UPLOAD_BASE);
    assert.equal(await read(upload[2]), UPLOAD_HEAD);
    const added = byPath.get('src/retry.ts')!;
    assert.equal(added[1], '', 'an added file has no base side');
    assert.equal(await read(added[2]), RETRY_HEAD);
    assert.equal(byPath.get('docs/old-notes.md')![2], '', 'a removed file has no head side');
    const renamed = byPath.get('src/net/client.ts')!;
    assert.match(vscode.Uri.parse(renamed[1]).path, /\/src\/client\.ts$/, 'the base side of a rename is its old path');
    assert.match(await read(byPath.get('assets/logo.png')![2]), /^Binary file \(20 bytes\)/);
    // The editor itself read both sides of at least one file through the provider.
    await waitFor(changes, (x) => x.reads.slice(before).filter((r) => r.kind === 'text').length >= 2, 'the diff editor to read contents');
    await setColorTheme('Default Dark Modern');
    await screenshotShowing('pr-changes-dark', ['Retry uploads']);
    await setColorTheme('Default Light Modern');
    await screenshotShowing('pr-changes-light', ['Retry uploads']);
    await setColorTheme(undefined);
  });

  it('re-opening costs no rate limit, and the diff works offline from the cache', async () => {
    const api = await multiplier();
    const first = api.review.costs();
    assert.ok(first.overview.points > 0 && first.diff.points > 0, JSON.stringify(first));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await clickInWorkbench('#1 Retry uploads · 30h');
    await overviewOf('acme/app#1');
    const again = api.review.costs();
    assert.equal(again.overview.points, first.overview.points, 're-opening the overview is answered by 304s');
    gh.setFaults([{ kind: 'drop' }]);
    try {
      await clickInWorkbench('Open Changes', { role: 'button' });
      const c = await waitFor(changes, (x) => x.title?.startsWith('#1 ') === true, 'Open Changes to run');
      const upload = c.triples.find((t) => t[0].includes('/src/upload.ts'))!;
      assert.equal(Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.parse(upload[2]))).toString('utf8'), UPLOAD_HEAD);
      assert.equal(api.review.costs().diff.points, first.diff.points, 'no content was fetched again');
    } finally {
      gh.setFaults([]);
      await vscode.commands.executeCommand('multiplier.review.refresh'); // the queue may have seen the outage too
    }
  });

  it(`hostile titles, bodies, file names and check names stay inert (${HOSTILE})`, async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await clickInWorkbench(HOSTILE_LABEL);
    const o = await overviewOf('acme/app#6');
    const html = o.html;
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script: our own, by nonce');
    assert.ok(!/<img/i.test(html), 'no image element at all');
    assert.ok(!/href="(?!https?:)/i.test(html), 'every link is http(s)');
    assert.ok(
      !html.includes('command:workbench') || html.includes('[x](command:workbench.action.terminal.new)'),
      'the command link is text',
    );
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the title is escaped text');
    assert.ok(html.includes('Image: tracking pixel (not loaded)'), 'the remote image is a line of text');
    assert.ok(html.includes('href="https://example.com/docs"'), 'a web link stays a link');
    assert.ok(!/[\u202a-\u202e\u2066-\u2069]/.test(html), 'no bidi controls reach the page');
    assert.ok(!/\sstyle=/.test(html), 'no inline style (the table alignment is dropped)');
    assert.ok(!/\son\w+=/i.test(html.replace(/&lt;[^&]*&gt;/g, '')), 'no event handler attribute');
    // The page's script reported it started; a policy violation would have been reported before it.
    assert.deepEqual((await overviewOf('acme/app#6')).violations, []);
    await screenshotShowing('pr-overview-hostile', [HOSTILE, 'Open Changes']);
    await clickInWorkbench('Open Changes', { role: 'button' });
    const c = await waitFor(changes, (x) => x.title?.startsWith('#6 ') === true, 'Open Changes of #6');
    assert.equal(c.triples.length, 3);
    const bidi = c.triples.find((t) => decodeURIComponent(t[0]).includes('invoice'))!;
    assert.ok(!/[\u202a-\u202e]/.test(decodeURIComponent(vscode.Uri.parse(bidi[0]).path)), 'the shown path has no bidi control');
    assert.equal(
      Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.parse(bidi[2]))).toString('utf8'),
      'b\n',
      'the exact path is still read',
    );
    const huge = c.triples.find((t) => t[0].includes('huge.txt'))!;
    assert.match(
      Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.parse(huge[2]))).toString('utf8'),
      /^This file is 2\.0 MB, over the 1 MB/,
    );
    assert.deepEqual((await overviews()).find((x) => x.key === 'acme/app#6')?.violations ?? [], []);
  });

  it('Check description lists the missing why and the tone problems of a large change in a quick pick', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const s = (await multiplier()).review.state() as { tree: { children: { id?: string; label?: string }[] }[] };
    const row = s.tree.flatMap((g) => g.children).find((c) => c.id === 'waiting:acme/lib#10');
    assert.ok(row?.label, JSON.stringify(s.tree).slice(0, 500));
    await clickInWorkbench(row.label);
    await overviewOf('acme/lib#10');
    const before = (await multiplier()).review.descriptionCheck();
    await clickInWorkbench('Check description', { role: 'button' });
    const check = await descriptionCheckOf('acme/lib#10', before);
    assert.ok(check.kind === 'findings', JSON.stringify(check));
    assert.equal(check.title, '#10 Parser rewrite: 3 findings in its description');
    assert.deepEqual(
      check.items.map((i) => [i.kindLabel, i.detail]),
      [
        ['why', '“Rewrites the parser as a table-driven state machine.”'],
        ['tone', '“Splits the lexer out of it. Obviously the old parser was stupid.”'],
        ['tone', '“…of it. Obviously the old parser was stupid.”'],
      ],
    );
    assert.match(
      check.items[0].label,
      /This description says what changed \(3 files, 300 lines\) but not why/,
      'weighed at the size of the change',
    );
    await typeInWorkbench({ waitFor: QUICK_INPUT });
    await screenshotShowing('pr-check-description', [
      '#10 Parser rewrite: 3 findings in its description',
      'This description says what changed (3 files, 300 lines)',
      '"Obviously" talks down to the author.',
      '“Rewrites the parser as a table-driven state machine.”',
    ]);
    await typeInWorkbench({ waitFor: QUICK_INPUT, keys: ['Escape'] });
  });

  it('Check description on a description that gives its why says so in a short message', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await clickInWorkbench('#1 Retry uploads · 30h');
    await overviewOf('acme/app#1');
    const before = (await multiplier()).review.descriptionCheck();
    await clickInWorkbench('Check description', { role: 'button' });
    const check = await descriptionCheckOf('acme/app#1', before);
    const message = 'The description of #1 says why, and its tone reads well.';
    assert.deepEqual(check, { key: 'acme/app#1', kind: 'clean', message });
    await screenshotShowing('pr-check-description-clean', [message]);
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it("Check Out switches the workspace to the pull request's branch through the git extension", async () => {
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const api = await multiplier();
    const branchOf = async () => api.git.snapshots().find((s) => s.repoRoot === root)?.branch;
    // A local copy of the branch, and a remote for acme/app on the server's host; the server
    // speaks no git, so the fetch fails and the local copy is checked out.
    git(root, 'branch', '-f', 'retry', 'HEAD');
    git(root, 'remote', 'add', 'origin', `${gh.url}/acme/app.git`);
    // The git extension reads remotes from its own file watcher: wait until it knows this one.
    const builtIn = vscode.extensions.getExtension<{ getAPI(v: 1): BuiltInGit }>('vscode.git')!.exports.getAPI(1);
    const remotesOf = async () => builtIn.repositories.find((r) => r.rootUri.fsPath === root)?.state.remotes.map((r) => r.name) ?? [];
    await waitFor(remotesOf, (names) => names.includes('origin'), 'the git extension to see the origin remote', 30_000);
    try {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await clickInWorkbench('#1 Retry uploads · 30h');
      await overviewOf('acme/app#1');
      await clickInWorkbench('Check Out', { role: 'button' });
      await waitFor(branchOf, (b) => b === 'retry', 'the checkout of retry', 45_000);
    } finally {
      git(root, 'checkout', '-q', 'main');
      git(root, 'remote', 'remove', 'origin');
      git(root, 'branch', '-q', '-D', 'retry');
      await waitFor(branchOf, (b) => b === 'main', 'the checkout back to main', 30_000);
    }
  });

  it('the queue reads at 300 px and 500 px: what to do first, then the flags', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('multiplier.reviewQueue.focus');
    // The container holds four views: fold the other three, as a reviewer would, so the queue has the height.
    const others = ['Coach', 'Growth Notes', 'Team Health'];
    for (const title of others) await clickInWorkbench(title);
    const narrow = await setSidebarWidth(300);
    assert.ok(Math.abs(narrow - 300) <= 4, `side bar ${narrow} px`);
    await screenshotShowing('review-queue-300px', [
      'Waiting on you',
      '#1 Retry uploads · 30h',
      'Ready to merge',
      'Blocked',
      'Waiting on the author',
    ]);
    const wide = await setSidebarWidth(500);
    assert.ok(Math.abs(wide - 500) <= 4, `side bar ${wide} px`);
    await screenshotShowing('review-queue-500px', ['Waiting on you', '#1 Retry uploads · 30h', '84 lines']);
    for (const title of others) await clickInWorkbench(title);
  });
});
