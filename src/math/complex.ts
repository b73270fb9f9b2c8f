/** A complex number re + i·im. */
export interface Complex {
  re: number;
  im: number;
}

/** A complex vector stored as two real arrays of equal length: v_k = re[k] + i·im[k]. */
export interface ComplexVector {
  re: number[];
  im: number[];
}

/** |z|, without overflow for large parts. */
export function cabs(z: Complex): number {
  return Math.hypot(z.re, z.im);
}

/** The product z·w. */
export function cmul(z: Complex, w: Complex): Complex {
  return { re: z.re * w.re - z.im * w.im, im: z.re * w.im + z.im * w.re };
}

/** The quotient z/w (w ≠ 0). */
export function cdiv(z: Complex, w: Complex): Complex {
  const d = w.re * w.re + w.im * w.im;
  return { re: (z.re * w.re + z.im * w.im) / d, im: (z.im * w.re - z.re * w.im) / d };
}

/** The Hermitian inner product yᴴx = Σ conj(y_k) x_k. */
export function cdot(y: ComplexVector, x: ComplexVector): Complex {
  let re = 0;
  let im = 0;
  for (let k = 0; k < x.re.length; k++) {
    re += y.re[k]! * x.re[k]! + y.im[k]! * x.im[k]!;
    im += y.re[k]! * x.im[k]! - y.im[k]! * x.re[k]!;
  }
  return { re, im };
}
