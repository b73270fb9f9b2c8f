import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { parseScenario, pathText } from '../../src/scenario/load.js';

// Random valid scenarios: actors with capabilities, relations between distinct pairs, levers on valid paths and
// policies that use them. Parameters are bare numbers or annotated values whose range contains the value.
const unit = fc.double({ min: 0, max: 1, noNaN: true });
const annotatedIn = (lo: number, hi: number) =>
  fc.tuple(fc.double({ min: lo, max: hi, noNaN: true }), fc.double({ min: lo, max: hi, noNaN: true }), fc.double({ min: lo, max: hi, noNaN: true })).map(([a, b, c]) => {
    const [l, v, h] = [a, b, c].sort((x, y) => x - y);
    return { value: v, assumption: 'test value', range: [l, h] };
  });
const p01 = fc.oneof(unit, annotatedIn(0, 1));

const scenarioArb = fc
  .integer({ min: 2, max: 5 })
  .chain((n) => {
    const ids = Array.from({ length: n }, (_, i) => `A${i}`);
    const pairs = ids.flatMap((a) => ids.filter((b) => b !== a).map((b) => [a, b] as const));
    return fc.record({
      id: fc.constantFrom('random', 'test-1'),
      title: fc.string({ minLength: 1, maxLength: 20 }),
      actors: fc.tuple(
        ...ids.map((id) =>
          fc.record({
            id: fc.constant(id),
            name: fc.string({ minLength: 1, maxLength: 10 }),
            theatreShare: p01,
            capabilities: fc.record({
              conventional: fc.record({
                value: fc.oneof(fc.double({ min: 0, max: 1000, noNaN: true }), annotatedIn(0, 1000)),
                unit: fc.constant('US$ bn'),
                baseYear: fc.integer({ min: 1900, max: 2030 }),
                growth: fc.double({ min: -0.1, max: 0.2, noNaN: true }),
                elasticity: fc.oneof(fc.double({ min: 0, max: 2, noNaN: true }), annotatedIn(0, 2)),
              }),
            }),
          }),
        ),
      ),
      relations: fc.subarray(pairs, { maxLength: Math.min(6, pairs.length) }).chain((ps) =>
        fc.tuple(...ps.map(([from, to]) => fc.record({ from: fc.constant(from), to: fc.constant(to), hostility: p01, alignment: p01, assurance: p01 }))),
      ),
      levers: fc.constant([{ id: 'talks', description: 'channel', path: `relations.${ids[0]}.${ids[1]}.dialogue`, effect: { value: 1, assumption: 'test', range: [0, 1.5] } }]),
      policies: fc.constant([{ id: 'talk', title: 'Talk', description: 'open the channel', changes: [{ lever: 'talks', set: 1 }] }]),
    });
  });

describe('scenario parser properties', () => {
  it('accepts random valid scenarios and hashes them the same in YAML and JSON', () => {
    fc.assert(
      fc.property(scenarioArb, (doc) => {
        const y = parseScenario(stringify(doc), 'random.yaml');
        expect(y.ok ? [] : y.issues).toEqual([]);
        const j = parseScenario(JSON.stringify(doc), 'random.json');
        expect(y.ok && j.ok && y.hash === j.hash).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('reports random corruptions, located in the text, without throwing', () => {
    const leaves = (x: unknown, path: (string | number)[] = []): { path: (string | number)[]; value: unknown }[] =>
      Array.isArray(x)
        ? x.flatMap((v, i) => leaves(v, [...path, i]))
        : x !== null && typeof x === 'object'
          ? Object.entries(x).flatMap(([k, v]) => leaves(v, [...path, k]))
          : [{ path, value: x }];
    const objects = (x: unknown, path: (string | number)[] = []): (string | number)[][] =>
      Array.isArray(x)
        ? x.flatMap((v, i) => objects(v, [...path, i]))
        : x !== null && typeof x === 'object'
          ? [path, ...Object.entries(x).flatMap(([k, v]) => objects(v, [...path, k]))]
          : [];
    const setAt = (doc: unknown, path: (string | number)[], f: (parent: Record<string | number, unknown>, key: string | number) => void) => {
      let cur = doc as Record<string | number, unknown>;
      for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
      f(cur, path[path.length - 1]);
    };
    fc.assert(
      fc.property(scenarioArb, fc.nat(), fc.constantFrom('wrong-type', 'unknown-key', 'nan', 'missing-id'), (doc, pick, kind) => {
        const copy = structuredClone(doc) as Record<string, unknown>;
        let expectedPath: string;
        if (kind === 'unknown-key') {
          const objs = objects(copy);
          const where = objs[pick % objs.length];
          let target = copy as Record<string | number, unknown>;
          for (const k of where) target = target[k] as Record<string | number, unknown>;
          target.zzUnknown = 1;
          expectedPath = pathText([...where, 'zzUnknown']);
        } else if (kind === 'missing-id') {
          const i = pick % (copy.actors as unknown[]).length;
          delete (copy.actors as Record<string, unknown>[])[i].name;
          expectedPath = `actors[${i}].name`;
        } else {
          const nums = leaves(copy).filter((l) => typeof l.value === 'number' && !l.path.includes('changes') && l.path[l.path.length - 1] !== 'baseYear');
          const target = nums[pick % nums.length];
          setAt(copy, target.path, (parent, key) => (parent[key] = kind === 'nan' ? NaN : 'oops'));
          expectedPath = pathText(target.path);
        }
        const text = stringify(copy);
        const r = parseScenario(text, 'c.yaml');
        expect(r.ok).toBe(false);
        if (r.ok) return;
        for (const i of r.issues) {
          expect(i.line).toBeGreaterThanOrEqual(1);
          expect(i.col).toBeGreaterThanOrEqual(1);
          expect(i.message.length).toBeGreaterThan(0);
        }
        // The corrupted place is named, up to the parameter it belongs to.
        expect(r.issues.some((i) => expectedPath.startsWith(i.path) || i.path.startsWith(expectedPath))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
