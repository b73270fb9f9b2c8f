/**
 * The yearly capability panel the arms calibration regresses on: one series per stock of a scenario, in the
 * scenario's units, with the observed values (null where the data have none), a source segment per year (a
 * growth rate is only read between two years of the same segment) and a filled copy that the threat and
 * protection operators are applied to (they need every stock in every year).
 */
import { armsParams } from '../models/arms/buildArms.js';
import type { Scenario } from '../scenario/schema.js';

/** One observation of a stock: year, value in the scenario's unit, and its source segment (default 0). */
export interface StockPoint {
  year: number;
  value: number;
  segment?: number;
}

/** Observed points per state label (`ACTOR.kind`), with where they came from. */
export interface StockData {
  points: StockPoint[];
  /** Short name of the data source, e.g. `SIPRI`. */
  source: string;
  /** Scale the series so that its value in the stock's base year equals the scenario's x⁰. @default false */
  anchorToBase?: boolean;
}

export interface ArmsPanel {
  years: number[];
  labels: string[];
  /** filled[t][q]: every stock in every year (see `buildPanel` for the filling rules). */
  filled: number[][];
  /** observed[t][q]: the data, after splicing and anchoring; null where missing. */
  observed: (number | null)[][];
  /** segment[t][q]: source segment of the observation, null where missing. */
  segment: (number | null)[][];
  /** Data source of each stock, or `scenario x⁰` for a stock with no data (held constant). */
  sources: string[];
  notes: string[];
}

/**
 * Builds the panel for `years` [first, last]. Rules, each reported in `notes`:
 * - segments are ratio-spliced: each earlier segment is scaled so that growth across a source break is zero
 *   (the break says nothing about real growth), working back from the latest segment;
 * - with `anchorToBase`, the series is scaled so its base-year value (filled) equals the scenario's x⁰;
 * - filling: log-linear interpolation inside gaps, the first value carried back, the last carried forward —
 *   except that a stock (not anchored) whose base year is after its last observation takes x⁰ in the base year;
 * - a stock with no data is held at x⁰ in every year.
 * Example: `buildPanel(korea, { 'KOR.conventional': { points, source: 'SIPRI' } }, [1988, 2024])`.
 */
export function buildPanel(s: Scenario, data: Record<string, StockData>, years: [number, number]): ArmsPanel {
  const { labels, x0 } = armsParams(s);
  const grid = Array.from({ length: years[1] - years[0] + 1 }, (_, k) => years[0] + k);
  const notes: string[] = [];
  const baseYears = s.actors.flatMap((a) => (['conventional', 'strategic'] as const).flatMap((k) => (a.capabilities?.[k] ? [a.capabilities[k]!.baseYear] : [])));
  const columns = labels.map((label, q) => {
    const d = data[label];
    if (!d || d.points.length === 0) {
      notes.push(`${label}: no data; held at x⁰ = ${x0[q]} in every year`);
      return { observed: grid.map(() => null), segment: grid.map(() => null), filled: grid.map(() => x0[q]), source: 'scenario x⁰' };
    }
    const spliced = splice(d.points, label, notes);
    const byYear = new Map(spliced.map((p) => [p.year, p]));
    const last = spliced[spliced.length - 1];
    let filled = fill(grid, spliced);
    if (!d.anchorToBase && baseYears[q] > last.year && baseYears[q] <= years[1]) {
      // The scenario's base value is a later observation than the data's last: use it, interpolating up to it.
      filled = fill(grid, [...spliced, { year: baseYears[q], value: x0[q] }]);
      notes.push(`${label}: data end in ${last.year}; ${baseYears[q]} takes the scenario's x⁰ = ${x0[q]}, years between interpolated log-linearly`);
    }
    let scale = 1;
    if (d.anchorToBase) {
      const at = grid.indexOf(baseYears[q]);
      if (at >= 0 && filled[at] > 0) scale = x0[q] / filled[at];
      notes.push(`${label}: scaled by ${scale.toPrecision(4)} so that ${baseYears[q]} equals the scenario's x⁰ = ${x0[q]}`);
    }
    return {
      observed: grid.map((y) => (byYear.has(y) ? byYear.get(y)!.value * scale : null)),
      segment: grid.map((y) => (byYear.has(y) ? (byYear.get(y)!.segment ?? 0) : null)),
      filled: filled.map((v) => v * scale),
      source: d.source,
    };
  });
  return {
    years: grid,
    labels,
    filled: grid.map((_, t) => columns.map((c) => c.filled[t])),
    observed: grid.map((_, t) => columns.map((c) => c.observed[t])),
    segment: grid.map((_, t) => columns.map((c) => c.segment[t])),
    sources: columns.map((c) => c.source),
    notes,
  };
}

/** Scales earlier segments so that each source break carries zero growth (ratio splice). Sorted by year. */
function splice(points: StockPoint[], label: string, notes: string[]): StockPoint[] {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const out = sorted.map((p) => ({ ...p }));
  let factor = 1;
  for (let k = out.length - 1; k >= 0; k--) {
    out[k].value = sorted[k].value * factor;
    const prev = sorted[k - 1];
    if (prev && (prev.segment ?? 0) !== (sorted[k].segment ?? 0) && prev.value > 0) {
      factor = out[k].value / prev.value;
      notes.push(`${label}: source break between ${prev.year} and ${sorted[k].year}; the series up to ${prev.year} is rescaled (zero growth across the break)`);
    }
  }
  return out;
}

/** Values on the grid: interpolated log-linearly inside gaps, held flat outside the observed years. */
function fill(grid: number[], points: { year: number; value: number }[]): number[] {
  const pts = [...points].sort((a, b) => a.year - b.year);
  return grid.map((y) => {
    if (y <= pts[0].year) return pts[0].value;
    const last = pts[pts.length - 1];
    if (y >= last.year) return last.value;
    const k = pts.findIndex((p) => p.year >= y);
    const a = pts[k - 1];
    const b = pts[k];
    if (b.year === y) return b.value;
    const w = (y - a.year) / (b.year - a.year);
    return a.value > 0 && b.value > 0 ? Math.exp((1 - w) * Math.log(a.value) + w * Math.log(b.value)) : (1 - w) * a.value + w * b.value;
  });
}

/**
 * Splits a series into source segments where the year-on-year change in logs exceeds `threshold` (default 0.3,
 * a rise of 35% or a fall of 26% in one year) or where years are missing. Returns the points with `segment` set.
 * Example: NK's OWID series breaks at 1997 (COW revision), across 2002–2013 (COW → SIPRI) and at 2018.
 */
export function segmentAtBreaks(points: { year: number; value: number }[], threshold = 0.3): StockPoint[] {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  let seg = 0;
  return sorted.map((p, k) => {
    if (k > 0) {
      const prev = sorted[k - 1];
      const jump = prev.value > 0 && p.value > 0 ? Math.abs(Math.log(p.value / prev.value)) : Infinity;
      if (p.year !== prev.year + 1 || jump > threshold) seg++;
    }
    return { year: p.year, value: p.value, segment: seg };
  });
}
