import type { CsvCell } from '../csvFile.js';

/** The columns of every `fit --csv` file: one row per (equation, term), in the manner of R's `broom::tidy`. */
export const TIDY_COEFFICIENT_COLUMNS = ['model', 'equation', 'term', 'estimate', 'std_error', 'statistic', 'p_value'] as const;

/** A coefficient as the fit commands hold it: a t or a z statistic. */
interface CoefficientLike {
  name: string;
  estimate: number;
  stdError: number | null;
  t?: number;
  z?: number;
  p: number | null;
}

/** Tidy rows of one equation's coefficient table: `model, equation, term, estimate, std_error, statistic, p_value`. */
export function coefficientRows(model: string, equation: string, coefficients: readonly CoefficientLike[]): CsvCell[][] {
  return coefficients.map((c) => [model, equation, c.name, c.estimate, c.stdError, c.t ?? c.z ?? null, c.p]);
}
