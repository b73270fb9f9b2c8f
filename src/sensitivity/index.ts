// Global sensitivity analysis and scenario discovery (docs/sensitivity.md): Morris screening, Sobol' indices on a
// Saltelli design over a Sobol' sequence, and PRIM. Re-exports only.
export { sobolSequence, SOBOL_SHIFT_KEY, type SobolSequenceOptions } from './sobolSequence.js';
export { directionNumbers, JOE_KUO_ROWS, SOBOL_MAX_DIMENSION, type DirectionRow } from './joeKuo.js';
export { factorGroups, scaleToBounds, DUMMY_NAME, type InputBound, type FactorGroups } from './inputs.js';
export { percentileInterval, DEFAULT_RESAMPLES, type Interval } from './bootstrap.js';
export { sobolSample, SOBOL_EXTRA_KEY, type SobolSampleOptions, type SaltelliLayout, type SaltelliDesign } from './sobolSample.js';
export { sobolAnalyze, SOBOL_BOOTSTRAP_KEY, type SobolAnalyzeOptions, type SobolIndices, type SobolFactorIndices } from './sobolAnalyze.js';
export { sobolIndices, type SobolIndicesOptions } from './sobolIndices.js';
export { morrisSample, MORRIS_KEY, type MorrisSampleOptions, type MorrisLayout, type MorrisDesign } from './morrisSample.js';
export { morrisAnalyze, MORRIS_BOOTSTRAP_KEY, type MorrisAnalyzeOptions, type MorrisMeasures, type MorrisFactorMeasures } from './morrisAnalyze.js';
export { prim, type PrimOptions, type PrimResult, type PrimStep } from './prim.js';
export { preparePrimData, type PrimRow, type PrimValue, type PrimDataOptions } from './primData.js';
export { workbenchQuantile } from './primQuantile.js';
export { binomialUpperTail, primQuasiP, type PrimQuasiP } from './primQuasiP.js';
export type { PrimLimit } from './primBox.js';
