import shipped from './prompts.json';
import type { PromptFileResult } from './library';
import { parsePromptFile } from './parse';

/** The prompt library bundled with the extension (esbuild inlines the JSON). */
export function shippedPrompts(): PromptFileResult {
  return parsePromptFile(JSON.stringify(shipped), 'prompts.json', 'shipped');
}
