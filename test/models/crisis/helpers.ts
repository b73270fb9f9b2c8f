import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScenario } from '../../../src/scenario/load.js';
import type { Scenario } from '../../../src/scenario/schema.js';

/** The Korea 2024 scenario, parsed. */
export function korea(): Scenario {
  const file = fileURLToPath(new URL('../../../scenarios/korea-2024.yaml', import.meta.url));
  const r = parseScenario(readFileSync(file, 'utf8'), file);
  if (!r.ok) throw new Error('korea-2024.yaml does not parse');
  return r.scenario;
}

/** σ of a sample proportion p over n draws. */
export const sigmaP = (p: number, n: number) => Math.sqrt((p * (1 - p)) / n);
