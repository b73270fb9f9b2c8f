// The comparison result: what `flashpoints compare` computes and the HTML report renders (issue 8, DESIGN.md §3.5).
// The shape is a contract between the experiment and the report; it is plain data (JSON in, JSON out).

export interface Interval { p: number; lo: number; hi: number }            // probability with Wilson 95% interval
export interface MeanInterval { mean: number; lo: number; hi: number }     // mean with 95% interval (Monte Carlo error)
export interface Spread { q05: number; q50: number; q95: number }          // spread of per-future values across futures
export interface Diff { diff: number; lo: number; hi: number }             // paired difference vs status quo, cluster-bootstrap 95% interval

export interface PolicyResult {
  id: string; title: string; description: string;
  outcomes: { clash: Interval; war: Interval; nuclear: Interval; clashYearsPerDecade: MeanInterval; escalationScore: MeanInterval };
  acrossFutures: { clash: Spread; war: Spread; nuclear: Spread; clashYearsPerDecade: Spread; escalationScore: Spread };
  versusStatusQuo?: { clash: Diff; war: Diff; nuclear: Diff; clashYearsPerDecade: Diff; escalationScore: Diff }; // absent for status-quo
  monthlyScore: { mean: number[]; q05: number[]; q50: number[]; q95: number[] };  // escalation score per month, pooled over futures and runs
}

export interface ComparisonResult {
  flashpoints: string;            // version
  command: 'compare';
  scenario: { id: string; hash: string };
  seed: number;
  options: { policies: string[]; futures: number; runs: number; horizonMonths: number; design: 'lhs'; threshold: number; store: string | null };
  question: string;               // e.g. "Under each policy, how likely is a clash, a war, nuclear use within 10 years?"
  scenarioInfo: { title: string; description?: string; asOf?: string; sources: { id: string; title: string; publisher?: string; year?: number; url?: string; note?: string }[] };
  policies: PolicyResult[];       // scenario order; status-quo first
  byType: {                       // the comparison split by each structural uncertainty's alternatives
    uncertainty: string; title: string;
    alternatives: { id: string; title: string; futures: number;
      policies: { id: string; war: Interval; nuclear: Interval; clashYearsPerDecade: MeanInterval }[];
      best: string;               // policy with the lowest P(war) under this alternative
    }[];
  }[];
  robustness: {
    criterion: 'war';             // regret and satisficing on P(war)
    threshold: number;            // satisficing threshold on P(war) over the horizon, e.g. 0.05
    policies: { id: string; meanRegret: number; maxRegret: number; satisficing: number /* share of futures with P(war) ≤ threshold */ }[];
    minimaxRegret: string; mostSatisficing: string;
  };
  assumptions: { path: string; value: number; provenance: 'sourced' | 'assumed' | 'bare'; source?: string; assumption?: string; range?: [number, number]; dist?: string }[];
  reproduce: { command: string };  // e.g. "flashpoints compare scenarios/korea-2024.yaml --futures 50 --runs 40 --seed 1"
  timing?: { seconds: number };
}
