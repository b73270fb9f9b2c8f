import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyCell, monthlyQuantiles, packCell, packScores, poolCells, ScorePool, unpackCell, unpackScores, type CellAggregate } from '../../src/experiment/cell.js';
import { cellValue, OutcomeTable } from '../../src/experiment/outcomeTable.js';

/** Sorted, de-duplicated (month, score, count) triples over `months` months, as a run's histogram holds them. */
const histogram = (months: number) =>
  fc.array(fc.tuple(fc.integer({ min: 1, max: months }), fc.integer({ min: -500, max: 40_000 }), fc.integer({ min: 1, max: 2 ** 31 - 1 })), { maxLength: 60 }).map((ts) => {
    const seen = new Map<string, [number, number, number]>();
    for (const t of ts) seen.set(`${t[0]}|${t[1]}`, t);
    return [...seen.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  });

const cellOf = (months: number, hist: [number, number, number][], sums: number[]): CellAggregate => {
  const c = emptyCell(months, 4, ['g']);
  const runs = hist.filter((h) => h[0] === 1).reduce((n, h) => n + h[2], 0);
  return { ...c, runs, warRuns: Math.min(runs, 3), clashRuns: runs, scoreSum: sums.slice(0, months), hist, dyadClashYears: [0, 1, 2, 0], sets: { ...c.sets, warRuns: [1] } };
};

describe('packed monthly scores', () => {
  it('round-trip exactly: any sorted histogram, any finite score sums (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }).chain((months) => fc.tuple(histogram(months), fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: months, maxLength: months }))), ([hist, sums]) => {
        const flat = Int32Array.from(hist.flat());
        const back = unpackScores(packScores({ scoreSum: Float64Array.from(sums), hist: flat }));
        expect(Array.from(back.hist)).toEqual(Array.from(flat));
        expect(Array.from(back.scoreSum)).toEqual(sums);
      }),
    );
  });

  it('a cell splits into outcome and scores and joins again unchanged (property)', () => {
    fc.assert(
      fc.property(histogram(6), (hist) => {
        const c = cellOf(6, hist, [1.5, -2, 0, 7, 1e300, 3]);
        const p = packCell(c);
        expect(p.outcome).not.toHaveProperty('hist');
        expect(p.outcome).not.toHaveProperty('scoreSum');
        expect(unpackCell(p)).toEqual(c);
        expect(Object.keys(unpackCell(p))).toEqual(Object.keys(c));
      }),
    );
  });

  it('a hand-packed buffer: 2 months, triples (1, −2, 5), (1, 4, 1), (2, 0, 300) → the bytes worked out by hand', () => {
    const bytes = packScores({ scoreSum: Float64Array.from([1, 2]), hist: Int32Array.from([1, -2, 5, 1, 4, 1, 2, 0, 300]) });
    // header 8 + sums 16, then: month +1, zigzag(−2) = 3, 5 | month +0, zigzag(+6) = 12, 1 | month +1, zigzag(0) = 0, 300 = 0xAC 0x02
    expect(Array.from(bytes.subarray(24))).toEqual([1, 3, 5, 0, 12, 1, 1, 0, 0xac, 0x02]);
  });

  it('refuses damaged buffers: cut short, or with bytes left over', () => {
    const bytes = packScores({ scoreSum: Float64Array.from([1, 2]), hist: Int32Array.from([1, 0, 300, 2, 4, 1]) });
    expect(() => unpackScores(bytes.subarray(0, bytes.length - 1))).toThrow(/ends inside a number|too short/);
    const longer = new Uint8Array(bytes.length + 1);
    longer.set(bytes);
    expect(() => unpackScores(longer)).toThrow(/bytes after its last triple/);
    expect(() => unpackScores(new Uint8Array(3))).toThrow(/shorter than its header/);
  });
});

describe('ScorePool', () => {
  it('pools to what poolCells gives for the same cells in the same order (property), quantiles included', () => {
    fc.assert(
      fc.property(fc.array(histogram(4), { minLength: 1, maxLength: 6 }), (hists) => {
        const cells = hists.map((h, k) => cellOf(4, h, [k + 0.1, 2 * k, 0.3, -k]));
        const pool = new ScorePool(4);
        for (const c of cells) pool.add(c.runs, unpackScores(packCell(c).scores));
        const want = poolCells(cells, 4);
        const got = pool.result();
        expect(got).toEqual({ runs: want.runs, scoreSum: want.scoreSum, hist: want.hist });
        expect(monthlyQuantiles(got, 4, [0.05, 0.5, 0.95])).toEqual(monthlyQuantiles(want, 4, [0.05, 0.5, 0.95]));
      }),
    );
  });
});

describe('OutcomeTable', () => {
  it('gives back each cell’s counts and set sums, and its size does not depend on the histograms', () => {
    const t = new OutcomeTable(2, 3, ['a', 'b']);
    const c = { ...emptyCell(120, 4, ['a', 'b']), runs: 7, warRuns: 2, clashYearsSum: 11.5, sets: { ids: ['a', 'b'], clashYearsSum: [1, 2], clashYearsSumSq: [3, 4], warRuns: [1, 0], nuclearRuns: [0, 1] } };
    t.set(1, 2, c);
    expect(t.has(1, 2)).toBe(true);
    expect(t.has(0, 2)).toBe(false);
    expect(t.get(1, 2)).toMatchObject({ runs: 7, warRuns: 2, clashYearsSum: 11.5, sets: c.sets });
    // 8 scalar columns + 4 set columns × 2 sets, 8 bytes each, per cell; plus one byte of bookkeeping.
    expect(t.byteLength).toBe(6 * (8 * 8 + 4 * 2 * 8 + 1));
    expect(() => t.set(0, 0, { ...c, sets: { ...c.sets, ids: ['b', 'a'] } })).toThrow(/dyad sets/);
  });

  it('reads a policy’s outcome and per-run set values in every future as cellValue and the division give them, empty cells included (property)', () => {
    const count = fc.integer({ min: 0, max: 50 });
    const scalars = fc.record({ runs: count, clashRuns: count, warRuns: count, nuclearRuns: count, clashYearsSum: fc.double({ min: 0, max: 1e3, noNaN: true }), scoreMeanSum: fc.double({ min: -1e3, max: 1e3, noNaN: true }), set: fc.tuple(count, count, fc.double({ min: 0, max: 1e3, noNaN: true })) });
    fc.assert(
      fc.property(fc.array(fc.array(scalars, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 }).filter((ps) => ps.every((p) => p.length === ps[0].length)), fc.integer({ min: 1, max: 240 }), (ps, H) => {
        const t = new OutcomeTable(ps.length, ps[0].length, ['x', 'y']);
        ps.forEach((row, pi) => row.forEach((c, f) => t.set(pi, f, { ...emptyCell(1, 2, ['x', 'y']), ...c, sets: { ids: ['x', 'y'], warRuns: [0, c.set[0]], nuclearRuns: [0, c.set[1]], clashYearsSum: [0, c.set[2]], clashYearsSumSq: [0, 0] } })));
        ps.forEach((row, pi) => {
          for (const o of ['clash', 'war', 'nuclear', 'clashYearsPerDecade', 'escalationScore'] as const) expect(t.outcomeValues(pi, o, H)).toEqual(row.map((c) => cellValue(c, o, H)));
          // Empty cells divide to NaN here, as the per-cell objects did (the analysis never meets one).
          expect(t.setPerRun(pi, 'warRuns', 1)).toEqual(row.map((c) => c.set[0] / c.runs));
          expect(t.setPerRun(pi, 'nuclearRuns', 1)).toEqual(row.map((c) => c.set[1] / c.runs));
          expect(t.setPerRun(pi, 'clashYearsSum', 1)).toEqual(row.map((c) => c.set[2] / c.runs));
        });
      }),
    );
  });
});
