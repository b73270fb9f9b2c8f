import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerFigure, answerSentences, borderline, effectOf, explainedEffect, listText, policyEffects, tooCoarse } from '../../src/report/answer.js';
import { pp, pct } from '../../src/report/format.js';
import { midSentence } from '../../src/report/midSentence.js';
import { ensembleView, type ComparisonResult, type Diff, type SensitivitySummary } from '../../src/report/types.js';
import { syntheticComparison } from './synthetic.js';

/** The synthetic comparison with the paired differences in P(war) set per policy (weighted, and unweighted unless given). */
function withWar(weighted: Record<string, Diff>, unweighted: Record<string, Diff> = weighted): ComparisonResult {
  const r = syntheticComparison();
  for (const p of r.policies) {
    if (!p.weighted.versusStatusQuo) continue;
    p.weighted.versusStatusQuo = { ...p.weighted.versusStatusQuo, war: weighted[p.id] };
    p.unweighted.versusStatusQuo = { ...p.unweighted.versusStatusQuo!, war: unweighted[p.id] };
  }
  return r;
}
const d = (diff: number, lo: number, hi: number): Diff => ({ diff, lo, hi });
const straddle = d(-0.001, -0.006, 0.004);
const all = (x: Diff) => ({ 'asian-nato': x, 'deterrence-assurance': x, dialogue: x, 'japan-bridge': x, grit: x });

describe('the answer: which policies lower or raise P(war), from the intervals', () => {
  it('says no policy is separated when every interval includes 0, and claims no direction', () => {
    const r = withWar({ ...all(straddle), grit: d(0.003, -0.001, 0.007) });
    const s = answerSentences(r).effect;
    expect(s).toMatch(/^No policy is separated from the status quo: against its P\(war\) within 10 years of 4\.5% \[3\.9% – 5\.1%\]/);
    expect(s).toContain('every policy\'s paired difference has a 95% interval that includes 0');
    expect(s).toContain(`from ${pp(-0.001)} to ${pp(0.003)}`); // the smallest and largest estimate
    expect(s).not.toMatch(/lowers?|raises?/);
  });

  it('names the policies that lower it with their differences and intervals, largest reduction first', () => {
    const r = withWar({ ...all(straddle), dialogue: d(-0.012, -0.02, -0.004), grit: d(-0.02, -0.03, -0.01) });
    const s = answerSentences(r).effect;
    const grit = r.policies.find((p) => p.id === 'grit')!.title, dialogue = r.policies.find((p) => p.id === 'dialogue')!.title;
    // Mid-sentence a title's first word is lower-cased, unless it is an acronym or a proper noun (midSentence.ts).
    expect(grit.startsWith('GRIT')).toBe(true);
    expect(s).toContain(`${grit} (−2.0 pp [−3.0 pp – −1.0 pp]) and ${dialogue.replace(/^D/, 'd')} (−1.2 pp [−2.0 pp – −0.40 pp]) lower it`);
    expect(s).toContain('the other 3 (an Asian NATO, deterrence with assurance and Japan–Korea bridge) are not separated from it');
    expect(s).not.toMatch(/raises? it/);
  });

  it('names a policy that raises it, with the singular verb, and one not separated', () => {
    const r = withWar({ 'asian-nato': d(0.015, 0.003, 0.027), 'deterrence-assurance': d(-0.01, -0.015, -0.005), dialogue: d(-0.02, -0.03, -0.01), 'japan-bridge': d(-0.011, -0.02, -0.002), grit: straddle });
    const s = answerSentences(r).effect;
    expect(s).toContain('; an Asian NATO (+1.5 pp [+0.30 pp – +2.7 pp]) raises it');
    expect(s).toContain('GRIT: graduated reciprocation in tension reduction is not separated from it (its 95% interval includes 0)');
    expect(s).toMatch(/, dialogue without preconditions \(−2\.0 pp .*\), Japan–Korea bridge \(−1\.1 pp .*\) and deterrence with assurance \(−1\.0 pp .*\) lower it/);
  });

  it('treats an interval that touches 0 as not separated (it includes 0)', () => {
    expect(effectOf(d(-0.01, -0.02, 0))).toBe('not separated');
    expect(effectOf(d(0.01, 0, 0.02))).toBe('not separated');
    expect(effectOf(d(Number.NaN, Number.NaN, Number.NaN))).toBe('not separated');
    expect(effectOf(d(-0.01, -0.02, -1e-9))).toBe('lowers');
  });

  it('for any intervals: a policy is said to lower or raise P(war) exactly when its interval excludes 0', () => {
    const interval = fc.tuple(fc.double({ min: -0.05, max: 0.05, noNaN: true }), fc.double({ min: 0, max: 0.03, noNaN: true })).map(([c, h]) => d(c, c - h, c + h));
    fc.assert(fc.property(fc.array(interval, { minLength: 5, maxLength: 5 }), (xs) => {
      const ids = ['asian-nato', 'deterrence-assurance', 'dialogue', 'japan-bridge', 'grit'];
      const r = withWar(Object.fromEntries(ids.map((id, i) => [id, xs[i]])));
      const s = answerSentences(r).effect;
      const mid = midSentence(ensembleView(r, 'weighted'));
      const separated = xs.filter((x) => x.lo > 0 || x.hi < 0);
      expect(s.startsWith('No policy is separated')).toBe(separated.length === 0);
      for (const e of policyEffects(ensembleView(r, 'weighted'))) {
        const named = s.includes(`${mid(e.title)} (${pp(e.war.diff)}`);
        expect(named).toBe(e.effect !== 'not separated');
      }
    }), { numRuns: 60 });
  });

  it('marks a policy whose interval only just excludes 0 as borderline (nearer end within a quarter of the half-width)', () => {
    expect(borderline(d(-0.011, -0.021, -0.001))).toBe(true);  // 0.1 pp from 0, half-width 1.0 pp
    expect(borderline(d(-0.012, -0.02, -0.004))).toBe(false);  // 0.4 pp from 0, half-width 0.8 pp
    expect(borderline(d(0.01, 0.0015, 0.0185))).toBe(true);    // raises: 0.15 pp < 0.25 × 0.85 pp
    expect(borderline(d(0.0105, 0.003, 0.018))).toBe(false);   // 0.30 pp ≥ 0.25 × 0.75 pp
    expect(borderline(d(-0.01, -0.02, 0))).toBe(false);          // touches 0: not separated, so not borderline either
    const r = withWar({ ...all(straddle), dialogue: d(-0.011, -0.021, -0.001), grit: d(-0.02, -0.03, -0.01) });
    const s = answerSentences(r).effect;
    expect(s).toContain('dialogue without preconditions (−1.1 pp [−2.1 pp – −0.10 pp], only just excluding 0)');
    expect(s).toContain('GRIT: graduated reciprocation in tension reduction (−2.0 pp [−3.0 pp – −1.0 pp])');
    expect(s.match(/only just/g)).toHaveLength(1);
  });

  it('adds that a clash is near-certain when P(clash) is at least 95% under every policy, in the same sentence', () => {
    const r = withWar({ ...all(straddle), dialogue: d(-0.012, -0.02, -0.004) });
    r.policies.forEach((p, i) => { p.weighted.outcomes.clash = { p: 0.96 + 0.005 * i, lo: 0.94, hi: 0.99 }; });
    const s = answerSentences(r).effect;
    expect(s).toMatch(/; a clash itself is near-certain under every policy \(P\(clash\) 96\.0% to 98\.5%\)\.$/);
    expect(s.match(/\.\s+[A-Z]/)).toBeNull();
    r.policies[2].weighted.outcomes.clash = { p: 0.94, lo: 0.9, hi: 0.97 };
    expect(answerSentences(r).effect).not.toContain('clash');
    expect(answerSentences(syntheticComparison()).effect).not.toContain('clash'); // P(clash) about 42%
  });

  it('reads only the status quo when nothing else was compared', () => {
    const r = syntheticComparison();
    r.policies = r.policies.slice(0, 1);
    expect(answerSentences(r).effect).toBe(`Only the status quo was compared: its P(war) within 10 years is ${pct(0.045)} [${pct(0.039)} – ${pct(0.051)}], and no policy is set against it.`);
  });
});

describe('the answer: how sure', () => {
  it('says the figures are record-weighted, how many futures the record keeps, and that the unweighted verdict agrees', () => {
    const r = withWar({ ...all(straddle), dialogue: d(-0.012, -0.02, -0.004) });
    const s = answerSentences(r).certainty;
    expect(s).toContain('record-weighted figures \u2014 the 40 of 50 futures whose status quo can reproduce the historical record, 40 runs each');
    expect(s).toContain('counting all 50 futures alike gives the same verdict');
    // status quo spread 0.9%–9.9% is wider than the largest effect (1.2 pp)
    expect(s).toContain('spans 0.90% to 9.9% (5th\u201395th percentile), wider than any policy\u2019s average effect');
  });

  it('names what changes when every future counts alike', () => {
    const lower = d(-0.012, -0.02, -0.004);
    const r = withWar({ ...all(straddle), dialogue: lower }, { ...all(straddle), dialogue: straddle, grit: d(0.01, 0.002, 0.018) });
    const s = answerSentences(r).certainty;
    expect(s).toContain('counting all 50 futures alike, dialogue without preconditions is not separated and GRIT: graduated reciprocation in tension reduction raises it');
  });

  it('says so when no record weighs the futures', () => {
    const r = syntheticComparison();
    r.weights = { ...r.weights, method: 'none' };
    const s = answerSentences(r).certainty;
    expect(s).toContain('Every one of the 50 sampled futures counts alike');
    expect(s).not.toContain('record-weighted');
  });

  it('says what the intervals include in plain words', () => {
    const s = answerSentences(syntheticComparison()).certainty;
    expect(s).toContain('95% intervals that include the spread between futures');
    expect(s).not.toContain('count the futures');
  });
});

const f = (name: string, muStar: number, conf: [number, number]) => ({ name, mu: muStar, muStar, sigma: 0.1, muStarConf: conf });
const screening = (target: string, factors: ReturnType<typeof f>[], dummy: number | null): SensitivitySummary['screenings'][number] =>
  ({ target, factors, dummy: dummy === null ? null : f('(dummy)', dummy, [0, 2 * dummy]), trajectories: 6, runs: 8, groupBy: 'family' });

describe('the answer: the assumption that decides it most', () => {
  it('names the factor of largest μ* when it clears the dummy, with its interval and the noise level', () => {
    const r = syntheticComparison();
    r.sensitivity = { boxes: [], screenings: [
      screening('P(war) under status-quo', [f('crisis.ladder.warGivenClash', 0.844, [0.594, 1.094]), f('relations[*].hostility', 0.3, [0.1, 0.5])], 0.219),
      screening('P(war) under dialogue \u2212 P(war) under status-quo', [f('levers[*].effect', 0.5, [0.3, 0.7])], 0.1),
    ] };
    const s = answerSentences(r).deciding;
    expect(s).toBe('The assumption that decides it most is crisis.ladder.warGivenClash: over its range it moves P(war) under status-quo by 84.4 pp (Morris \u03BC* 0.844 [0.594 \u2013 1.094]), against run noise (the dummy) of 21.9 pp; on P(war) under dialogue \u2212 P(war) under status-quo it is levers[*].effect, by 50.0 pp (Morris \u03BC* 0.500 [0.300 \u2013 0.700]; noise 10.0 pp) (\u03BC* in percentage points of P(war) when a parameter moves over its whole range, over all futures unweighted, while the figures above are record-weighted).');
  });

  it('says no assumption is told apart from noise when the leading one does not clear a dummy finer than the effect', () => {
    const r = syntheticComparison(); // status quo P(war) 4.5%: a dummy of 3 pp could have seen an assumption that decides it
    r.sensitivity = { boxes: [], screenings: [screening('P(war) under status-quo', [f('crisis.memory', 0.04, [0.01, 0.07])], 0.03)] };
    const s = answerSentences(r).deciding;
    expect(s).toMatch(/^No assumption moves P\(war\) under status-quo beyond run noise in the screening: the leading one, crisis\.memory, has 4\.0 pp \(Morris μ\* 0\.040/);
    expect(s).not.toContain('decides it most');
    expect(s).not.toContain('too coarse');
  });

  it('says the screening is too coarse, with its detection limit, when the noise is larger than the effect it explains', () => {
    const r = withWar({ ...all(straddle), dialogue: d(-0.029, -0.045, -0.013) });
    r.sensitivity = { boxes: [], screenings: [
      screening('P(war) under status-quo', [f('crisis.ladder.warGivenClash', 0.3, [0.2, 0.4])], 0.125),
      screening('P(war) under dialogue \u2212 P(war) under status-quo', [f('levers[*].effect', 0.1, [0.02, 0.2])], 0.125),
    ] };
    const v = ensembleView(r, 'weighted');
    expect(explainedEffect('P(war) under dialogue \u2212 P(war) under status-quo', v)).toBeCloseTo(-0.029, 12);
    expect(explainedEffect('P(war) under status-quo', v)).toBeCloseTo(0.045, 12);
    expect(explainedEffect('P(war) under nobody', v)).toBeUndefined();
    // the first clears its dummy and is reported as deciding even though 12.5 pp exceeds 4.5%: clearing the noise is shown
    expect(tooCoarse(r.sensitivity.screenings[1], v)).toBe(true);
    const s = answerSentences(r).deciding;
    expect(s).toContain('the 6-trajectory \u00D7 8-run screening is too coarse to tell which assumption decides P(war) under dialogue \u2212 P(war) under status-quo: its run noise (the dummy) is 12.5 pp, larger than the \u22122.9 pp it would explain, so only an assumption moving it by more than about 12.5 pp could be told apart');
    expect(s).not.toMatch(/no assumption moves/i);
    expect(s.match(/\.\s+[A-Z]/)).toBeNull(); // still one sentence
  });

  it('says the screening is unweighted only when the headline is record-weighted', () => {
    const r = syntheticComparison();
    r.sensitivity = { boxes: [], screenings: [screening('P(war) under status-quo', [f('crisis.memory', 0.2, [0.15, 0.35])], 0.01)] };
    expect(answerSentences(r).deciding).toContain('over all futures unweighted, while the figures above are record-weighted');
    r.weights = { ...r.weights, method: 'none' };
    const s = answerSentences(r).deciding;
    expect(s).toContain('\u03BC* in percentage points of P(war) when a parameter moves over its whole range');
    expect(s).not.toContain('record-weighted');
  });

  it('without a screening, says so and falls back to the structural split', () => {
    const s = answerSentences(syntheticComparison()).deciding;
    expect(s).toContain('No sensitivity screening was run with this comparison');
    // the synthetic split has dialogue-like winners: check against the data, not a fixed word
    const alts = syntheticComparison().byType.weighted[0].alternatives;
    const same = new Set(alts.map((a) => a.best)).size === 1;
    expect(s.includes('the same policy has the lowest P(war) under every alternative')).toBe(same);
  });
});

describe('the main figure', () => {
  it('draws one interval per policy but the status quo, coloured by what its interval says', () => {
    const r = withWar({ ...all(straddle), dialogue: d(-0.012, -0.02, -0.004), 'asian-nato': d(0.015, 0.003, 0.027) });
    const svg = answerFigure(ensembleView(r, 'weighted')).svg;
    expect(svg.match(/<circle /g)).toHaveLength(5);
    expect(svg.match(/<circle[^>]*fill="#2471a3"/g)).toHaveLength(1); // lowers
    expect(svg.match(/<circle[^>]*fill="#b9470b"/g)).toHaveLength(1); // raises
    expect(svg.match(/<circle[^>]*fill="#9aa0a6"/g)).toHaveLength(3); // not separated
    expect(svg).not.toContain('>status-quo<');
  });

  it('lists text as English does', () => {
    expect(listText([])).toBe('');
    expect(listText(['a'])).toBe('a');
    expect(listText(['a', 'b'])).toBe('a and b');
    expect(listText(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('the answer when nothing happens', () => {
  it('says every estimate is 0 and the status quo is 0 in 90% of the futures, not "from 0 to 0"', () => {
    const r = withWar(all(d(0, 0, 0)));
    const sq = r.policies[0].weighted;
    sq.outcomes.war = { p: 0, lo: 0, hi: 0 };
    sq.acrossFutures.war = { q05: 0, q50: 0, q95: 0 };
    const a = answerSentences(r);
    expect(a.effect).toContain('every policy\'s paired difference has a 95% interval that includes 0 (every estimate is 0 pp)');
    expect(a.certainty).toContain('the status quo\'s own P(war) is 0% in 90% of the futures');
  });
});
