import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listUncertainties } from '../../src/experiment/uncertainties.js';
import { applyPolicy, applyStructural, withValue } from '../../src/scenario/apply.js';
import { parseScenario } from '../../src/scenario/load.js';
import { getValue, pathPatterns, resolvePath, withValuesAt, type ResolvedPath } from '../../src/scenario/paths.js';
import type { Scenario } from '../../src/scenario/schema.js';

const korea = (() => {
  const r = parseScenario(readFileSync(new URL('../../scenarios/korea-2024.yaml', import.meta.url), 'utf8'), 'k');
  if (!r.ok) throw new Error('invalid');
  return r.scenario;
})();
const ids = korea.actors.map((a) => a.id);
const uncertainties = listUncertainties(korea);
const at = (s: Scenario, location: readonly (string | number)[]) => location.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], s) as { value: number };
/** Every parameter path of the scenario's actors: each pattern with each ordered pair (or each actor) filled in. */
const allPaths: ResolvedPath[] = pathPatterns.flatMap(({ pattern }) => {
  const n = pattern.split('{actor}').length - 1;
  const fills = n === 0 ? [[]] : n === 1 ? ids.map((a) => [a]) : ids.flatMap((a) => ids.filter((b) => b !== a).map((b) => [a, b]));
  return fills.flatMap((f) => {
    let k = 0;
    const r = resolvePath(pattern.replace(/\{actor\}/g, () => f[k++]), ids);
    return 'error' in r ? [] : [r];
  });
});

describe('copy-on-write scenario edits', () => {
  it('withValuesAt sets the sampled values, leaves every other value and the input unchanged (property)', () => {
    const before = structuredClone(korea);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: uncertainties.length - 1 }), { maxLength: 12 }), fc.double({ min: -5, max: 5, noNaN: true }), (picked, v) => {
        const out = withValuesAt(korea, picked.map((k) => uncertainties[k].location), picked.map((_, i) => v + i));
        picked.forEach((k, i) => expect(at(out, uncertainties[k].location).value).toBe(v + i));
        uncertainties.forEach((u, k) => {
          if (!picked.includes(k)) expect(at(out, u.location).value).toBe(at(korea, u.location).value);
        });
      }),
      { numRuns: 50 },
    );
    expect(korea).toEqual(before);
  });

  it('withValue changes exactly the one parameter it names, on every path of the grammar, and never its input', () => {
    const before = structuredClone(korea);
    const values = (s: Scenario) => allPaths.map((r) => getValue(s, r));
    const base = values(korea);
    for (const [k, r] of allPaths.entries()) {
      let out: Scenario;
      try {
        out = withValue(korea, r, 0.25);
      } catch {
        continue; // a stock or transfer the scenario does not have: refused, as before
      }
      const got = values(out);
      // A path whose domain clamps 0.25 is set to the clamped value by the callers (changedValue); withValue writes it as given.
      expect(got[k]).toBe(0.25);
      got.forEach((v, j) => j === k || expect([j, v]).toEqual([j, base[j]]));
    }
    expect(korea).toEqual(before);
  });

  it('policies and structural alternatives leave the scenario they start from as it was', () => {
    const before = structuredClone(korea);
    for (const p of korea.policies) applyPolicy(applyStructural(korea), p.id);
    for (const u of korea.uncertainties?.structural ?? []) for (const a of u.alternatives) applyStructural(korea, { [u.id]: a.id });
    expect(korea).toEqual(before);
  });
});
