import { describe, expect, it } from 'vitest';
import { directionNumbers, JOE_KUO_ROWS, SOBOL_MAX_DIMENSION } from '../../src/sensitivity/joeKuo.js';
import { sobolSequence } from '../../src/sensitivity/sobolSequence.js';

/** Whether x^s + (inner bits a) + 1 is primitive over GF(2): x has order exactly 2^s − 1 modulo it. */
function isPrimitive(s: number, a: number): boolean {
  const poly = (1 << s) | (a << 1) | 1; // bit i = coefficient of x^i
  const period = (1 << s) - 1;
  let r = 1;
  for (let k = 1; k <= period; k++) {
    r <<= 1;
    if (r & (1 << s)) r ^= poly;
    if (r === 1) return k === period;
  }
  return false;
}

describe('Sobol sequence', () => {
  it("matches the published first points of dimensions 1–3 (Joe & Kuo's generator; scipy Sobol(3, scramble=False))", () => {
    // Joe & Kuo's reference output for new-joe-kuo-6.21201, Gray-code order.
    const published = [
      [0, 0, 0],
      [0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25],
      [0.25, 0.75, 0.75],
      [0.375, 0.375, 0.625],
      [0.875, 0.875, 0.125],
      [0.625, 0.125, 0.875],
      [0.125, 0.625, 0.375],
      [0.1875, 0.3125, 0.9375],
      [0.6875, 0.8125, 0.4375],
    ];
    expect(sobolSequence(10, 3)).toEqual(published);
  });

  it('skip continues the same sequence', () => {
    const all = sobolSequence(40, 7);
    expect(sobolSequence(23, 7, { skip: 17 })).toEqual(all.slice(17));
  });

  it('the table lists the primitive polynomials over GF(2) in order of degree, then coefficients, with odd m_k < 2^k', () => {
    const expected: [number, number][] = [];
    for (let s = 1; expected.length < JOE_KUO_ROWS.length; s++) {
      for (let a = 0; a < 1 << (s - 1) && expected.length < JOE_KUO_ROWS.length; a++) if (isPrimitive(s, a)) expected.push([s, a]);
    }
    expect(JOE_KUO_ROWS.map((r) => [r.degree, r.coefficients])).toEqual(expected);
    expect(JOE_KUO_ROWS.map((r) => r.dimension)).toEqual(Array.from({ length: 63 }, (_, i) => i + 2));
    for (const r of JOE_KUO_ROWS) {
      expect(r.m.length).toBe(r.degree);
      r.m.forEach((m, k) => {
        expect(m % 2).toBe(1);
        expect(m).toBeLessThan(2 ** (k + 1));
      });
    }
    expect(SOBOL_MAX_DIMENSION).toBe(64);
  });

  it('direction number k has its lowest set bit at 2^(31−k) (an invertible triangular generator matrix)', () => {
    for (let d = 1; d <= SOBOL_MAX_DIMENSION; d++) {
      const v = directionNumbers(d);
      v.forEach((x, k) => {
        expect(Number.isInteger(x / 2 ** (31 - k))).toBe(true);
        expect((x / 2 ** (31 - k)) % 2).toBe(1);
      });
    }
  });

  it('the first 2^m points put exactly one point in each dyadic interval, in all 64 dimensions, shifted or not', () => {
    for (const shiftSeed of [undefined, 11]) {
      const m = 7;
      const pts = sobolSequence(2 ** m, 64, { shiftSeed });
      for (let d = 0; d < 64; d++) {
        const cells = new Set(pts.map((p) => Math.floor(p[d] * 2 ** m)));
        expect(cells.size).toBe(2 ** m);
      }
    }
  });

  it('dimensions 1 and 2 form a (0, m, 2)-net: every elementary box of area 2^-m holds one point', () => {
    const m = 8;
    const pts = sobolSequence(2 ** m, 2, { skip: 0 });
    for (let m1 = 0; m1 <= m; m1++) {
      const m2 = m - m1;
      const cells = new Set(pts.map((p) => Math.floor(p[0] * 2 ** m1) * 2 ** m2 + Math.floor(p[1] * 2 ** m2)));
      expect(cells.size).toBe(2 ** m);
    }
  });

  it('a shift moves every point, differs by seed and is reproducible', () => {
    const plain = sobolSequence(16, 5);
    const a = sobolSequence(16, 5, { shiftSeed: 3 });
    expect(sobolSequence(16, 5, { shiftSeed: 3 })).toEqual(a);
    expect(sobolSequence(16, 5, { shiftSeed: 4 })).not.toEqual(a);
    expect(a[0].every((x) => x > 0)).toBe(true);
    expect(a).not.toEqual(plain);
  });

  it('refuses dimensions beyond the table', () => {
    expect(() => sobolSequence(4, 65)).toThrow(/outside 1 … 64/);
  });
});
