import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulateClashes } from '../../../src/calibrate/crisis/clashTuning.js';
import { fitLayer, layerLogLikelihood, transitionCounts } from '../../../src/calibrate/rivalries/fitLayer.js';
import { defaultLayerSettings, effectNodes, yearLogProbabilities, yearProbabilities } from '../../../src/calibrate/rivalries/ladderLayer.js';
import { nelderMead } from '../../../src/calibrate/rivalries/nelderMead.js';
import { parseScenario } from '../../../src/scenario/load.js';
import type { Scenario } from '../../../src/scenario/schema.js';
import { fixturePanels } from './fixture.js';

const sigma = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * The duel fixture reduced to the ladder: A and B fully hostile both ways (friction 1), one baseline for both, no
 * memory, threat, deterrence, assurance or tension terms, and the first month in January (calendar years align).
 */
function ladderOnly(baseline: number, warGivenClash: number): Scenario {
  const r = parseScenario(readFileSync('test/fixtures/scenarios/duel.yaml', 'utf8'), 'duel.yaml');
  if (!r.ok) throw new Error('duel.yaml does not parse');
  const s = structuredClone(r.scenario) as Scenario & Record<string, any>;
  s.asOf = '2024-12-31';
  s.relations = [{ from: 'A', to: 'B', hostility: 1 }, { from: 'B', to: 'A', hostility: 1 }] as typeof s.relations;
  const c = s.crisis as Record<string, any>;
  c.clashThreshold = 5.4;
  c.deterrenceWeight = 0;
  c.assuranceWeight = 0;
  c.restraintWeight = 0;
  for (const id of ['A', 'B']) c.actors[id] = { baseline, hostilityWeight: 0, threatWeight: 0, bias: 0, spread: 0 };
  c.ladder = { warGivenClash, nuclearGivenWar: 0 };
  return s;
}

describe('the clash-and-war layer in closed form', () => {
  const s = defaultLayerSettings();

  it('is the model mapping by hand: q = f·σ(u − κ_v), 24 directed dyad-months a year', () => {
    expect(s).toEqual({ clashThreshold: 5.4, friction: 1, dyadMonths: 24 });
    const q = sigma(1 - 5.4), p = 0.05;
    const y = yearProbabilities(1, p, s);
    expect(y.clash).toBeCloseTo(1 - (1 - q) ** 24, 14);
    expect(y.war).toBeCloseTo(1 - (1 - q * p) ** 24, 14);
    const l = yearLogProbabilities(1, p, s);
    expect(Math.exp(l.none) + Math.exp(l.clashOnly) + Math.exp(l.war)).toBeCloseTo(1, 14);
    expect(Math.exp(l.clashOnly)).toBeCloseTo((1 - q * p) ** 24 - (1 - q) ** 24, 14);
    // Tiny hazards keep their digits (no 1 − (1 − q)^24 cancellation).
    expect(yearProbabilities(-30, 0.1, s).clash / (24 * sigma(-35.4))).toBeCloseTo(1, 9);
  });

  it("matches the crisis model's own simulation (runCrisisBatch via simulateClashes) within 4σ", () => {
    const baseline = 1.2, wgc = 0.2, runs = 3000;
    const sim = simulateClashes(ladderOnly(baseline, wgc), { runs, seed: 11, months: 120, actor: 'A', counterparts: ['B'] });
    const y = yearProbabilities(baseline, wgc, s);
    // Clash-years per decade: 10 independent years at P(clash-year).
    const sd = Math.sqrt((10 * y.clash * (1 - y.clash)) / runs);
    expect(Math.abs(sim.clashYearsPerDecade.mean - 10 * y.clash)).toBeLessThan(4 * sd);
    // The distribution over runs is binomial(10, P): compare k = 0 … 3 shares.
    for (let k = 0; k <= 3; k++) {
      const pk = [...Array(k).keys()].reduce((c, i) => (c * (10 - i)) / (i + 1), 1) * y.clash ** k * (1 - y.clash) ** (10 - k);
      expect(Math.abs(sim.clashYearDistribution[k] - pk)).toBeLessThan(4 * Math.sqrt((pk * (1 - pk)) / runs) + 1e-3);
    }
    // A run ends its war draws at the first war: P(a war within the decade) = 1 − (1 − P(war onset))^10.
    const pw = 1 - (1 - y.war) ** 10;
    expect(Math.abs(sim.warsPerDecade.mean - pw)).toBeLessThan(4 * Math.sqrt((pw * (1 - pw)) / runs));
  });

  it('with τ = 0 the likelihood is the plain product of yearly probabilities (fixture counts)', () => {
    const panels = fixturePanels();
    const par = { mean: 0.3, sd: 0, persistence: 0.7, warGivenClash: 0.1 };
    const l0 = yearLogProbabilities(0.3, 0.1, s), l1 = yearLogProbabilities(1.0, 0.1, s);
    const direct = panels.reduce((sum, p) => {
      const c = transitionCounts(p);
      return sum + c[0] * l0.none + c[1] * l0.clashOnly + c[2] * l0.war + c[3] * l1.none + c[4] * l1.clashOnly + c[5] * l1.war;
    }, 0);
    expect(layerLogLikelihood(panels, par, s)).toBeCloseTo(direct, 9);
  });

  it('the rivalry effect integrates to the normal moments on its nodes', () => {
    const n = effectNodes({ mean: 0.5, sd: 2, persistence: 0, warGivenClash: 0.1 });
    const w = Array.from(n.logWeight, Math.exp);
    const m1 = w.reduce((a, v, k) => a + v * n.u[k], 0), m2 = w.reduce((a, v, k) => a + v * (n.u[k] - 0.5) ** 2, 0);
    expect(w.reduce((a, v) => a + v, 0)).toBeCloseTo(1, 12);
    expect(m1).toBeCloseTo(0.5, 12);
    expect(m2).toBeCloseTo(4, 6);
  });

  it('fits the fixture: the maximum beats nearby points, and each variant keeps its fixed parameter', () => {
    const panels = fixturePanels();
    const fit = fitLayer(panels, s);
    for (const d of [[0.2, 0, 0, 0], [0, 0.2, 0, 0], [0, 0, 0.2, 0], [0, 0, 0, 0.02], [-0.2, 0, 0, 0], [0, 0, -0.2, 0]]) {
      const p = fit.parameters;
      const near = { mean: p.mean + d[0], sd: Math.max(0, p.sd + d[1]), persistence: p.persistence + d[2], warGivenClash: p.warGivenClash + d[3] };
      expect(layerLogLikelihood(panels, near, s)).toBeLessThanOrEqual(fit.logLikelihood + 1e-6);
    }
    expect(fitLayer(panels, s, { variant: 'no-persistence' }).parameters.persistence).toBe(0);
    expect(fitLayer(panels, s, { variant: 'no-random-effect' }).parameters.sd).toBe(0);
    // warGivenClash by hand when τ = 0 and ρ = 0 leave it alone: close to wars per clash-year (2 of 9) for small hazards.
    expect(fit.parameters.warGivenClash).toBeGreaterThan(0.1);
    expect(fit.parameters.warGivenClash).toBeLessThan(0.3);
  });
});

describe('Nelder–Mead', () => {
  it('finds the minimum of the Rosenbrock function', () => {
    const r = nelderMead((x) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2, [-1.2, 1], { step: [0.5, 0.5], tolerance: 1e-14, maxEvaluations: 5000 });
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(1, 4);
  });
});
