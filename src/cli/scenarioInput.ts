import { InputError } from './errors.js';
import type { ScenarioRef } from './output.js';
import { readScenarioFile } from './scenarioFile.js';
import { outputWidth, wrapText } from './render/table.js';
import { applyOverrideTexts, type Override } from '../scenario/overrides.js';
import type { Scenario } from '../scenario/schema.js';
import type { ScenarioWarning } from '../experiment/scenarioWarnings.js';

/** A scenario as a model command runs it: the file, then its `--set` overrides. `ref` goes into the envelope. */
export interface ScenarioInput {
  file: string;
  scenario: Scenario;
  /** SHA-256 of the overridden scenario (of the file's when there are no overrides). */
  hash: string;
  overrides: Override[];
  ref: ScenarioRef;
}

export { collectSet, SET_HELP } from './setOption.js';

/**
 * Reads the scenario file and applies `--set` overrides in order; a bad path or value is an InputError (exit 2)
 * naming the override, with a hint. Example: `readScenarioInput('x.yaml', ['crisis.clashThreshold=5'])`.
 */
export function readScenarioInput(file: string, sets: readonly string[] = []): ScenarioInput {
  const loaded = readScenarioFile(file);
  if (!sets.length) return { ...loaded, overrides: [], ref: { id: loaded.scenario.id, hash: loaded.hash } };
  const result = applyOverrideTexts(loaded.scenario, sets);
  if (!result.ok) {
    const hints = [...new Set(result.issues.map((i) => i.hint).filter((h): h is string => !!h))];
    throw new InputError(result.issues.map((i) => `--set ${i.override}: ${i.message}`), hints.join('; ') || 'see docs/scenario-format.md#paths');
  }
  return { file, scenario: result.scenario, hash: result.hash, overrides: result.overrides, ref: { id: result.scenario.id, hash: result.hash, overrides: result.overrides } };
}

/** The `--set` options that reproduce the overrides, for printed commands. */
export function setArgs(overrides: readonly Override[]): string {
  return overrides.map((o) => ` --set ${o.path}=${o.value}`).join('');
}

/** Prints warnings on stderr, one `warning: path: message` line each with its hint. */
export function printWarnings(warnings: readonly ScenarioWarning[]): void {
  for (const w of warnings) process.stderr.write(wrapText(`warning: ${w.path}: ${w.message}\n  hint: ${w.hint}`, outputWidth(process.stderr)) + '\n');
}
