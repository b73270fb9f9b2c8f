import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../../src/cli/scenarioFile.js';
import { emptyCell } from '../../src/experiment/cell.js';
import { cellValue } from '../../src/experiment/outcomeTable.js';
import { cellOutcome, designFuture, parameterFamily, prefixGroups, sensitivitySpace } from '../../src/experiment/sensitivityDesign.js';

const korea = readScenarioFile('scenarios/korea-2024.yaml').scenario;
const space = sensitivitySpace(korea);

describe('sensitivity design on a scenario', () => {
  it('takes every ranged parameter, then every structural uncertainty as a categorical input', () => {
    expect(space.inputs.filter((i) => i.kind === 'numeric').map((i) => i.name)).toEqual(space.uncertainties.map((u) => u.name));
    expect(space.inputs.at(-1)).toEqual({ name: 'prk-type', kind: 'structural', index: 0 });
  });

  it('maps a row into each varied input\'s range and leaves the others at their stated values and default alternative', () => {
    const n = space.inputs.length;
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: 8 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }), (cols, unit) => {
        const f = designFuture(space, unit, cols, 3);
        expect(f.index).toBe(3);
        space.uncertainties.forEach((u, k) => {
          const j = cols.indexOf(k);
          if (j < 0) expect(f.values[k]).toBe(u.value);
          else if (u.dist !== 'beta') {
            expect(f.values[k]).toBeGreaterThanOrEqual(u.range[0] - 1e-9);
            expect(f.values[k]).toBeLessThanOrEqual(u.range[1] + 1e-9);
          }
        });
        const j = cols.indexOf(n - 1);
        // two alternatives of equal weight: below ½ the first, from ½ on the second
        expect(f.alternatives['prk-type']).toBe(j < 0 ? 'spiral' : unit[j] < 0.5 ? 'spiral' : 'regime-driven');
      }),
      { numRuns: 200 },
    );
  });

  it('maps the top of the Morris grid (u = 1) to the top of a uniform range, not beyond it', () => {
    const k = space.uncertainties.findIndex((u) => u.dist === 'uniform' || u.dist === 'split-uniform');
    const f = designFuture(space, [1], [k], 0);
    expect(f.values[k]).toBeCloseTo(space.uncertainties[k].range[1], 9);
  });

  it('reads the outcomes off a cell as the comparison defines them', () => {
    const c = { ...emptyCell(24, 0, []), runs: 8, warRuns: 2, nuclearRuns: 1, clashRuns: 4, clashYearsSum: 6, scoreMeanSum: 20 };
    expect(cellOutcome(c, 'war', 24)).toBe(0.25);
    expect(cellOutcome(c, 'nuclear', 24)).toBe(0.125);
    // 6/8 clash-years in two years is 3.75 per decade
    expect(cellOutcome(c, 'clashYears', 24)).toBe(3.75);
    expect(cellOutcome(c, 'escalation', 24)).toBe(2.5);
  });

  it("reads every sensitivity outcome through the comparison's cellValue (one definition, two names)", () => {
    const names = { war: 'war', nuclear: 'nuclear', clashYears: 'clashYearsPerDecade', escalation: 'escalationScore' } as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 600 }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        (runs, horizon, clashYearsSum, scoreMeanSum) => {
          const c = { ...emptyCell(horizon, 0, []), runs, warRuns: Math.floor(runs / 3), nuclearRuns: Math.floor(runs / 7), clashRuns: Math.floor(runs / 2), clashYearsSum, scoreMeanSum };
          for (const [mine, theirs] of Object.entries(names)) expect(cellOutcome(c, mine as keyof typeof names, horizon)).toBe(cellValue(c, theirs, horizon));
        },
      ),
    );
    // The comparison's extra outcome, P(clash), is read from the same cell.
    expect(cellValue({ ...emptyCell(24, 0, []), runs: 8, clashRuns: 4 }, 'clash', 24)).toBe(0.5);
    expect(cellValue(emptyCell(24, 0, []), 'war', 24)).toBe(0);
  });

  it('groups by family and by prefix', () => {
    expect(parameterFamily('relations[PRK>USA].hostility')).toBe('relations[*].hostility');
    expect(parameterFamily('crisis.actors.PRK.bias')).toBe('crisis.actors.*.bias');
    expect(parameterFamily('levers[exercise-scale].effect')).toBe('levers[*].effect');
    expect(parameterFamily('prk-type')).toBe('prk-type');
    expect(prefixGroups(['levers[a].effect', 'crisis.memory', 'x'], ['levers', 'crisis'])).toEqual(['levers', 'crisis', '(other)']);
  });
});
