/**
 * e^x to within a relative error of EXP_APPROX_ERROR (1e-9), without a division or a call: for loops that only
 * compare e^x against thresholds and can afford the exact `Math.exp` when a comparison is too close to call (the
 * crisis kernel, choice.ts). x = (k/32)·ln 2 + r with k the nearest integer, |r| ≤ ln 2/64; e^x =
 * 2^⌊k/32⌋ · 2^{(k mod 32)/32} · e^r with e^r by its cubic Taylor polynomial (remainder ≤ r⁴/24 < 5.8e-10).
 * Below |x| < 64 the two factors come from one table of their products. Outside |x| < 700 it returns `Math.exp(x)`. Example: `Math.abs(expApprox(1) / Math.E - 1) < 1e-9`.
 */
export function expApprox(x: number): number {
  if (!(Math.abs(x) < NEAR)) return expFar(x);
  const kf = x * THIRTY_TWO_OVER_LN2 + ROUNDER - ROUNDER; // round to the nearest integer
  const r = x - kf * LN2_OVER_32;
  // Near 0, where the crisis model's propensities lie, one table holds 2^{k/32} itself: one load and no product.
  return STEPS[(kf | 0) + STEPS_OFFSET] * (1 + r * (1 + r * (0.5 + r * (1 / 6))));
}

/** expApprox for NEAR ≤ |x| < 700 (and Math.exp beyond): 2^{k/32} as 2^⌊k/32⌋ · 2^{(k mod 32)/32}. */
function expFar(x: number): number {
  if (!(Math.abs(x) < 700)) return Math.exp(x);
  const kf = x * THIRTY_TWO_OVER_LN2 + ROUNDER - ROUNDER; // |kf| < 2^51
  const r = x - kf * LN2_OVER_32;
  const k = kf | 0;
  return POW2[(k >> 5) + POW2_OFFSET] * FRACTION[k & 31] * (1 + r * (1 + r * (0.5 + r * (1 / 6))));
}

/** The bound on |expApprox(x)/e^x − 1| that callers may rely on (the polynomial's 5.8e-10 plus rounding). */
export const EXP_APPROX_ERROR = 1e-9;

const THIRTY_TWO_OVER_LN2 = 32 / Math.LN2;
const LN2_OVER_32 = Math.LN2 / 32;
/** 1.5·2^52: adding and subtracting it rounds a double below 2^51 to the nearest integer. */
const ROUNDER = 6755399441055744;
/** 2^q for the q = ⌊k/32⌋ that |x| < 700 reaches (|q| ≤ 1010). */
const POW2_OFFSET = 1022;
const POW2 = Float64Array.from({ length: 2 * POW2_OFFSET + 1 }, (_, q) => 2 ** (q - POW2_OFFSET));
/** 2^{j/32}, j = 0 … 31. */
const FRACTION = Float64Array.from({ length: 32 }, (_, j) => 2 ** (j / 32));
/** |x| below which expApprox reads 2^{k/32} from STEPS (k = round(32x/ln 2), |k| ≤ 2955): 47 KiB of table. */
const NEAR = 64;
const STEPS_OFFSET = 2956;
const STEPS = Float64Array.from({ length: 2 * STEPS_OFFSET + 1 }, (_, j) => POW2[((j - STEPS_OFFSET) >> 5) + POW2_OFFSET] * FRACTION[(j - STEPS_OFFSET) & 31]);
