// Replays of a launch window with the model's own negative-binomial sampler: the independent reference the
// closed-form moments of src/calibrate/record/hindcast.ts (launchMoments) are checked against.
import { streamFor } from '../../src/math/rng/index.js';
import { sampleNegBinomial } from '../../src/models/crisis/campaigns.js';
import { windowStatistics, type LaunchProcess } from '../../src/calibrate/record/hindcast.js';
import type { RecordTarget } from '../../src/scenario/record.js';

type LaunchTarget = Extract<RecordTarget, { kind: 'launches' }>;

/**
 * Replays a launch window `replicates` times under a future's launch process: every month of the window drawn as
 * NB(μ, α) with μ = baseRate · exp(exerciseLift · e + dialogueEffect · d) for its class (e, d ∈ {0, 1}: an exercise
 * at the 2024 scale, an open channel as in 2018) — the threat ratio at its base value, as in the calibration's
 * fit. Returns each statistic's mean and variance over replicates. Seeded by (seed, key): deterministic.
 */
export function hindcastLaunches(p: LaunchProcess, months: LaunchTarget['months'], replicates: number, seed: number, key: number): Record<LaunchTarget['statistic'], { mean: number; variance: number }> {
  const classes: [number, number, number][] = [
    [months.plain, 0, 0],
    [months.exercise, 1, 0],
    [months.dialogue, 0, 1],
    [months.exerciseDialogue, 1, 1],
  ];
  const n = classes.reduce((a, c) => a + c[0], 0);
  const counts = new Float64Array(n);
  const rng = streamFor(seed, key);
  const acc = { mean: [0, 0], variance: [0, 0], zeroShare: [0, 0] };
  for (let r = 0; r < replicates; r++) {
    let k = 0;
    for (const [count, e, d] of classes) {
      const mu = p.baseRate * Math.exp(p.exerciseLift * e + p.dialogueEffect * d);
      for (let c = 0; c < count; c++) counts[k++] = sampleNegBinomial(mu, p.dispersion, rng);
    }
    const w = windowStatistics(counts);
    for (const s of ['mean', 'variance', 'zeroShare'] as const) {
      acc[s][0] += w[s];
      acc[s][1] += w[s] * w[s];
    }
  }
  const out = {} as Record<LaunchTarget['statistic'], { mean: number; variance: number }>;
  for (const s of ['mean', 'variance', 'zeroShare'] as const) {
    const mean = acc[s][0] / replicates;
    out[s] = { mean, variance: Math.max(0, (acc[s][1] - replicates * mean * mean) / Math.max(1, replicates - 1)) };
  }
  return out;
}

