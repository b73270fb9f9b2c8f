import { describe, expect, it } from 'vitest';
import { compactAggregate, createAggregate, expandAggregate, histogramQuantile, mergeAggregate } from '../../../src/models/crisis/aggregate.js';
import { runCrisisBatch } from '../../../src/models/crisis/batch.js';
import { crisisScenario, prepareCrisis } from '../../../src/models/crisis/prepare.js';
import { summarizeRisk } from '../../../src/models/crisis/summarize.js';
import { korea } from './helpers.js';

describe('crisis aggregation', () => {
  const p = prepareCrisis(crisisScenario(korea()), 24);

  it('batches merged in any order equal one batch over the same replications', () => {
    const whole = runCrisisBatch(p, { seed: 4, future: 2, firstReplication: 0, count: 60 });
    const parts = [40, 0, 20].map((first) => runCrisisBatch(p, { seed: 4, future: 2, firstReplication: first, count: 20 }));
    const merged = createAggregate(p);
    for (const part of parts) mergeAggregate(merged, part);
    expect(merged).toEqual(whole);
  });

  it('compacting for transfer and expanding again is lossless', () => {
    const agg = runCrisisBatch(p, { seed: 4, future: 0, firstReplication: 0, count: 30 });
    const c = compactAggregate(agg);
    expect(c.hist.length).toBeLessThan(agg.hist.length);
    expect(expandAggregate(c)).toEqual(agg);
  });

  it('quantiles are the smallest score whose cumulative share reaches q', () => {
    const agg = createAggregate(p);
    agg.runs = 4;
    const at = (score: number) => score - agg.scoreMin;
    agg.hist[at(10)] = 1;
    agg.hist[at(20)] = 1;
    agg.hist[at(30)] = 2;
    expect(histogramQuantile(agg, 1, 5)).toBe(10);
    expect(histogramQuantile(agg, 1, 25)).toBe(10); // 1/4 reaches 0.25 exactly
    expect(histogramQuantile(agg, 1, 50)).toBe(20);
    expect(histogramQuantile(agg, 1, 95)).toBe(30);
  });

  it('the summary lists every ordered dyad in actor order, means per run, and one score entry per month', () => {
    const agg = runCrisisBatch(p, { seed: 1, future: 0, firstReplication: 0, count: 20 });
    const s = summarizeRisk(p, agg);
    expect(s.byDyad).toHaveLength(p.m * (p.m - 1));
    expect(s.byDyad.slice(0, 2).map((d) => `${d.from}>${d.to}`)).toEqual(['PRK>KOR', 'PRK>JPN']);
    expect(s.escalationScore.q50).toHaveLength(24);
    const total = Object.values(s.byActor[0].actions).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(24 * (p.m - 1), 10); // every dyad acts every month
    expect(s.byActor[0].launchesPerMonth).toBeGreaterThan(0);
    expect(s.byActor[1].launchesPerMonth).toBeUndefined();
  });
});
