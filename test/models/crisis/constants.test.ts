import { describe, expect, it } from 'vitest';
import { crisisScenario, prepareCrisis } from '../../../src/models/crisis/prepare.js';
import { createWorkspace, runReplication } from '../../../src/models/crisis/runCrisis.js';
import type { KeyedStreams } from '../../../src/models/crisis/streams.js';
import { applyChanges } from '../../../src/scenario/apply.js';
import { checkReferences } from '../../../src/scenario/check.js';
import { scenarioSchema, type Scenario } from '../../../src/scenario/schema.js';
import { korea } from './helpers.js';

/** Streams with no noise: every uniform is ½ (the median choice and reading, no clash below a hazard of ½). */
const noNoise: KeyedStreams = { next: () => 0.5, dyadDraws: (_k, out) => out.fill(0.5) };

/** A GRIT actor A facing B, who postures every month whatever A does (a high baseline, a weak memory). */
function gritAgainstPosturer(grit?: { patience: number; pause: number }): Scenario {
  return scenarioSchema.parse({
    id: 'grit', title: 'GRIT against a posturer', asOf: '2024-11-30',
    actors: [{ id: 'A', name: 'A' }, { id: 'B', name: 'B' }],
    relations: [{ from: 'A', to: 'B', mutual: true, hostility: 0.5 }],
    crisis: { actors: { A: { strategy: 'grit' }, B: { baseline: 2.5, hostilityWeight: 0.1 } }, ...(grit ? { grit } : {}) },
  });
}

/** A's action weight per month (the month's score less B's posturing, 4). */
function gritActions(s: Scenario, months: number): number[] {
  const p = prepareCrisis(crisisScenario(s), months);
  const r = runReplication(p, createWorkspace(p), noNoise);
  return Array.from(r.score, (x) => x - 4);
}

describe('rule constants are scenario parameters', () => {
  it("GRIT's patience and pause: steps (−2) while unreciprocated for `patience` months, then `pause` months at the status quo (0)", () => {
    // Hand-derived: patience 3, pause 6 → steps in months 1–3, pause 4–9, steps 10–12.
    expect(gritActions(gritAgainstPosturer(), 12)).toEqual([-2, -2, -2, 0, 0, 0, 0, 0, 0, -2, -2, -2]);
    // patience 2, pause 3 → steps 1–2, pause 3–5, steps 6–7, pause 8–10, steps 11–12.
    expect(gritActions(gritAgainstPosturer({ patience: 2, pause: 3 }), 12)).toEqual([-2, -2, 0, 0, 0, -2, -2, 0, 0, 0, -2, -2]);
    // A fraction counts as the next whole month: 2.5 behaves as 3.
    expect(gritActions(gritAgainstPosturer({ patience: 2.5, pause: 6 }), 12)).toEqual(gritActions(gritAgainstPosturer(), 12));
  });

  it('a strategy offset moves the propensity of exactly the dyads playing that rule, by the change', () => {
    const s = crisisScenario(korea());
    const base = prepareCrisis(s, 12);
    const moved = prepareCrisis(applyChanges(s, [{ path: 'crisis.strategies.deterrence-assurance.offset', add: 0.3 }]), 12);
    const usa = base.actorIds.indexOf('USA'), m = base.m;
    for (let d = 0; d < m * m; d++) {
      if ((d / m | 0) === d % m) continue;
      expect(moved.u0[d] - base.u0[d]).toBeCloseTo((d / m | 0) === usa ? 0.3 : 0, 12);
    }
  });

  it('stated defaults equal the built-in ones: the Korea status quo is unchanged by writing the constants out', () => {
    const k = korea();
    const bare = structuredClone(k);
    delete bare.crisis!.strategies;
    delete bare.crisis!.grit;
    delete bare.crisis!.cutpoints;
    delete bare.crisis!.clashThreshold;
    delete bare.crisis!.deterrenceWeight;
    delete bare.crisis!.assuranceWeight;
    delete bare.crisis!.restraintWeight;
    expect(k.crisis!.strategies).toBeDefined();
    expect(prepareCrisis(crisisScenario(bare), 24)).toEqual(prepareCrisis(crisisScenario(k), 24));
  });

  it('validate refuses cutpoint ranges that could cross when sampled', () => {
    const doc = (cuts: unknown[]) => ({ id: 'x', title: 'x', actors: [{ id: 'A', name: 'A' }, { id: 'B', name: 'B' }], crisis: { cutpoints: cuts } });
    const a = (value: number, range: [number, number]) => ({ value, assumption: 'test', range });
    expect(checkReferences(doc([a(-3, [-4, -2]), a(1.5, [0, 2]), a(3.5, [3, 4])]))).toEqual([]);
    const bad = checkReferences(doc([a(-3, [-4, -2]), a(1.5, [0, 3.2]), a(3.5, [3, 4])]));
    expect(bad.map((i) => [i.path.join('.'), i.message])).toEqual([['crisis.cutpoints.2', "the range of cutpoint 2 starts at 3, not above the previous cutpoint's upper end 3.2"]]);
  });
});
