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

/*
 * A hit is used only in the shape its readers need: an entry can be any JSON (written by hand, or by a build whose
 * types differed under the same stamp), and one of the wrong shape is recomputed and rewritten, not crashed on.
 */
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
export async function cachedWarnings(s: Scenario, months: number): Promise<ScenarioWarning[]> {
  const key = { scenario: scenarioKey(s), crisis: true, months };
  const hit = readDerived<unknown>('warnings', key);
  if (isWarnings(hit)) return hit;
  const { scenarioWarnings } = await import('../../experiment/scenarioWarnings.js');
  const warnings = scenarioWarnings(s, { crisis: true, months });
  writeDerived('warnings', key, warnings);
  return warnings;
}

/** `armsOverFutures(s, { futures, seed })`: the arms verdict over the comparison's futures; cached by scenario, count and seed. */
export async function cachedArmsOverFutures(s: Scenario, o: { futures: number; seed: number }): Promise<ArmsOverFutures> {
  const key = { scenario: scenarioKey(s), futures: o.futures, seed: o.seed };
  const hit = readDerived<unknown>('arms-over-futures', key);
  if (isArmsOverFutures(hit)) return hit;
  const { armsOverFutures } = await import('../../experiment/armsOverFutures.js');
  const over = armsOverFutures(s, o);
  writeDerived('arms-over-futures', key, over);
  return over;
}
