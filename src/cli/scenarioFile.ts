import { InputError } from './errors.js';
import { readInputText } from './io/readInput.js';
import { formatIssue, parseScenario } from '../scenario/load.js';
import type { Scenario } from '../scenario/schema.js';

export interface LoadedScenario {
  file: string;
  scenario: Scenario;
  hash: string;
  /** The text as read (once): commands that rewrite the file (`calibrate --write`) start from it. */
  text: string;
}

/** Reads and validates a scenario file; any problem becomes an InputError (exit 2) listing every issue. */
export function readScenarioFile(file: string): LoadedScenario {
  const text = readInputText(file, { what: 'the scenario', kind: 'scenario', hint: 'give the path of a .yaml or .json scenario, e.g. scenarios/korea-2024.yaml' });
  const result = parseScenario(text, file);
  if (!result.ok) {
    const n = result.issues.length;
    const more = result.omitted ? ` (the first ${n} shown; ${result.omitted} more omitted)` : '';
    throw new InputError(
      result.issues.map(formatIssue),
      `${n + (result.omitted ?? 0)} problem${n + (result.omitted ?? 0) === 1 ? '' : 's'} in ${file}${more}; the format is described in docs/scenario-format.md (\`flashpoints schema\` prints it as JSON Schema)`,
    );
  }
  return { file, scenario: result.scenario, hash: result.hash, text };
}
