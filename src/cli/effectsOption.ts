import { withZeroEffects } from '../scenario/apply.js';
import { scenarioHash } from '../scenario/load.js';
import { InputError } from './errors.js';
import type { ScenarioInput } from './scenarioInput.js';

/** The help line of `--effects`, shared by `run` and `compare`. */
export const EFFECTS_HELP = "'zero': the placebo — every lever effect and strategy adherence set to 0, so every policy is the status quo (docs/experiments.md#placebo)";

/**
 * The scenario input under `--effects`: unchanged without it; with `zero`, the placebo scenario of `withZeroEffects`
 * and its own hash (so a store never mixes placebo cells with real ones). Anything else is an InputError (exit 2).
 * Example: `applyEffectsOption(readScenarioInput('korea.yaml'), 'zero')`.
 */
export function applyEffectsOption(input: ScenarioInput, effects: string | undefined): ScenarioInput {
  if (effects === undefined) return input;
  if (effects !== 'zero') throw new InputError([`--effects ${effects}: unknown value`], "the only value is 'zero' (the placebo: every policy effect size set to 0)");
  const scenario = withZeroEffects(input.scenario);
  const hash = scenarioHash(scenario);
  return { ...input, scenario, hash, ref: { ...input.ref, hash } };
}
