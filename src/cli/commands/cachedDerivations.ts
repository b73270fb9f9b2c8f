import type { ArmsOverFutures } from '../../experiment/armsOverFutures.js';
import type { ScenarioWarning } from '../../experiment/scenarioWarnings.js';
import { scenarioHash } from '../../scenario/hash.js';
import type { Scenario } from '../../scenario/schema.js';
import { cachedDerived } from '../derivedCache.js';
import { nodeSha256Hex } from '../nodeSha256.js';

/*
 * The derivations of a scenario that `compare` and the main job repeat on every call although they depend on
 * nothing but the scenario and a few options, reused from the derived-results cache (derivedCache.ts). Each key
 * holds the SHA-256 of the canonical scenario the derivation runs on — after --set, --effects and the status-quo
 * policy compare adds — so a reused value is the one that scenario gives. The models are loaded only on a miss.
 */

/** The scenario hash the store and the reproduce line use, by node:crypto. */
const scenarioKey = (s: Scenario) => scenarioHash(s, nodeSha256Hex);

/* The shapes a hit must have to be used (cachedDerived recomputes any other). */
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** An array of warnings with the fields `printWarnings` and compare's JSON read. */
function isWarnings(v: unknown): v is ScenarioWarning[] {
  return Array.isArray(v) && v.every((w) => isObject(w) && isString(w.code) && isString(w.path) && isString(w.message) && isString(w.hint));
}

/** A verdict summary with the fields `armsVerdictLine` reads. */
function isVerdictSummary(v: unknown): boolean {
  return isObject(v) && isNumber(v.futures) && isNumber(v.shareUnstable) && isNumber(v.shareNegativeEquilibrium) && isObject(v.leadingRate) && isNumber(v.leadingRate.median) && isNumber(v.leadingRate.q05) && isNumber(v.leadingRate.q95);
}

/** The verdict over the futures and per alternative, as the main job prints it. */
function isArmsOverFutures(v: unknown): v is ArmsOverFutures {
  return isObject(v) && isVerdictSummary(v.all) && Array.isArray(v.byAlternative) && v.byAlternative.every((b) => isObject(b) && isString(b.uncertainty) && isString(b.alternative) && isVerdictSummary(b.summary));
}

/** `scenarioWarnings(s, { crisis: true, months })`, as `compare` prints them; cached by scenario and months. */
export function cachedWarnings(s: Scenario, months: number): Promise<ScenarioWarning[]> {
  return cachedDerived('warnings', { scenario: scenarioKey(s), crisis: true, months }, isWarnings, async () => {
    const { scenarioWarnings } = await import('../../experiment/scenarioWarnings.js');
    return scenarioWarnings(s, { crisis: true, months });
  });
}

/** `armsOverFutures(s, { futures, seed })`: the arms verdict over the comparison's futures; cached by scenario, count and seed. */
export function cachedArmsOverFutures(s: Scenario, o: { futures: number; seed: number }): Promise<ArmsOverFutures> {
  return cachedDerived('arms-over-futures', { scenario: scenarioKey(s), futures: o.futures, seed: o.seed }, isArmsOverFutures, async () => {
    const { armsOverFutures } = await import('../../experiment/armsOverFutures.js');
    return armsOverFutures(s, o);
  });
}
