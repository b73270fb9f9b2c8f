import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '../scenario/load.js';
import type { Scenario } from '../scenario/schema.js';
import { packageRoot } from './packageRoot.js';

/** A scenario shipped with the package (`scenarios/*.yaml`), parsed once at start. */
export interface BundledScenario {
  id: string;
  name: string;
  /** Its path inside the package, for people (no request names a path). */
  file: string;
  hash: string;
  scenario: Scenario;
}

/** Reads and parses the package's `scenarios/` folder, in file-name order; a file that does not parse is skipped. */
export function loadBundledScenarios(root = packageRoot()): BundledScenario[] {
  const dir = join(root, 'scenarios');
  const out: BundledScenario[] = [];
  for (const name of readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort()) {
    const file = `scenarios/${name}`;
    const r = parseScenario(readFileSync(join(dir, name), 'utf8'), file);
    if (r.ok) out.push({ id: r.scenario.id, name: r.scenario.title, file, hash: r.hash, scenario: r.scenario });
  }
  return out;
}
