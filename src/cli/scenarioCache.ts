import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScenarioWarning } from '../experiment/scenarioWarnings.js';
import { canonicalJson } from '../scenario/canonical.js';
import type { Scenario } from '../scenario/schema.js';
import { VERSION } from '../version.js';
import { nodeSha256Hex } from './nodeSha256.js';

/*
 * A cache of checked scenarios (docs/performance.md#scenario-cache): what parsing, validating and hashing a scenario
 * file gave — the scenario with its defaults, its hash, and `validate`'s warnings — stored under the SHA-256 of the
 * file's text, so that the next command on the same bytes loads neither the YAML parser nor zod. Only valid
 * scenarios are stored; a problem is always found by parsing. An entry is used only when it was written by the
 * same build (flashpoints version and the build's time stamp), so edited code never reads an older build's
 * entries; anything unreadable is ignored and rewritten. Deleting the folder at any time is safe.
 */

/** A stored check of one scenario text. */
export interface CachedScenario {
  /** The build that wrote it (see `buildStamp`). */
  stamp: string;
  scenario: Scenario;
  hash: string;
  /** `validate`'s warnings, once a command computed them. */
  warnings?: ScenarioWarning[];
}

/**
 * The cache folder: $FLASHPOINTS_CACHE_DIR, else $XDG_CACHE_HOME/flashpoints/scenarios, else
 * ~/.cache/flashpoints/scenarios; undefined (no cache) when FLASHPOINTS_CACHE=off.
 */
export function scenarioCacheDir(): string | undefined {
  if (process.env.FLASHPOINTS_CACHE === 'off') return undefined;
  if (process.env.FLASHPOINTS_CACHE_DIR) return process.env.FLASHPOINTS_CACHE_DIR;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'flashpoints', 'scenarios');
}

/**
 * The build this code belongs to: the version, the time its compiled file was written (every build rewrites it)
 * and Node's version — another V8 need not give the same floating-point results (`Math.*` is not specified to the
 * last bit), so switching Node without a rebuild must not reuse derived results. Undefined when running the TypeScript sources (tsx, tests), whose edits no stamp would follow: no cache.
 * Also the stamp of the derived-results cache (derivedCache.ts).
 */
export function buildStamp(): string | undefined {
  const self = fileURLToPath(import.meta.url);
  if (!self.endsWith('.js')) return undefined;
  try {
    return `${VERSION}+${statSync(self).mtimeMs}+node${process.version}`;
  } catch {
    return undefined;
  }
}

/** Where the entry of a scenario text lives (undefined: no cache here). */
function entryPath(text: string): { path: string; stamp: string } | undefined {
  const dir = scenarioCacheDir(), stamp = buildStamp();
  return dir && stamp ? { path: join(dir, `${nodeSha256Hex(text)}.json`), stamp } : undefined;
}

/** The stored check of this exact text by this build, or undefined. */
export function cachedScenario(text: string): CachedScenario | undefined {
  const at = entryPath(text);
  if (!at) return undefined;
  try {
    const entry = JSON.parse(readFileSync(at.path, 'utf8')) as CachedScenario;
    return entry.stamp === at.stamp && typeof entry.hash === 'string' && entry.scenario ? entry : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Stores the check of a valid scenario text (written to a temporary file and renamed: readers never see half an
 * entry). Skipped when the scenario does not survive a JSON round trip with the same hash. Never throws.
 */
export function storeScenario(text: string, entry: Omit<CachedScenario, 'stamp'>): void {
  const at = entryPath(text);
  if (!at) return;
  try {
    const json = JSON.stringify({ ...entry, stamp: at.stamp });
    if (nodeSha256Hex(canonicalJson((JSON.parse(json) as CachedScenario).scenario)) !== entry.hash) return;
    mkdirSync(scenarioCacheDir()!, { recursive: true });
    const tmp = `${at.path}.${process.pid}.tmp`;
    writeFileSync(tmp, json);
    renameSync(tmp, at.path);
  } catch {
    // A read-only or full disk costs the next call its speed, nothing else.
  }
}
