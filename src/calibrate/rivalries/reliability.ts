import { wilson } from '../../models/crisis/intervals.js';

/** Edges of the reliability bins of yearly clash probabilities: narrow where most forecasts fall. */
export const RELIABILITY_EDGES: readonly number[] = [0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.6, 1];

/** One bin of a reliability diagram: the forecasts in [lo, hi) (the last bin includes 1). */
export interface ReliabilityBin {
  lo: number;
  hi: number;
  /** Forecasts in the bin. */
  n: number;
  /** Mean forecast probability in the bin (0 when empty). */
  forecast: number;
  /** Observed share of events, with its Wilson 95% interval. */
  observed: number;
  observedLo: number;
  observedHi: number;
}

/**
 * Bins (forecast, outcome) pairs by forecast probability and compares the mean forecast with the observed share in
 * each bin: a calibrated forecaster's points lie on the diagonal. Empty bins are kept (n = 0).
 * Example: `reliabilityBins([{ p: 0.02, y: 0 }, { p: 0.5, y: 1 }])[0].n` → 1.
 */
export function reliabilityBins(pairs: readonly { p: number; y: number }[], edges: readonly number[] = RELIABILITY_EDGES): ReliabilityBin[] {
  const last = edges.length - 2;
  const bins = edges.slice(0, -1).map((lo, b) => ({ lo, hi: edges[b + 1], n: 0, sp: 0, k: 0 }));
  for (const { p, y } of pairs) {
    let b = 0;
    while (b < last && p >= edges[b + 1]) b++;
    bins[b].n++;
    bins[b].sp += p;
    bins[b].k += y;
  }
  return bins.map(({ lo, hi, n, sp, k }) => {
    const w = wilson(k, n);
    return { lo, hi, n, forecast: n ? sp / n : 0, observed: n ? k / n : 0, observedLo: n ? w.lo : 0, observedHi: n ? w.hi : 0 };
  });
}
