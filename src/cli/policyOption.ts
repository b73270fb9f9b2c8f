import { InputError } from './errors.js';
import type { ScenarioInput } from './scenarioInput.js';
import { applyPolicy } from '../scenario/apply.js';
import type { Scenario } from '../scenario/schema.js';

/** Fails with the known policy ids when the scenario has no policy `id` (exit 2). */
export function checkPolicy(s: Scenario, id: string | undefined): void {
  if (id === undefined || s.policies.some((p) => p.id === id)) return;
  const known = s.policies.map((p) => p.id);
  throw new InputError([`--policy: scenario '${s.id}' has no policy '${id}'`], known.length ? `known policies: ${known.join(', ')}` : 'this scenario defines no policies');
}

/**
 * The scenario under `--policy` for the arms commands: the policy's lever changes and strategies applied
 * (src/scenario/apply.ts), with the status quo as `reference` so elasticities stay relative to the base-year
 * world; without a policy, the scenario itself and no reference.
 */
export function underPolicy(input: Pick<ScenarioInput, 'scenario'>, policy: string | undefined): { scenario: Scenario; reference?: Scenario } {
  checkPolicy(input.scenario, policy);
  if (policy === undefined) return { scenario: input.scenario };
  return { scenario: applyPolicy(input.scenario, policy), reference: input.scenario };
}
