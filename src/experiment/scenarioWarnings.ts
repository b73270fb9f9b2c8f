import type { Scenario } from '../scenario/schema.js';
import { centringWarnings } from './centring.js';
import { crisisDefaults } from './warnings/crisisDefaults.js';
import { deadDimensions } from './warnings/deadDimensions.js';
import { inertLevers } from './warnings/inertLevers.js';
import { runawayGrowth } from './warnings/runawayGrowth.js';
import type { ScenarioWarning } from './warnings/types.js';

export type { ScenarioWarning } from './warnings/types.js';
export { RUNAWAY_GROWTH_BOUND } from './warnings/runawayGrowth.js';

export interface ScenarioWarningOptions {
  /** Check the crisis defaults even when the scenario has no `crisis` section (`run` and `compare` use it). @default whether it has one */
  crisis?: boolean;
  /** Months over which lever effects are looked for. @default 120 */
  months?: number;
}

/**
 * What a modeller should know about a valid scenario (docs/scenario-format.md#warnings): inert levers and
 * policies, crisis parameters left at built-in defaults without a calibration record, status-quo stocks
 * growing faster than RUNAWAY_GROWTH_BOUND, ranged parameters sampled around another centre than their value, and
 * ranged parameters every structural alternative sets (dead dimensions). Pure. Example: `scenarioWarnings(s).map((w) => w.message)`.
 */
export function scenarioWarnings(s: Scenario, options: ScenarioWarningOptions = {}): ScenarioWarning[] {
  return [...inertLevers(s, { months: options.months }), ...crisisDefaults(s, { crisis: options.crisis }), ...runawayGrowth(s), ...centringWarnings(s), ...deadDimensions(s)];
}
