import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReferences } from '../../src/scenario/check.js';
import { parseScenario } from '../../src/scenario/load.js';
import { SCENARIO_LIMITS } from '../../src/scenario/yamlLimits.js';

const korea = readFileSync(new URL('../../scenarios/korea-2024.yaml', import.meta.url), 'utf8');
const head = 'id: x\ntitle: t\nactors:\n  - id: A\n    name: a\n    capabilities: { conventional: { value: 10, unit: bn, baseYear: 2024 } }\n';

/** The issues of a text that must fail, as `line:col message` strings. */
function issues(text: string): string[] {
  const r = parseScenario(text, 'f.yaml');
  if (r.ok) throw new Error('expected the scenario to be refused');
  return r.issues.map((i) => `${i.line}:${i.col} ${i.message}`);
}

describe('scenario loader: YAML features and limits', () => {
  it('an unresolved alias is located, not an internal error', () => {
    expect(issues(`${head}zz: *nope\n`)).toEqual(['7:5 alias *nope refers to no anchor &nope defined before it']);
  });

  it('more than 100 aliases — ordinary YAML — are accepted up to the documented count', () => {
    const refs = Array.from({ length: 150 }, (_, i) => `  - id: S${i}\n    title: *t`).join('\n');
    const r = parseScenario(`id: x\ntitle: &t Shared title\nactors:\n  - id: A\n    name: a\nsources:\n${refs}\n`, 'f.yaml');
    expect(r.ok ? r.scenario.sources.map((s) => s.title) : r.issues).toEqual(Array(150).fill('Shared title'));
  });

  it('aliases that multiply ("billion laughs") are refused by their expanded size', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let k = 1; k <= 7; k++) lines.push(`a${k}: &a${k} [${Array(10).fill(`*a${k - 1}`).join(', ')}]`);
    const found = issues(`${lines.join('\n')}\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^1:1 the aliases expand the document to .* values, more than the limit of ${SCENARIO_LIMITS.expandedNodes.toLocaleString('en-US')}$`));
  });

  it('a recursive merge key and a self-containing alias are refused with their positions', () => {
    expect(issues(`${head}a: &x\n  b: 1\n  <<: *x\n`)).toEqual([
      '9:3 merge keys (<<) are not supported (they are not part of YAML 1.2)',
      '9:7 alias *x lies inside the value it names (a recursive structure)',
    ]);
    expect(issues(`${head}a: &x { b: [*x] }\n`)).toEqual(['7:13 alias *x lies inside the value it names (a recursive structure)']);
  });

  it('tags other than the core ones are refused, located', () => {
    expect(issues(`${head}note: !!binary aGk=\n`)).toEqual(['7:16 YAML tag !!binary is not supported']);
    expect(issues(`id: !custom x\ntitle: t\nactors: []\n`)[0]).toBe('1:13 YAML tag !custom is not supported');
  });

  it('nesting beyond the depth limit is refused before the parser recurses (flow and block)', () => {
    expect(issues(`${head}x: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`)).toEqual([`7:${4 + SCENARIO_LIMITS.depth} brackets nest deeper than ${SCENARIO_LIMITS.depth} levels`]);
    let block = 'x:\n';
    for (let d = 1; d <= SCENARIO_LIMITS.depth + 2; d++) block += `${' '.repeat(d)}k${d}:\n`;
    expect(issues(head + block)[0]).toMatch(new RegExp(`the document nests deeper than ${SCENARIO_LIMITS.depth} levels$`));
  });

  it('a huge collection is refused at the entry limit, before it becomes JavaScript values', () => {
    const n = SCENARIO_LIMITS.entries + 1;
    const text = `${head}sources:\n${Array.from({ length: n }, (_, i) => `  - { id: s${i}, title: t }`).join('\n')}\n`;
    expect(issues(text)).toEqual([`8:3 a collection holds ${n} entries, more than the limit of ${SCENARIO_LIMITS.entries}`]);
  });

  it('a text of 600,000 entries is refused from a scan of its shape, before the parser builds its tree', () => {
    const text = `${head}sources:\n${'  - { id: s, title: t }\n'.repeat(600_000)}`;
    const t0 = performance.now();
    const found = issues(text);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(found).toEqual([`1:1 the text holds 1,200,010 lines and list entries, more than the ${SCENARIO_LIMITS.textItems.toLocaleString('en-US')} a scenario may hold`]);
  });

  it('500,000 duplicate relations are reported without overflowing the stack, counted past the cap', () => {
    const relations = Array.from({ length: 500_000 }, () => ({ from: 'A', to: 'B' }));
    const found = checkReferences({ actors: [{ id: 'A' }, { id: 'B' }], relations });
    expect(found).toHaveLength(499_999);
    expect(found[0].message).toBe('relation A → B is given twice (also relations[0])');
  });

  it('issues are capped at the documented count and the rest counted', () => {
    const bad = Array.from({ length: 90 }, (_, i) => `  - { id: A${i}, name: 7, theatreShare: 2, note: 3 }`).join('\n');
    const r = parseScenario(`id: x\ntitle: t\nactors:\n${bad}\n`, 'f.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(SCENARIO_LIMITS.issues);
    expect(r.omitted).toBe(270 - SCENARIO_LIMITS.issues);
  });

  it('property: mutated Korea scenarios never throw; every issue is located inside the text', () => {
    const lines = korea.split('\n').length;
    const special = fc.constantFrom('*a', '&a ', '<<: ', '!!binary ', '!x ', '[', ']', '{', '}', ': ', '- ', '"', "'", '\t', '\n', '#', '? ', '|', '>', '%YAML 1.1\n', '---\n', '...\n');
    const mutation = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: korea.length }), fc.array(special, { minLength: 1, maxLength: 5 })).map(([at, ins]) => korea.slice(0, at) + ins.join('') + korea.slice(at)),
      fc.tuple(fc.integer({ min: 0, max: korea.length }), fc.integer({ min: 1, max: 200 })).map(([at, n]) => korea.slice(0, at) + korea.slice(at + n)),
      fc.integer({ min: 0, max: korea.length }).map((n) => korea.slice(0, n)),
      fc.string({ maxLength: 300 }),
    );
    fc.assert(
      fc.property(mutation, (text) => {
        const r = parseScenario(text, 'k.yaml');
        if (r.ok) return;
        expect(r.issues.length).toBeGreaterThan(0);
        expect(r.issues.length).toBeLessThanOrEqual(SCENARIO_LIMITS.issues);
        for (const i of r.issues) {
          expect(i.line).toBeGreaterThanOrEqual(1);
          expect(i.line).toBeLessThanOrEqual(Math.max(lines, text.split('\n').length) + 1);
          expect(i.col).toBeGreaterThanOrEqual(1);
          expect(i.message).not.toMatch(/Maximum call stack|Cannot read properties|undefined is not/);
        }
      }),
      { numRuns: 25 },
    );
  });
});
