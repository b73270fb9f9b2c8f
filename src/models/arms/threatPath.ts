import type { Scenario } from '../../scenario/schema.js';
import { fearInto, hostilityIndex, matVec } from './buildArms.js';
import { armsStretches, simulateStretches } from './simulateArms.js';
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
  // Mid-months for the ratios, and the whole years 0 … ⌊months/12⌋ for the stock levels (the record's trends).
  const years = Math.floor(months / 12);
  const grid = [...Array.from({ length: months }, (_, k) => ({ t: (k + 0.5) / 12, month: k })), ...Array.from({ length: years + 1 }, (_, y) => ({ t: y, month: -1 - y }))].sort((a, b) => a.t - b.t || a.month - b.month);
  const parts = armsStretches(s, reference);
  const key = solveKey(parts, [months]);
  const known = solved.get(key);
  if (known) return { actors, ratio: Float64Array.from(known.ratio), stocks: { labels: [...known.stocks.labels], atYear: known.stocks.atYear.map((row) => [...row]) } };
  const full = simulateStretches(s, parts, { times: grid.map((g) => g.t), rtol: 1e-6, analysis: false });
  const pick = (want: (g: (typeof grid)[number]) => boolean) => grid.map((g, k) => (want(g) ? k : -1)).filter((k) => k >= 0);
  const monthCols = pick((g) => g.month >= 0), yearCols = pick((g) => g.month < 0);
  const run = { ...full, series: full.series.map((row) => monthCols.map((k) => row[k])), alignment: full.alignment && monthCols.map((k) => full.alignment![k]) };
  const stocks = { labels: full.labels, atYear: full.series.map((row) => yearCols.map((k) => row[k])) };
  // The system at start, with the reference's base year: what the solve itself used.
  const sys = run.system;
  const n = sys.labels.length;
  const x = new Float64Array(n);
  const theta = new Float64Array(m);
  // With endogenous alignment the threat is recomputed from each month's alignments: θ_i = Σ_q T_iq x_q with each
  // entry T_iq formed as `operators` forms it (own stocks: exact zeros) and summed in matVec's order, without
  // storing T. Without it the operator at start holds throughout.
  const p = sys.params;
  const w = new Float64Array(m * m);
  const f = new Float64Array(m * m);
  const hostile = run.alignment ? hostilityIndex(p) : undefined;
  for (let k = 0; k < months; k++) {
    for (let q = 0; q < n; q++) x[q] = run.series[q][k];
    if (run.alignment) {
      const wk = run.alignment[k];
      for (let e = 0; e < m * m; e++) w[e] = wk[e];
      fearInto(p, w, f, hostile);
      for (let i = 0; i < m; i++) {
        let th = 0;
        for (let q = 0; q < n; q++) {
          const l = sys.actorOf[q];
          const tq = l === i ? 0 : (1 - p.assurance[i * m + l]) * f[i * m + l] * p.share[l] * p.weight[q];
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

// The last few threat paths solved in this thread, by the content of their inputs (solveKey): a cell whose
// policy leaves the arms inputs as they are reuses its future's status-quo path. Callers get copies.
const solved = new SolveCache<{ ratio: Float64Array; stocks: { labels: string[]; atYear: number[][] } }>(8);

/** Forgets the threat paths kept for reuse (benchmarks use it to time a solve from scratch). */
export function clearThreatPathCache(): void {
  solved.clear();
}
