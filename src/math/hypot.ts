/**
 * √(a² + b²) without overflow or underflow, the larger magnitude factored out — the classical (JAMA) form, not
 * `Math.hypot`: the Householder QR (estimate/householder.ts) and the eigenvalue iterations (math/realEigenvalues.ts)
 * reproduce a factorisation that used exactly this arithmetic, and `Math.hypot` may differ in the last bit.
 */
export function hypot2(a: number, b: number): number {
  const absA = Math.abs(a);
  const absB = Math.abs(b);
  if (absA > absB) {
    const r = b / a;
    return absA * Math.sqrt(1 + r * r);
  }
  if (b !== 0) {
    const r = a / b;
    return absB * Math.sqrt(1 + r * r);
  }
  return 0;
}
