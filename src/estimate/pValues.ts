import jStat from 'jstat';

/** Two-sided p-value of a t statistic with `df` degrees of freedom, as 2·F(−|t|) so small values keep their digits. */
export function tTwoSided(t: number, df: number): number {
  return 2 * jStat.studentt.cdf(-Math.abs(t), df);
}

/** Two-sided p-value of a standard-normal z statistic, 2·Φ(−|z|), accurate to the last digits far in the tail. */
export function zTwoSided(z: number): number {
  return 2 * normalUpperTail(Math.abs(z));
}

/**
 * Upper tail 1 − Φ(x). Beyond x = 3 it uses the continued fraction of the Mills ratio,
 * Q(x) = φ(x) / (x + 1/(x + 2/(x + 3/(x + …)))), evaluated backwards from 200 terms (Abramowitz & Stegun 26.2.14):
 * jstat's erf-based cdf loses relative accuracy there (2% at x = 8, 0 beyond 9).
 */
export function normalUpperTail(x: number): number {
  if (x < 3) return 1 - jStat.normal.cdf(x, 0, 1);
  let k = x;
  for (let n = 200; n >= 1; n--) k = x + n / k;
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI) / k;
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

