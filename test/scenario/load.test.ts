import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseScenario, type LocatedIssue } from '../../src/scenario/load.js';

const fixture = (name: string) => new URL(`../fixtures/scenarios/${name}`, import.meta.url);
const load = (name: string) => parseScenario(readFileSync(fixture(name), 'utf8'), name);
const issuesOf = (name: string): LocatedIssue[] => {
  const r = load(name);
  if (r.ok) throw new Error(`${name} unexpectedly valid`);
  return r.issues;
};

describe('parseScenario: valid files', () => {
  it('reads the direct linear form of a textbook model', () => {
    const r = load('textbook.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.arms?.linear).toEqual({ A: [[-0.8, 0.3], [0.4, -0.6]], g: [2, 1], x0: [5, 3] });
    expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each(['scenarios/korea-2024.yaml', 'scenarios/richardson-1909.yaml'])('validates the shipped scenario %s', (file) => {
    const r = parseScenario(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'), file);
    expect(r.ok ? [] : r.issues).toEqual([]);
  });

  it('round-trips YAML → model → JSON → model with the same content and hash', () => {
    const text = readFileSync(new URL('../../scenarios/korea-2024.yaml', import.meta.url), 'utf8');
    const a = parseScenario(text, 'korea.yaml');
    if (!a.ok) throw new Error('korea invalid');
    const b = parseScenario(JSON.stringify(a.scenario, null, 1), 'korea.json');
    if (!b.ok) throw new Error(b.issues.map((i) => i.message).join('\n'));
    expect(b.scenario).toEqual(a.scenario);
    expect(b.hash).toBe(a.hash);
  });

  it('gives the same hash whatever the key order and layout', () => {
    const text = readFileSync(new URL('../../scenarios/korea-2024.yaml', import.meta.url), 'utf8');
    const a = parseScenario(text, 'a.yaml');
    if (!a.ok) throw new Error('invalid');
    const reversed = JSON.parse(JSON.stringify(a.scenario), (_k, v) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    );
    const b = parseScenario(stringify(reversed, { indent: 4 }), 'b.yaml');
    expect(b.ok && b.hash).toBe(a.hash);
  });

  it('changes the hash when a value changes', () => {
    const text = readFileSync(fixture('textbook.yaml'), 'utf8');
    const a = parseScenario(text, 'a.yaml'), b = parseScenario(text.replace('-0.6', '-0.61'), 'b.yaml');
    expect(a.ok && b.ok && a.hash !== b.hash).toBe(true);
  });
});

describe('parseScenario: bad input is located and explained', () => {
  it('reports a YAML syntax error with its position', () => {
    const [i] = issuesOf('bad-syntax.yaml');
    expect(i.message).toMatch(/^YAML syntax/);
    expect(i.line).toBeGreaterThanOrEqual(4);
    expect(i.hint).toBeTruthy();
  });

  it('points at an unknown key and suggests the right one', () => {
    expect(issuesOf('bad-unknown-key.yaml')).toEqual([
      expect.objectContaining({ line: 4, col: 27, path: 'actors[0].theatreShar', message: "unknown key 'theatreShar'", hint: "did you mean 'theatreShare'?" }),
    ]);
  });

  it('rejects a reference to an actor the scenario does not have', () => {
    expect(issuesOf('bad-unknown-actor.yaml')).toEqual([
      expect.objectContaining({ line: 7, col: 22, path: 'relations[0].to', message: "unknown actor 'USA'", hint: 'known actors: PRK, KOR' }),
    ]);
  });

  it('rejects hostility, alignment and assurance outside [0, 1], ranges included', () => {
    const issues = issuesOf('bad-domain.yaml');
    expect(issues.map((i) => [i.line, i.path])).toEqual([
      [9, 'relations[0].hostility'],
      [10, 'relations[0].alignment'],
      [11, 'relations[0].assurance.range[1]'],
    ]);
    expect(issues[0].message).toContain('[0, 1]');
  });

  it('rejects NaN', () => {
    expect(issuesOf('bad-nan.yaml')).toEqual([expect.objectContaining({ line: 7, path: 'actors[0].capabilities.conventional.value', message: 'expected number, got NaN' })]);
  });

  it('rejects a non-square matrix in the direct linear form', () => {
    expect(issuesOf('bad-nonsquare.yaml')).toEqual([expect.objectContaining({ line: 5, path: 'arms.linear.A[1]', message: expect.stringContaining('not square') })]);
  });

  it('rejects an event before start that claims to change parameters', () => {
    expect(issuesOf('bad-past-event.yaml')).toEqual([
      expect.objectContaining({ line: 11, path: 'timeline[0].changes', message: expect.stringContaining('before start 2024-12-01') }),
    ]);
  });

  it('rejects a policy that names an unknown lever, suggesting the closest', () => {
    expect(issuesOf('bad-unknown-lever.yaml')).toEqual([
      expect.objectContaining({ line: 10, path: 'policies[0].changes[0].lever', message: "unknown lever 'talk'", hint: "did you mean 'talks'?" }),
    ]);
  });

  it('reports every problem of a file at once, in line order', () => {
    const issues = issuesOf('bad-many.yaml');
    expect(issues.map((i) => i.path)).toEqual(['colour', 'actors[0].theatreShare', 'relations[0].to', 'levers[0].path']);
    expect(issues.map((i) => i.line)).toEqual([3, 5, 8, 10]);
    expect(issues[3].hint).toContain('relations.{actor}.{actor}.dialogue');
  });

  it('requires an assumption to carry a range and a value to lie in its range', () => {
    const r = parseScenario(
      'id: a\ntitle: A\nactors:\n  - { id: X, name: X, theatreShare: { value: 0.5, assumption: guess } }\n  - { id: Y, name: Y, theatreShare: { value: 0.9, assumption: guess, range: [0.1, 0.5] } }\n',
      'a.yaml',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.line, i.message])).toEqual([
      [4, expect.stringContaining('must carry an uncertainty `range')],
      [5, 'value 0.9 lies outside its range [0.1, 0.5]'],
    ]);
  });
});
