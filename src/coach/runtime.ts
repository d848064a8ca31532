/**
 * What the Coach needs only once it works, bundled apart (dist/coach.js) and required by ./load.ts
 * on first use: the prompt libraries' reader with its JSON parser and the shipped prompts (the
 * first evaluation), the view's HTML (the first look at the view), and the test-command
 * recogniser (the first task or terminal command that ends).
 */
export { shippedPrompts } from './model/prompts/shipped';
export { parsePromptFile, parseSettingsPrompts } from './model/prompts/parse';
export { recogniseTestCommand } from './model/testCommands';
export { makeNonce, renderCoachHtml } from './view/html';
