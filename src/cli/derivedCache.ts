import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { canonicalJson } from '../scenario/canonical.js';
import { VERSION } from '../version.js';
import { nodeSha256Hex } from './nodeSha256.js';
import { buildStamp, scenarioCacheDir } from './scenarioCache.js';

/*
 * A cache of derived results (docs/performance.md#derived-results-cache): what a command computed from a checked
 * scenario and its options — the arms verdict over the comparison's futures, `compare`'s scenario warnings, the
 * main job's whole answer — stored under the SHA-256 of everything that determines it. Each entry records its
 * kind, the build that wrote it (the scenario cache's stamp: flashpoints version and the time the build was
 * written) and its key in full; an entry whose kind, stamp or key differs, or that does not parse, is a miss,
 * and the caller computes afresh and rewrites it. Writes go to a temporary file renamed into place, so a reader
 * never sees half an entry. Running the TypeScript sources (no build stamp) or FLASHPOINTS_CACHE=off: no cache.
 * Deleting the folder at any time is safe.
 */

/** The folder of derived results: `derived/` beside the scenario cache's entries, or undefined (no cache). */
export function derivedCacheDir(): string | undefined {
  const scenarios = scenarioCacheDir();
  if (!scenarios) return undefined;
  // $FLASHPOINTS_CACHE_DIR holds the scenario entries itself; the default folder is …/flashpoints/scenarios.
  return process.env.FLASHPOINTS_CACHE_DIR ? join(scenarios, 'derived') : join(dirname(scenarios), 'derived');
}

interface Entry<T> {
  kind: string;
  stamp: string;
  key: unknown;
  value: T;
}

/** Where the entry of (kind, key) lives, and the stamp it must carry; undefined when there is no cache. */
function entryAt(kind: string, key: unknown): { path: string; stamp: string; keyText: string } | undefined {
  const dir = derivedCacheDir(), stamp = buildStamp();
  if (!dir || !stamp) return undefined;
  const keyText = canonicalJson({ flashpoints: VERSION, key });
  // The stamp is checked inside the entry, not hashed into its name: the next build overwrites an entry of the
  // same key instead of adding one, so the folder does not grow with every build.
  return { path: join(dir, `${kind}-${nodeSha256Hex(`${kind}\n${keyText}`)}.json`), stamp, keyText };
}

/** Whether derived results are cached here at all (a cache folder, and a build stamp: not the TypeScript sources). */
export function derivedCacheEnabled(): boolean {
  return derivedCacheDir() !== undefined && buildStamp() !== undefined;
}

/** Every JSON number that parses as −0 matches (`-0`, `-0.00`, `-0e7`); so may a string, hence the reviver's check. */
const MAYBE_MINUS_ZERO = /-0(?:\.0+)?(?:[eE][+-]?\d+)?(?![\d.eE])/;

/** The stored value of (kind, key) written by this build, or undefined (absent, stale, damaged, or no cache). */
export function readDerived<T>(kind: string, key: unknown): T | undefined {
  const at = entryAt(kind, key);
  if (!at) return undefined;
  try {
    // A −0 in the text parses as −0, which no write stores (see writeDerived): such an entry was not written by
    // this code, so it is a miss like any other foreign entry. A reviver makes a parse several times slower (the
    // main answer is ~450 KB), so it runs only when the text has something that may be a −0.
    const text = readFileSync(at.path, 'utf8');
    let foreign = false;
    const entry = (MAYBE_MINUS_ZERO.test(text)
      ? JSON.parse(text, (_k, v: unknown) => {
          if (Object.is(v, -0)) foreign = true;
          return v;
        })
      : JSON.parse(text)) as Entry<T>;
    if (foreign || entry === null || typeof entry !== 'object') return undefined;
    if (entry.kind !== kind || entry.stamp !== at.stamp || canonicalJson({ flashpoints: VERSION, key: entry.key }) !== at.keyText) return undefined;
    return entry.value;
  } catch {
    return undefined;
  }
}

/**
 * Whether `v` comes back from JSON as it is. Not: NaN and the infinities (become null), −0 (becomes 0), bigints
 * and functions, an undefined inside an array (becomes null), typed arrays, Maps and Sets (become plain objects).
 */
function survivesJson(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (typeof v === 'bigint' || typeof v === 'function') return false;
  if (Array.isArray(v)) return !v.some((x) => x === undefined);
  return !(ArrayBuffer.isView(v) || v instanceof ArrayBuffer || v instanceof Map || v instanceof Set);
}

/**
 * Stores the value of (kind, key). Skipped when the value does not survive JSON as it is (survivesJson: a NaN, a
 * −0, a typed array or a Map would come back changed), so a reused value always equals the computed one.
 * Never throws: a read-only or full disk costs the next call its speed, nothing else.
 */
export function writeDerived(kind: string, key: unknown, value: unknown): void {
  const at = entryAt(kind, key);
  if (!at) return;
  try {
    let faithful = true;
    // The replacer sees each value before toJSON and before JSON turns it into text; `this[k]` is the original
    // (a Date's toJSON gives a string, which survives: it is what the caller stored).
    const json = JSON.stringify({ kind, stamp: at.stamp, key, value } satisfies Entry<unknown>, function (this: Record<string, unknown>, k, v: unknown) {
      if (!survivesJson(v) || !survivesJson(this[k])) faithful = false;
      return v;
    });
    if (!faithful) return;
    mkdirSync(dirname(at.path), { recursive: true });
    const tmp = `${at.path}.${process.pid}.tmp`;
    writeFileSync(tmp, json);
    renameSync(tmp, at.path);
  } catch {
    // Nothing to undo: the entry was not written, or the temporary file is left for no reader (pruned below).
    return;
  }
  pruneDerived(dirname(at.path), kind);
}

/** Entries kept per kind; a main answer is ~450 KB, so the folder stays within tens of megabytes. */
export const DERIVED_ENTRIES_PER_KIND = 64;
/** A temporary file this old belongs to no write still under way (a write takes milliseconds): a crash left it. */
const STALE_TMP_MS = 60 * 60 * 1000;

/**
 * Bounds the folder after a write: every `--set` variant and every scenario edit adds an entry, and a crash
 * between write and rename leaves a temporary file. Removes the temporary files older than an hour and, of the
 * entries of `kind`, all but the DERIVED_ENTRIES_PER_KIND most recently written (by modification time; a read does
 * not refresh it, so a much-used entry can go and is simply computed again). Never throws: another process may
 * remove the same file first.
 */
function pruneDerived(dir: string, kind: string): void {
  try {
    const now = Date.now(), own = new RegExp(`^${kind.replace(/[^a-z0-9]/gi, '\\$&')}-[0-9a-f]{64}\\.json$`);
    const entries: { file: string; mtime: number }[] = [];
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      const tmp = name.endsWith('.tmp');
      if (!tmp && !own.test(name)) continue;
      const mtime = mtimeOf(file);
      if (mtime === undefined) continue;
      if (tmp) {
        if (now - mtime > STALE_TMP_MS) removeQuietly(file);
      } else entries.push({ file, mtime });
    }
    if (entries.length <= DERIVED_ENTRIES_PER_KIND) return;
    entries.sort((a, b) => b.mtime - a.mtime || (a.file < b.file ? -1 : 1));
    for (const e of entries.slice(DERIVED_ENTRIES_PER_KIND)) removeQuietly(e.file);
  } catch {
    // An unreadable folder is left as it is: the cache still works, only larger.
  }
}

function mtimeOf(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone (another process pruned it), or not ours to remove: either way nothing to do.
  }
}

/**
 * The cached value of (kind, key) when it has the shape its readers need (`accept`), else `compute()`'s, stored
 * for the next call. An entry can be any JSON (written by hand, or by a build whose types differed under the same
 * stamp): one of the wrong shape is recomputed and rewritten, not crashed on. `compute` may import what it needs,
 * so that a hit loads no model.
 */
export async function cachedDerived<T>(kind: string, key: unknown, accept: (v: unknown) => v is T, compute: () => Promise<T>): Promise<T> {
  const hit = readDerived<unknown>(kind, key);
  if (accept(hit)) return hit;
  const value = await compute();
  writeDerived(kind, key, value);
  return value;
}
