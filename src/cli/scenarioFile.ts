import { readFileSync } from 'node:fs';
import { InputError } from './errors.js';
import { formatIssue, parseScenario } from '../scenario/load.js';
import type { Scenario } from '../scenario/schema.js';

export interface LoadedScenario {
  file: string;
  scenario: Scenario;
  hash: string;
}

/** Reads and validates a scenario file; any problem becomes an InputError (exit 2) listing every issue. */
export function readScenarioFile(file: string): LoadedScenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError([`${file}: cannot read the scenario (${code === 'ENOENT' ? 'no such file' : code ?? String(err)})`], 'give the path of a .yaml or .json scenario, e.g. scenarios/korea-2024.yaml');
  }
  const result = parseScenario(text, file);
  if (!result.ok) {
    const n = result.issues.length;
    throw new InputError(
      result.issues.map(formatIssue),
      `${n} problem${n === 1 ? '' : 's'} in ${file}; the format is described in docs/scenario-format.md (\`flashpoints schema\` prints it as JSON Schema)`,
    );
  }
  return { file, scenario: result.scenario, hash: result.hash };
}
