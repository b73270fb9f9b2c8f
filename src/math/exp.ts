/**
 * e^x as V8 computes `Math.exp`, bit for bit, in plain arithmetic that the JIT inlines. V8's `Math.exp` is fdlibm's
 * `__ieee754_exp` (Sun Microsystems, 1993) behind a call into C++, and the call costs the crisis kernel more than
 * the arithmetic: every live floating-point register is spilled around it, once per dyad-month. This is the same
 * algorithm — reduction x = k·ln2 + r with ln2 split in two, the degree-5 Remez polynomial in r², the
 * reconstruction 1 − ((lo − r·c/(2 − c)) − hi) — with fdlibm's exponent-field tests written as comparisons of |x|
 * against the doubles they stand for, and the final 2^k scaling as a product with an exact power of two. Outside
 * |x| < 700 (overflow, underflow to subnormals, NaN) it defers to `Math.exp` itself.
 * test/math/exp.test.ts checks equality with `Math.exp` on random and edge arguments.
 * Example: `exp(1) === Math.exp(1)`.
 */
export function exp(x: number): number {
  const ax = Math.abs(x);
  if (!(ax < 700)) return Math.exp(x);
  let hi = 0, lo = 0, k = 0, r = x;
  if (ax >= HALF_LN2) {
    if (ax < THREE_HALVES_LN2) {
      if (x < 0) {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      } else {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      }
    } else {
      k = (INV_LN2 * x + (x < 0 ? -0.5 : 0.5)) | 0; // C's (int) cast: truncation toward zero
      hi = x - k * LN2_HI; // exact: LN2_HI has 32 trailing zero bits
      lo = k * LN2_LO;
    }
    r = hi - lo;
  } else if (ax < TINY) return 1 + x;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((r * c) / (c - 2) - r);
  const y = 1 - ((lo - (r * c) / (2 - c)) - hi);
  return y * POW2[k + POW2_OFFSET]; // fdlibm adds k to y's exponent field: the same as × 2^k while the result is normal
}

// fdlibm's constants (e_exp.c), with the bit patterns it gives them.
const LN2_HI = 6.93147180369123816490e-1; // 0x3fe62e42 fee00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef 35793c76
const INV_LN2 = 1.44269504088896338700; // 0x3ff71547 652b82fe
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;
/** fdlibm's tests on the high word of |x| as thresholds on |x|: hx > 0x3fd62e42, hx < 0x3ff0a2b2, hx < 0x3e300000. */
const HALF_LN2 = highWord(0x3fd62e43);
const THREE_HALVES_LN2 = highWord(0x3ff0a2b2);
const TINY = 2 ** -28;
/** 2^k for the k that |x| < 700 reaches (|k| ≤ 1010). */
const POW2_OFFSET = 1022;
const POW2 = Float64Array.from({ length: 2 * POW2_OFFSET + 1 }, (_, q) => 2 ** (q - POW2_OFFSET));

/** The double whose high 32 bits are `hi` and low 32 bits zero. */
function highWord(hi: number): number {
  const v = new DataView(new ArrayBuffer(8));
  v.setUint32(0, hi);
  return v.getFloat64(0);
}
