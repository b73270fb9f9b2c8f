import jStat from 'jstat';

/** Two-sided p-value of a t statistic with `df` degrees of freedom, as 2·F(−|t|) so small values keep their digits. */
export function tTwoSided(t: number, df: number): number {
  return 2 * jStat.studentt.cdf(-Math.abs(t), df);
}

/** Two-sided p-value of a standard-normal z statistic, 2·Φ(−|z|). */
export function zTwoSided(z: number): number {
  return 2 * jStat.normal.cdf(-Math.abs(z), 0, 1);
}

/**
 * Upper tail P(F > f) of the F(d1, d2) distribution via the regularized incomplete beta
 * I_{d2/(d2+d1 f)}(d2/2, d1/2), which keeps tiny p-values accurate (1 − cdf would round them to 0).
 */
export function fSurvival(f: number, d1: number, d2: number): number {
  if (f <= 0) return 1;
  return jStat.ibeta(d2 / (d2 + d1 * f), d2 / 2, d1 / 2);
}

/** Upper tail P(χ²_df > x). */
export function chi2Survival(x: number, df: number): number {
  if (x <= 0) return 1;
  return 1 - jStat.lowRegGamma(df / 2, x / 2);
}
