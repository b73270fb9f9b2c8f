import { canonicalJson } from './canonical.js';
import type { Scenario } from './schema.js';
import { sha256Hex } from './sha256.js';

/**
 * SHA-256 of the canonical JSON of the parsed scenario (defaults filled in): stable under key order and layout.
 * `sha256` is the pure-JavaScript digest (it runs in the browser) unless a Node caller passes node:crypto's,
 * which gives the same hex. A module of its own so that hashing a scenario does not load the YAML parser.
 */
export function scenarioHash(s: Scenario, sha256: (text: string) => string = sha256Hex): string {
  return sha256(canonicalJson(s));
}
