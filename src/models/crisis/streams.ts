import { mixKey, type RandomSource } from '../../math/rng/index.js';
import { LAUNCH_DRAWS } from './campaigns.js';
import { reserveKernelBytes, streamKernel, type StreamKernel } from './streamsWasm.js';

/**
 * Keyed random streams for the crisis runs without BigInt in the per-dyad path: stream `k` of replication r is
 * the sequence of `streamFor(seed, future, r, k)` (DESIGN.md §3.6; a test checks equality), but only the replication's key
 * mixKey([seed, future, r]) is computed with BigInt; the last SplitMix64 steps run on 32-bit halves. Stream
 * i·m + j belongs to the ordered dyad (i, j); stream i·m + i to actor i alone (its launch campaign).
 */

let outHi = 0;
let outLo = 0;

/** (ah·2³² + al)·(bh·2³² + bl) mod 2⁶⁴ into outHi/outLo, exact in doubles by 16-bit limbs. */
function mul64(ah: number, al: number, bh: number, bl: number): void {
  const a0 = al & 0xffff, a1 = al >>> 16, b0 = bl & 0xffff, b1 = bl >>> 16;
  const mid = a0 * b1 + a1 * b0;
  const low = a0 * b0 + (mid % 65536) * 65536;
  const lo = low % 4294967296;
  const carry = Math.floor(low / 4294967296);
  const hi = a1 * b1 + Math.floor(mid / 65536) + carry;
  outHi = (hi + Math.imul(ah, bl) + Math.imul(al, bh)) >>> 0;
  outLo = lo >>> 0;
}

/** SplitMix64's mixer on the 64-bit value (hi, lo), result in outHi/outLo (same as `mix64` in math/rng). */
function mix64Halves(hi: number, lo: number): void {
  // z = x + golden gamma 0x9e3779b97f4a7c15
  let zl = lo + 0x7f4a7c15;
  let zh = (hi + 0x9e3779b9 + (zl >= 4294967296 ? 1 : 0)) >>> 0;
  zl >>>= 0;
  // z ^= z >>> 30; z *= 0xbf58476d1ce4e5b9
  zl = (zl ^ ((zl >>> 30) | (zh << 2))) >>> 0;
  zh = (zh ^ (zh >>> 30)) >>> 0;
  mul64(zh, zl, 0xbf58476d, 0x1ce4e5b9);
  zh = outHi;
  zl = outLo;
  // z ^= z >>> 27; z *= 0x94d049bb133111eb
  zl = (zl ^ ((zl >>> 27) | (zh << 5))) >>> 0;
  zh = (zh ^ (zh >>> 27)) >>> 0;
  mul64(zh, zl, 0x94d049bb, 0x133111eb);
  zh = outHi;
  zl = outLo;
  // z ^= z >>> 31
  outLo = (zl ^ ((zl >>> 31) | (zh << 1))) >>> 0;
  outHi = (zh ^ (zh >>> 31)) >>> 0;
}

/** Scaling by a power of two is exact, and a product is several times cheaper than V8's division by the same constant. */
const TWO_TO_MINUS_53 = 2 ** -53;
const TWO_TO_MINUS_32 = 2 ** -32;

/**
 * The carry out of the 32-bit addition a + b = sum (mod 2³²), without a branch: bit 31 of (a ∧ b) ∨ ((a ∨ b) ∧ ¬sum)
 * (both top bits set, or one set and the sum's clear).
 */
export function carryOut(a: number, b: number, sum: number): number {
  return ((a & b) | ((a | b) & ~sum)) >>> 31;
}

/** Months of draws a StreamBank's blocks hold (fillMonths): 8 months of 81 streams are 16 KiB, in the first-level cache. */
export const MONTH_CHUNK = 8;

/** Generator steps per dyad-month: fixed, whether or not the draws are used. */
export const DYAD_STEPS = 2;

/** What a crisis run draws from: the next uniform on [0, 1) of stream k. Tests substitute fixed sequences. */
export interface KeyedStreams {
  next(stream: number): number;
  /** The three uniforms of a dyad-month (choice, ladder, reading) into out[0 … 2], from DYAD_STEPS steps. */
  dyadDraws(stream: number, out: Float64Array): void;
}

/** The bank whose bytes are in the thread's kernel memory now (StreamBank.bind). */
let holder: StreamBank | undefined;

/**
 * A bank of xoroshiro128+ generators (the same algorithm and outputs as `Xoroshiro128Plus`) with their states in
 * one Int32Array, so the hot path works on 32-bit integers only and reseeding allocates nothing.
 *
 * `fillMonths` draws whole months at once into `dyadBlock` and `launchBlock`, by the WebAssembly kernel
 * (streamsWasm.ts: native 64-bit steps, several times cheaper) where it is available, else by `next` and
 * `dyadDraws` here (drawMonthInto); both give the same numbers, and `next` and `dyadDraws` remain usable on the
 * same state.
 *
 * The thread has one kernel and one kernel memory, shared by all banks: the bank in use holds its states and
 * blocks at the start of that memory, and a bank taking it over saves the holder's bytes into the holder's own
 * copy and puts its own back (`bind`). Switching happens once per workspace change (a cell), not in the loops.
 * `state`, `dyadBlock` and `launchBlock` are views that stay valid until another bank is used.
 */
export class StreamBank implements KeyedStreams {
  private stateView: Int32Array;
  private dyadView: Float64Array;
  private launchView: Float64Array;
  private readonly kernel: StreamKernel | undefined;
  /** Byte offsets of the blocks in the bank's bytes (the states start at 0, 16 bytes a stream), and their total. */
  private readonly dyadAt: number;
  private readonly launchAt: number;
  private readonly bytes: number;
  /** The bank's bytes while another bank holds the kernel memory (allocated when first put aside). */
  private image: Int32Array | undefined;

  /** `size` streams; `wasm: false` keeps the generator in JavaScript (tests and the benchmark compare the two). */
  constructor(readonly size: number, options: { wasm?: boolean } = {}) {
    this.dyadAt = 16 * size;
    this.launchAt = this.dyadAt + 24 * size * MONTH_CHUNK;
    this.bytes = this.launchAt + 8 * LAUNCH_DRAWS * MONTH_CHUNK;
    this.kernel = options.wasm === false ? undefined : streamKernel();
    const buffer = new ArrayBuffer(this.kernel ? 0 : this.bytes);
    this.stateView = new Int32Array(buffer);
    this.dyadView = this.launchView = new Float64Array(buffer);
    if (this.kernel) this.bind();
    else this.view(buffer);
  }

  /** The streams' states, [4k …] = stream k's [s0 high, s0 low, s1 high, s1 low]. */
  get state(): Int32Array {
    this.bind();
    return this.stateView;
  }

  /** Up to MONTH_CHUNK months of dyad draws, [(month·size + k)·3 + q] = stream k's dyadDraws out[q] (diagonal slots unused). */
  get dyadBlock(): Float64Array {
    this.bind();
    return this.dyadView;
  }

  /** Up to MONTH_CHUNK months of the launch stream's LAUNCH_DRAWS uniforms, [month·LAUNCH_DRAWS + q]. */
  get launchBlock(): Float64Array {
    this.bind();
    return this.launchView;
  }

  /** True when `fillMonths` runs in WebAssembly. */
  get native(): boolean {
    return this.kernel !== undefined;
  }

  private view(buffer: ArrayBuffer): void {
    this.stateView = new Int32Array(buffer, 0, 4 * this.size);
    this.dyadView = new Float64Array(buffer, this.dyadAt, 3 * this.size * MONTH_CHUNK);
    this.launchView = new Float64Array(buffer, this.launchAt, LAUNCH_DRAWS * MONTH_CHUNK);
  }

  /** Makes this bank the holder of the kernel memory (a no-op when it is already, and without a kernel). */
  private bind(): void {
    const kernel = this.kernel;
    if (!kernel || holder === this) return;
    if (holder) holder.putAside();
    reserveKernelBytes(kernel, this.bytes); // may detach the buffer: the views are made below
    const buffer = kernel.memory.buffer, own = new Int32Array(buffer, 0, this.bytes / 4);
    if (this.image) own.set(this.image);
    else own.fill(0); // a new bank starts from zeros, as on a memory of its own
    this.view(buffer);
    holder = this;
  }

  /** Copies the bank's bytes out of the kernel memory before another bank takes it. */
  private putAside(): void {
    const buffer = this.kernel!.memory.buffer;
    (this.image ??= new Int32Array(this.bytes / 4)).set(new Int32Array(buffer, 0, this.bytes / 4));
    holder = undefined;
  }

  /**
   * `count` ≤ MONTH_CHUNK months of draws of an m-actor bank (size m²), month by month: the dyadDraws of every
   * stream i·m + j, i ≠ j, into dyadBlock, and — if launchSlot ≥ 0 — LAUNCH_DRAWS `next` of stream launchSlot
   * into launchBlock. The streams are independent, so the order of the parts does not matter.
   */
  fillMonths(m: number, launchSlot: number, count: number): void {
    if (m * m > this.size || count > MONTH_CHUNK) throw new Error('fillMonths: more streams or months than the bank holds');
    this.bind();
    if (this.kernel) {
      this.kernel.months(this.dyadAt, m, 24 * this.size, launchSlot, this.launchAt, LAUNCH_DRAWS, count);
      return;
    }
    for (let month = 0; month < count; month++) drawMonthInto(this, m, launchSlot, this.dyadView, 3 * this.size * month, this.launchView, LAUNCH_DRAWS * month);
  }

  /** A uniform on [0, 1) with 53 random bits from stream k (xoroshiro128+, a=24, b=16, c=37). */
  next(k: number): number {
    const st = this.state, o = 4 * k;
    const s0hi = st[o], s0lo = st[o + 1];
    let s1hi = st[o + 2], s1lo = st[o + 3];
    const lo = (s0lo + s1lo) | 0;
    const hi = (s0hi + s1hi + carryOut(s0lo, s1lo, lo)) | 0;
    s1hi ^= s0hi;
    s1lo ^= s0lo;
    st[o] = ((s0hi << 24) | (s0lo >>> 8)) ^ s1hi ^ ((s1hi << 16) | (s1lo >>> 16));
    st[o + 1] = ((s0lo << 24) | (s0hi >>> 8)) ^ s1lo ^ (s1lo << 16);
    st[o + 2] = (s1lo << 5) | (s1hi >>> 27);
    st[o + 3] = (s1hi << 5) | (s1lo >>> 27);
    return ((hi >>> 0) * 2097152 + (lo >>> 11)) * TWO_TO_MINUS_53;
  }

  /**
   * A dyad-month's three uniforms from two steps of stream k (DYAD_STEPS): out[1] the ladder's uniform, the 53-bit
   * double of the first output (it is divided by small hazards, so it needs every bit); out[0] the choice's and
   * out[2] the reading's uniforms, the high and low 32-bit halves of the second output, each (v + 0.5)/2³² so
   * never 0 or 1. Half-words are ample for a logistic choice and a normal reading (tails to 6.2σ); the low half of
   * xoroshiro128+'s output is weak only in its lowest bits, which move a reading by less than 2⁻²⁸.
   */
  dyadDraws(k: number, out: Float64Array): void {
    const st = this.state, o = 4 * k;
    const s0hi = st[o], s0lo = st[o + 1], s1hi = st[o + 2], s1lo = st[o + 3];
    // Both steps written out on int32 values (| 0 keeps V8's arithmetic in 32-bit registers) with a branch-free
    // carry (carryOut): a comparison would compile to a branch taken half the time at random, mispredicted as
    // often, and cost more than the rest of the generator. Step 1: output s0 + s1, then the state update.
    let lo = (s0lo + s1lo) | 0;
    let hi = (s0hi + s1hi + carryOut(s0lo, s1lo, lo)) | 0;
    out[1] = ((hi >>> 0) * 2097152 + (lo >>> 11)) * TWO_TO_MINUS_53;
    const x1hi = s1hi ^ s0hi, x1lo = s1lo ^ s0lo;
    const a0hi = ((s0hi << 24) | (s0lo >>> 8)) ^ x1hi ^ ((x1hi << 16) | (x1lo >>> 16));
    const a0lo = ((s0lo << 24) | (s0hi >>> 8)) ^ x1lo ^ (x1lo << 16);
    const a1hi = (x1lo << 5) | (x1hi >>> 27);
    const a1lo = (x1hi << 5) | (x1lo >>> 27);
    // Step 2.
    lo = (a0lo + a1lo) | 0;
    hi = (a0hi + a1hi + carryOut(a0lo, a1lo, lo)) | 0;
    out[0] = ((hi >>> 0) + 0.5) * TWO_TO_MINUS_32;
    out[2] = ((lo >>> 0) + 0.5) * TWO_TO_MINUS_32;
    const x2hi = a1hi ^ a0hi, x2lo = a1lo ^ a0lo;
    st[o] = ((a0hi << 24) | (a0lo >>> 8)) ^ x2hi ^ ((x2hi << 16) | (x2lo >>> 16));
    st[o + 1] = ((a0lo << 24) | (a0hi >>> 8)) ^ x2lo ^ (x2lo << 16);
    st[o + 2] = (x2lo << 5) | (x2hi >>> 27);
    st[o + 3] = (x2hi << 5) | (x2lo >>> 27);
  }

  /** Seeds every stream k to `streamFor(seed, future, replication, k)`. */
  seed(seed: number, future: number, replication: number): void {
    const [hi, lo] = replicationKey(seed, future, replication);
    this.bind();
    if (this.kernel) this.kernel.seed(hi, lo, this.size); // the same states, on native 64-bit multiplications
    else for (let k = 0; k < this.size; k++) seedStream(this.stateView, k, hi, lo, k);
  }

  /** Stream k as a RandomSource (for the launch campaign's sampler). */
  source(k: number): RandomSource {
    return { nextDouble: () => this.next(k) };
  }
}

/**
 * One month of draws of an m-actor model through the KeyedStreams interface, in StreamBank's block layout:
 * LAUNCH_DRAWS `next` of stream launchSlot (if ≥ 0) into launch[launchAt …], and the dyadDraws of every dyad
 * stream k = i·m + j (i ≠ j) into dyads[dyadAt + 3k …]. The bank's JavaScript path and the runs on other streams
 * (tests' fixed sequences) both draw through it; the streams are independent, so the order of the parts does not
 * change a draw.
 */
export function drawMonthInto(streams: KeyedStreams, m: number, launchSlot: number, dyads: Float64Array, dyadAt: number, launch: Float64Array, launchAt: number): void {
  if (launchSlot >= 0) for (let q = 0; q < LAUNCH_DRAWS; q++) launch[launchAt + q] = streams.next(launchSlot);
  const one = oneDyad;
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) {
    if (i === j) continue;
    streams.dyadDraws(i * m + j, one);
    dyads.set(one, dyadAt + 3 * (i * m + j));
  }
}

const oneDyad = new Float64Array(3);

/** The 64-bit key of a replication, as two 32-bit halves: mixKey([seed, future, replication]). */
export function replicationKey(seed: number, future: number, replication: number): [number, number] {
  const k = mixKey([seed, future, replication]);
  return [Number(k >> 32n), Number(k & 0xffffffffn)];
}

/** Writes into state[4·slot …] the state of `streamFor(seed, future, replication, stream)` given the replication's key halves. */
export function seedStream(state: Int32Array, slot: number, keyHi: number, keyLo: number, stream: number): void {
  mix64Halves(keyHi, (keyLo ^ stream) >>> 0); // mixKey's last step: mix64(key ^ stream); stream < 2³²
  mix64Halves(outHi, outLo); // s0 = mix64(k)
  const s0hi = outHi, s0lo = outLo;
  mix64Halves((s0hi ^ 0x5851f42d) >>> 0, (s0lo ^ 0x4c957f2d) >>> 0); // s1 = mix64(s0 ^ 0x5851f42d4c957f2d)
  const o = 4 * slot;
  state[o] = s0hi;
  state[o + 1] = s0lo;
  state[o + 2] = outHi;
  state[o + 3] = (s0hi | s0lo | outHi | outLo) === 0 ? 1 : outLo;
}

/** True when this thread's StreamBanks draw in WebAssembly (the benchmarks print it, so a fallback is seen). */
export function nativeStreams(): boolean {
  return streamKernel() !== undefined;
}
