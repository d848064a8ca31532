/**
 * Reading prompt libraries: a prompt file (shipped or the team's, with line and column for each
 * mistake) and the `multiplier.coach.extraPrompts` setting. Pure.
 */
import * as l10n from '@vscode/l10n';
import { SIGNAL_KINDS } from '../signals/types';
import { JsonSyntaxError, parseJsonWithPositions, type Position } from './jsonDocument';
import { PROMPT_ROLES, type Prompt, type PromptFileResult, type PromptRole, type PromptSignal, type PromptSource } from './library';

const SIGNALS: readonly string[] = ['*', ...SIGNAL_KINDS];
const MAX_TEXT_LENGTH = 500;

/** Prompts without an id get one from their text, so rotation state survives reordering. */
function defaultId(source: PromptSource, text: string): string {
  let hash = 0;
  for (const ch of text) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) | 0;
  return `${source}:${(hash >>> 0).toString(36)}`;
}

/**
 * Checks one prompt entry. `where(suffix)` renders the location of a field for messages, so the same
 * rules serve team files (line:column) and settings (array index).
 */
function validateEntry(entry: unknown, source: PromptSource, where: (field?: string) => string, errors: string[]): Prompt | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    errors.push(`${where()}: ${l10n.t('each prompt must be an object like {0}', '{"signal": "*", "role": "stuck", "text": "…"}')}`);
    return undefined;
  }
  const record = entry as Record<string, unknown>;
  const before = errors.length;
  const { signal, role, text, id } = record;
  if (typeof text !== 'string' || text.trim() === '')
    errors.push(`${where(text === undefined ? undefined : 'text')}: ${l10n.t('"text" is required and must be a non-empty string')}`);
  else if (text.length > MAX_TEXT_LENGTH)
    errors.push(`${where('text')}: ${l10n.t('"text" is longer than {0} characters', MAX_TEXT_LENGTH)}`);
  if (typeof signal !== 'string' || !SIGNALS.includes(signal)) {
    errors.push(
      `${where(signal === undefined ? undefined : 'signal')}: ${
        signal === undefined
          ? l10n.t('"signal" must be one of {0}', SIGNALS.map((s) => `"${s}"`).join(', '))
          : l10n.t('"signal" must be one of {0}, got {1}', SIGNALS.map((s) => `"${s}"`).join(', '), JSON.stringify(signal))
      }`,
    );
  }
  if (typeof role !== 'string' || !(PROMPT_ROLES as readonly string[]).includes(role)) {
    errors.push(
      `${where(role === undefined ? undefined : 'role')}: ${
        role === undefined
          ? l10n.t('"role" must be "stuck" or "mentor"')
          : l10n.t('"role" must be "stuck" or "mentor", got {0}', JSON.stringify(role))
      }`,
    );
  }
  if (id !== undefined && (typeof id !== 'string' || id.trim() === ''))
    errors.push(`${where('id')}: ${l10n.t('"id" must be a non-empty string when given')}`);
  for (const key of Object.keys(record)) {
    if (!['id', 'signal', 'role', 'text'].includes(key))
      errors.push(`${where(key)}: ${l10n.t('unknown property "{0}" (allowed: id, signal, role, text)', key)}`);
  }
  if (errors.length > before) return undefined;
  const cleanText = (text as string).trim();
  return {
    id: typeof id === 'string' ? `${source}:${id}` : defaultId(source, cleanText),
    signal: signal as PromptSignal,
    role: role as PromptRole,
    text: cleanText,
    source,
  };
}

/**
 * Reads a prompt file ({"version": 1, "prompts": [...]}) and reports every problem with its line
 * and column. Valid entries are kept even when others are bad, so one typo does not silence a team.
 */
export function parsePromptFile(text: string, fileLabel: string, source: PromptSource): PromptFileResult {
  const errors: string[] = [];
  let parsed;
  try {
    parsed = parseJsonWithPositions(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      return { prompts: [], errors: [`${fileLabel}:${error.position.line}:${error.position.column}: ${error.reason}`] };
    }
    throw error;
  }
  const at = (pointer: string): string => {
    const position: Position = parsed.positions.get(pointer) ?? { line: 1, column: 1 };
    return `${fileLabel}:${position.line}:${position.column}`;
  };
  const root = parsed.value;
  if (typeof root !== 'object' || root === null || Array.isArray(root)) {
    return { prompts: [], errors: [`${at('')}: ${l10n.t('expected an object like {0}', '{"version": 1, "prompts": [...]}')}`] };
  }
  const { version, prompts } = root as Record<string, unknown>;
  if (version !== 1) errors.push(`${at(version === undefined ? '' : '/version')}: ${l10n.t('"version" must be 1')}`);
  if (!Array.isArray(prompts)) {
    errors.push(`${at(prompts === undefined ? '' : '/prompts')}: ${l10n.t('"prompts" must be an array')}`);
    return { prompts: [], errors };
  }
  const valid: Prompt[] = [];
  prompts.forEach((entry, index) => {
    const prompt = validateEntry(entry, source, (field) => at(`/prompts/${index}${field ? `/${field}` : ''}`), errors);
    if (prompt) valid.push(prompt);
  });
  return { prompts: valid, errors };
}

/** The `multiplier.coach.extraPrompts` setting: an array of entries, already parsed by VS Code. */
export function parseSettingsPrompts(value: unknown): PromptFileResult {
  if (value === undefined || value === null) return { prompts: [], errors: [] };
  if (!Array.isArray(value)) return { prompts: [], errors: [`multiplier.coach.extraPrompts: ${l10n.t('must be an array')}`] };
  const errors: string[] = [];
  const prompts: Prompt[] = [];
  value.forEach((entry, index) => {
    const prompt = validateEntry(
      entry,
      'settings',
      (field) => `multiplier.coach.extraPrompts[${index}]${field ? `.${field}` : ''}`,
      errors,
    );
    if (prompt) prompts.push(prompt);
  });
  return { prompts, errors };
}
