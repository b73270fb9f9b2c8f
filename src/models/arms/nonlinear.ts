import { fearInto, hostilityIndex, transferRates, type ArmsSystem } from './buildArms.js';

/**
 * The non-linear parts of the arms model (DESIGN.md §3.1), as the right-hand side of an ODE in the extended state
 * y = [x (n stocks), w (m × m alignments, row-major)]:
 *
 *   endogenous alignment  dw_ij/dt = η_ij (max(floor_ij, ψ c_ij) − w_ij)
 *       c_ij = min(1, (1 − max(h_ij, h_ji)) Σ_{l ∉ {i,j}} min(q_il, q_jl)),  q_il = θ_il/θ⁰_i, the threat i faces
 *       from l relative to i's base-year total threat: the overlap of the threats i and j face (balance of
 *       threat). At the base year it is the overlap of their threat profiles; it grows when their common threats
 *       grow (a bloc forming against both), and it is discounted by their own mutual hostility so that enemies
 *       facing a common third party do not become allies. w never falls below its treaty floor;
 *   technology transfer   the recipient's growth rate gains rate × w(recipient, donor), with w evolving;
 *   x ≥ 0                 a stock at zero cannot fall further.
 *
 * Threat and protection are recomputed from the current w at each evaluation, so a deeper alliance raises the fear
 * that rivals feel (the cohesion term) — "the more the US courts others, the more China moves toward Russia and
 * North Korea". With w held fixed (endogenous alignment off) the x-part equals A x + b exactly.
 */
export function armsRhs(sys: ArmsSystem, options: { endogenous: boolean; nonNegative: boolean }) {
  const p = sys.params;
  const { m } = p;
  const n = sys.labels.length;
  const { actorOf, x0, theta0, pi0 } = sys;
  // Every array the evaluation writes is allocated here, once per stretch: an evaluation allocates nothing.
  const theta = new Float64Array(m);
  const pi = new Float64Array(m);
  const share = new Float64Array(m * m);
  const x = new Float64Array(n);
  const w = new Float64Array(m * m);
  const f = new Float64Array(m * m);
  const hostile = hostilityIndex(p);
  // The parameters read in the loops, taken out of their objects once (they do not change during a solve).
  const { assurance: r, share: theatre, weight: c, growth, elasticity, reliance, fatigue, hostility, treatyFloor, alignmentRate, psi } = p;
  const { endogenous, nonNegative } = options;
  const tau = new Float64Array(n);
  // 1 − r_il, formed once (the same doubles the loop formed at every evaluation).
  const unassured = Float64Array.from(r, (v) => 1 - v);
  return (_t: number, y: Float64Array, dy: Float64Array): void => {
    for (let q = 0; q < n; q++) x[q] = y[q];
    for (let e = 0; e < m * m; e++) w[e] = y[n + e];
    fearInto(p, w, f, hostile);
    // θ = T x, π = P x and the threat shares q_il in one pass over the operators' entries, without forming T and
    // P: each entry is computed as `operators` computes it (an actor's own stocks are exact zeros there) and each
    // sum takes the same terms in the same order as matVec and the share loop did, so the values are the same.
    for (let i = 0; i < m; i++) {
      const t0 = theta0[i];
      const shares = endogenous && t0 > 0;
      if (endogenous) for (let l = 0; l < m; l++) share[i * m + l] = 0;
      let th = 0, pr = 0;
      for (let q = 0; q < n; q++) {
        const l = actorOf[q];
        let tq = 0, pq = 0;
        if (l !== i) {
          tq = unassured[i * m + l] * f[i * m + l] * theatre[l] * c[q];
          pq = w[i * m + l] * theatre[l] * c[q];
        }
        th += tq * x[q];
        pr += pq * x[q];
        if (shares) share[i * m + l] += (tq * Math.max(x[q], 0)) / t0;
      }
      theta[i] = th;
      pi[i] = pr;
    }
    transferRates(p, n, w, tau);
    for (let q = 0; q < n; q++) {
      const i = actorOf[q];
      let rate = growth[q] + tau[q];
      if (theta0[i] > 0) rate += elasticity[q] * (theta[i] / theta0[i] - 1);
      if (pi0[i] > 0) rate -= reliance[q] * (pi[i] / pi0[i] - 1);
      let d = x0[q] * rate - fatigue[q] * (x[q] - x0[q]);
      if (nonNegative && x[q] <= 0 && d < 0) d = 0;
      dy[q] = d;
    }
    if (!endogenous) {
      dy.fill(0, n, n + m * m);
      return;
    }
    // The balance-of-threat target is symmetric in (i, j) — the overlap sums the same minima in the same order
    // and min, max are symmetric to the bit — so it is computed once per unordered pair.
    for (let i = 0; i < m; i++) {
      dy[n + i * m + i] = 0;
      for (let j = i + 1; j < m; j++) {
        const k = i * m + j, kt = j * m + i;
        let overlap = 0;
        for (let l = 0; l < m; l++) if (l !== i && l !== j) overlap += Math.min(share[i * m + l], share[j * m + l]);
        const enmity = Math.max(hostility[k], hostility[kt]);
        const balance = psi * Math.min(1, overlap * (1 - enmity));
        dy[n + k] = alignmentRate[k] * (Math.max(treatyFloor[k], balance) - w[k]);
        dy[n + kt] = alignmentRate[kt] * (Math.max(treatyFloor[kt], balance) - w[kt]);
      }
    }
  };
}
