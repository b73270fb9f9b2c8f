import type { Override } from '../scenario/overrides.js';
import type { ScenarioWarning } from '../experiment/scenarioWarnings.js';
import { readInputText } from './io/readInput.js';
import { cachedScenario, storeScenario } from './scenarioCache.js';
import type { LoadedScenario } from './scenarioFile.js';
import type { ScenarioInput } from './scenarioInput.js';

/*
 * The start-up path of the commands that read one scenario and do little else (`simulate`, `validate`): this
 * module imports neither the YAML parser nor zod, and loads them only when the scenario cache has no entry for
 * the file's text (docs/performance.md#start-up).
 */

/**
 * A scenario file, read and checked: from the cache when this build has seen the same text, else parsed (and
 * stored). With `warnings`, `validate`'s warnings too, computed once per text. Invalid files throw the same
 * InputError as `readScenarioFile`. Example: `await loadScenarioFile('scenarios/korea-2024.yaml')`.
 */
export async function loadScenarioFile(file: string, o: { warnings?: boolean } = {}): Promise<LoadedScenario & { warnings?: ScenarioWarning[] }> {
  const text = readInputText(file, { what: 'the scenario', kind: 'scenario', hint: 'give the path of a .yaml or .json scenario, e.g. scenarios/korea-2024.yaml' });
  const hit = cachedScenario(text);
  if (hit && (!o.warnings || hit.warnings)) return { file, scenario: hit.scenario, hash: hit.hash, text, warnings: hit.warnings };
  const loaded = hit ? { file, scenario: hit.scenario, hash: hit.hash, text } : (await import('./scenarioFile.js')).parseScenarioText(text, file);
  if (!o.warnings) return loaded;
  const warnings = (await import('../experiment/scenarioWarnings.js')).scenarioWarnings(loaded.scenario);
  storeScenario(text, { scenario: loaded.scenario, hash: loaded.hash, warnings });
  return { ...loaded, warnings };
}

/** `readScenarioInput` (the file, then its `--set` overrides) on the fast path when there are no overrides. */
export async function loadScenarioInput(file: string, sets: readonly string[] = []): Promise<ScenarioInput> {
  if (sets.length) return (await import('./scenarioInput.js')).readScenarioInput(file, sets);
  const loaded = await loadScenarioFile(file);
  return { file, scenario: loaded.scenario, hash: loaded.hash, overrides: [] as Override[], ref: { id: loaded.scenario.id, hash: loaded.hash } };
}
