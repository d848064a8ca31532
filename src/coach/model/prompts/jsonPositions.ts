/**
 * A tiny JSON parser that remembers where every value starts, so a bad team prompt file can be
 * reported as "line 7, column 5" instead of "at position 213". Strict JSON (no comments, no
 * trailing commas), same as JSON.parse accepts.
 */

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
  const positions = new Map<string, Position>();
  let i = 0;

  const positionAt = (offset: number): Position => {
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < offset && k < text.length; k++) {
      if (text[k] === '\n') {
        line++;
        lineStart = k + 1;
      }
    }
    return { line, column: offset - lineStart + 1 };
  };
  const fail = (message: string, offset = i): never => {
    throw new JsonSyntaxError(message, positionAt(offset));
  };
  const skipSpace = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const describe = (): string => (i >= text.length ? 'end of file' : `'${text[i]}'`);

  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    while (i < text.length) {
      const ch = text[i];
      if (ch === '"') {
        i++;
        return out;
      }
      if (ch === '\\') {
        const next = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (next !== undefined && next in simple) {
          out += simple[next];
          i += 2;
        } else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          fail('Invalid escape in string');
        }
      } else if (ch < ' ') {
        fail('Unescaped control character (or line break) in string');
      } else {
        out += ch;
        i++;
      }
    }
    return fail('Unterminated string', start);
  };

  const parseValue = (pointer: string): unknown => {
    skipSpace();
    positions.set(pointer, positionAt(i));
    const ch = text[i];
    if (ch === '{') return parseObject(pointer);
    if (ch === '[') return parseArray(pointer);
    if (ch === '"') return parseString();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i));
    if (!literal) return fail(`Unexpected ${describe()}; expected a value`);
    i += literal[0].length;
    return JSON.parse(literal[0]) as unknown;
  };

  const parseArray = (pointer: string): unknown[] => {
    i++;
    const out: unknown[] = [];
    skipSpace();
    if (text[i] === ']') {
      i++;
      return out;
    }
    for (;;) {
      out.push(parseValue(`${pointer}/${out.length}`));
      skipSpace();
      if (text[i] === ',') {
        i++;
        skipSpace();
        if (text[i] === ']') fail('Trailing comma before ]');
      } else if (text[i] === ']') {
        i++;
        return out;
      } else {
        fail(`Unexpected ${describe()}; expected ',' or ']'`);
      }
    }
  };

  const parseObject = (pointer: string): Record<string, unknown> => {
    i++;
    const out: Record<string, unknown> = {};
    skipSpace();
    if (text[i] === '}') {
      i++;
      return out;
    }
    for (;;) {
      skipSpace();
      if (text[i] !== '"') fail(`Unexpected ${describe()}; expected a property name in double quotes`);
      const key = parseString();
      skipSpace();
      if (text[i] !== ':') fail(`Unexpected ${describe()}; expected ':' after "${key}"`);
      i++;
      out[key] = parseValue(`${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      skipSpace();
      if (text[i] === ',') {
        i++;
        skipSpace();
        if (text[i] === '}') fail('Trailing comma before }');
      } else if (text[i] === '}') {
        i++;
        return out;
      } else {
        fail(`Unexpected ${describe()}; expected ',' or '}'`);
      }
    }
  };

  const value = parseValue('');
  skipSpace();
  if (i < text.length) fail(`Unexpected ${describe()} after the end of the JSON value`);
  return { value, positions };
}
