/**
 * Misperception (DESIGN.md §3.2): what actor i reads of j's action is the truth plus noise with i's bias (a
 * worst-case reading when positive: the security dilemma) and spread, both shrunk by the dialogue channel i keeps
 * with j:  perceived = w(a_ji) + b_i (1 − s d_ij) + σ_i (1 − s d_ij) z,  z ~ N(0, 1),  s = crisis.dialogueShrink.
 * One uniform per reading, turned into z by the inverse normal CDF.
 */

// Acklam's rational approximation of the normal quantile (relative error < 1.15e-9). Scalar constants, not arrays:
// the function runs once per dyad-month, and named constants compile to immediates where array slots are loads.
const A0 = -3.969683028665376e1, A1 = 2.209460984245205e2, A2 = -2.759285104469687e2, A3 = 1.38357751867269e2, A4 = -3.066479806614716e1, A5 = 2.506628277459239;
const B0 = -5.447609879822406e1, B1 = 1.615858368580409e2, B2 = -1.556989798598866e2, B3 = 6.680131188771972e1, B4 = -1.328068155288572e1;
const C0 = -7.784894002430293e-3, C1 = -3.223964580411365e-1, C2 = -2.400758277161838, C3 = -2.549732539343734, C4 = 4.374664141464968, C5 = 2.938163982698783;
const D0 = 7.784695709041462e-3, D1 = 3.224671290700398e-1, D2 = 2.445134137142996, D3 = 3.754408661907416;
const P_LOW = 0.02425;

/**
 * The standard normal quantile Φ⁻¹(p) (Acklam's algorithm, relative error < 1.15e-9); p = 0 is read as 2⁻⁵³.
 * Example: `normalQuantile(0.975) ≈ 1.959964`.
 */
export function normalQuantile(p: number): number {
  if (p >= P_LOW && p <= 1 - P_LOW) {
    const q = p - 0.5;
    const r = q * q;
    return (((((A0 * r + A1) * r + A2) * r + A3) * r + A4) * r + A5) * q / (((((B0 * r + B1) * r + B2) * r + B3) * r + B4) * r + 1);
  }
  return normalTail(p);
}

/** Φ⁻¹(p) in the tails p < P_LOW and p > 1 − P_LOW (about 5% of calls): apart, so the central case inlines small. */
function normalTail(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p > 0 ? p : 1.1102230246251565e-16));
    return (((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5) / ((((D0 * q + D1) * q + D2) * q + D3) * q + 1);
  }
  const q = Math.sqrt(-2 * Math.log(1 - p));
  return -(((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5) / ((((D0 * q + D1) * q + D2) * q + D3) * q + 1);
}

/**
 * The score i perceives for an action of true weight `trueScore` (score units), with i's effective bias and spread
 * toward j (already shrunk by the channel) and one uniform U. With spread 0 the reading is truth + bias.
 */
export function perceive(trueScore: number, bias: number, spread: number, U: number): number {
  return spread > 0 ? trueScore + bias + spread * normalQuantile(U) : trueScore + bias;
}

/** The factor 1 − s·d by which a channel of openness d ∈ [0, 1] shrinks bias and spread (s = dialogueShrink). */
export function channelShrink(dialogue: number, shrink: number): number {
  return Math.max(0, 1 - shrink * dialogue);
}
