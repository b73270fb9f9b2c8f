import type { Scenario } from '../scenario/schema.js';
import { distributionMedian, isCentred } from './designs/transform.js';
import { listUncertainties } from './uncertainties.js';
import type { ScenarioWarning } from './warnings/types.js';


/**
 * Ranged parameters whose sampling distribution's median is not their stated value (docs/scenario-format.md#
 * distributions) and that give no `offCentre` reason: experiments would sample around another centre than the
 * one the scenario states. Example: `{ value: 1, range: [0, 1.2], dist: uniform }` samples a median of 0.6.
 */
export function centringWarnings(s: Scenario): ScenarioWarning[] {
  return listUncertainties(s)
    .filter((u) => !u.offCentre && !isCentred(u))
    .map((u) => ({
      code: 'off-centre' as const,
      path: u.name,
      message: `its ${u.dist} distribution over [${u.range.join(', ')}] has median ${Number(distributionMedian(u).toPrecision(4))}, not the stated value ${u.value}`,
      hint: 'drop `dist` (split-uniform keeps the value as median), or say why in `offCentre: "…"`',
    }));
}
