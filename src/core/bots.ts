/**
 * Who counts as a bot, left out of every metric, ranking and suggestion. Always: a login, name or
 * e-mail with GitHub's `[bot]` suffix (app accounts such as `dependabot[bot]`). Plus what is listed
 * in the one setting `multiplier.botAuthors`, for bots that use an ordinary account (a CI user, a
 * release script). Pure.
 */

export type BotMatcher = (name: string, email: string) => boolean;

/** GitHub app accounts: `dependabot[bot]`, `49699333+dependabot[bot]@users.noreply.github.com`. */
export const isBotAuthor: BotMatcher = (name, email) => /\[bot\]$/i.test(name) || /\[bot\]@/i.test(email);

/** The configured list, cleaned: strings only, trimmed, lower-cased, no empties or duplicates. */
export function botAuthorList(configured: unknown): string[] {
  if (!Array.isArray(configured)) return [];
  const entries = configured.filter((e): e is string => typeof e === 'string').map((e) => e.trim().toLowerCase());
  return [...new Set(entries.filter((e) => e !== ''))];
}

/**
 * A matcher for the `[bot]` rule plus the configured entries. An entry matches a whole name or a
 * whole e-mail, ignoring case; `*` stands for any run of characters (`ci-*@example.com`).
 */
export function botMatcher(configured: unknown): BotMatcher {
  const entries = botAuthorList(configured);
  if (entries.length === 0) return isBotAuthor;
  const exact = new Set(entries.filter((e) => !e.includes('*')));
  const patterns = entries.filter((e) => e.includes('*')).map(globToRegExp);
  // Ownership asks once per commit with a few distinct people: remember each answer.
  const answers = new Map<string, boolean>();
  return (name, email) => {
    const key = `${name}\0${email}`;
    let bot = answers.get(key);
    if (bot === undefined) {
      const n = name.toLowerCase();
      const e = email.toLowerCase();
      bot = isBotAuthor(name, email) || exact.has(n) || exact.has(e) || patterns.some((p) => p.test(n) || p.test(e));
      answers.set(key, bot);
    }
    return bot;
  };
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`);
}
