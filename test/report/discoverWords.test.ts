import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxWords, isCase, limitWords, parseWhere } from '../../src/report/discoverWords.js';

const policies = ['status-quo', 'dialogue', 'grit', 'asian-nato'];
const base = { policies, outcome: 'war' as const, margin: 0.01, policy: 'status-quo' };

describe('discover: the --where parser and the words', () => {
  it('reads A<B and A>B between two policies, with the margin and the outcome', () => {
    fc.assert(
      fc.property(fc.constantFrom(...policies), fc.constantFrom(...policies), fc.constantFrom('<', '>'), fc.constantFrom('', ' ', '  '), (a, b, op, sp) => {
        expect(parseWhere(`${sp}${a}${sp}${op}${sp}${b}${sp}`, base)).toEqual({ kind: 'beats', a, b, op, outcome: 'war', margin: 0.01 });
      }),
    );
  });

  it('reads OUTCOME>x as a threshold on --policy, the number exactly', () => {
    fc.assert(
      fc.property(fc.constantFrom('war', 'nuclear', 'clash', 'clashYears', 'escalation'), fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((v) => !Object.is(v, -0)), fc.constantFrom('<', '>'), (outcome, value, op) => {
        expect(parseWhere(`${outcome}${op}${value}`, base)).toEqual({ kind: 'threshold', policy: 'status-quo', op, outcome, value });
      }),
    );
  });

  it('never throws: any other text gives a message naming it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        const r = parseWhere(text, base);
        if (typeof r === 'string') expect(r).toContain('--where');
      }),
    );
    expect(parseWhere('dialogue<nope', base)).toMatch(/'nope' is neither a policy/);
  });

  it('decides the case per future: A beats B only by more than the margin', () => {
    const c = parseWhere('dialogue<status-quo', base);
    if (typeof c === 'string') throw new Error(c);
    const of = (d: number, s: number) => (p: string) => (p === 'dialogue' ? d : s);
    expect(isCase(c, of(0.05, 0.07))).toBe(true);
    expect(isCase(c, of(0.065, 0.07))).toBe(false); // lower by 0.005 < margin
    const t = parseWhere('war>0.1', base);
    if (typeof t === 'string') throw new Error(t);
    expect(isCase(t, of(0, 0.2))).toBe(true);
    expect(isCase(t, of(0, 0.1))).toBe(false);
  });

  it('states limits by the side that moved, and a box with its shares', () => {
    const initial = { kind: 'numeric' as const, lower: 0, upper: 1 };
    expect(limitWords('x', { kind: 'numeric', lower: 0, upper: 0.3 }, initial)).toBe('x < 0.3');
    expect(limitWords('x', { kind: 'numeric', lower: 0.25, upper: 1 }, initial)).toBe('x > 0.25');
    expect(limitWords('x', { kind: 'numeric', lower: 0.25, upper: 0.5 }, initial)).toBe('0.25 < x < 0.5');
    expect(limitWords('t', { kind: 'categorical', categories: ['spiral'] }, undefined)).toBe('t is spiral');
    const c = parseWhere('dialogue<status-quo', base);
    if (typeof c === 'string') throw new Error(c);
    const step = { index: 3, phase: 'peel' as const, coverage: 0.6, density: 0.84, mass: 0.31, rows: 31, restricted: ['x', 't'], limits: { x: { kind: 'numeric' as const, lower: 0, upper: 0.02 }, t: { kind: 'categorical' as const, categories: ['spiral'] } } };
    expect(boxWords(c, step, { x: initial }, false)).toBe('dialogue beats status-quo (P(war) lower by more than 0.01) in 84% of the futures with x < 0.02 and t is spiral, which are 31% of all futures (they hold 60% of the cases).');
  });
});
