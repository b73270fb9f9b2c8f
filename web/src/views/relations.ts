// The pairs of actors as the map and the network draw them at a given year: alignment from the arms model's
// endogenous-alignment path (the stronger direction; the start values when the path is absent), hostility as
// the scenario writes it (the stronger direction).
import type { ArmsView, ScenarioView } from '../protocol.js';

/** An unordered pair as drawn: alignment (0–1) and hostility (0–1), each the stronger direction. */
export interface PairState { a: string; b: string; alignment: number; hostility: number }

/** The pairs at `year` of the arms model's alignment path (the start values without it). */
export function pairsAt(view: ScenarioView, arms: ArmsView | null, year: number): PairState[] {
  const w = arms?.alignment?.[Math.min(year, (arms.alignment?.length ?? 1) - 1)];
  if (!arms || !w) return view.pairs;
  const m = arms.actors.length, at = (id: string) => arms.actors.indexOf(id);
  return view.pairs.map((p) => {
    const i = at(p.a), j = at(p.b);
    return { ...p, alignment: i < 0 || j < 0 ? p.alignment : Math.max(w[i * m + j], w[j * m + i]) };
  });
}
