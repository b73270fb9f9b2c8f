// The messages between the page and the core's Web Worker. Plain data only (structured clone); the page imports
// no core code, only these types and the core's result types.
import type { RiskSummary } from '../../src/models/crisis/summarize.js';

/** What one lever move asks for: the policy shown, its levers' effect sizes, and the two structural settings. */
export interface Settings {
  /** A policy id of the scenario ('status-quo' runs the scenario as written). */
  policy: string;
  /** Effect size per lever id (the scenario's value when absent); 0 means the lever does nothing. */
  effects: Record<string, number>;
  /** Adherence per actor id of the policy's strategy switches, in [0, 1] (the scenario's value when absent). */
  adherence: Record<string, number>;
  /** The alternative of each structural uncertainty (its id → the alternative's id); defaults when absent. */
  structural: Record<string, string>;
  /** P(nuclear use | war), the ladder's elicited assumption, in [0, 1]. */
  nuclearGivenWar: number;
  /** Replications (1,000 in the app) and the seed of their streams. */
  runs: number;
  seed: number;
}

/** An annotated number as the scenario writes it: what the "source" pop-up of a number shows. */
export interface Provenance {
  label: string;
  path?: string;
  value: number;
  kind: 'sourced' | 'assumed' | 'bare' | 'computed';
  source?: { id: string; title: string; publisher?: string; year?: number; url?: string; note?: string };
  assumption?: string;
  note?: string;
  range?: [number, number];
  dist?: string;
  /** For computed numbers: how they were computed. */
  method?: string;
}

/** A lever as the levers panel shows it. */
export interface LeverView {
  id: string;
  description: string;
  path: string;
  /** The lever's effect size as the scenario writes it, with its range (the slider's bounds). */
  effect: Provenance;
  /** The lever parameter's status-quo value and its annotation. */
  parameter: Provenance;
}

/** A policy with its lever changes and strategy switches. */
export interface PolicyView {
  id: string;
  title: string;
  description: string;
  costs?: string;
  /** Each lever change: 'set to' / 'adds' / 'subtracts' / 'scales by' and the amount (as the policy writes it). */
  changes: { lever: string; verb: string; amount: Provenance }[];
  switches: { actor: string; strategy: string; targets?: string[]; adherence: Provenance }[];
}

/** An actor and its bloc. */
export interface ActorView {
  id: string;
  name: string;
  /** Bloc index (connected by alignment ≥ 0.3 at the start) and the bloc's name. */
  bloc: number;
  blocName: string;
}

/** The scenario as the page reads it: sent once by the worker when it has parsed the bundled YAML. */
export interface ScenarioView {
  id: string;
  title: string;
  description?: string;
  asOf?: string;
  hash: string;
  version: string;
  actors: ActorView[];
  blocs: string[];
  /** Start-of-scenario relations, one entry per unordered pair with their strongest alignment and hostility. */
  pairs: { a: string; b: string; alignment: number; hostility: number }[];
  levers: LeverView[];
  policies: PolicyView[];
  structural: { id: string; title: string; default: string; alternatives: { id: string; title: string; description?: string }[] }[];
  nuclearGivenWar: Provenance;
  /** Annotations by parameter path, for any number the page shows from the scenario. */
  parameters: Record<string, Provenance>;
}

/** The ten years of arms dynamics under a setting: stocks and endogenous alignment by year, and the verdict. */
export interface ArmsView {
  years: number[];
  labels: string[];
  units: string[];
  /** series[q][k]: stock q at years[k]. */
  series: number[][];
  /** alignment[k]: the m × m alignment w_ij (row-major, actor order) at years[k]; absent without endogenous alignment. */
  alignment?: number[][];
  actors: string[];
  verdict: string;
  stable: boolean;
  leadingRate: number;
  couplings: { responds: string; to: string; weight: number }[];
}

/** Page → core's worker. */
export type Request =
  | { type: 'risk'; id: number; settings: Settings }
  | { type: 'arms'; id: number; settings: Settings };

/** Core's worker → page. */
export type Response =
  | { type: 'ready'; scenario: ScenarioView }
  | { type: 'risk'; id: number; done: number; total: number; summary: RiskSummary; final: boolean; ms: number }
  | { type: 'arms'; id: number; arms: ArmsView; ms: number }
  | { type: 'error'; id?: number; message: string };

export type { RiskSummary };
