import { InputError } from './errors.js';
import { readInputText } from './io/readInput.js';
import { formatIssue, parseScenario } from '../scenario/load.js';
import { nodeSha256Hex } from './nodeSha256.js';
import { cachedScenario, storeScenario } from './scenarioCache.js';
import type { Scenario } from '../scenario/schema.js';

export interface LoadedScenario {
  file: string;
  scenario: Scenario;
  hash: string;
  /** The text as read (once): commands that rewrite the file (`calibrate --write`) start from it. */
  text: string;
}

/**
 * Reads and validates a scenario file; any problem becomes an InputError (exit 2) listing every issue. A text
 * checked before by this build comes from the scenario cache (scenarioCache.ts); `loadScenarioFile` does the same
 * without loading the parser at all on a hit.
 */
export function readScenarioFile(file: string): LoadedScenario {
  const text = readScenarioText(file);
  const hit = cachedScenario(text);
  return hit ? { file, scenario: hit.scenario, hash: hit.hash, text } : parseScenarioText(text, file);
}

/** The text of a scenario file, read under the scenario size limit. */
export function readScenarioText(file: string): string {
  return readInputText(file, { what: 'the scenario', kind: 'scenario', hint: 'give the path of a .yaml or .json scenario, e.g. scenarios/korea-2024.yaml' });
}

/** Parses and validates a scenario text (hashing by node:crypto), stores a valid one in the cache, or throws the InputError. */
export function parseScenarioText(text: string, file: string): LoadedScenario {
  const result = parseScenario(text, file, { sha256: nodeSha256Hex });
  if (!result.ok) {
    const n = result.issues.length;
    const more = result.omitted ? ` (the first ${n} shown; ${result.omitted} more omitted)` : '';
    throw new InputError(
      result.issues.map(formatIssue),
      `${n + (result.omitted ?? 0)} problem${n + (result.omitted ?? 0) === 1 ? '' : 's'} in ${file}${more}; the format is described in docs/scenario-format.md (\`flashpoints schema\` prints it as JSON Schema)`,
    );
  }
  storeScenario(text, { scenario: result.scenario, hash: result.hash });
  return { file, scenario: result.scenario, hash: result.hash, text };
}
