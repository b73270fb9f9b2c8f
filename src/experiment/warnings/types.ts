/**
 * A warning about a valid scenario: nothing stops it from running, but a modeller would want to know
 * (docs/scenario-format.md#warnings). `path` is where to look, in the scenario's own terms (`levers[2].path`,
 * `crisis`, `actors.PAK.capabilities.strategic`); `hint` says what to do about it.
 */
export interface ScenarioWarning {
  code: 'inert-lever' | 'inert-policy' | 'crisis-defaults' | 'runaway-growth' | 'off-centre' | 'dead-dimension';
  path: string;
  message: string;
  hint: string;
}
