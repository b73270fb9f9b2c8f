import { describe, expect, it } from 'vitest';
import { runBatches, simulateRisk } from '../../src/engine/simulateRisk.js';
import { crisisScenario, prepareCrisis } from '../../src/models/crisis/prepare.js';
import { korea } from '../models/crisis/helpers.js';

// The pool loads the built worker (dist/src/engine/worker.js): run `npm run build` first.
describe('Monte Carlo runner', () => {
  it('gives identical aggregates on 1 and 2 threads', async () => {
    const p = prepareCrisis(crisisScenario(korea()), 36);
    const one = await runBatches(p, { seed: 8, runs: 230, threads: 1, batchSize: 50 });
    const two = await runBatches(p, { seed: 8, runs: 230, threads: 2, batchSize: 50 });
    expect(two).toEqual(one);
    expect(one.runs).toBe(230);
  });

  it('does not depend on the batch size either (replications are keyed, not sequenced)', async () => {
    const p = prepareCrisis(crisisScenario(korea()), 12);
    const a = await runBatches(p, { seed: 2, runs: 90, batchSize: 7 });
    const b = await runBatches(p, { seed: 2, runs: 90, batchSize: 90 });
    expect(a).toEqual(b);
  });

  it('reports progress up to the number of runs and applies the policy', async () => {
    const seen: number[] = [];
    const sq = await simulateRisk(korea(), { runs: 120, seed: 1, horizonMonths: 24, batchSize: 50, onProgress: (d) => seen.push(d) });
    expect(seen).toEqual([50, 100, 120]);
    const dialogue = await simulateRisk(korea(), { runs: 120, seed: 1, horizonMonths: 24, policy: 'dialogue' });
    const launches = (r: typeof sq) => r.summary.byActor.find((a) => a.id === 'PRK')!.launchesPerMonth!;
    expect(launches(dialogue)).toBeLessThan(launches(sq)); // open channels lower the launch rate
    expect(sq.timing.seconds).toBeGreaterThan(0);
  });
});
