import type { analyzeArms } from '../models/arms/analyzeArms.js';
import type { simulateArms } from '../models/arms/simulateArms.js';
import type { RiskSummary } from '../models/crisis/summarize.js';
import type { ScenarioWarning } from '../experiment/scenarioWarnings.js';
import type { Scenario } from '../scenario/schema.js';
import { summarizeScenario } from '../scenario/summary.js';
import { envelope, type ScenarioRef } from './envelope.js';
import type { SensitivityOptions, SensitivityResult } from './sensitivity.js';

/**
 * The JSON documents of the model commands, built in one place so that `flashpoints <command> --json` and the
 * HTTP API (`POST /api/<command>`, docs/server.md) print the same thing for the same input. Each takes what the
 * command computed and returns the document, envelope first (docs/conventions.md).
 */

/** One problem of a scenario as the JSON outputs list it: located in the text when there is one. */
export interface IssueJson {
  file: string;
  line: number | null;
  col: number | null;
  path: string;
  message: string;
  hint: string | null;
}

/**
 * The document of `validate --json`: `valid`, every issue, and the warnings of a valid scenario.
 * Example: `validateDocument({ ok: false, issues }, { file: 'x.yaml' })`.
 */
export function validateDocument(
  result: { ok: true; ref: ScenarioRef; warnings: ScenarioWarning[] } | { ok: false; issues: IssueJson[] },
  options: Record<string, unknown>,
): Record<string, unknown> {
  if (!result.ok) return { ...envelope('validate', { options }), valid: false, issues: result.issues, warnings: [] };
  return { ...envelope('validate', { scenario: result.ref, options }), valid: true, issues: [], warnings: result.warnings };
}

/** The document of `show --json`: the scenario's summary (sourced vs assumed values) and its warnings. */
export function showDocument(scenario: Scenario, ref: ScenarioRef, warnings: ScenarioWarning[]): Record<string, unknown> {
  return { ...envelope('show', { scenario: ref }), ...summarizeScenario(scenario), warnings };
}

/** The options `simulate` reports: explicit times, or a horizon in years with its step; the policy or null. */
export interface SimulateShown {
  times?: number[];
  years: number;
  step: number;
  policy?: string;
}

/** The document of `simulate --json`: the trajectories per stock, the equilibrium, eigenvalues and stability. */
export function simulateDocument(ref: ScenarioRef, res: ReturnType<typeof simulateArms>, o: SimulateShown): Record<string, unknown> {
  return {
    ...envelope('simulate', { scenario: ref, options: { times: o.times ?? null, years: o.times ? null : o.years, step: o.step, mode: res.mode, policy: o.policy ?? null } }),
    times: res.times,
    actors: res.labels,
    series: Object.fromEntries(res.labels.map((l, q) => [l, res.series[q]])),
    equilibrium: res.equilibrium,
    eigenvalues: res.eigenvalues.map((z) => ({ re: z.re, im: z.im })),
    stable: res.stability.stable,
    stability: res.stability.verdict,
    negative: res.negative,
    segments: res.segments,
  };
}

/** The document of `analyze --json`: equilibrium, eigenvalues, the verdict, leading couplings and alignment drift. */
export function analyzeDocument(ref: ScenarioRef, a: ReturnType<typeof analyzeArms>, o: { years: number; policy?: string }): Record<string, unknown> {
  return {
    ...envelope('analyze', { scenario: ref, options: { years: o.years, policy: o.policy ?? null } }),
    actors: a.labels,
    equilibrium: a.equilibrium,
    eigenvalues: a.eigenvalues.map((z) => ({ re: z.re, im: z.im })),
    stable: a.stability.stable,
    stability: a.stability.verdict,
    maxRealPart: a.stability.maxRealPart,
    verdict: a.verdict,
    couplings: a.couplings,
    alignment: a.alignment,
  };
}

/** The options `run` reports, and the thread count its timing mentions. */
export interface RunShown {
  runs: number;
  seed: number;
  horizonMonths: number;
  policy?: string;
  effects?: string;
  threads: number;
}

/** The document of `run --json`: the risk summary, the policy, the warnings and the timing (the only non-deterministic part). */
export function runDocument(
  ref: ScenarioRef,
  r: { summary: RiskSummary; timing: { seconds: number; runsPerSecond: number; dyadMonthsPerSecond: number } },
  o: RunShown,
  warnings: ScenarioWarning[],
): Record<string, unknown> {
  return {
    ...envelope('run', { scenario: ref, seed: o.seed, options: { runs: o.runs, horizonMonths: o.horizonMonths, policy: o.policy ?? null, ...(o.effects ? { effects: o.effects } : {}) } }),
    ...r.summary,
    policy: o.policy ?? null,
    warnings,
    timing: { ...r.timing, threads: o.threads },
  };
}

/**
 * The scenario a comparison runs: itself when it has a `status-quo` policy; otherwise with an empty `status-quo`
 * policy first (the scenario as written is the reference), so a textbook scenario compares its status quo alone.
 */
export function withStatusQuo(s: Scenario): Scenario {
  if (s.policies.some((p) => p.id === 'status-quo')) return s;
  return { ...s, policies: [{ id: 'status-quo', title: 'Status quo (the scenario as written)', description: 'No policy change: the scenario as written.', changes: [], strategies: {} }, ...s.policies] };
}

/**
 * The document of `sensitivity --json`: the envelope (options without the thread count), the result, the weighting
 * note and the command that reproduces it. `scenarioArg` is what follows `flashpoints sensitivity` (the file and
 * its `--set` options). Example: `sensitivityDocument(ref, options, 'x.sqlite', result, 'korea.yaml')`.
 */
export function sensitivityDocument(ref: ScenarioRef, options: SensitivityShown, store: string | null, result: SensitivityResult, scenarioArg: string): Record<string, unknown> {
  const { threads: _threads, ...shown } = options;
  const o = options;
  const target = o.difference ? ` --difference ${o.difference.join(',')}` : o.policy ? ` --policy ${o.policy}` : '';
  const sobol = o.method === 'sobol' ? (o.groups ? ` --groups ${o.groups.join(',')} --n ${o.n}` : ` --top ${o.top} --n ${o.n}`) : '';
  const reproduce = `flashpoints sensitivity ${scenarioArg} --method ${o.method} --outcome ${o.outcome}${target} --trajectories ${o.trajectories} --levels ${o.levels}${o.groupBy === 'family' ? ' --group-by family' : ''}${sobol} --runs ${o.runs} --horizon ${o.horizonMonths} --seed ${o.seed}`;
  return {
    ...envelope('sensitivity', { scenario: ref, seed: o.seed, options: { ...shown, store } }),
    ...result,
    weighting: 'unweighted: the design covers every input over its stated distribution; record weights are not applied',
    reproduce: { command: reproduce },
  };
}

/** The options of a sensitivity analysis as its document shows them (the engine's, before store and progress). */
export type SensitivityShown = Pick<SensitivityOptions, 'method' | 'outcome' | 'policy' | 'difference' | 'trajectories' | 'n' | 'top' | 'groups' | 'runs' | 'seed' | 'horizonMonths' | 'threads'> & { levels: number; groupBy: 'input' | 'family' };
