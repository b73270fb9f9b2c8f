import { assembleModule, f64Bytes, F64, I32, I64, memarg, Op, sleb, VOID, type WasmFunction } from '../../math/wasmAssembler.js';

/*
 * A month of the crisis streams' draws in WebAssembly (docs/performance.md, "The crisis kernel"): xoroshiro128+ on
 * native 64-bit integers, where JavaScript needs about sixty 32-bit operations for the two steps of a dyad-month
 * and C twelve. The draws of a month do not depend on the month's decisions — every dyad stream takes DYAD_STEPS
 * steps and the launch stream LAUNCH_DRAWS, whatever happens — so they are generated in one call before the
 * month's loop, which then reads them from memory. The state is the StreamBank's Int32Array, laid out as
 * [s0 high, s0 low, s1 high, s1 low] per stream; WebAssembly is little-endian, so an i64.load of a (high, low)
 * pair of words reads them swapped, and a rotation by 32 puts them back (on load and on store). The outputs are
 * the JavaScript generator's, operation for operation: a 53-bit double (x >>> 11)·2⁻⁵³, and half-words
 * (v + 0.5)·2⁻³². test/models/crisis/streamsWasm.test.ts checks them bit for bit against streams.ts.
 */

const get = (local: number) => [Op.localGet, local];
const set = (local: number) => [Op.localSet, local];
const i32 = (n: number) => [Op.i32Const, ...sleb(n)];
const i64 = (n: number | bigint) => [Op.i64Const, ...sleb(n)];
const f64 = (x: number) => [Op.f64Const, ...f64Bytes(x)];
const TWO_TO_MINUS_53 = 2 ** -53, TWO_TO_MINUS_32 = 2 ** -32;

/** Loads the stream whose state starts at the address in local `at` into locals s0, s1 (words back in order). */
const loadState = (at: number, s0: number, s1: number) => [
  ...get(at), Op.i64Load, ...memarg(3, 0), ...i64(32), Op.i64Rotl, ...set(s0),
  ...get(at), Op.i64Load, ...memarg(3, 8), ...i64(32), Op.i64Rotl, ...set(s1),
];
const storeState = (at: number, s0: number, s1: number) => [
  ...get(at), ...get(s0), ...i64(32), Op.i64Rotl, Op.i64Store, ...memarg(3, 0),
  ...get(at), ...get(s1), ...i64(32), Op.i64Rotl, Op.i64Store, ...memarg(3, 8),
];

/** One xoroshiro128+ step (a = 24, b = 16, c = 37): v = s0 + s1; s1 ^= s0; s0 = rotl(s0, 24) ^ s1 ^ (s1 << 16); s1 = rotl(s1, 37). */
const step = (s0: number, s1: number, v: number) => [
  ...get(s0), ...get(s1), Op.i64Add, ...set(v),
  ...get(s1), ...get(s0), Op.i64Xor, ...set(s1),
  ...get(s0), ...i64(24), Op.i64Rotl, ...get(s1), Op.i64Xor, ...get(s1), ...i64(16), Op.i64Shl, Op.i64Xor, ...set(s0),
  ...get(s1), ...i64(37), Op.i64Rotl, ...set(s1),
];

/** Stores (v >>> 11)·2⁻⁵³ — the generator's 53-bit uniform — at address local `at` + offset. */
const storeDouble53 = (at: number, offset: number, v: number) => [
  ...get(at), ...get(v), ...i64(11), Op.i64ShrU, Op.f64ConvertI64U, ...f64(TWO_TO_MINUS_53), Op.f64Mul, Op.f64Store, ...memarg(3, offset),
];

/**
 * dyadMonth(state, out, m): two steps of every ordered-dyad stream k = i·m + j (i ≠ j) of an m-actor bank whose
 * states start at `state` (16 bytes a stream), writing the dyad-month's uniforms to out + 24k: the choice's
 * (high half of the second output), the ladder's (53-bit double of the first) and the reading's (low half of the
 * second) — StreamBank.dyadDraws's out[0 … 2]. The diagonal streams (the actors' own) are left untouched.
 */
function dyadMonth(): WasmFunction {
  const [st, out, m, k, n, diag, s0, s1, v] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const half = (extract: number[], offset: number) => [
    ...get(out), ...get(v), ...extract, ...f64(0.5), Op.f64Add, ...f64(TWO_TO_MINUS_32), Op.f64Mul, Op.f64Store, ...memarg(3, offset),
  ];
  const dyad = [
    ...loadState(st, s0, s1),
    ...step(s0, s1, v),
    ...storeDouble53(out, 8, v),
    ...step(s0, s1, v),
    ...half([...i64(32), Op.i64ShrU, Op.f64ConvertI64U], 0),
    ...half([Op.i32WrapI64, Op.f64ConvertI32U], 16),
    ...storeState(st, s0, s1),
  ];
  return {
    name: 'dyadMonth', params: [I32, I32, I32], results: [], locals: [I32, I32, I32, I64, I64, I64],
    body: [
      ...get(m), ...get(m), Op.i32Mul, ...set(n),
      Op.block, VOID,
      ...get(n), Op.i32Eqz, Op.brIf, 0,
      Op.loop, VOID,
      // the diagonal k = i·(m + 1) is skipped: the next one is m + 1 streams on
      ...get(k), ...get(diag), Op.i32Eq, Op.if, VOID,
      ...get(diag), ...get(m), Op.i32Add, ...i32(1), Op.i32Add, ...set(diag),
      Op.else, ...dyad, Op.end,
      ...get(st), ...i32(16), Op.i32Add, ...set(st),
      ...get(out), ...i32(24), Op.i32Add, ...set(out),
      ...get(k), ...i32(1), Op.i32Add, Op.localTee, k, ...get(n), Op.i32LtU, Op.brIf, 0,
      Op.end,
      Op.end,
    ],
  };
}

/** launchMonth(state, out, count): `count` uniforms of one stream (StreamBank.next) into out, out + 8, …. */
function launchMonth(): WasmFunction {
  const [st, out, count, s0, s1, v] = [0, 1, 2, 3, 4, 5];
  return {
    name: 'launchMonth', params: [I32, I32, I32], results: [], locals: [I64, I64, I64],
    body: [
      ...loadState(st, s0, s1),
      Op.block, VOID,
      ...get(count), Op.i32Eqz, Op.brIf, 0,
      Op.loop, VOID,
      ...step(s0, s1, v),
      ...storeDouble53(out, 0, v),
      ...get(out), ...i32(8), Op.i32Add, ...set(out),
      ...get(count), ...i32(1), Op.i32Sub, Op.localTee, count, Op.brIf, 0,
      Op.end,
      Op.end,
      ...storeState(st, s0, s1),
    ],
  };
}

/** SplitMix64's mixer (math/rng mix64) on the i64 in local `z`, in place. */
const mix64 = (z: number) => [
  ...get(z), ...i64(BigInt.asIntN(64, 0x9e3779b97f4a7c15n)), Op.i64Add, ...set(z),
  ...get(z), ...get(z), ...i64(30), Op.i64ShrU, Op.i64Xor, ...i64(BigInt.asIntN(64, 0xbf58476d1ce4e5b9n)), Op.i64Mul, ...set(z),
  ...get(z), ...get(z), ...i64(27), Op.i64ShrU, Op.i64Xor, ...i64(BigInt.asIntN(64, 0x94d049bb133111ebn)), Op.i64Mul, ...set(z),
  ...get(z), ...get(z), ...i64(31), Op.i64ShrU, Op.i64Xor, ...set(z),
];

/**
 * seed(keyHi, keyLo, n): the states of streams 0 … n − 1 (from address 0) for the replication key (keyHi, keyLo),
 * as streams.ts seedStream writes them: s0 = mix64(mix64(key ^ k)), s1 = mix64(s0 ^ 0x5851f42d4c957f2d), s1 = 1
 * if both are 0 (DESIGN.md §3.6).
 */
function seed(): WasmFunction {
  const [hi, lo, n, k, at, key, s0, s1] = [0, 1, 2, 3, 4, 5, 6, 7];
  return {
    name: 'seed', params: [I32, I32, I32], results: [], locals: [I32, I32, I64, I64, I64],
    body: [
      ...get(hi), Op.i64ExtendI32U, ...i64(32), Op.i64Shl, ...get(lo), Op.i64ExtendI32U, Op.i64Or, ...set(key),
      Op.block, VOID,
      ...get(n), Op.i32Eqz, Op.brIf, 0,
      Op.loop, VOID,
      ...get(key), ...get(k), Op.i64ExtendI32U, Op.i64Xor, ...set(s0),
      ...mix64(s0), ...mix64(s0),
      ...get(s0), ...i64(BigInt.asIntN(64, 0x5851f42d4c957f2dn)), Op.i64Xor, ...set(s1),
      ...mix64(s1),
      // s1 = (s0 | s1) == 0 ? 1 : s1
      ...i64(1), ...get(s1), ...get(s0), ...get(s1), Op.i64Or, Op.i64Eqz, Op.select, ...set(s1),
      ...storeState(at, s0, s1),
      ...get(at), ...i32(16), Op.i32Add, ...set(at),
      ...get(k), ...i32(1), Op.i32Add, Op.localTee, k, ...get(n), Op.i32LtU, Op.brIf, 0,
      Op.end,
      Op.end,
    ],
  };
}

/**
 * months(out, m, stride, launchSlot, launchOut, launchCount, count): `count` months in a row — dyadMonth into
 * out, out + stride, …, and (if launchSlot ≥ 0) launchMonth of launchCount uniforms into launchOut,
 * launchOut + 8·launchCount, … — so that JavaScript calls into WebAssembly once for several months (each call
 * passes through a wrapper that costs about as much as a month's launch draws).
 */
function months(): WasmFunction {
  const [out, m, stride, launchSlot, launchOut, launchCount, count] = [0, 1, 2, 3, 4, 5, 6];
  return {
    name: 'months', params: [I32, I32, I32, I32, I32, I32, I32], results: [], locals: [],
    body: [
      Op.block, VOID,
      ...get(count), Op.i32Eqz, Op.brIf, 0,
      Op.loop, VOID,
      ...i32(0), ...get(out), ...get(m), Op.call, 0, // dyadMonth (function 0)
      ...get(launchSlot), ...i32(0), Op.i32GeS, Op.if, VOID,
      ...get(launchSlot), ...i32(16), Op.i32Mul, ...get(launchOut), ...get(launchCount), Op.call, 1, // launchMonth (function 1)
      Op.end,
      ...get(out), ...get(stride), Op.i32Add, ...set(out),
      ...get(launchOut), ...get(launchCount), ...i32(8), Op.i32Mul, Op.i32Add, ...set(launchOut),
      ...get(count), ...i32(1), Op.i32Sub, Op.localTee, count, Op.brIf, 0,
      Op.end,
      Op.end,
    ],
  };
}

/** The exported functions of an instance; addresses are byte offsets in its memory. */
export interface StreamKernel {
  memory: WasmMemory;
  dyadMonth(state: number, out: number, m: number): void;
  launchMonth(state: number, out: number, count: number): void;
  seed(keyHi: number, keyLo: number, n: number): void;
  months(out: number, m: number, stride: number, launchSlot: number, launchOut: number, launchCount: number, count: number): void;
}

interface WasmMemory {
  buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** The part of the WebAssembly API used here (the project's TypeScript targets run without DOM types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number }) => WasmMemory;
}

const PAGE = 65536;
let shared: StreamKernel | null | undefined;

/**
 * The thread's one instance of the stream kernel, or undefined where WebAssembly is unavailable (or the host is
 * big-endian, where the Int32Array views would not match WebAssembly's byte order, or a page's content-security
 * policy forbids it): the caller then uses the JavaScript generator, which gives the same draws. One instance for
 * all banks, not one per bank: on 64-bit hosts every WebAssembly.Memory reserves gigabytes of address space, so a
 * memory per cell made allocation fail once many were alive. The module is assembled and compiled once,
 * synchronously (a few hundred bytes: allowed on a browser's main thread as in a worker).
 */
export function streamKernel(): StreamKernel | undefined {
  if (shared === undefined) shared = instantiate() ?? null;
  return shared ?? undefined;
}

function instantiate(): StreamKernel | undefined {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  const littleEndian = new Uint8Array(Int32Array.of(1).buffer)[0] === 1;
  if (!api || !littleEndian) return undefined;
  let memory: WasmMemory, exports: Record<string, unknown>;
  try {
    const compiled = new api.Module(assembleModule([dyadMonth(), launchMonth(), seed(), months()]));
    memory = new api.Memory({ initial: 1 });
    exports = new api.Instance(compiled, { env: { memory } }).exports;
  } catch {
    return undefined; // WebAssembly present but refused (content-security policy): the JavaScript generator
  }
  return {
    memory,
    dyadMonth: exports.dyadMonth as StreamKernel['dyadMonth'],
    launchMonth: exports.launchMonth as StreamKernel['launchMonth'],
    seed: exports.seed as StreamKernel['seed'],
    months: exports.months as StreamKernel['months'],
  };
}

/**
 * Grows the kernel's memory to at least `bytes`. Growing detaches the old ArrayBuffer, so views over it must be
 * made again (StreamBank does so whenever it takes the memory). A failure to grow throws: silently drawing
 * elsewhere would hide the loss of the kernel.
 */
export function reserveKernelBytes(kernel: StreamKernel, bytes: number): void {
  const have = kernel.memory.buffer.byteLength;
  if (have < bytes) kernel.memory.grow(Math.ceil((bytes - have) / PAGE));
}
