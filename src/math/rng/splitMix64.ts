/**
 * SplitMix64 (Steele, Lea & Flood 2014; Vigna's reference code) on BigInt. Used only to derive generator
 * states from (seed, future, replication, stream) keys — never in an inner loop — so BigInt's cost is harmless.
 */
const MASK = (1n << 64n) - 1n;
const GOLDEN = 0x9e3779b97f4a7c15n;

/** The SplitMix64 output function applied to x + golden gamma: a 64-bit bijective mixer. */
export function mix64(x: bigint): bigint {
  let z = (x + GOLDEN) & MASK;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
  return z ^ (z >> 31n);
}

/** A key that depends on every part, in order; parts are non-negative integers below 2^64. */
export function mixKey(parts: readonly (number | bigint)[]): bigint {
  let key = 0n;
  for (const part of parts) {
    const p = BigInt(part);
    if (p < 0n || p > MASK) throw new RangeError(`random-stream key part ${part} is not in [0, 2^64)`);
    key = mix64(key ^ p);
  }
  return key;
}
