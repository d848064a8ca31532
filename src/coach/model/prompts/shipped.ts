import * as l10n from '@vscode/l10n';
import shipped from './prompts.json';
import type { PromptFileResult } from './library';
import { parsePromptFile } from './parse';

/**
 * The prompt library bundled with the extension (esbuild inlines the JSON). Its texts are data, so
 * each is looked up by its English text, the key `npm run l10n` (scripts/build/l10n.mjs) writes for
 * it; the id stays the same in every language, so the rotation survives a language switch. Team and
 * settings prompts are the team's own words and stay as written.
 */
export function shippedPrompts(): PromptFileResult {
  const { prompts, errors } = parsePromptFile(JSON.stringify(shipped), 'prompts.json', 'shipped');
  return { prompts: prompts.map((prompt) => ({ ...prompt, text: l10n.t(prompt.text) })), errors };
}
