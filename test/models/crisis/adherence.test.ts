import { describe, expect, it } from 'vitest';
import { orderedLogitCategory } from '../../../src/models/crisis/choice.js';
import { crisisScenario, prepareCrisis, type PreparedCrisis } from '../../../src/models/crisis/prepare.js';
import { createWorkspace, runCrisis, runReplication } from '../../../src/models/crisis/runCrisis.js';
import type { KeyedStreams } from '../../../src/models/crisis/streams.js';
import { withZeroEffects } from '../../../src/scenario/apply.js';
import type { Scenario } from '../../../src/scenario/schema.js';
import { korea } from './helpers.js';

/** Korea with every lever effect at 0 and the named policy's switches at adherence `a` (targets as written). */
function switchesOnly(a: number): Scenario {
  const s = withZeroEffects(korea());
  for (const p of s.policies) for (const v of Object.values(p.strategies)) if (typeof v === 'object') v.adherence = a;
  return s;
}

const dyadArrays = (p: PreparedCrisis) => ({ u0: p.u0, threatExposure: p.threatExposure, escalationWeight: p.escalationWeight, conciliationWeight: p.conciliationWeight, clashWeight: p.clashWeight, gritWeight: p.gritWeight });

describe('strategy switches with an adherence', () => {
  it('adherence 0 reproduces the status quo run for run, for every policy with a switch', () => {
    const s = switchesOnly(0);
    const sq = prepareCrisis(crisisScenario(s), 60);
    for (const policy of ['deterrence-assurance', 'dialogue', 'grit']) {
      const p = prepareCrisis(crisisScenario(s, policy), 60, crisisScenario(s));
      expect(dyadArrays(p)).toEqual(dyadArrays(sq));
      for (const seed of [1, 2, 3]) expect(runCrisis(p, { seed })).toEqual(runCrisis(sq, { seed }));
    }
  });

  it('adherence ½ does change the runs (the check above can fail)', () => {
    const s = switchesOnly(0.5);
    const sq = prepareCrisis(crisisScenario(s), 60);
    const grit = prepareCrisis(crisisScenario(s, 'grit'), 60, crisisScenario(s));
    const differs = [1, 2, 3, 4, 5].some((seed) => JSON.stringify(runCrisis(grit, { seed }).actions) !== JSON.stringify(runCrisis(sq, { seed }).actions));
    expect(differs).toBe(true);
  });

  it("GRIT's switch reaches only the dyads it names: US and ROK toward North Korea", () => {
    const s = switchesOnly(1);
    const sq = prepareCrisis(crisisScenario(s), 12);
    const grit = prepareCrisis(crisisScenario(s, 'grit'), 12, crisisScenario(s));
    const ids = grit.actorIds, m = grit.m;
    const named = new Set(['USA', 'KOR'].map((a) => ids.indexOf(a) * m + ids.indexOf('PRK')));
    for (let d = 0; d < m * m; d++) {
      if ((d / m | 0) === d % m) continue;
      expect(grit.gritWeight[d]).toBe(named.has(d) ? 1 : 0);
      if (!named.has(d)) for (const [k, arr] of Object.entries(dyadArrays(grit))) expect([k, d, arr[d]]).toEqual([k, d, dyadArrays(sq)[k as 'u0'][d]]);
    }
    // Without targets the same switch reaches every adversary of the US (China and Russia too).
    const untargeted = structuredClone(s);
    for (const v of Object.values(untargeted.policies.find((p) => p.id === 'grit')!.strategies)) if (typeof v === 'object') delete v.targets;
    const wide = prepareCrisis(crisisScenario(untargeted, 'grit'), 12, crisisScenario(untargeted));
    expect(wide.gritWeight[ids.indexOf('USA') * m + ids.indexOf('CHN')]).toBe(1);
  });

  it('in month 1 a targeted GRIT step is certain toward North Korea, while the US acts toward China as in the status quo', () => {
    const s = switchesOnly(1);
    const sq = prepareCrisis(crisisScenario(s), 1);
    const grit = prepareCrisis(crisisScenario(s, 'grit'), 1, crisisScenario(s));
    expect(grit.exerciseScale[0]).toBe(0); // no exercise in December 2024 to override the step
    const ids = grit.actorIds, m = grit.m, K = grit.weights.length;
    const usPrk = ids.indexOf('USA') * m + ids.indexOf('PRK'), usChn = ids.indexOf('USA') * m + ids.indexOf('CHN');
    for (let seed = 1; seed <= 40; seed++) {
      const a = runCrisis(grit, { seed }), b = runCrisis(sq, { seed });
      expect(a.actions[usPrk * K + 0]).toBe(1); // de-escalation
      expect(Array.from(a.actions.subarray(usChn * K, usChn * K + K))).toEqual(Array.from(b.actions.subarray(usChn * K, usChn * K + K)));
    }
  });

  it('a partial GRIT adherence g takes the step on U1 < g and otherwise chooses on (U1 − g)/(1 − g)', () => {
    const s = switchesOnly(0.5);
    const p = prepareCrisis(crisisScenario(s, 'grit'), 1, crisisScenario(s));
    const ids = p.actorIds, m = p.m, K = p.weights.length;
    const d = ids.indexOf('USA') * m + ids.indexOf('PRK');
    expect(p.gritWeight[d]).toBe(0.5);
    const u = p.u0[d] + p.threatExposure[d] * p.threatTerm[ids.indexOf('USA')];
    for (const U1 of [0.1, 0.49, 0.6, 0.9, 0.99]) {
      // U2 = 1: no clash; U3 = ½: the median reading.
      const streams: KeyedStreams = { next: () => 0.5, dyadDraws: (_k, out) => { out[0] = U1; out[1] = 1; out[2] = 0.5; } };
      const r = runReplication(p, createWorkspace(p), streams);
      const expected = U1 < 0.5 ? 0 : orderedLogitCategory(u, p.cutpoints, (U1 - 0.5) / 0.5);
      const got = Array.from(r.actions.subarray(d * K, d * K + K)).indexOf(1);
      expect([U1, got]).toEqual([U1, expected]);
    }
  });
});
