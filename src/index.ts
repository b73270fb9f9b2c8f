// The public entry: re-exports only. The core imports no `node:` module, so it runs in the browser too.
export { VERSION } from './version.js';
export { canonicalJson } from './scenario/canonical.js';
export { sha256Hex } from './scenario/sha256.js';
export { Xoroshiro128Plus, streamFor, type RandomSource } from './math/rng/index.js';

// Scenarios
export { scenarioSchema, type Scenario, type ScenarioInput, type Actor, type Relation, type TimelineEvent, type Policy, type Lever, type Change, type CapabilityKind } from './scenario/schema.js';
export { parseScenario, scenarioHash, formatIssue, type LoadResult, type LocatedIssue } from './scenario/load.js';
export { scenarioJsonSchema } from './scenario/jsonSchema.js';
export { paramValue, provenanceOf, type Param } from './scenario/param.js';
export { resolvePath, getParam, getValue, findRelation, pathPatterns, type ResolvedPath } from './scenario/paths.js';
export { applyChanges, applyPolicy, withValue } from './scenario/apply.js';
export { summarizeScenario, listParameters, type ScenarioSummary, type ParamEntry } from './scenario/summary.js';
export { escalAItionCatalog, strategyIds, type StrategyId } from './scenario/catalog.js';
export { expandTimeline, monthOf, yearsBetween, type DatedEvent } from './scenario/timeline.js';
// The security dilemma as a game (DESIGN.md §3.3).
export { C, D, actionLetters, parseActions, type Action } from './models/game/actions.js';
export { PRISONERS_DILEMMA, STAG_HUNT, CHICKEN, GAME_PRESETS, payoffTable, type Payoffs } from './models/game/payoffs.js';
export type { Strategy, Decide, MatchContext } from './models/game/strategy.js';
export { STRATEGIES, strategyById, knownStrategyIds, UnknownStrategyError } from './models/game/registry.js';
export { memoryOne } from './models/game/strategies/memoryOne.js';
export { generosity } from './models/game/strategies/generousTitForTat.js';
export { playMatch, sampleLength, matchLetters, type MatchOptions, type MatchResult } from './models/game/match.js';
export { runTournament, type TournamentOptions, type TournamentResult } from './models/game/tournament.js';
export { moranProcess, type MoranOptions, type MoranResult } from './models/game/moran.js';
export { replicatorDynamics, type ReplicatorOptions, type ReplicatorResult } from './models/game/replicator.js';
export {
  payoffsSchema,
  matchOptionsSchema,
  tournamentOptionsSchema,
  moranOptionsSchema,
  replicatorOptionsSchema,
} from './models/game/schema.js';
// Crisis dynamics (DESIGN.md §3.2): prepare once per parameter set, run keyed replications, aggregate, summarise.
// The worker-pool runner (`simulateRisk`, `runBatches`) lives in src/engine and is not re-exported: it imports node: modules.
export { buildCatalog, type ActionCatalog } from './models/crisis/actions.js';
export { orderedLogitCategory, orderedLogitProbabilities, sigmoid } from './models/crisis/choice.js';
export { normalQuantile, perceive, channelShrink } from './models/crisis/perception.js';
export { sampleNegBinomial, samplePoisson, LAUNCH_DRAWS } from './models/crisis/campaigns.js';
export { clashHazard, warProbability, ladderOutcome } from './models/crisis/ladder.js';
export { CRISIS_STRATEGIES, crisisStrategy, type CrisisStrategy } from './models/crisis/strategies.js';
export { StreamBank, DYAD_STEPS, type KeyedStreams } from './models/crisis/streams.js';
export { crisisScenario, prepareCrisis, DEFAULT_CUTPOINTS, type PreparedCrisis } from './models/crisis/prepare.js';
export { runCrisis, runReplication, createWorkspace, seedReplication, type RunRecord, type Workspace } from './models/crisis/runCrisis.js';
export { createAggregate, addRun, mergeAggregate, histogramQuantile, type CrisisAggregate } from './models/crisis/aggregate.js';
export { runCrisisBatch, type BatchOptions } from './models/crisis/batch.js';
export { summarizeRisk, type RiskSummary } from './models/crisis/summarize.js';
export { wilson, meanInterval } from './models/crisis/intervals.js';
