import shipped from './prompts.json';
import { parsePromptFile, type PromptFileResult } from './library';

/** The prompt library bundled with the extension (esbuild inlines the JSON). */
export function shippedPrompts(): PromptFileResult {
  return parsePromptFile(JSON.stringify(shipped), 'prompts.json', 'shipped');
}
