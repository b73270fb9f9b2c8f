// The public entry: re-exports only. The core imports no `node:` module, so it runs in the browser too.
export { VERSION } from './version.js';
export { canonicalJson } from './scenario/canonical.js';
export { sha256Hex } from './scenario/sha256.js';
export { Xoroshiro128Plus, streamFor, type RandomSource } from './math/rng/index.js';
export { ols, type OlsResult, type OlsOptions, type Coefficient } from './estimate/ols.js';
export { fitVar, selectVarOrder, type VarResult, type VarOptions, type LagSelection, type VarCriterion } from './estimate/var.js';
export { grangerTest, grangerAll, type GrangerTest } from './estimate/granger.js';
export { impulseResponses, maCoefficients, type ImpulseResponses } from './estimate/irf.js';
export { forecastVar } from './estimate/forecast.js';
export { fitCounts, type CountResult, type CountOptions, type CountCoefficient } from './estimate/counts.js';
export { richardsonPerStock, richardsonPooled, discreteToContinuous, type PerStockFit, type PooledFit, type DiscreteReading, type RichardsonForm } from './estimate/richardson.js';
export { alignLags, parseLagSpec, type LagSpec } from './estimate/lags.js';
export { EstimationError } from './estimate/leastSquares.js';
export { logm, type LogmOptions } from './math/logm.js';
export { parseCsv, numericColumns, parseNumber, CsvError, type CsvTable } from './data/csv.js';
