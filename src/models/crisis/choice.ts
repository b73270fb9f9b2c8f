/**
 * The ordered logit over the non-violent categories (DESIGN.md §3.2). With propensity u and increasing cutpoints
 * κ_1 < … < κ_{N−1}, the latent escalation is y* = u + ε with ε standard logistic, and the category is the number
 * of cutpoints below y*:  P(Y ≤ c) = σ(κ_{c+1} − u),  σ(x) = 1/(1 + e^{−x}).
 * Sampling uses one uniform U by inversion: ε = ln(U / (1 − U)).
 */

/** Standard logistic function σ(x). */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** The standard logistic quantile ln(U/(1−U)); U = 0 is read as 2⁻⁵³ so the result stays finite. */
export function logisticQuantile(U: number): number {
  const v = U > 0 ? U : 1.1102230246251565e-16;
  return Math.log(v / (1 - v));
}

/**
 * The ordered-logit category for propensity u and uniform U: the number of cutpoints below u + ln(U/(1−U)).
 * U = 0.5 gives the noise-free choice (ε = 0). Example: `orderedLogitCategory(0, Float64Array.of(-1, 1), 0.5) === 1`.
 */
export function orderedLogitCategory(u: number, cutpoints: Float64Array, U: number): number {
  return orderedLogitFromOdds(U / (1 - U), Math.exp(-u), cutpoints.map(Math.exp));
}

/**
 * The same choice without a logarithm, as the monthly loop computes it: u + ln(U/(1−U)) > κ_c exactly when
 * U/(1−U) > e^{κ_c}·e^{−u}. `expCutpoints` holds e^{κ_c} (computed once), `expNegU` e^{−u} (computed once per
 * dyad-month and shared with the clash hazard). Allocation-free.
 */
export function orderedLogitFromOdds(odds: number, expNegU: number, expCutpoints: Float64Array): number {
  let c = 0;
  const n = expCutpoints.length;
  while (c < n && odds > expCutpoints[c] * expNegU) c++;
  return c;
}

/**
 * The relative margin by which a comparison made with `expApprox` must clear a threshold to be trusted: a thousand
 * times the approximation's error (EXP_APPROX_ERROR), so rounding cannot close it.
 */
export const DECISION_SLACK = 1e-6;

/**
 * The choice of `orderedLogitFromOdds(num / den, e^{−u}, expCutpoints)` from an approximation `approxExpNegU` of
 * e^{−u} (within EXP_APPROX_ERROR), without the division, or −1 when the odds num/den fall within DECISION_SLACK
 * of a cutpoint and only the exact e^{−u} can decide; a result ≥ 0 is the exact one (test/models/crisis/choice.test.ts).
 * `below` and `above` hold e^{κ_c}·(1 ∓ DECISION_SLACK) (see `slackCutpoints`): the odds pass each widened
 * threshold or not, and the two counts differ exactly when the odds fall inside one's band. Branch-free: the
 * counts are sums of `+(comparison)` (a 0/1 in V8, not a branch), since a loop that stops at the chosen category
 * mispredicts once a dyad-month at random.
 */
export function orderedLogitBracketed(num: number, den: number, approxExpNegU: number, below: Float64Array, above: Float64Array): number {
  const y = approxExpNegU * den;
  let passLow = 0, passHigh = 0;
  for (let q = 0; q < below.length; q++) {
    passLow += +(num > below[q] * y);
    passHigh += +(num > above[q] * y);
  }
  return passLow === passHigh ? passHigh : -1;
}

/** The widened thresholds of `orderedLogitBracketed`: e^{κ_c}·(1 − DECISION_SLACK) into `below`, ·(1 + DECISION_SLACK) into `above`. */
export function slackCutpoints(expCutpoints: Float64Array, below: Float64Array, above: Float64Array): void {
  for (let q = 0; q < expCutpoints.length; q++) {
    below[q] = expCutpoints[q] * (1 - DECISION_SLACK);
    above[q] = expCutpoints[q] * (1 + DECISION_SLACK);
  }
}

/** The analytic category probabilities P(Y = c), c = 0 … N−1, of the ordered logit at propensity u. */
export function orderedLogitProbabilities(u: number, cutpoints: ArrayLike<number>): number[] {
  const out: number[] = [];
  let prev = 0;
  for (let c = 0; c < cutpoints.length; c++) {
    const F = sigmoid(cutpoints[c] - u);
    out.push(F - prev);
    prev = F;
  }
  out.push(1 - prev);
  return out;
}
