// The public entry: re-exports only. The core imports no `node:` module, so it runs in the browser too.
export { VERSION } from './version.js';
export { canonicalJson } from './scenario/canonical.js';
export { sha256Hex } from './scenario/sha256.js';
export { Xoroshiro128Plus, streamFor, type RandomSource } from './math/rng/index.js';
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
