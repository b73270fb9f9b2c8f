import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, excludesZero, num, pct, pp, signed } from '../../src/report/format.js';

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('report formats', () => {
  it('escapeHtml leaves no markup character and round-trips', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      const e = escapeHtml(s);
      expect(e).not.toMatch(/[<>"']/);
      expect(e.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
      expect(unescape(e)).toBe(s);
    }));
  });

  it('pct keeps small probabilities visible', () => {
    expect(pct(0.0321)).toBe('3.2%');
    expect(pct(0.0042)).toBe('0.42%');
    expect(pct(0.00042)).toBe('0.042%');
    expect(pct(0.0000123)).toBe('0.0012%');
    expect(pct(0)).toBe('0%');
    expect(pct(1)).toBe('100.0%');
  });

  it('differences are signed with a true minus', () => {
    expect(pp(-0.012)).toBe('\u22121.2 pp');
    expect(pp(0.012)).toBe('+1.2 pp');
    expect(pp(0)).toBe('0 pp');
    expect(signed(0.25)).toBe('+0.25');
    expect(signed(-0.001)).toBe('0.00');
    expect(num(-0.5)).toBe('\u22120.50');
  });

  it('excludesZero is true only when both bounds lie on one side of 0', () => {
    expect(excludesZero({ lo: 0.1, hi: 0.2 })).toBe(true);
    expect(excludesZero({ lo: -0.2, hi: -0.1 })).toBe(true);
    expect(excludesZero({ lo: 0, hi: 0.2 })).toBe(false);
    expect(excludesZero({ lo: -0.1, hi: 0.1 })).toBe(false);
  });
});
