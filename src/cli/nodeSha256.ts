import { createHash } from 'node:crypto';

/**
 * SHA-256 of a string's UTF-8 bytes as lowercase hex, by node:crypto: the same digest as the core's own
 * `sha256Hex` (src/scenario/sha256.ts, kept for the browser), several times faster on a scenario.
 * test/cli/scenarioCache.test.ts checks that both agree. Example: `nodeSha256Hex('abc').startsWith('ba7816bf')`.
 */
export function nodeSha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
