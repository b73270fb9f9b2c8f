/**
 * Nelder–Mead minimisation (Nelder & Mead 1965, with the standard coefficients: reflection 1, expansion 2,
 * contraction ½, shrink ½; Lagarias et al. 1998 for the ordering rules). Deterministic: the initial simplex is the
 * start plus `step` along each axis. Stops when the spread of the simplex values falls below `tolerance` (absolute)
 * or after `maxEvaluations`. Example: `nelderMead((x) => (x[0] - 1) ** 2, [0], { step: [0.5] }).x` → ≈ [1].
 */
export function nelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  o: { step: readonly number[]; tolerance?: number; maxEvaluations?: number },
): { x: number[]; value: number; evaluations: number } {
  const n = start.length, tol = o.tolerance ?? 1e-9, maxEval = o.maxEvaluations ?? 4000;
  let evaluations = 0;
  const value = (x: number[]) => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let simplex = [start.slice()];
  for (let i = 0; i < n; i++) {
    const x = start.slice();
    x[i] += o.step[i];
    simplex.push(x);
  }
  let fs = simplex.map(value);
  const combine = (a: number[], b: number[], t: number) => a.map((v, i) => v + t * (b[i] - v));
  while (evaluations < maxEval) {
    const order = fs.map((_, i) => i).sort((i, j) => fs[i] - fs[j]);
    simplex = order.map((i) => simplex[i]);
    fs = order.map((i) => fs[i]);
    if (fs[n] - fs[0] <= tol) break;
    const centroid = Array.from({ length: n }, (_, d) => simplex.slice(0, n).reduce((s, x) => s + x[d], 0) / n);
    const worst = simplex[n];
    const xr = combine(centroid, worst, -1), fr = value(xr);
    if (fr < fs[0]) {
      const xe = combine(centroid, worst, -2), fe = value(xe);
      [simplex[n], fs[n]] = fe < fr ? [xe, fe] : [xr, fr];
    } else if (fr < fs[n - 1]) {
      [simplex[n], fs[n]] = [xr, fr];
    } else {
      const outside = fr < fs[n];
      const xc = combine(centroid, outside ? xr : worst, 0.5), fc = value(xc);
      if (fc < (outside ? fr : fs[n])) [simplex[n], fs[n]] = [xc, fc];
      else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = combine(simplex[0], simplex[i], 0.5);
          fs[i] = value(simplex[i]);
        }
      }
    }
  }
  const best = fs.indexOf(Math.min(...fs));
  return { x: simplex[best], value: fs[best], evaluations };
}
