import { readFileSync } from 'node:fs';
import { parseScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/schema.js';

/** The Korea scenario's text as the calibration writers read and rewrite it. */
export const koreaText = readFileSync('scenarios/korea-2024.yaml', 'utf8');

/** A scenario text parsed or the test fails with the parser's messages (a written scenario must still load). */
export function loadScenarioText(text: string, name = 'korea-2024.yaml'): Scenario {
  const r = parseScenario(text, name);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return r.scenario;
}

/** The comment lines of a YAML text: a calibration writer must keep every one of them. */
export const yamlComments = (text: string): string[] => text.split('\n').filter((l) => l.trimStart().startsWith('#'));
