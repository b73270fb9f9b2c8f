import { readFileSync } from 'node:fs';
import { formatIssue, parseScenario, type LocatedIssue } from '../scenario/load.js';
import type { Scenario } from '../scenario/schema.js';

/** A scenario file that cannot be read or is not valid; `issues` holds every problem, located in the file. */
export class ScenarioFileError extends Error {
  constructor(readonly issues: LocatedIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'ScenarioFileError';
  }
}

/**
 * Reads and validates a scenario file (YAML or JSON) — the library's counterpart of `flashpoints validate`.
 * Returns the parsed scenario (defaults filled) and its SHA-256; throws ScenarioFileError listing every problem
 * as `file:line:col path: message` (a file that cannot be read is one issue at line 0). Node only (`node:fs`):
 * `import { loadScenarioFile } from 'flashpoints/node'`; in a browser use `parseScenario(text, name)`.
 * Example: `const { scenario, hash } = loadScenarioFile('scenarios/korea-2024.yaml')`.
 */
export function loadScenarioFile(file: string): { scenario: Scenario; hash: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new ScenarioFileError([{ file, line: 0, col: 0, path: '', message: `cannot read the file (${code})` }]);
  }
  const result = parseScenario(text, file);
  if (!result.ok) throw new ScenarioFileError(result.issues);
  return { scenario: result.scenario, hash: result.hash };
}
