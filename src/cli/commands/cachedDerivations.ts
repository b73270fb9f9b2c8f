import type { ArmsOverFutures } from '../../experiment/armsOverFutures.js';
import type { ScenarioWarning } from '../../experiment/scenarioWarnings.js';
import { canonicalJson } from '../../scenario/canonical.js';
import type { Scenario } from '../../scenario/schema.js';
import { readDerived, writeDerived } from '../derivedCache.js';
import { nodeSha256Hex } from '../nodeSha256.js';

/*
 * The derivations of a scenario that `compare` and the main job repeat on every call although they depend on
 * nothing but the scenario and a few options, reused from the derived-results cache (derivedCache.ts). Each key
 * holds the SHA-256 of the canonical scenario the derivation runs on — after --set, --effects and the status-quo
 * policy compare adds — so a reused value is the one that scenario gives. The models are loaded only on a miss.
 */

/** SHA-256 of the canonical scenario (the hash the store and the reproduce line use, by node:crypto). */
const scenarioKey = (s: Scenario) => nodeSha256Hex(canonicalJson(s));

/** `scenarioWarnings(s, { crisis: true, months })`, as `compare` prints them; cached by scenario and months. */
export async function cachedWarnings(s: Scenario, months: number): Promise<ScenarioWarning[]> {
  const key = { scenario: scenarioKey(s), crisis: true, months };
  const hit = readDerived<ScenarioWarning[]>('warnings', key);
  if (hit) return hit;
  const { scenarioWarnings } = await import('../../experiment/scenarioWarnings.js');
  const warnings = scenarioWarnings(s, { crisis: true, months });
  writeDerived('warnings', key, warnings);
  return warnings;
}

/** `armsOverFutures(s, { futures, seed })`: the arms verdict over the comparison's futures; cached by scenario, count and seed. */
export async function cachedArmsOverFutures(s: Scenario, o: { futures: number; seed: number }): Promise<ArmsOverFutures> {
  const key = { scenario: scenarioKey(s), futures: o.futures, seed: o.seed };
  const hit = readDerived<ArmsOverFutures>('arms-over-futures', key);
  if (hit) return hit;
  const { armsOverFutures } = await import('../../experiment/armsOverFutures.js');
  const over = armsOverFutures(s, o);
  writeDerived('arms-over-futures', key, over);
  return over;
}
