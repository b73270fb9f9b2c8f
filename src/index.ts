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
export { resolvePath, getParam, getValue, findRelation, pathPatterns, PARAMETER_DEFAULTS, type ResolvedPath } from './scenario/paths.js';
export { applyChanges, applyPolicy, withValue } from './scenario/apply.js';
export { applyStructural } from './scenario/apply.js';
export { applyOverrides, parseOverride, type Override, type OverrideIssue } from './scenario/overrides.js';
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
export { tournamentResultSet, type TournamentResultSet, type ScoreQuantiles } from './models/game/resultSet.js';
export { moranProcess, type MoranOptions, type MoranResult } from './models/game/moran.js';
export { replicatorDynamics, type ReplicatorOptions, type ReplicatorResult } from './models/game/replicator.js';
export {
  payoffsSchema,
  matchOptionsSchema,
  tournamentOptionsSchema,
  moranOptionsSchema,
  replicatorOptionsSchema,
} from './models/game/schema.js';
export { expm, expmWithInfo, expmRowMajor, expmPlan, PADE_COEFFICIENTS, type ExpmInfo, type PadeDegree } from './math/expm.js';
export {
  affineTransition,
  applyTransition,
  solvePiecewiseAffine,
  type AffineTransition,
  type AffineSegment,
} from './math/affineFlow.js';
export {
  eigenvalues,
  eigenSystem,
  eigenvalueSensitivity,
  topCouplings,
  equilibrium,
  stability,
  type EigenSystem,
  type EigenvalueSensitivity,
  type Coupling,
  type Stability,
} from './math/eigen.js';
export { dormandPrince, type OdeRhs, type DormandPrinceOptions, type DormandPrinceResult } from './math/dormandPrince.js';
export { integratePiecewise, type OdeSegment, type PiecewiseOdeResult } from './math/integratePiecewise.js';
export type { Breakpoint } from './math/piecewise.js';
export type { Complex, ComplexVector } from './math/complex.js';
export type { MatrixInput } from './math/matrixInput.js';
export { ols, type OlsResult, type OlsOptions, type Coefficient } from './estimate/ols.js';
export { fitVar, selectVarOrder, type VarResult, type VarOptions, type LagSelection, type VarCriterion } from './estimate/var.js';
export { grangerTest, grangerAll, type GrangerTest } from './estimate/granger.js';
export { impulseResponses, maCoefficients, type ImpulseResponses } from './estimate/irf.js';
export { forecastVar } from './estimate/forecast.js';
export { fitCounts, type CountResult, type CountOptions, type CountCoefficient } from './estimate/counts.js';
export { richardsonPerStock, richardsonPooled, discreteToContinuous, type PerStockFit, type PooledFit, type DiscreteReading, type RichardsonForm } from './estimate/richardson.js';
export { alignLags, parseLagSpec, type LagSpec } from './estimate/lags.js';
export { EstimationError } from './estimate/leastSquares.js';
export { summarizeVar, companionMatrix, type VarSummary, type VarEquation, type VarCoefficient, type CompanionRoot } from './estimate/varSummary.js';
export { portmanteau, varNormality, archLm, type PortmanteauTests, type NormalityTest, type ArchTest, type ChiSquareTest } from './estimate/varDiagnostics.js';
export { varianceDecomposition } from './estimate/fevd.js';
export { forecastIntervals, type ForecastIntervals } from './estimate/forecast.js';
export { bootstrapIrfBands, type IrfBands, type IrfBandOptions, type BandPair } from './estimate/irfBands.js';
export { logm, type LogmOptions } from './math/logm.js';
export { parseCsv, numericColumns, parseNumber, CsvError, type CsvTable } from './data/csv.js';
export { parseCsvRows, formatCsv, formatCsvField, type CsvRecord, type CsvRows, type CsvFault } from './data/csvRows.js';
export { DataFormatError, resultToCsv, type ImportResult, type Skipped, type FlatRow, type Cell, type FormatIssue } from './data/importResult.js';
export { parseJsonWithLines } from './data/jsonLines.js';
export { parseSipriCsv, parseSipriSheets, sipriMeasure, SIPRI_MARKERS, SIPRI_MAX_DATA_POINTS, type SipriRow, type SipriImport, type SipriOptions, type SheetGrid } from './data/sipri.js';
export { readSipriWorkbook, defaultSipriSheets, type SipriWorkbookOptions } from './data/sipriXlsx.js';
export { parseCowNmc, COW_LAST_STERLING_YEAR, type NmcRow, type NmcImport, type NmcOptions } from './data/cowNmc.js';
export { parseUsdPerGbp, GOLD_PARITY_USD_PER_GBP, type UsdPerGbp } from './data/usdPerGbp.js';
export { parseCowMid, midLayout, type MidImport, type MidLayout } from './data/cowMid.js';
export type { IntRow } from './data/intTable.js';
export { parseAtop, type AtopImport } from './data/atop.js';
export { parseCns, parseCnsLaunches, cnsMonthly, type CnsLaunch, type CnsMonth } from './data/cns.js';
export { parseGoldsteinTable, goldsteinScore, type GoldsteinTable } from './data/goldstein.js';
export { parseEvents, type EventMonth, type EventsOptions, type EventLayout } from './data/events.js';
// Crisis dynamics (DESIGN.md §3.2): prepare once per parameter set, run keyed replications, aggregate, summarise.
// The worker-pool runner (`simulateRisk`, `runBatches`) and the comparison (`comparePolicies`) import node: modules:
// they are exported from `flashpoints/node` (src/node.ts), with `loadScenarioFile`.
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
export { compactAggregate, expandAggregate } from './models/crisis/aggregate.js';
export { runCrisisBatch, type BatchOptions } from './models/crisis/batch.js';
export { summarizeRisk, type RiskSummary } from './models/crisis/summarize.js';
export { wilson, meanInterval } from './models/crisis/intervals.js';
// The policy comparison's HTML report: `import { renderReport } from 'flashpoints/report'` (kept off the main entry,
// which would otherwise load ECharts for every user).
export type { ComparisonResult, PolicyResult, Interval, MeanInterval, Spread, Diff } from './report/types.js';
export { parseOwidMilex, type OwidMilexRow, type OwidMilexImport } from './data/owidMilex.js';
export { parseFasStockpiles, type StockpileRow } from './data/fasStockpiles.js';
// Arms calibration and backtest (docs/calibration.md#arms).
export { buildPanel, segmentAtBreaks, type ArmsPanel, type StockData, type StockPoint } from './calibrate/armsPanel.js';
export { armsStockData, COUNTRY_NAMES, CPI_2023_OVER_2020, type ArmsDataInput, type WarheadRow } from './calibrate/armsData.js';
export {
  calibrateArms,
  calibrateStock,
  ARMS_CALIBRATION_SOURCE,
  RECENT_YEARS,
  type CalibrateArmsOptions,
  type StockCalibration,
  type ParamEstimate,
  type StockParam,
} from './calibrate/calibrateArms.js';
export { backtestArms, simulateCalibrated, METHODS, type BacktestResult, type BacktestStock, type BacktestOptions, type ForecastError, type Method } from './calibrate/backtestArms.js';
export { rmseLog, mape, randomWalkForecast, linearTrendForecast } from './calibrate/forecastErrors.js';
export { runArmsCalibration, type ArmsCalibrationRun, type RunArmsCalibrationOptions } from './calibrate/runArmsCalibration.js';
// Crisis calibration on the record (issue 7; docs/calibration-crisis.md): pure functions of the data texts.
export { calibrateCrisis, crisisEvidence, crisisCalibrationTable, FIT_FROM, FIT_TO, TEST_FROM, TEST_TO, type CrisisCalibrationInputs, type CrisisCalibrationOptions, type CrisisEvidence, type CrisisValues, type CrisisTableOptions } from './calibrate/calibrateCrisis.js';
export { exerciseMonths, dialogueMonths, launchDesign, parseExercises, type ExerciseTreatment, type LaunchDesign } from './calibrate/crisis/covariates.js';
export { fitLaunches, selfExcitationTest, replicateLaunches, launchStats, nbLogPmf, nbCrps, type LaunchFit, type LaunchStats } from './calibrate/crisis/launches.js';
export { clashYears, warConstraint, parseRivalries, fitBetaBinomial, betaQuantile, type ClashYears, type WarConstraint, type Rivalry } from './calibrate/crisis/incidents.js';
export { simulateClashes, tuneBaseline, tuneWarGivenClash, type ClashSim, type ClashSimOptions } from './calibrate/crisis/clashTuning.js';
export { backtestLaunches, type Backtest } from './calibrate/crisis/backtest.js';
export { validateCrisis, type Validation, type ValidationRow } from './calibrate/crisis/validation.js';
export { CRISIS_TOLERANCES, type TargetTolerance } from './calibrate/crisis/tolerances.js';
export { writeCrisisCalibration, CALIBRATION_SOURCE_ID } from './calibrate/crisis/writeScenario.js';
// Arms dynamics (docs/model.md): trajectories and the stability analysis.
export { simulateArms, type SimulateArmsOptions, type ArmsTrajectory } from './models/arms/simulateArms.js';
export { analyzeArms, type ArmsAnalysis } from './models/arms/analyzeArms.js';
export { buildArms, type ArmsSystem, type ArmsParams } from './models/arms/buildArms.js';
// Warnings a modeller needs (docs/scenario-format.md#warnings).
export { scenarioWarnings, RUNAWAY_GROWTH_BOUND, type ScenarioWarning, type ScenarioWarningOptions } from './experiment/scenarioWarnings.js';
// Sensitivity analysis and scenario discovery (issue 14; docs/sensitivity.md): Morris, Sobol' indices, PRIM.
export { morrisSample, morrisAnalyze, sobolSequence, sobolSample, sobolAnalyze, sobolIndices, prim, primQuasiP, workbenchQuantile, binomialUpperTail, factorGroups, DUMMY_NAME, SOBOL_MAX_DIMENSION } from './sensitivity/index.js';
export type { InputBound, MorrisSampleOptions, MorrisDesign, MorrisLayout, MorrisAnalyzeOptions, MorrisMeasures, MorrisFactorMeasures, SobolSequenceOptions, SobolSampleOptions, SaltelliDesign, SaltelliLayout, SobolAnalyzeOptions, SobolIndices, SobolIndicesOptions, SobolFactorIndices, PrimOptions, PrimResult, PrimStep, PrimLimit, PrimQuasiP, PrimRow, PrimValue } from './sensitivity/index.js';
// The crisis layer validated across rivalries out of sample (issue 19; docs/validation.md).
export { parseRivalryList, type RivalrySpell, type RivalryListKind } from './data/rivalries.js';
export { rivalryPanels, type RivalryPanel } from './calibrate/rivalries/panel.js';
export { validateRivalries, type RivalryValidation, type RivalryValidationOptions, type Evaluation as RivalryEvaluation } from './calibrate/rivalries/validateRivalries.js';
export { fitLayer, type LayerFit, type LayerVariant } from './calibrate/rivalries/fitLayer.js';
export { yearProbabilities, defaultLayerSettings, type LayerParameters, type LayerSettings } from './calibrate/rivalries/ladderLayer.js';
export { brier, logScore, crpsCount, pairedComparison, type PairedComparison } from './calibrate/rivalries/scores.js';
