// The comparison result: what `flashpoints compare` computes and the HTML report renders (issue 8, DESIGN.md §3.5).
// The shape is a contract between the experiment and the report; it is plain data (JSON in, JSON out).
import type { ArmsOverFutures } from '../experiment/armsOverFutures.js';

export interface Interval { p: number; lo: number; hi: number }            // probability with a 95% interval
export interface MeanInterval { mean: number; lo: number; hi: number }     // mean with 95% interval (Monte Carlo error)
export interface Spread { q05: number; q50: number; q95: number }          // spread of per-future values across futures
export interface Diff { diff: number; lo: number; hi: number }             // paired difference vs status quo, 95% interval that includes the spread between futures

export interface GroupResult { id: string; title: string; war: Interval; nuclear: Interval; clashYearsPerDecade: MeanInterval }

/** One ensemble's figures for a policy: record-weighted or unweighted (the same shape). */
export interface PolicyBlock {
  outcomes: { clash: Interval; war: Interval; nuclear: Interval; clashYearsPerDecade: MeanInterval; escalationScore: MeanInterval }; // 95% intervals from the spread between the design's replicates
  acrossFutures: { clash: Spread; war: Spread; nuclear: Spread; clashYearsPerDecade: Spread; escalationScore: Spread };
  versusStatusQuo?: { clash: Diff; war: Diff; nuclear: Diff; clashYearsPerDecade: Diff; escalationScore: Diff }; // absent for status-quo
  groups: GroupResult[];          // outcomes by dyad group (crisis.groups, then "other"): which dyads the risk comes from
  monthlyScore: { mean: number[]; q05: number[]; q50: number[]; q95: number[] };  // escalation score per month, pooled over futures and runs
}

export interface PolicyResult {
  id: string; title: string; description: string;
  weighted: PolicyBlock;          // futures weighted by the record (the headline)
  unweighted: PolicyBlock;        // every sampled future counted alike
}

export interface ByTypeResult {
  uncertainty: string; title: string;
  alternatives: { id: string; title: string; futures: number; weight: number;
    policies: { id: string; war: Interval; nuclear: Interval; clashYearsPerDecade: MeanInterval }[];
    best: string;                 // policy with the lowest P(war) under this alternative
    runnerUp: string;
    margin: Diff;                 // paired difference best − runner-up in P(war)
    separated: boolean;           // the margin's 95% interval excludes zero
  }[];
}

export interface RobustnessResult {
  criterion: 'war';               // regret and satisficing on P(war)
  threshold: number;              // satisficing threshold on P(war) over the horizon, e.g. 0.05
  policies: { id: string; meanRegret: number; maxRegret: number; satisficing: number /* share of futures with P(war) ≤ threshold */ }[];
  minimaxRegret: string; mostSatisficing: string;
}

/** How the futures were weighted by the record (docs/calibration.md#record). */
export interface WeightsResult {
  method: 'history-matching' | 'none';
  cutoff: number;
  kth?: number;                   // which largest implausibility decides (1: every target must pass)
  futures: number;
  ess: number;                    // futures not ruled out (Kish's effective sample size of 0/1 weights)
  share: number;
  targets: { id: string; title: string; observed: number; source: string; rulesOut: number }[];
  rules?: { cutoff: number; kth: number; kept: number }[];   // futures kept under other cut-offs and kth
  warning?: string;
  perFuture: { index: number; weight: number; implausibility: number; worst: string; implausibilities: number[] /* per target, in `targets` order */ }[];
}

export interface ComparisonResult {
  flashpoints: string;            // version
  command: 'compare';
  scenario: { id: string; hash: string };
  seed: number;
  options: { policies: string[]; futures: number; runs: number; horizonMonths: number; design: 'lhs'; threshold: number; store: string | null };
  question: string;               // e.g. "Under each policy, how likely is a clash, a war, nuclear use within 10 years?"
  // actors: their names keep their capitals mid-sentence (src/report/midSentence.ts); absent from an earlier version's document.
  scenarioInfo: { title: string; description?: string; asOf?: string; sources: { id: string; title: string; publisher?: string; year?: number; url?: string; note?: string }[]; actors?: { id: string; name: string }[] };
  weights: WeightsResult;
  policies: PolicyResult[];       // scenario order; status-quo first
  byType: { weighted: ByTypeResult[]; unweighted: ByTypeResult[] };   // the comparison split by each structural uncertainty's alternatives
  robustness: { weighted: RobustnessResult; unweighted: RobustnessResult };
  assumptions: { path: string; value: number; provenance: 'sourced' | 'assumed' | 'bare'; source?: string; assumption?: string; range?: [number, number]; dist?: string }[];
  reproduce: { command: string };  // e.g. "flashpoints compare scenarios/korea-2024.yaml --futures 50 --runs 40 --seed 1"
  timing?: { seconds: number };
  sensitivity?: SensitivitySummary;  // "Which assumptions decide it" (the main job; docs/sensitivity.md#in-the-answer)
  arms?: ArmsSummary;                // the arms dynamics of the status quo (the main job; src/report/armsData.ts)
}

/**
 * The arms dynamics of the status quo (DESIGN.md §3.1) as the report shows them: the verdict at the scenario's
 * central values, the verdict over the comparison's futures (all, and per structural alternative), the couplings
 * that drive the leading eigenvalue, who draws together under endogenous alignment, and the trajectories.
 * Rates per year; stocks in the scenario's units; times in years from the scenario's start.
 */
export interface ArmsSummary {
  verdict: string;
  stability: 'stable' | 'neutral' | 'unstable';
  leadingRate: number;
  overFutures: ArmsOverFutures;
  couplings: { responds: string; to: string; value: number; weight: number }[];
  alignment: { pair: [string, string]; start: number; end: number; change: number }[] | null;
  horizonYears: number;
  start?: string;
  trajectory: { times: number[]; labels: string[]; series: number[][]; mode: 'exact' | 'nonlinear'; negative: { label: string; firstTime: number }[] };
}

/** One factor of a Morris screening: μ, μ*, σ and the bootstrap 95% interval of μ* (output units per input range). */
export interface MorrisFactor { name: string; mu: number; muStar: number; sigma: number; muStarConf: [number, number] }

/** What the report shows under "Which assumptions decide it": Morris screenings and PRIM boxes in words. */
export interface SensitivitySummary {
  /** e.g. "P(war) under status-quo" or "P(war) under dialogue − P(war) under status-quo", factors sorted by μ*. */
  screenings: { target: string; factors: MorrisFactor[]; dummy: MorrisFactor | null; trajectories: number; runs: number; groupBy: 'input' | 'family' }[];
  /** Per policy against the status quo: the PRIM box of the futures where it beats the status quo, in words. */
  boxes: { policy: string; text: string }[];
  /** Sobol' indices when run (`flashpoints sensitivity --method sobol`), factors sorted by S_T. */
  sobol?: { target: string; factors: SobolFactor[]; dummy: SobolFactor | null; n: number };
}

/** One factor's first-order and total Sobol' indices with bootstrap 95% intervals. */
export interface SobolFactor { name: string; first: number; total: number; firstConf: [number, number]; totalConf: [number, number] }

/** One ensemble of a comparison (record-weighted or unweighted) in the flat shape the report's tables and figures read. */
export interface EnsembleView extends Omit<ComparisonResult, 'policies' | 'byType' | 'robustness'> {
  ensemble: 'weighted' | 'unweighted';
  policies: ({ id: string; title: string; description: string } & PolicyBlock)[];
  byType: ByTypeResult[];
  robustness: RobustnessResult;
}

/** The view of one ensemble. Example: `ensembleView(result, 'weighted').policies[0].outcomes.war.p`. */
export function ensembleView(r: ComparisonResult, ensemble: 'weighted' | 'unweighted'): EnsembleView {
  return {
    ...r,
    ensemble,
    policies: r.policies.map((p) => ({ id: p.id, title: p.title, description: p.description, ...p[ensemble] })),
    byType: r.byType[ensemble],
    robustness: r.robustness[ensemble],
  };
}
