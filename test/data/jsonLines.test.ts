import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataFormatError } from '../../src/data/importResult.js';
import { parseJsonWithLines } from '../../src/data/jsonLines.js';

const issue = (text: string) => {
  try {
    parseJsonWithLines(text);
  } catch (e) {
    return (e as DataFormatError).issues[0];
  }
  return undefined;
};

describe('parseJsonWithLines', () => {
  it('gives each object the line of its opening brace', () => {
    const { value, lineOf } = parseJsonWithLines('{\n "a": [\n  {"x": 1},\n\n  {"y": [true, null, -2.5e3]}\n ]\n}');
    const v = value as { a: object[] };
    expect(v).toEqual({ a: [{ x: 1 }, { y: [true, null, -2500] }] });
    expect(lineOf(v)).toBe(1);
    expect(lineOf(v.a[0])).toBe(3);
    expect(lineOf(v.a[1])).toBe(5);
  });

  it('decodes escapes', () => {
    expect(parseJsonWithLines('"a\\"b\\\\c\\n\\u00e9\\/"').value).toBe('a"b\\c\né/');
  });

  it('reports syntax errors with line and column', () => {
    expect(issue('{"a": 1,\n "b" 2}')).toEqual({ line: 2, col: 6, message: "expected ':'" });
    expect(issue('[1, 2')).toEqual({ line: 1, col: 6, message: "unexpected end of the text: expected ',' or ']'" });
    expect(issue('{"a":')).toEqual({ line: 1, col: 6, message: 'unexpected end of the text: expected a value' });
    expect(issue('{"a": tru}')).toEqual({ line: 1, col: 7, message: "unexpected character 't'" });
    expect(issue('[1] x')).toEqual({ line: 1, col: 5, message: 'unexpected text after the JSON value' });
    expect(issue('"open')).toMatchObject({ message: 'unexpected end of the text: a string is never closed' });
  });

  it('agrees with JSON.parse on any JSON value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (v, pretty) => {
        const text = JSON.stringify(v, null, pretty ? 2 : undefined);
        expect(parseJsonWithLines(text).value).toEqual(JSON.parse(text));
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});
