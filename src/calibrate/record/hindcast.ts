import { CRISIS_STRATEGIES } from '../../models/crisis/strategies.js';
import { strategyIds } from '../../scenario/catalog.js';
import { getValue, resolvePath } from '../../scenario/paths.js';
import type { RecordTarget } from '../../scenario/record.js';
import type { Scenario } from '../../scenario/schema.js';

type LaunchTarget = Extract<RecordTarget, { kind: 'launches' }>;

/** The launch process of a future as a hindcast reads it: its parameters, the exercise lift zero for an actor that ignores threat. */
export interface LaunchProcess {
  baseRate: number;
  dispersion: number;
  exerciseLift: number;
  dialogueEffect: number;
}

/** The launch parameters of a (future's status-quo) scenario, or null without a launch process. */
export function launchProcess(s: Scenario): LaunchProcess | null {
  const la = s.crisis?.launches;
  if (!la) return null;
  const ids = s.actors.map((a) => a.id);
  const v = (path: string) => {
    const r = resolvePath(path, ids);
    if ('error' in r) throw new Error(r.error);
    return getValue(s, r);
  };
  // As in prepareCrisis: a launch actor whose strategy ignores threat (regime-driven) has no exercise lift.
  const strategy = CRISIS_STRATEGIES[strategyIds.indexOf(s.crisis?.actors?.[la.actor]?.strategy ?? 'reciprocator')];
  return {
    baseRate: v('crisis.launches.baseRate'),
    dispersion: v('crisis.launches.dispersion'),
    exerciseLift: strategy.readsThreat ? v('crisis.launches.exerciseLift') : 0,
    dialogueEffect: v('crisis.launches.dialogueEffect'),
  };
}

/** The statistics of one hindcast window: mean missiles per month, their variance across months, share of zero months. */
export function windowStatistics(counts: ArrayLike<number>): { mean: number; variance: number; zeroShare: number } {
  const n = counts.length;
  let s = 0, zeros = 0;
  for (let k = 0; k < n; k++) {
    s += counts[k];
    if (counts[k] === 0) zeros++;
  }
  const mean = s / n;
  let ss = 0;
  for (let k = 0; k < n; k++) ss += (counts[k] - mean) ** 2;
  return { mean, variance: n > 1 ? ss / (n - 1) : 0, zeroShare: zeros / n };
}

/**
 * The moments of a window's statistics under a launch process (months independent given their class c, n_c months
 * of mean μ_c, NB variance κ2 = μ(1 + αμ), third and fourth cumulants κ3 = κ2(1 + 2αμ), κ4 = κ2(1 + 6αμ(1 + αμ))):
 * - mean: E ȳ = Σ n_c μ_c / N, Var ȳ = Σ n_c κ2_c / N² (exact);
 * - zero share: with p0_c = (1 + αμ_c)^(−1/α) (e^(−μ_c) for α = 0), E = Σ n_c p0_c / N, Var = Σ n_c p0_c(1 − p0_c) / N²
 *   (exact);
 * - variance across months: E s² = (Σ n_c κ2_c (1 − 1/N) + Σ n_c (μ_c − μ̄)²) / (N − 1) (exact); its variance from
 *   the central moments m2, m4 of the months' mixture about μ̄, (m4 − m2²(N − 3)/(N − 1)) / N — the variance of a
 *   sample variance of N independent draws from the mixture, slightly above the stratified window's.
 */
export function launchMoments(p: LaunchProcess, months: LaunchTarget['months']): Record<LaunchTarget['statistic'], { mean: number; variance: number }> {
  const classes = [
    { n: months.plain, e: 0, d: 0 },
    { n: months.exercise, e: 1, d: 0 },
    { n: months.dialogue, e: 0, d: 1 },
    { n: months.exerciseDialogue, e: 1, d: 1 },
  ].filter((c) => c.n > 0);
  const N = classes.reduce((a, c) => a + c.n, 0);
  const a = p.dispersion;
  const cs = classes.map((c) => {
    const mu = p.baseRate * Math.exp(p.exerciseLift * c.e + p.dialogueEffect * c.d);
    const k2 = mu * (1 + a * mu);
    return { n: c.n, mu, k2, k3: k2 * (1 + 2 * a * mu), k4: k2 * (1 + 6 * a * mu * (1 + a * mu)), p0: a > 0 ? Math.pow(1 + a * mu, -1 / a) : Math.exp(-mu) };
  });
  const sum = (f: (c: (typeof cs)[number]) => number) => cs.reduce((s, c) => s + c.n * f(c), 0);
  const muBar = sum((c) => c.mu) / N;
  const m2 = sum((c) => c.k2 + (c.mu - muBar) ** 2) / N;
  const m4 = sum((c) => {
    const d = c.mu - muBar;
    return c.k4 + 3 * c.k2 * c.k2 + 4 * c.k3 * d + 6 * c.k2 * d * d + d ** 4;
  }) / N;
  return {
    mean: { mean: muBar, variance: sum((c) => c.k2) / (N * N) },
    zeroShare: { mean: sum((c) => c.p0) / N, variance: sum((c) => c.p0 * (1 - c.p0)) / (N * N) },
    variance: { mean: N > 1 ? (sum((c) => c.k2) * (1 - 1 / N) + sum((c) => (c.mu - muBar) ** 2)) / (N - 1) : 0, variance: N > 1 ? Math.max(0, (m4 - (m2 * m2 * (N - 3)) / (N - 1)) / N) : 0 },
  };
}
