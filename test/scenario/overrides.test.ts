import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.js';
import { applyOverrides, parseOverride } from '../../src/scenario/overrides.js';
import { getValue, resolvePath, type ResolvedPath } from '../../src/scenario/paths.js';
import type { Scenario } from '../../src/scenario/schema.js';

const text = readFileSync(new URL('../../examples/india-pakistan.yaml', import.meta.url), 'utf8');
const loaded = parseScenario(text, 'india-pakistan.yaml');
if (!loaded.ok) throw new Error('example does not parse');
const s: Scenario = loaded.scenario;
const at = (sc: Scenario, path: string) => getValue(sc, resolvePath(path, ['IND', 'PAK']) as ResolvedPath);

describe('parseOverride', () => {
  it('reads PATH=VALUE and rejects anything else with a hint', () => {
    expect(parseOverride('crisis.clashThreshold=5')).toEqual({ path: 'crisis.clashThreshold', value: 5 });
    expect(parseOverride(' a.b = -1e-3 ')).toEqual({ path: 'a.b', value: -0.001 });
    for (const bad of ['crisis.clashThreshold', '=3', 'x=', 'x=abc', 'x=NaN', 'x=Infinity']) {
      const r = parseOverride(bad);
      expect('message' in r && r.hint, bad).toBeTruthy();
    }
  });

  it('round-trips any finite number', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
      const r = parseOverride(`crisis.memory=${v}`);
      expect(r).toEqual({ path: 'crisis.memory', value: v === 0 ? 0 : v });
    }));
  });
});

describe('applyOverrides', () => {
  it('hashes the file as parsed when nothing is overridden', () => {
    const r = applyOverrides(s, []);
    expect(r.ok && r.hash).toBe(loaded.ok && loaded.hash);
  });

  it('gives the same scenario and hash as the same edit made in the file', () => {
    const r = applyOverrides(s, [{ path: 'actors.PAK.capabilities.strategic.elasticity', value: 1.2 }]);
    const edited = parseScenario(text.replace('elasticity: { value: 1.5,', 'elasticity: { value: 1.2,'), 'edited.yaml');
    expect(r.ok && edited.ok).toBe(true);
    if (r.ok && edited.ok) expect(r.hash).toBe(edited.hash);
  });

  it('sets the value (and only it) for any value in the parameter\'s range, keeping the annotation', () => {
    fc.assert(fc.property(fc.double({ min: 0.5, max: 0.9, noNaN: true }), (v) => {
      const r = applyOverrides(s, [{ path: 'relations.IND.PAK.hostility', value: v }]);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(at(r.scenario, 'relations.IND.PAK.hostility')).toBe(v);
      expect(at(r.scenario, 'relations.PAK.IND.hostility')).toBe(0.7); // the mutual entry is split, the other direction kept
      const rel = r.scenario.relations.find((x) => x.from === 'IND' && x.to === 'PAK')!;
      expect(rel.hostility).toMatchObject({ value: v, range: [0.5, 0.9] });
      expect(r.hash === (loaded.ok && loaded.hash)).toBe(false);
    }), { numRuns: 30 });
  });

  it('applies overrides in order, later ones winning, and creates entries the scenario leaves out', () => {
    const r = applyOverrides(s, [{ path: 'crisis.clashThreshold', value: 3 }, { path: 'crisis.clashThreshold', value: 4 }, { path: 'crisis.actors.IND.bias', value: 1 }]);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(at(r.scenario, 'crisis.clashThreshold')).toBe(4);
      expect(r.scenario.crisis?.actors.IND.bias).toBe(1);
    }
  });

  it.each([
    ['nope.path', 1, /unknown parameter path 'nope.path'/, /did you mean/],
    ['relations.IND.CHN.hostility', 0.5, /unknown actor 'CHN'/, /known actors: IND, PAK/],
    ['relations.IND.PAK.dialogue', 1.5, /outside the allowed domain \[0, 1\]/, undefined],
    ['relations.IND.PAK.hostility', 0.95, /lies outside its range \[0.5, 0.9\]/, /widen it in the file/],
    ['arms.transfers.IND.PAK.rate', 0.1, /no transfer IND → PAK/, /add the entry/],
  ])('rejects %s=%d as the file would be rejected', (path, value, message, hint) => {
    const r = applyOverrides(s, [{ path, value }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0].message).toMatch(message);
    if (hint) expect(r.issues[0].hint).toMatch(hint);
  });
});
