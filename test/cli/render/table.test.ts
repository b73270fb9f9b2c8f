import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitTable, wrapText } from '../../../src/cli/render/table.js';

const widest = (s: string) => Math.max(...s.split('\n').map((l) => [...l].length));
const word = fc.stringMatching(/^[a-z0-9%.\[\]–]{1,12}$/);
const cell = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));

describe('fitTable', () => {
  it('prints at natural width when the table fits, with plain borders and no colour codes', () => {
    const t = fitTable(['policy', 'P(war)'], [['status-quo', '1.2%']], 100);
    expect(t.split('\n')[1]).toBe('│ policy     │ P(war) │');
    expect(t).not.toMatch(/\x1b\[/);
  });

  it('never exceeds the width while every column can keep 6 characters, and keeps every word', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 40, max: 120 }), fc.array(fc.array(cell, { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 5 }), (cols, width, rows) => {
        const head = Array.from({ length: cols }, (_, c) => `col${c}`);
        const body = rows.map((r) => r.slice(0, cols));
        const t = fitTable(head, body, width);
        if (cols * 6 + cols + 1 <= width) expect(widest(t)).toBeLessThanOrEqual(width);
        const text = t.replace(/[│┌┐└┘├┤┬┴┼─]/g, ' ');
        for (const r of body) for (const c of r) for (const w of c.split(' ')) expect(text.includes(w) || w.length > 4).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('wrapText', () => {
  it('wraps prose to the width with a hanging indent, keeps words in order, and leaves table lines alone', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 40 }), fc.integer({ min: 20, max: 100 }), (words, width) => {
        const out = wrapText(`  ${words.join(' ')}`, width);
        for (const l of out.split('\n')) expect([...l].length).toBeLessThanOrEqual(width);
        expect(out.split(/\s+/).filter(Boolean)).toEqual(words);
        expect(out.split('\n').slice(1).every((l) => l.startsWith('    '))).toBe(true);
      }),
    );
    const table = '│ ' + 'x'.repeat(200) + ' │';
    expect(wrapText(table, 80)).toBe(table);
  });
});
