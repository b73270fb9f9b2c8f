import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyChanges, applyPolicy } from '../../../src/scenario/apply.js';
import { parseScenario } from '../../../src/scenario/load.js';
import { scenarioSchema, type Scenario } from '../../../src/scenario/schema.js';
import { simulateArms, splitSolve } from '../../../src/models/arms/simulateArms.js';
import { analyzeArms } from '../../../src/models/arms/analyzeArms.js';
import { NumericalError } from '../../../src/math/numericalError.js';

const read = (p: string) => {
  const r = parseScenario(readFileSync(new URL(`../../../${p}`, import.meta.url), 'utf8'), p);
  if (!r.ok) throw new Error(`${p} invalid`);
  return r.scenario;
};
const korea = read('scenarios/korea-2024.yaml');
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-300, Math.abs(b));

describe('simulateArms against closed forms', () => {
  it('solves the 2×2 textbook Richardson system as derived by hand (Sylvester formula)', () => {
    const s = read('test/fixtures/scenarios/textbook.yaml');
    const times = [0, 0.25, 1, 3, 10, 40];
    const r = simulateArms(s, { times });
    // A = [[-0.8, 0.3], [0.4, -0.6]], g = [2, 1]: λ = (−1.4 ± √0.52)/2; x* = −A⁻¹g = [1.5, 1.6]/0.36.
    const [a, b, c, d] = [-0.8, 0.3, 0.4, -0.6];
    const l1 = (-1.4 + Math.sqrt(0.52)) / 2, l2 = (-1.4 - Math.sqrt(0.52)) / 2;
    const xs = [1.5 / 0.36, 1.6 / 0.36];
    const dev = [5 - xs[0], 3 - xs[1]];
    for (const [k, t] of times.entries()) {
      // e^{At} = [(A − λ2 I) e^{λ1 t} − (A − λ1 I) e^{λ2 t}] / (λ1 − λ2)
      const e1 = Math.exp(l1 * t), e2 = Math.exp(l2 * t);
      const E = [
        [((a - l2) * e1 - (a - l1) * e2) / (l1 - l2), (b * e1 - b * e2) / (l1 - l2)],
        [(c * e1 - c * e2) / (l1 - l2), ((d - l2) * e1 - (d - l1) * e2) / (l1 - l2)],
      ];
      const x = [xs[0] + E[0][0] * dev[0] + E[0][1] * dev[1], xs[1] + E[1][0] * dev[0] + E[1][1] * dev[1]];
      expect(rel(r.series[0][k], x[0])).toBeLessThan(1e-9);
      expect(rel(r.series[1][k], x[1])).toBeLessThan(1e-9);
    }
    expect(r.eigenvalues.map((z) => z.re)).toEqual([expect.closeTo(l2, 12), expect.closeTo(l1, 12)]);
    expect(r.equilibrium).toEqual([expect.closeTo(xs[0], 10), expect.closeTo(xs[1], 10)]);
    expect(r.stability.stable).toBe(true);
  });

  it('with no coupling, each stock is an independent exponential approach: x⁰ + (x⁰g/a)(1 − e^{−at})', () => {
    const s = scenarioSchema.parse({
      id: 'free',
      title: 'free',
      actors: [
        { id: 'X', name: 'X', capabilities: { conventional: { value: 10, unit: 'bn', baseYear: 2024, growth: 0.05, fatigue: 0.2 } } },
        { id: 'Y', name: 'Y', capabilities: { conventional: { value: 3, unit: 'bn', baseYear: 2024, growth: -0.02, fatigue: 0.5 }, strategic: { value: 7, unit: 'w', baseYear: 2024, growth: 0.1, fatigue: 0.1 } } },
      ],
    });
    const times = [0, 0.5, 2, 7.5, 30];
    const r = simulateArms(s, { times });
    const expected = (x0: number, g: number, a: number, t: number) => x0 + ((x0 * g) / a) * (1 - Math.exp(-a * t));
    times.forEach((t, k) => {
      expect(rel(r.series[0][k], expected(10, 0.05, 0.2, t))).toBeLessThan(1e-12);
      expect(rel(r.series[1][k], expected(3, -0.02, 0.5, t))).toBeLessThan(1e-12);
      expect(rel(r.series[2][k], expected(7, 0.1, 0.1, t))).toBeLessThan(1e-12);
    });
  });

  it('grows linearly when fatigue is zero (A singular: the augmented exponential still works)', () => {
    const s = scenarioSchema.parse({
      id: 'lin',
      title: 'lin',
      actors: [{ id: 'X', name: 'X', capabilities: { conventional: { value: 10, unit: 'bn', baseYear: 2024, growth: 0.05 } } }],
    });
    const r = simulateArms(s, { times: [0, 4] });
    expect(r.series[0][1]).toBeCloseTo(12, 12);
    expect(r.equilibrium).toBeNull();
  });
});

describe('simulateArms invariants', () => {
  it('scaling every capability by a constant leaves the relative paths unchanged', () => {
    const scaled = applyChanges(
      korea,
      korea.actors.flatMap((a) => Object.keys(a.capabilities ?? {}).map((k) => ({ path: `actors.${a.id}.capabilities.${k}.value`, scale: 3 }))),
    );
    const times = [0, 1, 5, 10];
    const a = simulateArms(korea, { times, mode: 'exact' }), b = simulateArms(scaled, { times, mode: 'exact' });
    a.series.forEach((row, q) => row.forEach((v, k) => expect(rel(b.series[q][k] / 3, v)).toBeLessThan(1e-9)));
  });

  it('assurance 1 removes a threat: the assured actor no longer reacts to the assurer', () => {
    // North Korea fears the US, the South and Japan directly and, through the bloc term, their allies too.
    const s = applyChanges(korea, korea.actors.filter((a) => a.id !== 'PRK').map((a) => ({ path: `relations.PRK.${a.id}.assurance`, set: 1 })));
    // With every threat removed, North Korea's stocks follow their own growth and fatigue whatever the others do.
    const boosted = applyChanges(s, [{ path: 'actors.USA.capabilities.strategic.growth', set: 0.2 }]);
    const times = [0, 3, 10];
    const a = simulateArms(s, { times, mode: 'exact' }), b = simulateArms(boosted, { times, mode: 'exact' });
    b.series[1].forEach((v, k) => expect(rel(v, a.series[1][k])).toBeLessThan(1e-12));
    expect(b.series[5][2]).toBeGreaterThan(a.series[5][2]);
  });

  it('with endogenous alignment off, Dormand–Prince matches the exact piecewise solution to 1e-9', () => {
    const s: Scenario = { ...korea, arms: { ...korea.arms!, endogenousAlignment: { ...korea.arms!.endogenousAlignment!, enabled: false }, nonNegative: false } };
    const times = Array.from({ length: 41 }, (_, k) => k / 4);
    const exact = simulateArms(s, { times, mode: 'exact' });
    const ode = simulateArms(s, { times, mode: 'nonlinear', rtol: 1e-12 });
    expect(exact.segments.length).toBe(3); // the Russia–DPRK treaty (December 2024) and New START's expiry (February 2026) change the system
    exact.series.forEach((row, q) => row.forEach((v, k) => expect(rel(ode.series[q][k], v)).toBeLessThan(1e-9)));
  });

  it('applies a dated change to a stock value as a jump of the state', () => {
    const s = scenarioSchema.parse({
      id: 'jump',
      title: 'jump',
      start: '2025-01-01',
      sources: [{ id: 's', title: 's' }],
      actors: [{ id: 'X', name: 'X', capabilities: { conventional: { value: 10, unit: 'bn', baseYear: 2024, fatigue: 0.5 } } }],
      timeline: [{ date: '2026-01-01', title: 'windfall', source: 's', changes: [{ path: 'actors.X.capabilities.conventional.value', set: 20 }] }],
    });
    const t1 = 365 / 365.25;
    const r = simulateArms(s, { times: [0, t1, t1 + 2] });
    expect(r.series[0][0]).toBe(10);
    expect(r.series[0][1]).toBeCloseTo(20, 12); // right-continuous: the output at the event shows the jump
    expect(r.series[0][2]).toBeCloseTo(10 + 10 * Math.exp(-1), 10); // then decays back toward the reference x⁰ = 10
  });

  it('flags a path that leaves x ≥ 0', () => {
    const s = scenarioSchema.parse({
      id: 'neg',
      title: 'neg',
      actors: [{ id: 'X', name: 'X', capabilities: { conventional: { value: 1, unit: 'bn', baseYear: 2024, growth: -0.5 } } }],
    });
    const r = simulateArms(s, { times: [0, 1, 3] });
    expect(r.negative).toEqual([{ label: 'X.conventional', firstTime: expect.closeTo(2, 0) }]);
    expect(r.negative[0].firstTime).toBeGreaterThan(2); // x = 1 − 0.5 t crosses zero at t = 2; first monthly check after it
  });

  it('keeps every alignment at or above its treaty floor and within [0, 1] (Korea, endogenous alignment)', () => {
    const r = simulateArms(korea, { times: [0, 5, 10, 20] });
    expect(r.mode).toBe('nonlinear');
    const m = r.actors.length;
    const floor = (i: number, j: number) => {
      const rel = korea.relations.find((x) => (x.from === r.actors[i] && x.to === r.actors[j]) || (x.mutual && x.from === r.actors[j] && x.to === r.actors[i]));
      const f = rel?.treatyFloor;
      return f === undefined ? 0 : typeof f === 'number' ? f : f.value;
    };
    for (const w of r.alignment!) for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) {
      if (i === j) continue;
      expect(w[i * m + j]).toBeGreaterThanOrEqual(Math.min(floor(i, j), 0.5) - 1e-9);
      expect(w[i * m + j]).toBeLessThanOrEqual(1 + 1e-9);
    }
  });

  it("an Asian NATO has a cost: China arms more and draws closer to Russia than under the status quo (the article's law of action and reaction)", () => {
    const times = [0, 10];
    const sq = simulateArms(korea, { times });
    const nato = simulateArms(applyPolicy(korea, 'asian-nato'), { times, reference: korea });
    const chn = sq.labels.indexOf('CHN.conventional');
    expect(nato.series[chn][1]).toBeGreaterThan(sq.series[chn][1]);
    const m = sq.actors.length, i = sq.actors.indexOf('CHN'), j = sq.actors.indexOf('RUS');
    expect(nato.alignment![1][i * m + j]).toBeGreaterThan(sq.alignment![1][i * m + j]);
  });
});

describe('a policy measured against a reference after another reference', () => {
  // armsStretches keeps the last reference's system: a solve against a new reference must not see the old one.
  it('gives what a solve against that reference alone gives', () => {
    const times = [0, 2, 5];
    const other = applyChanges(korea, [{ path: 'actors.PRK.capabilities.strategic.value', scale: 2 }]);
    const policy = applyPolicy(korea, 'dialogue');
    const alone = simulateArms(policy, { times, reference: other }).series;
    simulateArms(policy, { times, reference: korea });
    const after = simulateArms(policy, { times, reference: other }).series;
    expect(after).toEqual(alone);
    expect(simulateArms(policy, { times, reference: korea }).series).not.toEqual(alone);
  });
});

describe('analyzeArms', () => {
  it('reads the Richardson 1909 proxy as a runaway race whose rate is the pooled slope k − α', () => {
    const a = analyzeArms(read('scenarios/richardson-1909.yaml'));
    expect(a.stability.verdict).toBe('unstable');
    expect(a.stability.maxRealPart).toBeCloseTo(0.832, 12);
    expect(a.verdict).toMatch(/runs away/);
    expect(a.couplings.map((c) => [c.responds, c.to])).toEqual([['U', 'V'], ['V', 'U']]);
  });
});

describe('the joint solve of output and check times (splitSolve)', () => {
  // A solve that fails only on the union of the lists: the case the joint solve must not turn into a bare Error.
  const states = (ts: number[]) => ts.map((t) => [1 + t, 2 * t]);
  const jointFails = (limit: number) => (ts: number[]) => {
    if (ts.length > limit) throw new Error('step size underflow');
    return states(ts);
  };

  it('falls back to the separate solves when only the joint one fails', () => {
    const first = [0, 1, 2], second = [0.5, 1.5, 2];
    const [a, b] = splitSolve(jointFails(3), first, second, ['x', 'y']);
    expect(a).toEqual(states(first));
    expect(b).toEqual(states(second));
  });

  it('reports a separate solve that fails as the numerical failure it would be alone', () => {
    expect(() => splitSolve(jointFails(2), [0, 1, 2], [2], ['x', 'y'])).toThrow(NumericalError);
  });
});
