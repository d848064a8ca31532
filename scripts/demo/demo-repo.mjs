// A demo repository with a believable six weeks of history: four authors, pull-request merges and
// squashes, a revert, release tags, a file only one person knows, and work in progress on a branch
// that has fallen behind main, with a test that fails: the Coach has something to ask at once.
import { rmSync } from 'node:fs';
import { commit, git, initRepository, writeFiles } from '../host/git-fixture.mjs';

const PEOPLE = {
  maya: { name: 'Maya Okafor', email: 'maya@shop.example' },
  li: { name: 'Li Wei', email: 'li@shop.example' },
  sam: { name: 'Sam Rivera', email: 'sam@shop.example' },
  jo: { name: 'Jo Becker', email: 'jo@shop.example' },
};

const daysAgo = (days, hour = 10) => {
  const date = new Date(Date.now() - days * 86_400_000);
  date.setHours(hour, 17, 0, 0);
  return date.toISOString();
};

function lines(prefix, count) {
  return Array.from({ length: count }, (_, i) => `export const ${prefix}${i} = ${i};`).join('\n') + '\n';
}

/** Merges `branch` into main the way GitHub's merge button does. */
function mergePullRequest(dir, number, branch, author, when) {
  git(dir, ['checkout', '-q', 'main']);
  git(dir, ['merge', '-q', '--no-ff', '-m', `Merge pull request #${number} from multiplier-demo/${branch}`, '--', branch], {
    env: {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_COMMITTER_NAME: 'GitHub',
      GIT_COMMITTER_EMAIL: 'noreply@github.com',
      GIT_AUTHOR_DATE: when,
      GIT_COMMITTER_DATE: when,
    },
  });
}

const hoursAgo = (hours) => new Date(Date.now() - hours * 3_600_000).toISOString();

/** A branch from main with one commit, as a pull request's head (never merged). */
function branch(dir, name, message, { author, hours, files }) {
  git(dir, ['checkout', '-q', '-b', name, 'main']);
  commit(dir, message, { author, date: hoursAgo(hours), files });
  git(dir, ['checkout', '-q', 'main']);
}

/**
 * The heads of the demo pull requests (test/fake-github/scenarios/demo.json), so their diffs are
 * real: the local GitHub-like server reads files and contents from this repository.
 */
function createPullRequestBranches(dir) {
  const { li, sam, jo, maya } = PEOPLE;
  branch(dir, 'feature/checkout-retry', 'Retry checkout submit with backoff', {
    author: li,
    hours: 30,
    files: {
      'src/checkout/retry.ts': [
        '// Retries a checkout submit when the network drops a request, with exponential backoff.',
        'export async function submitWithRetry<T>(submit: () => Promise<T>, attempts = 4, baseMs = 250): Promise<T> {',
        '  for (let attempt = 1; ; attempt++) {',
        '    try {',
        '      return await submit();',
        '    } catch (error) {',
        '      if (attempt >= attempts) throw error;',
        '      await new Promise((resolve) => setTimeout(resolve, baseMs * 2 ** (attempt - 1)));',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
      'src/checkout/cart.ts': lines('cart', 25).replace(
        'export const cart24 = 24;',
        'export const cart24 = 24;\nexport const submitAttempts = 4; // see retry.ts',
      ),
    },
  });
  branch(dir, 'fix/cart-typo', 'Fix the typo in the empty-cart message', {
    author: sam,
    hours: 3,
    files: {
      'src/checkout/copy.ts': lines('copy', 11).replace('export const copy3 = 3;', "export const emptyCart = 'Your cart is empty';"),
    },
  });
  branch(dir, 'perf/virtual-grid', 'Render the product grid as a virtualised list', {
    author: jo,
    hours: 72,
    files: {
      'src/catalogue/grid.ts':
        Array.from({ length: 540 }, (_, i) => `export const gridRow${i} = { index: ${i}, height: 48 };`).join('\n') + '\n',
      'src/catalogue/items.ts': lines('item', 20).replace('export const item0 = 0;\n', ''),
    },
  });
  branch(dir, 'wip/dark-mode', 'Sketch dark-mode design tokens', {
    author: maya,
    hours: 20 * 24,
    files: { 'src/theme/tokens.ts': lines('token', 40) },
  });
}

export function createDemoRepository(dir) {
  rmSync(dir, { recursive: true, force: true });
  initRepository(dir);
  git(dir, ['config', 'user.name', PEOPLE.maya.name]);
  git(dir, ['config', 'user.email', PEOPLE.maya.email]);
  git(dir, ['remote', 'add', 'origin', 'https://github.com/multiplier-demo/shop.git']);
  const { maya, li, sam, jo } = PEOPLE;

  commit(dir, 'Create the shop service', {
    author: li,
    date: daysAgo(42),
    files: {
      'README.md': '# Shop\n\nCheckout and catalogue service.\n',
      'src/catalogue/items.ts': lines('item', 20),
      'src/checkout/cart.ts': lines('cart', 25),
      'src/billing/invoice.ts': lines('invoice', 30),
      'package.json': '{ "name": "shop", "version": "0.1.0" }\n',
    },
  });
  importLegacyTaxTables(dir);
  commit(dir, 'Add the price rules engine', { author: jo, date: daysAgo(40), files: { 'src/billing/rules.ts': lines('rule', 60) } });
  git(dir, ['tag', '-a', 'v0.1.0', '-m', 'First release'], { env: { GIT_COMMITTER_DATE: daysAgo(39) } });
  addPaymentsReleases(dir);

  git(dir, ['checkout', '-q', '-b', 'feature/cart-totals']);
  commit(dir, 'Compute cart totals', { author: sam, date: daysAgo(35), files: { 'src/checkout/totals.ts': lines('total', 40) } });
  commit(dir, 'Handle empty carts', { author: sam, date: daysAgo(34, 15), files: { 'src/checkout/totals.ts': lines('total', 44) } });
  mergePullRequest(dir, 12, 'feature/cart-totals', sam, daysAgo(33));

  commit(dir, 'Cache catalogue lookups (#14)', { author: li, date: daysAgo(30), files: { 'src/catalogue/cache.ts': lines('cache', 35) } });
  commit(dir, 'Round invoice totals half-even (#15)', {
    author: jo,
    date: daysAgo(28),
    files: { 'src/billing/invoice.ts': lines('invoice', 34) },
  });
  const risky = commit(dir, 'Batch catalogue writes (#16)', {
    author: li,
    date: daysAgo(26),
    files: { 'src/catalogue/items.ts': lines('item', 28) },
  });
  tagRelease(dir, 'v0.1.3', 'Batched catalogue writes', when(26, 16, 0)); // shipped the change reverted below
  git(dir, ['revert', '--no-edit', risky], {
    env: {
      GIT_AUTHOR_NAME: maya.name,
      GIT_AUTHOR_EMAIL: maya.email,
      GIT_COMMITTER_NAME: maya.name,
      GIT_COMMITTER_EMAIL: maya.email,
      GIT_AUTHOR_DATE: daysAgo(25),
      GIT_COMMITTER_DATE: daysAgo(25),
    },
  });
  git(dir, ['tag', '-a', 'v0.2.0', '-m', 'Cart totals and catalogue cache'], { env: { GIT_COMMITTER_DATE: daysAgo(24) } });

  git(dir, ['checkout', '-q', '-b', 'feature/discounts']);
  commit(dir, 'Add discount codes', { author: maya, date: daysAgo(20), files: { 'src/billing/discounts.ts': lines('discount', 30) } });
  commit(dir, 'Apply discounts before tax', {
    author: maya,
    date: daysAgo(19),
    files: { 'src/billing/discounts.ts': lines('discount', 36), 'src/billing/rules.ts': lines('rule', 62) },
  });
  mergePullRequest(dir, 18, 'feature/discounts', maya, daysAgo(17));

  for (let week = 3; week >= 1; week--) {
    commit(dir, `Tune catalogue search ranking, week ${4 - week}`, {
      author: li,
      date: daysAgo(week * 5),
      files: { 'src/catalogue/search.ts': lines('rank', 20 + week * 3) },
    });
    commit(dir, `Checkout copy fixes (#${20 + week})`, {
      author: sam,
      date: daysAgo(week * 5 - 1),
      files: { 'src/checkout/copy.ts': lines('copy', 10 + week) },
    });
  }
  commit(dir, 'Document the billing rules', {
    author: jo,
    date: daysAgo(4),
    files: { 'docs/billing.md': '# Billing rules\n\nWhy invoices round half-even: regulators in two markets require it.\n' },
  });
  git(dir, ['tag', '-a', 'v0.3.0', '-m', 'Discounts'], { env: { GIT_COMMITTER_DATE: daysAgo(3) } });

  createPullRequestBranches(dir);

  // Maya's branch in progress: behind main and with uncommitted work, so the coach has something to see.
  git(dir, ['checkout', '-q', '-b', 'feature/refund-flow', 'v0.2.0']);
  commit(dir, 'Sketch the refund flow', { author: maya, date: daysAgo(9), files: { 'src/billing/refunds.ts': lines('refund', 15) } });
  writeFiles(dir, { 'src/billing/refunds.ts': lines('refund', 22), 'src/billing/rules.ts': lines('rule', 63) });
  trackMainAsBase(dir);
  addFailingRefundTest(dir);
  return dir;
}

// ---------------------------------------------------------------- Team Health's part of the story
// Releases every few days (one hotfixed, one reverted), pull requests of several sizes reviewed mostly
// by one person, and tax code only a colleague who left knows: something for every Team Health chart.
// The review data of these pull requests is in test/fake-github/scenarios/demo.json ("merged"), whose
// "-38d@11:00" times mean the same instants as when(38, 11, 0) here.

const PRIYA = { name: 'Priya Nair', email: 'priya@shop.example' };

/** `days` days ago at hh:mm local time. */
function when(days, hour, minute) {
  const date = new Date(Date.now() - days * 86_400_000);
  date.setHours(hour, minute, 0, 0);
  return date.toISOString();
}

function tagRelease(dir, tag, message, date) {
  git(dir, ['tag', '-a', tag, '-m', message], { env: { GIT_COMMITTER_DATE: date } });
}

/** A commit whose author and committer differ, as a patch applied by someone else keeps its author. */
function commitAs(dir, message, { files, author, authorDate, committer, commitDate }) {
  writeFiles(dir, files);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', message], {
    env: {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_AUTHOR_DATE: authorDate,
      GIT_COMMITTER_NAME: committer.name,
      GIT_COMMITTER_EMAIL: committer.email,
      GIT_COMMITTER_DATE: commitDate,
    },
  });
}

/** GitHub's merge button: "Merge pull request #N from owner/branch", the PR's title as the body. */
function mergeWithTitle(dir, number, branch, title, author, date) {
  git(dir, ['checkout', '-q', 'main']);
  git(dir, ['merge', '-q', '--no-ff', '-m', `Merge pull request #${number} from multiplier-demo/${branch}`, '-m', title, '--', branch], {
    env: {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_COMMITTER_NAME: 'GitHub',
      GIT_COMMITTER_EMAIL: 'noreply@github.com',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    },
  });
}

/** Tax tables Priya wrote in the old monolith months ago, imported with her as author: she has since left. */
function importLegacyTaxTables(dir) {
  const li = PEOPLE.li;
  const tables = [
    ['Add VAT rates per country', 'src/tax/rates.ts', lines('vat', 40), 210],
    ['Add regional tax rules', 'src/tax/regions.ts', lines('region', 30), 200],
    ['Add tax exemptions for charities', 'src/tax/exemptions.ts', lines('exempt', 25), 190],
  ];
  tables.forEach(([message, path, content, days], i) => {
    commitAs(dir, message, {
      files: { [path]: content },
      author: PRIYA,
      authorDate: when(days, 11, 0),
      committer: li,
      commitDate: when(41, 9, i),
    });
  });
}

/** A payments client (#8, a big PR), released, hotfixed (#9) and released again; an account page (#10). */
function addPaymentsReleases(dir) {
  const { li, sam, maya } = PEOPLE;
  git(dir, ['checkout', '-q', '-b', 'feature/payments-client']);
  commit(dir, 'Add a payments client', { author: li, date: when(38, 11, 0), files: { 'src/payments/client.ts': lines('client', 220) } });
  commit(dir, 'Retry payments with backoff', {
    author: li,
    date: when(38, 15, 0),
    files: { 'src/payments/retry.ts': lines('retry', 120), 'src/payments/errors.ts': lines('paymentError', 90) },
  });
  mergeWithTitle(dir, 8, 'feature/payments-client', 'Add the payments client', li, when(37, 11, 0));
  tagRelease(dir, 'v0.1.1', 'Payments client', when(37, 16, 0));

  git(dir, ['checkout', '-q', '-b', 'hotfix/payments-4xx']);
  commit(dir, 'Stop retrying payments on 4xx responses', {
    author: sam,
    date: when(36, 9, 0),
    files: { 'src/payments/retry.ts': lines('retry', 124) },
  });
  mergeWithTitle(dir, 9, 'hotfix/payments-4xx', 'Hotfix: stop retrying payments on 4xx', sam, when(36, 12, 0));
  commit(dir, 'Show order status on the account page (#10)', {
    author: maya,
    date: when(36, 14, 30),
    files: { 'src/account/status.ts': lines('status', 50) },
  });
  tagRelease(dir, 'v0.1.2', 'Payments hotfix', when(36, 16, 0));
}

/**
 * The second demo repository, multiplier-demo/payments-api: not opened in the editor, only read by
 * the local GitHub-like server for the diffs of its pull requests.
 */
export function createDemoPaymentsRepository(dir) {
  rmSync(dir, { recursive: true, force: true });
  initRepository(dir);
  const dave = { name: 'Dave Kim', email: 'dave@shop.example' };
  const erin = { name: 'Erin Walsh', email: 'erin@shop.example' };
  const ana = { name: 'Ana Costa', email: 'ana@shop.example' };
  const bot = { name: 'dependabot[bot]', email: 'support@github.com' };
  const { maya } = PEOPLE;
  commit(dir, 'Create the payments API', {
    author: dave,
    date: daysAgo(30),
    files: {
      'README.md': '# Payments API\n\nCharges, refunds and payouts for the shop.\n',
      'package.json': '{ "name": "payments-api", "dependencies": { "lodash": "4.17.20" } }\n',
      'src/refunds/refund.ts': lines('refund', 30),
      'src/money/rounding.ts': 'export const round = (cents: number) => Math.round(cents); // half-up\n',
      'src/webhooks/send.ts': lines('hook', 12),
    },
  });
  branch(dir, 'fix/refund-rounding', 'Round refunds half-even like invoices', {
    author: ana,
    hours: 5,
    files: {
      'src/money/rounding.ts': [
        '// Half-even, as invoices round: a refund never exceeds what was paid.',
        'export function round(cents: number): number {',
        '  const floor = Math.floor(cents);',
        '  const diff = cents - floor;',
        '  if (diff !== 0.5) return Math.round(cents);',
        '  return floor % 2 === 0 ? floor : floor + 1;',
        '}',
        '',
      ].join('\n'),
    },
  });
  branch(dir, 'feature/refund-ledger', 'Add the refund ledger table', {
    author: dave,
    hours: 48,
    files: {
      'migrations/0007_refund_ledger.sql':
        'CREATE TABLE refund_ledger (\n  id BIGSERIAL PRIMARY KEY,\n  refund_id BIGINT NOT NULL,\n  amount_cents BIGINT NOT NULL,\n  created_at TIMESTAMPTZ NOT NULL DEFAULT now()\n);\n',
      'src/refunds/ledger.ts': lines('ledgerEntry', 60),
    },
  });
  git(dir, ['checkout', '-q', '-b', 'feature/refund-webhooks', 'feature/refund-ledger']);
  commit(dir, 'Send a webhook for each ledger entry', {
    author: erin,
    date: hoursAgo(24),
    files: { 'src/webhooks/send.ts': lines('hook', 40) },
  });
  git(dir, ['checkout', '-q', 'main']);
  branch(dir, 'dependabot/npm/lodash-4.17.21', 'Bump lodash from 4.17.20 to 4.17.21', {
    author: bot,
    hours: 48,
    files: { 'package.json': '{ "name": "payments-api", "dependencies": { "lodash": "4.17.21" } }\n' },
  });
  branch(dir, 'feature/refund-idempotency', 'Idempotency keys for refund requests', {
    author: maya,
    hours: 6 * 24,
    files: { 'src/refunds/idempotency.ts': lines('idempotencyKey', 45), 'src/refunds/refund.ts': lines('refund', 34) },
  });
  return dir;
}

/**
 * The branch tracks origin/main (a remote-tracking ref at main, as after a fetch), so the Coach
 * sees it 9 days old and behind its base: a stuck-branch prompt as soon as the Coach view opens.
 */
function trackMainAsBase(dir) {
  git(dir, ['update-ref', 'refs/remotes/origin/main', 'main']);
  git(dir, ['branch', '-q', '--set-upstream-to=origin/main', 'feature/refund-flow']);
}

/**
 * Uncommitted work with a test that fails, and a \`test\` task: running it (or \`npm test\` in the
 * terminal) a few times raises the Coach's repeated-failure prompt. Plain node:test, no install.
 */
function addFailingRefundTest(dir) {
  writeFiles(dir, {
    'package.json': `${JSON.stringify({ name: 'shop', version: '0.1.0', private: true, scripts: { test: 'node --test test/' } }, null, 2)}\n`,
    'test/refunds.test.mjs': [
      "import assert from 'node:assert/strict';",
      "import { test } from 'node:test';",
      '',
      '// Partial refunds must round half-even, like invoices (docs/billing.md).',
      'const refund = (paidCents, share) => Math.round(paidCents * share);',
      '',
      "test('a third of 10.01 refunds 3.34', () => {",
      '  assert.equal(refund(1001, 1 / 3), 334);',
      '});',
      '',
      "test('half of 0.05 rounds half-even to 0.02', () => {",
      '  assert.equal(refund(5, 0.5), 2);',
      '});',
      '',
    ].join('\n'),
    '.vscode/tasks.json': `${JSON.stringify(
      {
        version: '2.0.0',
        tasks: [{ label: 'test', type: 'shell', command: 'npm test', group: { kind: 'test', isDefault: true }, problemMatcher: [] }],
      },
      null,
      2,
    )}\n`,
  });
}
