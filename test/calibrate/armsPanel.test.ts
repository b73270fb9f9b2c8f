import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../src/scenario/schema.js';
import { buildPanel, segmentAtBreaks } from '../../src/calibrate/armsPanel.js';

const duo = scenarioSchema.parse({
  id: 'duo',
  title: 'duo',
  actors: [
    { id: 'A', name: 'A', capabilities: { conventional: { value: 40, unit: 'bn', baseYear: 2005 } } },
    { id: 'B', name: 'B', capabilities: { conventional: { value: 8, unit: 'bn', baseYear: 2005 } } },
  ],
  relations: [{ from: 'A', to: 'B', hostility: 1 }],
});

describe('segmentAtBreaks', () => {
  it('starts a new segment at a jump of more than 0.3 in logs and at a gap', () => {
    const s = segmentAtBreaks([
      { year: 2000, value: 10 },
      { year: 2001, value: 11 },
      { year: 2002, value: 30 }, // ln(30/11) ≈ 1.0
      { year: 2003, value: 33 },
      { year: 2006, value: 34 }, // gap
    ]);
    expect(s.map((p) => p.segment)).toEqual([0, 0, 1, 1, 2]);
  });
});

describe('buildPanel', () => {
  it('ratio-splices earlier segments (zero growth across a break) and keeps the latest level', () => {
    const points = segmentAtBreaks([
      { year: 2000, value: 10 },
      { year: 2001, value: 11 },
      { year: 2002, value: 30 },
      { year: 2003, value: 33 },
      { year: 2004, value: 36 },
      { year: 2005, value: 40 },
    ]);
    const p = buildPanel(duo, { 'A.conventional': { points, source: 'test' } }, [2000, 2005]);
    const a = p.observed.map((row) => row[0]!);
    // Segment 0 is scaled by 30/11, so 2001 equals 2002.
    expect(a[0]).toBeCloseTo((10 * 30) / 11, 12);
    expect(a[1]).toBeCloseTo(30, 12);
    expect(a.slice(2)).toEqual([30, 33, 36, 40]);
    expect(p.segment.map((row) => row[0])).toEqual([0, 0, 1, 1, 1, 1]);
  });

  it('interpolates gaps log-linearly, holds the ends, and gives a stock with no data its x⁰ every year', () => {
    const p = buildPanel(duo, { 'A.conventional': { points: [{ year: 2001, value: 10 }, { year: 2003, value: 40 }], source: 'test' } }, [2000, 2004]);
    expect(p.filled.map((row) => row[0])).toEqual([10, 10, 20, 40, 40].map((v, k) => (k === 2 ? expect.closeTo(20, 12) : v)));
    expect(p.observed.map((row) => row[0])).toEqual([null, 10, null, 40, null]);
    expect(p.filled.map((row) => row[1])).toEqual([8, 8, 8, 8, 8]);
    expect(p.sources).toEqual(['test', 'scenario x⁰']);
  });

  it('gives the base year the scenario value when the data stop before it, or anchors the series to it on request', () => {
    const pts = [{ year: 2002, value: 10 }, { year: 2003, value: 20 }];
    const free = buildPanel(duo, { 'A.conventional': { points: pts, source: 'test' } }, [2002, 2005]);
    expect(free.filled.map((row) => row[0])).toEqual([10, 20, expect.closeTo(Math.sqrt(20 * 40), 12), 40]);
    const anchored = buildPanel(duo, { 'A.conventional': { points: pts, source: 'test', anchorToBase: true } }, [2002, 2005]);
    expect(anchored.filled.map((row) => row[0])).toEqual([20, 40, 40, 40]);
    expect(anchored.observed.map((row) => row[0])).toEqual([20, 40, null, null]);
  });
});
