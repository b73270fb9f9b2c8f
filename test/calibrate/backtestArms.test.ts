import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../src/scenario/schema.js';
import { buildPanel } from '../../src/calibrate/armsPanel.js';
import { backtestArms } from '../../src/calibrate/backtestArms.js';

// A observed 2000–2006, growing by 10 a year then 10%; B has no data (held at x⁰, so not evaluated). Too few years
// to identify anything: the model runs on the scenario's values, g = 0.1 and no slopes, so from x⁰ = 100 in 2004
// it adds x⁰·g = 10 a year (the model's growth term is linear in x).
const duo = scenarioSchema.parse({
  id: 'duo',
  title: 'duo',
  actors: [
    { id: 'A', name: 'A', capabilities: { conventional: { value: 121, unit: 'bn', baseYear: 2006, growth: { value: 0.1, assumption: 'hand case', range: [0, 0.2] } } } },
    { id: 'B', name: 'B', capabilities: { conventional: { value: 50, unit: 'bn', baseYear: 2006 } } },
  ],
  relations: [{ from: 'A', to: 'B', hostility: 1 }],
});
const values = [60, 70, 80, 90, 100, 110, 121];
const panel = buildPanel(duo, { 'A.conventional': { points: values.map((value, k) => ({ year: 2000 + k, value })), source: 'SIPRI' } }, [2000, 2006]);
const bt = backtestArms(duo, panel, { fit: [2000, 2004], horizon: 2 });

describe('backtestArms on a hand case', () => {
  it('forecasts the model, the random walk, the trend and drift as worked out by hand', () => {
    expect(bt.stocks).toHaveLength(1);
    const a = bt.stocks[0];
    expect(a.years).toEqual([2005, 2006]);
    expect(a.actual).toEqual([110, 121]);
    expect(a.model[0]).toBeCloseTo(110, 12);
    expect(a.model[1]).toBeCloseTo(120, 12);
    expect(a.randomWalk).toEqual([100, 100]);
    // The least-squares line through 60, 70, 80, 90, 100 is exact: 110 and 120 next.
    expect(a.trend[0]).toBeCloseTo(110, 12);
    expect(a.trend[1]).toBeCloseTo(120, 12);
    // Fewer than ten years before 2004: no recent growth, so drift is flat.
    expect(a.drift).toEqual([100, 100]);
    // Mean increment from the earliest year in the window (2000: 60) to 2004 (100): 10 a year → 110, 120.
    expect(a.increment).toEqual([110, 120]);
  });

  it('reports RMSE of log levels and MAPE per stock and pooled', () => {
    const a = bt.stocks[0];
    expect(a.errors.model.rmseLog).toBeCloseTo(Math.abs(Math.log(120 / 121)) / Math.SQRT2, 12);
    expect(a.errors.model.mape).toBeCloseTo((100 * (1 / 121)) / 2, 12);
    expect(a.errors.randomWalk.rmseLog).toBeCloseTo(Math.sqrt((Math.log(100 / 110) ** 2 + Math.log(100 / 121) ** 2) / 2), 12);
    expect(bt.overall).toMatchObject({ n: 2, model: a.errors.model, randomWalk: a.errors.randomWalk });
  });

  it('leaves out stocks with no data and finds no leak from a calibrated scenario', () => {
    expect(bt.excluded).toEqual([{ label: 'B.conventional', reason: 'source scenario x⁰ (only SIPRI stocks are evaluated)' }]);
    expect(bt.leaks).toEqual([]);
  });
});
