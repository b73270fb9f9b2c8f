// Dormand–Prince 5(4), J. R. Dormand and P. J. Prince, "A family of embedded Runge–Kutta formulae", J. Comput.
// Appl. Math. 6, 1980; step-size control, starting step and dense output as in E. Hairer, S. P. Nørsett and
// G. Wanner, "Solving Ordinary Differential Equations I", 2nd ed., 1993, §II.4–II.6 (their code DOPRI5).

/** The right-hand side f(t, x): writes dx/dt into `dxdt` (length n). Must not keep references to its arrays. */
export type OdeRhs = (t: number, x: Float64Array, dxdt: Float64Array) => void;

/** Options of `dormandPrince`. Tolerances apply per component: |err_i| ≲ atol + rtol·|x_i| per step. */
export interface DormandPrinceOptions {
  /** Relative tolerance. @default 1e-6 */
  rtol?: number;
  /** Absolute tolerance, in the state's units. @default 1e-9 */
  atol?: number;
  /** Initial step (time units); chosen automatically (HNW §II.4) when omitted. */
  h0?: number;
  /** Largest step. @default Infinity */
  hMax?: number;
  /** Guard: the integration throws after this many attempted steps. @default 100000 */
  maxSteps?: number;
  /** 'dense': outputs by the 4th-order continuous extension (steps ignore output times); 'hit': steps are
   * shortened to land exactly on each output time. @default 'dense' */
  output?: 'dense' | 'hit';
}

/** Result of `dormandPrince`: states at the requested times and the work done. */
export interface DormandPrinceResult {
  times: number[];
  /** `states[k][i]` = x_i(times[k]). */
  states: number[][];
  accepted: number;
  rejected: number;
  evaluations: number;
  /** The step the controller proposes next: pass as `h0` to continue from the last time. */
  nextStep: number;
}

const C = [0, 1 / 5, 3 / 10, 4 / 5, 8 / 9, 1, 1];
const A: readonly (readonly number[])[] = [
  [],
  [1 / 5],
  [3 / 40, 9 / 40],
  [44 / 45, -56 / 15, 32 / 9],
  [19372 / 6561, -25360 / 2187, 64448 / 6561, -212 / 729],
  [9017 / 3168, -355 / 33, 46732 / 5247, 49 / 176, -5103 / 18656],
  [35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84],
];
// Error estimate: 5th-order minus embedded 4th-order weights.
const E = [71 / 57600, 0, -71 / 16695, 71 / 1920, -17253 / 339200, 22 / 525, -1 / 40];
// The tableau's entries as scalars, for the written-out stages of the step loop (the same doubles as above).
const [, C1, C2, C3, C4, C5, C6] = C as [number, number, number, number, number, number, number];
const [A10] = A[1] as [number];
const [A20, A21] = A[2] as [number, number];
const [A30, A31, A32] = A[3] as [number, number, number];
const [A40, A41, A42, A43] = A[4] as [number, number, number, number];
const [A50, A51, A52, A53, A54] = A[5] as [number, number, number, number, number];
const [A60, A61, A62, A63, A64, A65] = A[6] as [number, number, number, number, number, number];
const [E0, E1, E2, E3, E4, E5, E6] = E as [number, number, number, number, number, number, number];
// Dense output (HNW's contd5 coefficients).
const D = [
  -12715105075 / 11282082432, 0, 87487479700 / 32700410799, -10690763975 / 1880347072,
  701980252875 / 199316789632, -1453857185 / 822651844, 69997945 / 29380423,
];
const [D0, D1, D2, D3, D4, D5, D6] = D as [number, number, number, number, number, number, number];
const SAFE = 0.9;
const FAC_MIN = 0.2;
const FAC_MAX = 10;
const BETA = 0.04;

/**
 * Integrates dx/dt = f(t, x) from (t0, x0) forward to each of `times` (non-decreasing, ≥ t0) by Dormand–Prince
 * 5(4) with FSAL, the HNW error norm (RMS of err_i/(atol + rtol·max(|x_i|, |x_i,new|))) and PI step control
 * (β = 0.04, safety 0.9, factors in [0.2, 10]). Throws a clear error after `maxSteps` attempted steps, when the
 * step underflows, or when f yields non-finite values. Cost: 6 evaluations of f per step.
 * Example: `dormandPrince((t, x, d) => { d[0] = -x[0]!; }, 0, [1], [1]).states[0][0]` ≈ e^{-1}.
 */
export function dormandPrince(
  f: OdeRhs,
  t0: number,
  x0: ArrayLike<number>,
  times: readonly number[],
  options: DormandPrinceOptions = {},
): DormandPrinceResult {
  const n = x0.length;
  const out = new Float64Array(times.length * n);
  const work = dormandPrinceInto(f, t0, x0, times, out, options);
  const states = Array.from({ length: times.length }, (_, k) => Array.from(out.subarray(k * n, (k + 1) * n)));
  return { times: [...times], states, ...work };
}

/** The work `dormandPrinceInto` did. */
export type DormandPrinceWork = Omit<DormandPrinceResult, 'times' | 'states'>;

/**
 * `dormandPrince` with the states written into `out` (row-major, at least times.length × n): the state at
 * times[k] in out[k·n … (k + 1)·n). The same steps and the same numbers, without an array per output — for
 * callers that solve many times and read the states in place (the threat path of every crisis cell).
 */
export function dormandPrinceInto(
  f: OdeRhs,
  t0: number,
  x0: ArrayLike<number>,
  times: readonly number[],
  out: Float64Array,
  options: DormandPrinceOptions = {},
): DormandPrinceWork {
  const rtol = options.rtol ?? 1e-6;
  const atol = options.atol ?? 1e-9;
  const hMax = options.hMax ?? Infinity;
  const maxSteps = options.maxSteps ?? 100000;
  const hit = (options.output ?? 'dense') === 'hit';
  if (!(rtol >= 0 && atol >= 0 && rtol + atol > 0)) throw new RangeError('dormandPrince: need rtol, atol ≥ 0, not both 0');
  if (!Number.isFinite(t0)) throw new RangeError('dormandPrince: t0 is not finite');
  times.forEach((t, k) => {
    if (!Number.isFinite(t) || t < t0 || (k > 0 && t < times[k - 1]!)) {
      throw new RangeError(`dormandPrince: times must be finite, ≥ t0=${t0} and non-decreasing (times[${k}]=${t})`);
    }
  });
  const n = x0.length;
  if (out.length < times.length * n) throw new RangeError(`dormandPrince: the output buffer holds ${out.length} values, ${times.length * n} are needed`);
  let x = Float64Array.from(x0);
  let xNew = new Float64Array(n);
  const k = Array.from({ length: 7 }, () => new Float64Array(n));
  const [k0, k1, k2, k3, k4, k5, k6] = k as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const stage = new Float64Array(n);
  const cont = hit ? stage : new Float64Array(4 * n);
  const result: DormandPrinceWork = { accepted: 0, rejected: 0, evaluations: 0, nextStep: 0 };
  const evaluate = (t: number, y: Float64Array, out: Float64Array): void => {
    f(t, y, out);
    result.evaluations++;
  };
  const tEnd = times.length > 0 ? times[times.length - 1]! : t0;
  // Output times closer than this to the current time get the current state: a step that short would
  // underflow, and the state moves by no more than rounding in between.
  const resolution = 16 * Number.EPSILON * Math.max(Math.abs(t0), Math.abs(tEnd), tEnd - t0);
  let next = 0;
  while (next < times.length && times[next]! - t0 <= resolution) (out.set(x, next * n), next++);
  if (next === times.length) return result;
  let t = t0;
  evaluate(t, x, k[0]!);
  let h = Math.min(options.h0 ?? initialStep(f, t, x, k[0]!, rtol, atol, hMax, result), hMax, tEnd - t0);
  let facOld = 1e-4;
  let rejectedLast = false;
  let nonFinite = false;
  const scale = (a: number, b: number): number => atol + rtol * Math.max(Math.abs(a), Math.abs(b));
  for (let steps = 0; ; steps++) {
    if (steps >= maxSteps) {
      throw new Error(
        `dormandPrince: more than maxSteps=${maxSteps} steps before t=${tEnd} (reached t=${t}, step ${h}); ` +
          'the problem may be stiff or the tolerances too tight',
      );
    }
    const target = hit ? times[next]! : tEnd;
    const proposed = h;
    // Land exactly on the target; a step within 1% of it is stretched rather than leaving a sliver.
    const clipped = t + 1.01 * h >= target && target - t <= hMax;
    if (clipped) h = target - t;
    if (!(Math.abs(h) > 16 * Number.EPSILON * Math.max(Math.abs(t), 1e-300))) {
      const why = nonFinite ? 'f returns non-finite values just after this time' : 'the solution may blow up here';
      throw new Error(`dormandPrince: step size underflow at t=${t} (h=${h}): ${why}`);
    }
    // The six stages, written out: the same sums in the same order as Σ_j A[s][j]·k_j (terms with a zero
    // coefficient included, so that a non-finite stage still poisons the error estimate), without the nested
    // array reads of a generic loop.
    for (let i = 0; i < n; i++) {
      let acc = 0;
      acc += A10 * k0[i]!;
      stage[i] = x[i]! + h * acc;
    }
    evaluate(t + C1 * h, stage, k1);
    for (let i = 0; i < n; i++) {
      let acc = 0;
      acc += A20 * k0[i]!;
      acc += A21 * k1[i]!;
      stage[i] = x[i]! + h * acc;
    }
    evaluate(t + C2 * h, stage, k2);
    for (let i = 0; i < n; i++) {
      let acc = 0;
      acc += A30 * k0[i]!;
      acc += A31 * k1[i]!;
      acc += A32 * k2[i]!;
      stage[i] = x[i]! + h * acc;
    }
    evaluate(t + C3 * h, stage, k3);
    for (let i = 0; i < n; i++) {
      let acc = 0;
      acc += A40 * k0[i]!;
      acc += A41 * k1[i]!;
      acc += A42 * k2[i]!;
      acc += A43 * k3[i]!;
      stage[i] = x[i]! + h * acc;
    }
    evaluate(t + C4 * h, stage, k4);
    for (let i = 0; i < n; i++) {
      let acc = 0;
      acc += A50 * k0[i]!;
      acc += A51 * k1[i]!;
      acc += A52 * k2[i]!;
      acc += A53 * k3[i]!;
      acc += A54 * k4[i]!;
      stage[i] = x[i]! + h * acc;
    }
    evaluate(t + C5 * h, stage, k5);
    for (let i = 0; i < n; i++) {
      let acc = 0;
      acc += A60 * k0[i]!;
      acc += A61 * k1[i]!;
      acc += A62 * k2[i]!;
      acc += A63 * k3[i]!;
      acc += A64 * k4[i]!;
      acc += A65 * k5[i]!;
      xNew[i] = x[i]! + h * acc;
    }
    evaluate(t + C6 * h, xNew, k6);
    let err = 0;
    for (let i = 0; i < n; i++) {
      let e = 0;
      e += E0 * k0[i]!;
      e += E1 * k1[i]!;
      e += E2 * k2[i]!;
      e += E3 * k3[i]!;
      e += E4 * k4[i]!;
      e += E5 * k5[i]!;
      e += E6 * k6[i]!;
      err += ((h * e) / scale(x[i]!, xNew[i]!)) ** 2;
    }
    err = Math.sqrt(err / Math.max(n, 1));
    nonFinite = !Number.isFinite(err);
    if (nonFinite) {
      // Retry shorter: f may be undefined only beyond some point (the guard above reports it if so).
      h *= FAC_MIN;
      rejectedLast = true;
      result.rejected++;
      continue;
    }
    const fac11 = err ** (0.2 - BETA * 0.75);
    if (err <= 1) {
      let hNew = h / Math.max(1 / FAC_MAX, Math.min(1 / FAC_MIN, fac11 / facOld ** BETA / SAFE));
      facOld = Math.max(err, 1e-4);
      const tNew = clipped ? target : t + h;
      if (!hit) next = emitDense(t, h, tNew, x, xNew, k, times, next, out, cont);
      else while (next < times.length && times[next]! - tNew <= resolution) (out.set(xNew, next * n), next++);
      result.accepted++;
      [x, xNew] = [xNew, x];
      k[0]!.set(k[6]!); // FSAL: the last stage is f at the new point.
      t = tNew;
      if (next >= times.length) {
        result.nextStep = hNew;
        return result;
      }
      hNew = Math.min(hNew, hMax);
      if (rejectedLast) hNew = Math.min(hNew, h);
      if (clipped) hNew = Math.max(hNew, Math.min(proposed, hMax));
      rejectedLast = false;
      h = hNew;
    } else {
      h /= Math.min(1 / FAC_MIN, fac11 / SAFE);
      rejectedLast = true;
      result.rejected++;
    }
  }
}

/**
 * Writes the dense-output states for the requested times in (t, tNew] into their rows of `out` (HNW contd5, 4th
 * order) and returns the index of the next time still to come. The parts of the polynomial that do not depend on
 * the output time (HNW's rcont2 … rcont5) are formed once per step, into `cont` (4n), so that each output costs
 * a few operations per component; the expression evaluated per output is the original one, grouped the same way,
 * so the values are the same to the bit.
 */
function emitDense(
  t: number,
  h: number,
  tNew: number,
  x: Float64Array,
  xNew: Float64Array,
  k: readonly Float64Array[],
  times: readonly number[],
  next: number,
  out: Float64Array,
  cont: Float64Array,
): number {
  const n = x.length;
  let formed = false;
  while (next < times.length && times[next]! <= tNew) {
    const tau = times[next]!;
    const row = next * n;
    if (tau === tNew) {
      out.set(xNew, row);
    } else {
      if (!formed) {
        const [k0, k1, k2, k3, k4, k5, k6] = k as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
        for (let i = 0; i < n; i++) {
          const diff = xNew[i]! - x[i]!;
          const bspl = h * k0[i]! - diff;
          let dense = 0;
          dense += D0 * k0[i]!;
          dense += D1 * k1[i]!;
          dense += D2 * k2[i]!;
          dense += D3 * k3[i]!;
          dense += D4 * k4[i]!;
          dense += D5 * k5[i]!;
          dense += D6 * k6[i]!;
          cont[i] = diff;
          cont[n + i] = bspl;
          cont[2 * n + i] = diff - h * k6[i]! - bspl;
          cont[3 * n + i] = dense;
        }
        formed = true;
      }
      const th = (tau - t) / h;
      const th1 = 1 - th;
      const th1h = th1 * h;
      // x + th·(diff + th1·(bspl + th·(diff − h·k6 − bspl + th1·h·dense))), as before.
      for (let i = 0; i < n; i++) out[row + i] = x[i]! + th * (cont[i]! + th1 * (cont[n + i]! + th * (cont[2 * n + i]! + th1h * cont[3 * n + i]!)));
    }
    next++;
  }
  return next;
}

/** HNW's starting step (§II.4): a first guess from ‖x‖/‖f‖, refined by an Euler step's second derivative. */
function initialStep(
  f: OdeRhs,
  t: number,
  x: Float64Array,
  f0: Float64Array,
  rtol: number,
  atol: number,
  hMax: number,
  counter: { evaluations: number },
): number {
  const n = x.length;
  let dnf = 0;
  let dny = 0;
  for (let i = 0; i < n; i++) {
    const sk = atol + rtol * Math.abs(x[i]!);
    dnf += (f0[i]! / sk) ** 2;
    dny += (x[i]! / sk) ** 2;
  }
  let h = dnf <= 1e-10 || dny <= 1e-10 ? 1e-6 : Math.sqrt(dny / dnf) * 0.01;
  h = Math.min(h, hMax);
  const x1 = new Float64Array(n);
  for (let i = 0; i < n; i++) x1[i] = x[i]! + h * f0[i]!;
  const f1 = new Float64Array(n);
  f(t + h, x1, f1);
  counter.evaluations++;
  let der2 = 0;
  for (let i = 0; i < n; i++) der2 += ((f1[i]! - f0[i]!) / (atol + rtol * Math.abs(x[i]!))) ** 2;
  der2 = Math.sqrt(der2) / h;
  const der12 = Math.max(Math.abs(der2), Math.sqrt(dnf));
  const h1 = der12 <= 1e-15 ? Math.max(1e-6, h * 1e-3) : (0.01 / der12) ** (1 / 5);
  return Math.min(100 * h, h1, hMax);
}
