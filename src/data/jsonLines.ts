/**
 * A JSON parser (RFC 8259) that remembers the line on which each object starts, so that importers of JSON records
 * can report `file:line` like the CSV importers do. Syntax errors are DataFormatErrors with line and column.
 */
import { formatError } from './importResult.js';

const LITERALS: [string, unknown][] = [['true', true], ['false', false], ['null', null]];
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;

/**
 * Deepest nesting of arrays and objects accepted: the parser recurses once per level, and a 100,000-deep `[[[…`
 * would overflow the stack. Record files nest 3–4 levels deep (the CNS mirror: object, array, object, value).
 */
export const JSON_MAX_DEPTH = 256;

export interface JsonWithLines {
  value: unknown;
  /** The 1-based line of an object's opening brace; undefined for values not from this parse. */
  lineOf(obj: object): number | undefined;
}

/** Parses JSON text; throws DataFormatError (line, col, message) on a syntax error. */
export function parseJsonWithLines(text: string): JsonWithLines {
  const lines = new WeakMap<object, number>();
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = 0;

  const fail = (message: string): never => formatError(line, i - lineStart + 1, i >= text.length ? `unexpected end of the text: ${message}` : message);
  const ws = () => {
    for (;;) {
      const c = text[i];
      if (c === '\n') {
        line++;
        lineStart = i + 1;
      } else if (c !== ' ' && c !== '\t' && c !== '\r') return;
      i++;
    }
  };
  const expect = (s: string) => {
    if (text.startsWith(s, i)) i += s.length;
    else fail(`expected '${s}'`);
  };

  const parseString = (): string => {
    i++; // opening quote
    let out = '';
    let chunkStart = i;
    for (;;) {
      if (i >= text.length) fail('a string is never closed');
      const c = text.charCodeAt(i);
      if (c === 34) {
        out += text.slice(chunkStart, i);
        i++;
        return out;
      }
      if (c === 92) {
        out += text.slice(chunkStart, i);
        const e = text[i + 1];
        if (e in ESCAPES) {
          out += ESCAPES[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          fail('bad escape in string');
        }
        chunkStart = i;
        continue;
      }
      if (c < 32) fail('control character in string');
      i++;
    }
  };

  let depth = 0;
  const parseValue = (): unknown => {
    ws();
    const c = text[i];
    if ((c === '{' || c === '[') && ++depth > JSON_MAX_DEPTH) fail(`arrays and objects nest deeper than ${JSON_MAX_DEPTH} levels`);
    const value = parseInner(c);
    if (c === '{' || c === '[') depth--;
    return value;
  };
  const parseInner = (c: string | undefined): unknown => {
    if (c === '{') {
      const obj: Record<string, unknown> = {};
      lines.set(obj, line);
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a property name in double quotes');
        const key = parseString();
        ws();
        expect(':');
        obj[key] = parseValue();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return obj;
        } else fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      const arr: unknown[] = [];
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(parseValue());
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return arr;
        } else fail("expected ',' or ']'");
      }
    }
    if (c === '"') return parseString();
    for (const [word, v] of LITERALS) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    NUMBER.lastIndex = i;
    const num = NUMBER.exec(text);
    if (num) {
      i += num[0].length;
      return Number(num[0]);
    }
    return fail(i >= text.length ? 'expected a value' : `unexpected character '${c}'`);
  };

  const value = parseValue();
  ws();
  if (i < text.length) fail('unexpected text after the JSON value');
  return { value, lineOf: (obj) => lines.get(obj) };
}
