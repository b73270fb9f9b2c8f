import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyChanges, applyPolicy, withZeroEffects } from '../../src/scenario/apply.js';
import { listUncertainties } from '../../src/experiment/uncertainties.js';
import { parseScenario } from '../../src/scenario/load.js';
import { getValue, resolvePath, type ResolvedPath } from '../../src/scenario/paths.js';
import type { Scenario } from '../../src/scenario/schema.js';

const korea = (() => {
  const r = parseScenario(readFileSync(new URL('../../scenarios/korea-2024.yaml', import.meta.url), 'utf8'), 'korea');
  if (!r.ok) throw new Error('korea invalid');
  return r.scenario;
})();
const ids = korea.actors.map((a) => a.id);
const at = (s: Scenario, path: string) => getValue(s, resolvePath(path, ids) as ResolvedPath);

describe('parameter paths', () => {
  it('resolve known patterns and name the actors', () => {
    expect(resolvePath('relations.PRK.USA.assurance', ids)).toMatchObject({ actors: ['PRK', 'USA'], domain: { min: 0, max: 1 } });
    expect(resolvePath('relations.PRK.XXX.assurance', ids)).toMatchObject({ error: "unknown actor 'XXX' in path 'relations.PRK.XXX.assurance'" });
  });

  it('read a mutual relation in both directions and unlisted pairs as 0', () => {
    expect(at(korea, 'relations.USA.KOR.alignment')).toBe(0.9);
    expect(at(korea, 'relations.KOR.USA.alignment')).toBe(0.9);
    expect(at(korea, 'relations.AUS.VNM.hostility')).toBe(0);
  });

  it('fall back to documented defaults', () => {
    expect(at(korea, 'crisis.actors.CHN.threatWeight')).toBe(1);
    expect(at(korea, 'actors.PRK.theatreShare')).toBe(1);
  });
});

describe('changes', () => {
  it('set, add and scale, clamped to the domain, keeping annotations', () => {
    const s = applyChanges(korea, [
      { path: 'relations.PRK.USA.hostility', add: 0.5 },
      { path: 'actors.USA.capabilities.conventional.growth', scale: 2 },
      { path: 'relations.AUS.VNM.dialogue', set: 0.3 },
    ]);
    expect(at(s, 'relations.PRK.USA.hostility')).toBe(1);
    expect(at(s, 'actors.USA.capabilities.conventional.growth')).toBeCloseTo(0.03, 12);
    expect(at(s, 'relations.AUS.VNM.dialogue')).toBe(0.3);
    expect(s.actors.find((a) => a.id === 'USA')!.capabilities!.conventional!.growth).toMatchObject({ source: 'sipri-milex-2025' });
    expect(at(korea, 'relations.PRK.USA.hostility')).toBe(0.9); // the original is untouched
  });

  it('split a mutual relation so a change touches one direction only', () => {
    const s = applyChanges(korea, [{ path: 'relations.KOR.USA.alignment', set: 0.5 }]);
    expect(at(s, 'relations.KOR.USA.alignment')).toBe(0.5);
    expect(at(s, 'relations.USA.KOR.alignment')).toBe(0.9);
    expect(at(s, 'relations.USA.KOR.treatyFloor')).toBe(0.8);
  });
});

describe('policies', () => {
  it('status quo changes nothing', () => {
    expect(applyPolicy(korea, 'status-quo')).toEqual(korea);
  });

  it('move each lever by its effect size: e = 1 reaches the target, e = 0 leaves the status quo, e = ½ half-way', () => {
    const withEffect = (e: number) => ({ ...korea, levers: korea.levers.map((l) => (l.id === 'us-prk-channel' ? { ...l, effect: e } : l)) });
    expect(at(applyPolicy(withEffect(1), 'dialogue'), 'relations.USA.PRK.dialogue')).toBeCloseTo(0.7, 12);
    expect(at(applyPolicy(withEffect(0), 'dialogue'), 'relations.USA.PRK.dialogue')).toBe(0);
    expect(at(applyPolicy(withEffect(0.5), 'dialogue'), 'relations.USA.PRK.dialogue')).toBeCloseTo(0.35, 12);
  });

  it('set strategy choices and carry their costs', () => {
    const s = applyPolicy(korea, 'deterrence-assurance');
    expect(s.crisis!.actors.KOR.strategy).toBe('reciprocator'); // the status-quo rule stays; the switch rides beside it
    expect(s.strategySwitches).toEqual([
      { actor: 'USA', strategy: 'deterrence-assurance', targets: ['PRK'], adherence: 0.5 },
      { actor: 'KOR', strategy: 'deterrence-assurance', targets: ['PRK'], adherence: 0.5 },
    ]);
    expect(at(s, 'crisis.actors.KOR.drive')).toBeCloseTo(0.3, 12); // the abandonment cost
    expect(at(s, 'relations.PRK.USA.assurance')).toBeCloseTo(0.4, 12);
  });

  it('the placebo sets every lever effect and adherence to 0, leaving none of them sampled, and every policy at the status quo values', () => {
    const z = withZeroEffects(korea);
    expect(z.levers.every((l) => l.effect === 0)).toBe(true);
    const switches = z.policies.flatMap((p) => Object.values(p.strategies));
    expect(switches.length).toBeGreaterThan(0);
    expect(switches.every((v) => typeof v === 'object' && v.adherence === 0)).toBe(true);
    expect(listUncertainties(z).filter((u) => /effect|adherence/.test(u.name))).toEqual([]);
    expect(listUncertainties(korea).filter((u) => /adherence/.test(u.name)).map((u) => u.range)).toEqual(Array(6).fill([0, 1]));
    for (const p of z.policies) {
      const { strategySwitches, ...rest } = applyPolicy(z, p.id);
      expect(strategySwitches?.every((w) => w.adherence === 0) ?? true).toBe(true);
      for (const path of ['relations.USA.PRK.dialogue', 'crisis.exercises.scale', 'crisis.actors.KOR.drive', 'relations.PRK.USA.assurance', 'relations.JPN.KOR.alignment'])
        expect(at(rest, path)).toBe(at(z, path));
    }
  });

  it('every shipped policy applies without error', () => {
    for (const p of korea.policies) expect(() => applyPolicy(korea, p.id)).not.toThrow();
    expect(() => applyPolicy(korea, 'nope')).toThrow(/unknown policy/);
  });
});
