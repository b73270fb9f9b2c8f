import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import jStat from 'jstat';
import { emptyCell, type CellAggregate } from '../../src/experiment/cell.js';
import { PUKELSHEIM_TAIL, quietRecordProbability, tailImplausibility, targetFit } from '../../src/calibrate/record/implausibility.js';
import { launchMoments } from '../../src/calibrate/record/hindcast.js';
import { hindcastLaunches } from './replayLaunches.js';
import { recordWeights } from '../../src/calibrate/recordWeights.js';
import { parseScenario } from '../../src/scenario/load.js';
import type { RecordTarget } from '../../src/scenario/record.js';

const duel = (() => {
  const r = parseScenario(readFileSync('test/fixtures/scenarios/duel.yaml', 'utf8'), 'duel.yaml');
  if (!r.ok) throw new Error('fixture');
  return r.scenario;
})();

/** A status-quo cell of `runs` runs over 10 years whose set 'rivals' has the given clash-years per run and wars. */
function cell(clashYearsPerRun: number[], wars: number): CellAggregate {
  const c = emptyCell(120, 9, ['rivals']);
  c.runs = clashYearsPerRun.length;
  c.sets.clashYearsSum[0] = clashYearsPerRun.reduce((a, b) => a + b, 0);
  c.sets.clashYearsSumSq[0] = clashYearsPerRun.reduce((a, b) => a + b * b, 0);
  c.sets.warRuns[0] = wars;
  return c;
}

const clashTarget = (observed: number, delta: number): RecordTarget => ({ id: 'cy', title: 'clash-years', kind: 'clashYears', group: 'rivals', from: 1990, to: 2014, observed, source: 'test', discrepancy: delta });
const quiet: RecordTarget = { id: 'quiet', title: 'no war', kind: 'noWar', group: 'rivals', from: 1954, to: 2024, source: 'test', discrepancy: 0 };

describe('the quiet record', () => {
  it('averages (1 − p)^c over the Jeffreys posterior of p: equal to a numerical integral of the Beta density', () => {
    // 3 wars in 40 runs of 10 years; 71 quiet years: c = 7.1
    const a = 3.5, b = 37.5, c = 7.1;
    let num = 0, den = 0;
    const n = 200_000;
    for (let k = 0; k < n; k++) {
      const p = (k + 0.5) / n, f = jStat.beta.pdf(p, a, b);
      num += f * (1 - p) ** c;
      den += f;
    }
    expect(quietRecordProbability(3, 40, 10, 71)).toBeCloseTo(num / den, 6);
  });

  it('tends to (1 − p)^c when runs are many', () => {
    expect(quietRecordProbability(100_000, 1_000_000, 10, 71)).toBeCloseTo(0.9 ** 7.1, 4);
  });

  it('puts a tail probability on the cut-off\'s footing: P = 4/81 (Pukelsheim) is implausibility 3', () => {
    expect(tailImplausibility(PUKELSHEIM_TAIL)).toBeCloseTo(3, 12);
    expect(tailImplausibility(0.5)).toBe(0);
    expect(tailImplausibility(0.01)).toBeCloseTo((3 * jStat.normal.inv(0.99, 0, 1)) / jStat.normal.inv(1 - 4 / 81, 0, 1), 10);
    expect(Number.isFinite(tailImplausibility(1e-320))).toBe(true);
  });

  it("rules out a war-prone future by the record's probability", () => {
    const f = targetFit(quiet, duel, cell(new Array(40).fill(1), 36), 120); // 36 of 40 runs at war within 10 years
    const P = quietRecordProbability(36, 40, 10, 71);
    expect(f.implausibility).toBeCloseTo(tailImplausibility(P), 8);
    expect(f.implausibility).toBeGreaterThan(3);
    expect(targetFit(quiet, duel, cell(new Array(40).fill(1), 0), 120).implausibility).toBe(0); // P ≥ ½: consistent
  });
});

describe('clash-year targets', () => {
  it('scale the runs to the window and divide by the discrepancy when the runs agree (hand case)', () => {
    // every run: 2 clash-years in 10 years → 5 expected in 25; no run-to-run variance; δ = 1 per decade → 2.5 over 25 years
    const f = targetFit(clashTarget(10, 1), duel, cell([2, 2, 2, 2], 0), 120);
    expect(f.expected).toBeCloseTo(5, 12);
    expect(f.sd).toBeCloseTo(2.5, 12);
    expect(f.implausibility).toBeCloseTo(2, 12);
  });

  it('count the runs\' own variability and the Monte Carlo error of their mean', () => {
    // runs 0, 4 → mean 2, sample variance 8 per decade; window 25 years: 8 × 2.5 + (8 / 2) × 2.5² = 45
    const f = targetFit(clashTarget(5, 0), duel, cell([0, 4], 0), 120);
    expect(f.sd).toBeCloseTo(Math.sqrt(45), 12);
    expect(f.implausibility).toBeCloseTo(0, 12);
  });
});

describe('launch hindcasts', () => {
  it('have closed-form moments that agree with replays of the window (NB draws of the model itself)', () => {
    const p = { baseRate: 1.12, dispersion: 1.83, exerciseLift: 0.693, dialogueEffect: -3.97 };
    const months = { plain: 127, exercise: 25, dialogue: 3, exerciseDialogue: 0 };
    const exact = launchMoments(p, months), sim = hindcastLaunches(p, months, 6000, 5, 1);
    for (const s of ['mean', 'zeroShare', 'variance'] as const) {
      // expectations to within 4 Monte Carlo s.e. of the replays
      expect(Math.abs(exact[s].mean - sim[s].mean)).toBeLessThan(4 * Math.sqrt(sim[s].variance / 6000));
    }
    expect(exact.mean.variance / sim.mean.variance).toBeGreaterThan(0.92);
    expect(exact.mean.variance / sim.mean.variance).toBeLessThan(1.08);
    expect(exact.zeroShare.variance / sim.zeroShare.variance).toBeGreaterThan(0.92);
    expect(exact.zeroShare.variance / sim.zeroShare.variance).toBeLessThan(1.08);
    // the sample variance's variance is a mixture approximation: within a third, and not below the replays'
    expect(exact.variance.variance / sim.variance.variance).toBeGreaterThan(0.9);
    expect(exact.variance.variance / sim.variance.variance).toBeLessThan(1.35);
  });

  it('reproduce a Poisson window: mean μ, and the variance of the mean μ/n', () => {
    const h = hindcastLaunches({ baseRate: 2, dispersion: 0, exerciseLift: Math.log(2), dialogueEffect: -10 }, { plain: 60, exercise: 40, dialogue: 0, exerciseDialogue: 0 }, 4000, 3, 7);
    const mu = (60 * 2 + 40 * 4) / 100, v = (60 * 2 + 40 * 4) / 100 ** 2;
    expect(h.mean.mean).toBeCloseTo(mu, 1);
    expect(h.mean.variance / v).toBeGreaterThan(0.9);
    expect(h.mean.variance / v).toBeLessThan(1.1);
  });
});

describe('history matching', () => {
  it('keeps the futures consistent with every target, counts them as the effective sample size, and warns below a fifth', () => {
    const record = { method: 'history-matching' as const, cutoff: 3, kth: 1, targets: [quiet, clashTarget(10, 1)] };
    const cells = Array.from({ length: 10 }, (_, k) => (k === 0 ? cell(new Array(40).fill(4), 0) : cell(new Array(40).fill(4), 39)));
    const w = recordWeights(record, cells.map((_, index) => ({ index })), () => duel, (k) => cells[k], 120);
    expect(w.perFuture.map((f) => f.weight)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(w.ess).toBe(1);
    expect(w.targets.find((t) => t.id === 'quiet')!.rulesOut).toBe(9);
    expect(w.perFuture[3].worst).toBe('quiet');
    expect(w.warning).toMatch(/only 1 of 10 futures/);
    // the rule grid: with two targets, the second largest implausibility lets every future through here
    expect(w.rules.find((r) => r.cutoff === 3 && r.kth === 1)!.kept).toBe(1);
    expect(w.rules.find((r) => r.cutoff === 3 && r.kth === 2)!.kept).toBe(10);
    const second = recordWeights({ ...record, kth: 2 }, cells.map((_, index) => ({ index })), () => duel, (k) => cells[k], 120);
    expect(second.ess).toBe(10);
  });
});
