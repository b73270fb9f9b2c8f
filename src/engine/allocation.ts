import { escalAItionCatalog } from '../scenario/catalog.js';
import type { Scenario } from '../scenario/schema.js';

/**
 * The crisis model's score histograms held at once for a horizon on `threads` threads: months × score values ×
 * aggregates in flight (the total and up to two batches per thread). Memory grows with this, not with the number
 * of runs; the CLI and the HTTP API refuse work above `HISTOGRAM_ENTRIES_LIMIT`.
 * Example: `crisisHistogram(korea, 120, 2)` → `{ entries, bins, inFlight }`.
 */
export function crisisHistogram(s: Scenario, months: number, threads: number): { entries: number; bins: number; inFlight: number } {
  const weights = (s.crisis?.catalog ?? escalAItionCatalog).map((c) => c.weight);
  const pairs = s.actors.length * (s.actors.length - 1);
  const lo = Math.min(...weights), hi = Math.max(...weights);
  const bins = Math.ceil(pairs * hi) - Math.floor(pairs * lo) + 1;
  const inFlight = 2 * threads + 1;
  return { entries: months * bins * inFlight, bins, inFlight };
}

/** Entries of the crisis histograms held at once, at most (200 MB of 32-bit counts). */
export const HISTOGRAM_ENTRIES_LIMIT = 50_000_000;

/** Months held for every (policy, future) cell of a comparison, at most: policies × futures × horizon. */
export const CELL_MONTHS_LIMIT = 20_000_000;
