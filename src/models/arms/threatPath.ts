import type { Scenario } from '../../scenario/schema.js';
import { fearInto, hostilityIndex, matVec } from './buildArms.js';
import { armsStretches, simulateStretches, solveStretchesInto, type Stretch } from './simulateArms.js';
import { SolveCache, solveKey } from './solveKey.js';

/**
 * Monthly threat ratios θ_i/θ⁰_i for the crisis model (DESIGN.md §3.2: the ln(θ/θ⁰) term), computed once per
 * parameter set — never inside the monthly loop of a run. The arms model is solved once at the middle of each
 * month (exactly, with equally spaced outputs sharing one transition; or, with endogenous alignment, by
 * Dormand–Prince at a moderate tolerance — the crisis model reads ratios, not levels to many digits), timeline
 * changes included, and the threat is recomputed with each month's alignments. Entry [(month − 1)·m + i] is
 * actor i's ratio in month `month` (1-based); actors that fear no one have ratio 1. Under a policy, pass the
 * status quo as `reference` so the ratios are measured against the base year's threat (see simulateArms). Also
 * returns the stocks at each whole year 0 … ⌊months/12⌋ (`atYear[q][y]`), which the record weighting reads.
 * A path whose inputs (solveKey: the built systems of every stretch, and `months`) equal one of the last few
 * solved in this thread is not solved again.
 */
export function monthlyThreatRatios(s: Scenario, months: number, reference?: Scenario): { actors: string[]; ratio: Float64Array; stocks: { labels: string[]; atYear: number[][] } } {
  const actors = s.actors.map((a) => a.id);
  const m = actors.length;
  const ratio = new Float64Array(months * m).fill(1);
  if (s.arms?.linear || months === 0 || !s.actors.some((a) => a.capabilities?.conventional || a.capabilities?.strategic)) return { actors, ratio, stocks: { labels: [], atYear: [] } };
  const parts = armsStretches(s, reference);
  const key = solveKey(parts, [months]);
  const known = solved.get(key);
  if (known) return { actors, ratio: Float64Array.from(known.ratio), stocks: { labels: [...known.stocks.labels], atYear: known.stocks.atYear.map((row) => [...row]) } };
  const grid = threatGrid(months);
  const path = solvePath(s, parts, grid.times);
  const { rows, dim, aligned } = path;
  const stocks = { labels: path.labels, atYear: path.labels.map((_, q) => Array.from(grid.yearRow, (r) => rows[r * dim + q])) };
  // The system at start, with the reference's base year: what the solve itself used.
  const sys = parts[0].sys;
  const n = sys.labels.length;
  const x = new Float64Array(n);
  const theta = new Float64Array(m);
  // With endogenous alignment the threat is recomputed from each month's alignments: θ_i = Σ_q T_iq x_q with each
  // entry T_iq formed as `operators` forms it (own stocks: exact zeros) and summed in matVec's order, without
  // storing T. Without it the operator at start holds throughout.
  const p = sys.params;
  const w = new Float64Array(m * m);
  const f = new Float64Array(m * m);
  const hostile = aligned ? hostilityIndex(p) : undefined;
  // (1 − r_il)·f_il·s_l, the factor an entry T_iq shares with every stock q of actor l: T_iq is that times c_q,
  // and the product is formed left to right, so taking it out of the loop over q leaves every T_iq as it was.
  const pairFactor = new Float64Array(m * m);
  const { actorOf } = sys;
  const { assurance, share, weight } = p;
  for (let k = 0; k < months; k++) {
    const row = grid.monthRow[k] * dim;
    for (let q = 0; q < n; q++) x[q] = rows[row + q];
    if (aligned) {
      for (let e = 0; e < m * m; e++) w[e] = rows[row + n + e];
      fearInto(p, w, f, hostile);
      for (let i = 0; i < m; i++) for (let l = 0; l < m; l++) pairFactor[i * m + l] = (1 - assurance[i * m + l]) * f[i * m + l] * share[l];
      for (let i = 0; i < m; i++) {
        let th = 0;
        for (let q = 0; q < n; q++) {
          const l = actorOf[q];
          const tq = l === i ? 0 : pairFactor[i * m + l] * weight[q];
          th += tq * x[q];
        }
        theta[i] = th;
      }
    } else matVec(sys.T, x, m, theta);
    for (let i = 0; i < m; i++) if (sys.theta0[i] > 0) ratio[k * m + i] = Math.max(theta[i], 0) / sys.theta0[i];
  }
  solved.set(key, { ratio: Float64Array.from(ratio), stocks: { labels: [...stocks.labels], atYear: stocks.atYear.map((row) => [...row]) } });
  return { actors, ratio, stocks };
}

/**
 * The output times of the threat path: the mid-months (k + 0.5)/12, k = 0 … months − 1, merged in time order
 * with the whole years 0 … ⌊months/12⌋ (a year before a mid-month at the same time: none is), and the row of
 * each in that order. Kept for the last horizon asked: every cell of an experiment asks the same.
 */
function threatGrid(months: number): { times: number[]; monthRow: Int32Array; yearRow: Int32Array } {
  if (lastGrid?.months === months) return lastGrid;
  const years = Math.floor(months / 12);
  const times: number[] = [];
  const monthRow = new Int32Array(months), yearRow = new Int32Array(years + 1);
  for (let k = 0, y = 0; k < months || y <= years; ) {
    const tm = (k + 0.5) / 12;
    if (y <= years && (k >= months || y <= tm)) (yearRow[y] = times.length), times.push(y++);
    else (monthRow[k] = times.length), times.push(tm), k++;
  }
  lastGrid = { months, times, monthRow, yearRow };
  return lastGrid;
}
let lastGrid: { months: number; times: number[]; monthRow: Int32Array; yearRow: Int32Array } | undefined;

/**
 * The arms path at `times` as rows of `dim` numbers: the stocks, then (`aligned`: non-linear mode) the alignments.
 * The non-linear solve writes its rows in place; the exact one (and any failure, which simulateStretches reports
 * as it always has) goes through simulateStretches.
 */
function solvePath(s: Scenario, parts: Stretch[], times: number[]): { rows: Float64Array; dim: number; aligned: boolean; labels: string[] } {
  const base = parts[0].sys;
  const n = base.labels.length, m = base.actors.length;
  const rows = new Float64Array(times.length * (n + m * m));
  if (solveStretchesInto(s, parts, times, THREAT_RTOL, rows)) return { rows, dim: n + m * m, aligned: true, labels: base.labels };
  const full = simulateStretches(s, parts, { times, rtol: THREAT_RTOL, analysis: false });
  const dim = n + (full.alignment ? m * m : 0);
  for (let k = 0; k < times.length; k++) {
    for (let q = 0; q < n; q++) rows[k * dim + q] = full.series[q][k];
    if (full.alignment) rows.set(full.alignment[k], k * dim + n);
  }
  return { rows, dim, aligned: !!full.alignment, labels: full.labels };
}

/** The threat path's tolerance: the crisis model reads ratios, not levels to many digits. */
const THREAT_RTOL = 1e-6;

// The last few threat paths solved in this thread, by the content of their inputs (solveKey): a cell whose
// policy leaves the arms inputs as they are reuses its future's status-quo path. Callers get copies.
const solved = new SolveCache<{ ratio: Float64Array; stocks: { labels: string[]; atYear: number[][] } }>(8);

/** Forgets the threat paths kept for reuse (benchmarks use it to time a solve from scratch). */
export function clearThreatPathCache(): void {
  solved.clear();
}
