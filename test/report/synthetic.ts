// A synthetic comparison result of the shape `flashpoints compare` produces: six policies of the Korea case, one
// structural uncertainty (North Korea's type) with two alternatives, a 120-month horizon. Numbers come from a seeded
// stream so they look like model output; the report tests check the rendering, not the numbers.
import { streamFor } from '../../src/math/rng/index.js';
import type { ComparisonResult, Diff, Interval, MeanInterval, PolicyBlock, PolicyResult, Spread } from '../../src/report/types.js';

type Flat = { id: string; title: string; description: string } & PolicyBlock;

export const POLICY_IDS = ['status-quo', 'asian-nato', 'deterrence-assurance', 'dialogue', 'japan-bridge', 'grit'] as const;
const TITLES: Record<string, string> = {
  'status-quo': 'Status quo',
  'asian-nato': 'An Asian NATO',
  'deterrence-assurance': 'Deterrence with assurance',
  dialogue: 'Dialogue without preconditions',
  'japan-bridge': 'Japan–Korea bridge',
  grit: 'GRIT: graduated reciprocation in tension reduction',
};

export interface SyntheticOptions {
  /** Months in the horizon (monthly score length). @default 120 */
  months?: number;
  /** Replaces a policy's title, e.g. to test escaping. */
  titles?: Partial<Record<string, string>>;
  /** Number of assumptions listed. @default 40 */
  assumptions?: number;
}

const interval = (p: number, half: number): Interval => ({ p, lo: Math.max(0, p - half), hi: Math.min(1, p + half) });
const meanInterval = (mean: number, half: number): MeanInterval => ({ mean, lo: mean - half, hi: mean + half });
const spread = (mid: number, width: number): Spread => ({ q05: Math.max(0, mid - width), q50: mid, q95: mid + 1.5 * width });
const diff = (d: number, half: number): Diff => ({ diff: d, lo: d - half, hi: d + half });

/** Builds the synthetic result; the same options give the same object. */
export function syntheticComparison(options: SyntheticOptions = {}): ComparisonResult {
  const months = options.months ?? 120;
  const rng = streamFor(7, 8);
  const u = () => rng.nextDouble();
  const base = { clash: 0.42, war: 0.045, nuclear: 0.006, clashYears: 2.4, score: 1.1 };
  const flat: Flat[] = POLICY_IDS.map((id, i) => {
    const f = i === 0 ? 1 : 0.7 + 0.6 * u();
    const war = base.war * f;
    const clashYears = base.clashYears * (0.8 + 0.4 * u());
    const score = base.score * f;
    const mean = Array.from({ length: months }, (_, m) => score * (0.6 + 0.4 * Math.sin((m + i) / 9)) + 0.05 * u());
    const p: Flat = {
      id,
      title: options.titles?.[id] ?? TITLES[id],
      description: `Synthetic policy ${i + 1} for the report tests.`,
      outcomes: {
        clash: interval(base.clash * f, 0.02),
        war: interval(war, 0.006),
        nuclear: interval(base.nuclear * f, 0.002),
        clashYearsPerDecade: meanInterval(clashYears, 0.15),
        escalationScore: meanInterval(score, 0.05),
      },
      acrossFutures: {
        clash: spread(base.clash * f, 0.2),
        war: spread(war, war * 0.8),
        nuclear: spread(base.nuclear * f, 0.004),
        clashYearsPerDecade: spread(clashYears, 1.2),
        escalationScore: spread(score, 0.4),
      },
      monthlyScore: { mean, q05: mean.map((v) => v - 0.5), q50: mean.map((v) => v - 0.05), q95: mean.map((v) => v + 0.8) },
      groups: [
        { id: 'peninsula', title: 'The peninsula', war: interval(war * 0.8, 0.005), nuclear: interval(base.nuclear * f * 0.8, 0.002), clashYearsPerDecade: meanInterval(clashYears * 0.9, 0.1) },
        { id: 'other', title: 'Other dyads', war: interval(war * 0.2, 0.003), nuclear: interval(base.nuclear * f * 0.2, 0.001), clashYearsPerDecade: meanInterval(clashYears * 0.1, 0.05) },
      ],
    };
    if (i > 0) {
      p.versusStatusQuo = {
        clash: diff(p.outcomes.clash.p - base.clash, 0.015),
        war: diff(war - base.war, 0.004),
        nuclear: diff(p.outcomes.nuclear.p - base.nuclear, 0.002),
        clashYearsPerDecade: diff(clashYears - base.clashYears, 0.1),
        escalationScore: diff(score - base.score, 0.03),
      };
    }
    return p;
  });
  // The unweighted ensemble: the same figures a little higher (the record rules out high-risk futures).
  const policies: PolicyResult[] = flat.map(({ id, title, description, ...block }) => ({
    id, title, description, weighted: block,
    unweighted: { ...block, outcomes: { ...block.outcomes, war: interval(block.outcomes.war.p * 1.2, 0.008) } },
  }));
  const alternative = (id: string, title: string, futures: number, scale: number) => {
    const rows = flat.map((p) => ({
      id: p.id,
      war: interval(p.outcomes.war.p * scale, 0.008),
      nuclear: interval(p.outcomes.nuclear.p * scale, 0.003),
      clashYearsPerDecade: meanInterval(p.outcomes.clashYearsPerDecade.mean * scale, 0.2),
    }));
    const best = rows.reduce((a, b) => (b.war.p < a.war.p ? b : a)).id;
    return { id, title, futures, weight: futures - 5, policies: rows, best, runnerUp: rows[0].id, margin: diff(-0.01, 0.004), separated: true };
  };
  const regret = flat.map((p) => p.outcomes.war.p - Math.min(...flat.map((q) => q.outcomes.war.p)));
  const byType = {
    uncertainty: 'nk-type',
    title: "North Korea's type",
    alternatives: [alternative('spiral', 'Spiral (security-seeking)', 26, 0.7), alternative('regime', 'Regime-driven (greedy)', 24, 1.4)],
  };
  const robustness = {
    criterion: 'war' as const,
    threshold: 0.05,
    policies: flat.map((p, i) => ({ id: p.id, meanRegret: regret[i], maxRegret: regret[i] * 2.5, satisficing: 0.5 + 0.08 * i })),
    minimaxRegret: flat[regret.indexOf(Math.min(...regret))].id,
    mostSatisficing: 'grit',
  };
  const count = options.assumptions ?? 40;
  const provenances = ['sourced', 'assumed', 'bare'] as const;
  return {
    flashpoints: '0.1.0',
    command: 'compare',
    scenario: { id: 'korea-2024', hash: 'f3a1c0ffee5eed0123456789abcdef0123456789abcdef0123456789abcd9e7b' },
    seed: 20240101,
    options: { policies: [...POLICY_IDS], futures: 50, runs: 40, horizonMonths: months, design: 'lhs', threshold: 0.05, store: 'flashpoints.sqlite' },
    question: 'Under each policy, how likely is a clash, a war, nuclear use within 10 years?',
    scenarioInfo: {
      title: 'Korean Peninsula 2024',
      description: 'Two Koreas, their allies and neighbours as of 2024; synthetic values for tests.',
      asOf: '2024-06-30',
      sources: [
        { id: 'sipri-milex', title: 'SIPRI Military Expenditure Database', publisher: 'SIPRI', year: 2024, url: 'https://www.sipri.org/databases/milex' },
        { id: 'cns-missiles', title: 'CNS North Korea Missile Test Database', publisher: 'NTI / CNS', year: 2026, note: 'monthly counts' },
        { id: 'fas-warheads', title: 'Status of World Nuclear Forces', publisher: 'FAS', year: 2024 },
      ],
    },
    weights: {
      method: 'history-matching', cutoff: 3, futures: 50, ess: 40, share: 0.8,
      targets: [{ id: 'no-war-peninsula', title: 'No war on the peninsula, 1954–2024', observed: 0, source: 'cow-mid-5', rulesOut: 6 }],
      perFuture: Array.from({ length: 50 }, (_, index) => ({ index, weight: index % 5 === 0 ? 0 : 1, implausibility: index % 5 === 0 ? 3.5 : 1, worst: 'no-war-peninsula', implausibilities: [index % 5 === 0 ? 3.5 : 1] })),
    },
    policies,
    byType: { weighted: [byType], unweighted: [byType] },
    robustness: { weighted: robustness, unweighted: robustness },
    assumptions: Array.from({ length: count }, (_, i) => ({
      path: `relations[${i % 6}].param${i}`,
      value: Math.round(u() * 1000) / 100,
      provenance: provenances[i % 3],
      ...(i % 3 === 0 ? { source: 'sipri-milex' } : {}),
      ...(i % 3 === 1 ? { assumption: `Elicited judgement ${i}` } : {}),
      ...(i % 2 === 0 ? { range: [0, 10] as [number, number], dist: i % 4 === 0 ? 'uniform' : 'triangular' } : {}),
    })),
    reproduce: { command: 'flashpoints compare scenarios/korea-2024.yaml --futures 50 --runs 40 --seed 20240101' },
    timing: { seconds: 41.7 },
  };
}
