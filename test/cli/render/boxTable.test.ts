import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawBoxTable, isPlainText } from '../../../src/cli/render/boxTable.js';
import { fitTable } from '../../../src/cli/render/table.js';

const style = { head: [], border: [] };
const cliTable3 = (head: string[], rows: string[][], colWidths?: number[]) => {
  const t = new Table({ head, style, ...(colWidths ? { colWidths, wordWrap: true } : {}) });
  for (const r of rows) t.push(r);
  return t.toString();
};

// Words from the characters the CLI prints (numbers, ids, units, typographic signs), runs of spaces, line breaks.
const char = fc.constantFrom(...'abcXYZ019.,%-_()[]:/…–—×±≤≥σφ²é│'.split(''));
const text = fc.array(fc.oneof({ weight: 6, arbitrary: char }, { weight: 2, arbitrary: fc.constantFrom(' ', '  ') }, { weight: 1, arbitrary: fc.constant('\n') }), { maxLength: 30 }).map((cs) => cs.join(''));

describe('drawBoxTable', () => {
  it('draws what cli-table3 draws, at natural width and word-wrapped to given widths', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((cols) =>
          fc.tuple(fc.array(text, { minLength: cols, maxLength: cols }), fc.array(fc.array(text, { minLength: cols, maxLength: cols }), { maxLength: 5 }), fc.option(fc.array(fc.integer({ min: 2, max: 14 }), { minLength: cols, maxLength: cols }), { nil: undefined })),
        ),
        ([head, rows, widths]) => {
          expect(drawBoxTable(head, rows, widths)).toBe(cliTable3(head, rows, widths));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('counts one column for every character it accepts, as cli-table3 does', () => {
    const accepted: string[] = [];
    for (let c = 0x20; c < 0x2600; c++) if (isPlainText(String.fromCharCode(c))) accepted.push(String.fromCharCode(c));
    expect(accepted.length).toBeGreaterThan(600);
    // A one-cell table is as wide as its text plus the padding and borders.
    const wrong = accepted.filter((ch) => cliTable3([`${ch}${ch}`], []).split('\n')[0].length !== 6);
    expect(wrong).toEqual([]);
    for (const ch of ['\t', '\u00a0', '\u00ad', '©', '\u200b', '\u0301', '中', '😀']) expect(isPlainText(ch)).toBe(false);
  });

  it('is what fitTable prints, and fitTable still prints cli-table3 for other text and ragged rows', () => {
    const head = ['stock \\ years', '0', '1'];
    const rows = [['PRK.conventional', '4', '4.111'], ['USA.strategic', '3708', '3607']];
    expect(fitTable(head, rows, 100)).toBe(cliTable3(head, rows));
    expect(fitTable(head, rows, 24)).toBe(cliTable3(head, rows, [7, 6, 7]));
    expect(fitTable(['國家', 'n'], [['韓國', '1']], 100)).toBe(cliTable3(['國家', 'n'], [['韓國', '1']]));
    expect(fitTable(['a', 'b'], [['x']], 100)).toBe(cliTable3(['a', 'b'], [['x']]));
  });
});
