import type { Stretch } from './simulateArms.js';

/**
 * The inputs of an arms solve, as numbers and names: what `simulateStretches` and the threat path read of
 * each stretch (its start, the built system: x⁰, θ⁰, π⁰, A, b, T, P, every structural parameter, the state
 * layout) and the options the caller adds. Two solves with equal keys compute the same numbers, whatever
 * scenario objects they came from: the key is the content the solve reads, never an object's identity.
 */
export interface SolveKey {
  names: string;
  numbers: Float64Array;
  hash: number;
}

export function solveKey(parts: readonly Stretch[], options: readonly number[]): SolveKey {
  // Two passes over the same fields in the same order: the first counts, the second writes into the key's
  // array, so that the thousands of numbers of a Korea path are not pushed one by one onto a growing list.
  let size = 0, at = 0;
  let numbers: Float64Array | undefined;
  const put = (v: number) => (numbers ? (numbers[at++] = v) : size++);
  const push = (a: ArrayLike<number>) => {
    if (!numbers) return void (size += a.length + 1);
    numbers[at++] = a.length;
    for (let k = 0; k < a.length; k++) numbers[at++] = a[k];
  };
  const names: (readonly string[])[] = [];
  for (let pass = 0; pass < 2; pass++) {
    if (pass === 1) numbers = new Float64Array(size);
    for (const v of options) put(v);
    put(parts.length);
    for (const { tStart, sys } of parts) {
      put(tStart);
      if (pass === 0) names.push(sys.actors, sys.labels, sys.kindOf);
      for (const a of [sys.actorOf, sys.x0, sys.theta0, sys.pi0, sys.A, sys.b, sys.T, sys.P]) push(a);
      const p = sys.params;
      if (!p) {
        put(-1);
        continue;
      }
      for (const v of [p.m, p.cohesion, p.psi, p.endogenous ? 1 : 0, p.nonNegative ? 1 : 0]) put(v);
      for (const a of [p.hostility, p.alignment, p.treatyFloor, p.assurance, p.alignmentRate, p.share, p.weight, p.growth, p.elasticity, p.reliance, p.fatigue]) push(a);
      put(p.transfers.length);
      for (const t of p.transfers) for (const v of [t.state, t.recipient, t.donor, t.rate]) put(v);
    }
  }
  // FNV-1a over the numbers' bits: only to find candidates; equality is decided on the whole key.
  const words = new Uint32Array(numbers!.buffer);
  let hash = 0x811c9dc5;
  for (let k = 0; k < words.length; k++) hash = Math.imul(hash ^ words[k], 0x01000193);
  // JSON keeps every name whole: ids containing ',' or '|' cannot make two different lists join alike.
  const joined = JSON.stringify(names);
  for (let k = 0; k < joined.length; k++) hash = Math.imul(hash ^ joined.charCodeAt(k), 0x01000193);
  return { names: joined, numbers: numbers!, hash: hash >>> 0 };
}

function sameKey(a: SolveKey, b: SolveKey): boolean {
  if (a.hash !== b.hash || a.names !== b.names || a.numbers.length !== b.numbers.length) return false;
  for (let k = 0; k < a.numbers.length; k++) if (!Object.is(a.numbers[k], b.numbers[k])) return false;
  return true;
}

/**
 * A small most-recently-used store of solve results by key. Within one thread, the cells of one future under
 * policies that leave the arms inputs alone (Korea's dialogue and GRIT change channels, exercises and
 * strategies, not stocks or relations' arms fields) have equal keys: their threat path is solved once.
 */
export class SolveCache<T> {
  private entries: { key: SolveKey; value: T }[] = [];
  constructor(private readonly limit: number) {}

  get(key: SolveKey): T | undefined {
    const k = this.entries.findIndex((e) => sameKey(e.key, key));
    if (k < 0) return undefined;
    const [hit] = this.entries.splice(k, 1);
    this.entries.push(hit);
    return hit.value;
  }

  set(key: SolveKey, value: T): void {
    if (this.entries.length >= this.limit) this.entries.shift();
    this.entries.push({ key, value });
  }

  clear(): void {
    this.entries = [];
  }
}
