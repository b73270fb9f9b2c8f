import { mix64, mixKey } from './splitMix64.js';

/**
 * xoroshiro128+ (Blackman & Vigna 2018, parameters a=24, b=16, c=37) on 32-bit halves, so the hot path uses no
 * BigInt. Period 2^128 − 1; the top 53 bits of each output make a double in [0, 1).
 * The state is four plain number fields so V8 keeps them unboxed; the generator mutates in place.
 */
export class Xoroshiro128Plus {
  s0hi: number;
  s0lo: number;
  s1hi: number;
  s1lo: number;

  constructor(s0: bigint, s1: bigint) {
    if (s0 === 0n && s1 === 0n) throw new RangeError('xoroshiro128+ state must not be all zero');
    this.s0hi = Number((s0 >> 32n) & 0xffffffffn);
    this.s0lo = Number(s0 & 0xffffffffn);
    this.s1hi = Number((s1 >> 32n) & 0xffffffffn);
    this.s1lo = Number(s1 & 0xffffffffn);
  }

  /** Advances the state; returns the high 32 bits of the 64-bit output. */
  nextUint32(): number {
    this.step();
    return this.outHi;
  }

  /** A double uniform on [0, 1) with 53 random bits. */
  nextDouble(): number {
    this.step();
    return (this.outHi * 2097152 + (this.outLo >>> 11)) / 9007199254740992;
  }

  /** A copy with the same state: both then produce the same sequence. */
  clone(): Xoroshiro128Plus {
    const c = Object.create(Xoroshiro128Plus.prototype) as Xoroshiro128Plus;
    c.s0hi = this.s0hi;
    c.s0lo = this.s0lo;
    c.s1hi = this.s1hi;
    c.s1lo = this.s1lo;
    c.outHi = 0;
    c.outLo = 0;
    return c;
  }

  private outHi = 0;
  private outLo = 0;

  private step(): void {
    const s0hi = this.s0hi, s0lo = this.s0lo;
    let s1hi = this.s1hi, s1lo = this.s1lo;
    // result = s0 + s1 (mod 2^64)
    const lo = (s0lo + s1lo) >>> 0;
    this.outLo = lo;
    this.outHi = (s0hi + s1hi + (lo < s0lo ? 1 : 0)) >>> 0;
    // s1 ^= s0
    s1hi ^= s0hi;
    s1lo ^= s0lo;
    // s0' = rotl(s0, 24) ^ s1 ^ (s1 << 16)
    const r0hi = (s0hi << 24) | (s0lo >>> 8);
    const r0lo = (s0lo << 24) | (s0hi >>> 8);
    this.s0hi = (r0hi ^ s1hi ^ ((s1hi << 16) | (s1lo >>> 16))) >>> 0;
    this.s0lo = (r0lo ^ s1lo ^ (s1lo << 16)) >>> 0;
    // s1' = rotl(s1, 37) = rotl(swap halves, 5)
    this.s1hi = ((s1lo << 5) | (s1hi >>> 27)) >>> 0;
    this.s1lo = ((s1hi << 5) | (s1lo >>> 27)) >>> 0;
  }
}

/**
 * The generator for one (seed, future, replication, stream) key (DESIGN.md §3.6): the state is two SplitMix64
 * outputs of the mixed key, so distinct keys give unrelated streams and no 32-bit seeding collisions.
 * Example: `streamFor(42, 0, 17, 3).nextDouble()`.
 */
export function streamFor(seed: number | bigint, ...key: (number | bigint)[]): Xoroshiro128Plus {
  const k = mixKey([seed, ...key]);
  const s0 = mix64(k);
  const s1 = mix64(s0 ^ 0x5851f42d4c957f2dn);
  return new Xoroshiro128Plus(s0, s1 === 0n && s0 === 0n ? 1n : s1);
}

/** The common interface of a seeded uniform source, so models take any generator. */
export interface RandomSource {
  nextDouble(): number;
}
