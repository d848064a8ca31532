/**
 * Team prompt files read with Microsoft's jsonc-parser (strict JSON: no comments, no trailing
 * commas), keeping where every value starts, so a mistake is reported as "line 7, column 5"
 * instead of "at position 213".
 */
import * as l10n from '@vscode/l10n';
import { parseTree, type Node, type ParseError, ParseErrorCode } from 'jsonc-parser';

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly position: Position,
  ) {
    super(`${reason} (line ${position.line}, column ${position.column})`);
  }
}

export interface ParsedJson {
  value: unknown;
  /** JSON pointer (e.g. "/prompts/2/role") → where that value starts. "" is the root. */
  positions: Map<string, Position>;
}

export function parseJsonWithPositions(text: string): ParsedJson {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const positionAt = lineIndex(text);
  if (errors.length > 0 || !root) {
    const error = errors[0] ?? { error: ParseErrorCode.ValueExpected, offset: 0, length: 0 };
    // An unterminated string is noticed where the line ends, not where the string starts.
    const offset = error.error === ParseErrorCode.UnexpectedEndOfString ? error.offset + error.length : error.offset;
    throw new JsonSyntaxError(reasonFor(error.error, text, offset), positionAt(offset));
  }
  const positions = new Map<string, Position>();
  const walk = (node: Node, pointer: string): unknown => {
    positions.set(pointer, positionAt(node.offset));
    if (node.type === 'array') return (node.children ?? []).map((child, index) => walk(child, `${pointer}/${index}`));
    if (node.type === 'object') {
      const object: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key || !value) continue;
        const name = String(key.value);
        object[name] = walk(value, `${pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      }
      return object;
    }
    return node.value;
  };
  return { value: walk(root, ''), positions };
}

/** Offset → 1-based line and column, by binary search over line starts. */
function lineIndex(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low] + 1 };
  };
}

function reasonFor(code: ParseErrorCode, text: string, offset: number): string {
  const here = offset < text.length ? JSON.stringify(text[offset]) : l10n.t('end of file');
  const before = text.slice(0, offset).trimEnd().at(-1);
  if (
    (code === ParseErrorCode.ValueExpected || code === ParseErrorCode.PropertyNameExpected) &&
    before === ',' &&
    /[\]}]/.test(text[offset] ?? '')
  ) {
    return l10n.t('Trailing comma before {0}', text[offset] ?? '');
  }
  switch (code) {
    case ParseErrorCode.UnexpectedEndOfString:
      return l10n.t('Unterminated string');
    case ParseErrorCode.InvalidEscapeCharacter:
      return l10n.t('Invalid escape in string');
    case ParseErrorCode.InvalidCharacter:
      return l10n.t('Unescaped control character (or line break) in string');
    case ParseErrorCode.PropertyNameExpected:
      return l10n.t('Unexpected {0}; expected a property name in double quotes', here);
    case ParseErrorCode.ColonExpected:
      return l10n.t("Unexpected {0}; expected ':'", here);
    case ParseErrorCode.CommaExpected:
    case ParseErrorCode.CloseBraceExpected:
    case ParseErrorCode.CloseBracketExpected:
      return l10n.t("Unexpected {0}; expected ',' or a closing bracket", here);
    case ParseErrorCode.EndOfFileExpected:
      return l10n.t('Unexpected {0} after the end of the JSON value', here);
    default:
      return l10n.t('Unexpected {0}; expected a value', here);
  }
}
