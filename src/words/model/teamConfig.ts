/**
 * The team's words settings, checked in as `.multiplier/config.json` (read only in a trusted
 * workspace). Strict JSON; a mistake is reported with its line and column, like
 * `.multiplier/prompts.json`. Pure.
 *
 *     { "conventionalComments": "require" }     // or true, "suggest", "off", false
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { CommentCheckOptions } from './rules';

export type ConventionalMode = NonNullable<CommentCheckOptions['conventionalComments']>;

export interface TeamConfig {
  conventionalComments?: ConventionalMode;
}

export interface ConfigProblem {
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** Offsets into the file, for a diagnostic's range. */
  start: number;
  end: number;
}

const MODES: Record<string, ConventionalMode> = { require: 'require', suggest: 'suggest', off: 'off', true: 'require', false: 'off' };

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Parses the file; unknown keys are reported (a typo must not pass silently), the rest is used. */
export function parseTeamConfig(text: string): { config: TeamConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const problem = (message: string, start: number, length: number): void => {
    problems.push({ message, ...positionOf(text, start), start, end: start + Math.max(1, length) });
  };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !root) {
    const error = errors[0];
    problem(
      error ? `JSON syntax: ${printParseErrorCode(error.error)}` : 'The file is empty; it should hold a JSON object.',
      error?.offset ?? 0,
      error?.length ?? 0,
    );
    return { config: {}, problems };
  }
  if (root.type !== 'object') {
    problem('The file should hold one JSON object, such as { "conventionalComments": "require" }.', root.offset, root.length);
    return { config: {}, problems };
  }
  const config: TeamConfig = {};
  for (const property of root.children ?? []) {
    const [key, value] = property.children ?? [];
    if (!key || !value) continue;
    const name = String(key.value);
    if (name === 'conventionalComments') {
      const mode = modeOf(value);
      if (mode) config.conventionalComments = mode;
      else problem('"conventionalComments" takes "require" (or true), "suggest", or "off" (or false).', value.offset, value.length);
    } else if (name !== '$schema' && name !== 'prompts') {
      problem(`Unknown setting "${name}"; Multiplier knows "conventionalComments".`, key.offset, key.length);
    }
  }
  return { config, problems };
}

function modeOf(node: Node): ConventionalMode | undefined {
  if (node.type !== 'string' && node.type !== 'boolean') return undefined;
  return MODES[String(node.value).toLowerCase()];
}
