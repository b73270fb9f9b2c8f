import { simulateArms } from '../../models/arms/simulateArms.js';
import type { Scenario } from '../../scenario/schema.js';
import type { ScenarioWarning } from './types.js';

/**
 * The plausibility bound on a status-quo arms stock: compound growth of at most 15% a year sustained over ten
 * years (a factor of 4.05). Faster decade-long growth is on record only for crash programmes at their start —
 * the US warhead stockpile of the 1950s (about 300 in 1950 to about 18,600 in 1960) and the Soviet one of the
 * 1960s — and not for any state's military spending in peacetime; a model status quo above it usually means an
 * elasticity or a growth rate that compounds more than intended (docs/scenario-format.md#warnings).
 */
export const RUNAWAY_GROWTH_BOUND = { ratePerYear: 0.15, years: 10 } as const;

/**
 * Stocks of the status quo (the scenario as written, as `flashpoints simulate` solves it) whose compound growth
 * over the first ten years exceeds RUNAWAY_GROWTH_BOUND. The direct linear form of textbook models is not checked
 * (its units are abstract). Example: `runawayGrowth(s)` → `[{ code: 'runaway-growth', path: 'actors.PAK.capabilities.strategic', … }]`.
 */
export function runawayGrowth(s: Scenario): ScenarioWarning[] {
  if (s.arms?.linear || !s.actors.some((a) => a.capabilities?.conventional || a.capabilities?.strategic)) return [];
  const { ratePerYear, years } = RUNAWAY_GROWTH_BOUND;
  let run;
  try {
    run = simulateArms(s, { times: [0, years], analysis: false });
  } catch {
    return []; // `simulate` reports a system it cannot solve
  }
  const out: ScenarioWarning[] = [];
  run.labels.forEach((label, q) => {
    const [x0, x1] = run.series[q];
    if (!(x0 > 0 && x1 > 0)) return;
    const rate = (x1 / x0) ** (1 / years) - 1;
    if (!(rate > ratePerYear)) return;
    const [actor, kind] = label.split('.') as [string, 'conventional' | 'strategic'];
    const unit = s.actors.find((a) => a.id === actor)?.capabilities?.[kind]?.unit ?? '';
    const fmt = (x: number) => String(Number(x.toPrecision(3)));
    out.push({
      code: 'runaway-growth',
      path: `actors.${actor}.capabilities.${kind}`,
      message: `${label} grows ${(100 * rate).toFixed(1)}%/yr over ${years} years in the status quo (${fmt(x0)} → ${fmt(x1)} ${unit}), faster than the plausibility bound of ${100 * ratePerYear}%/yr`,
      hint: `growth this fast for a decade is on record only for crash nuclear programmes; check this stock's growth, elasticity and fatigue and what it reacts to (\`flashpoints analyze\` ranks the couplings), or say in a note why it is meant`,
    });
  });
  return out;
}
