// The Node entry (`flashpoints/node`): everything of the public entry, plus what needs Node — reading files,
// worker threads, the SQLite store. Re-exports only. Kept apart so the main entry stays free of `node:` modules
// and runs in a browser.
export * from './index.js';
export { loadScenarioFile, ScenarioFileError } from './engine/loadScenarioFile.js';
export { simulateRisk, runBatches, type SimulateRiskOptions, type RunBatchesOptions } from './engine/simulateRisk.js';
export { comparePolicies, StoreMismatchError, CompareAborted, type CompareOptions } from './engine/compare.js';
export { ExperimentStore, type ExperimentMeta } from './engine/experimentStore.js';
export { runSensitivity, SensitivityAborted, type SensitivityOptions, type SensitivityResult } from './engine/sensitivity.js';
export { exportExperiments, StoredExperimentError } from './engine/exportExperiments.js';
export { discover, discoverInTable, type DiscoverOptions, type DiscoverResult } from './engine/discover.js';
