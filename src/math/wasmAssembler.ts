/**
 * A minimal assembler for WebAssembly modules written as instruction lists in TypeScript: the project's numeric
 * kernels that need 64-bit integers (the crisis streams' xoroshiro128+, models/crisis/streamsWasm.ts) ship as
 * source, never as a built binary, and are assembled into bytes when first used. It covers what those kernels
 * use — one imported memory, functions of i32/i64/f64 values, structured control flow, loads and stores, integer
 * and floating-point arithmetic — and nothing else. Byte layout: the WebAssembly core specification, §5 (binary
 * format); every integer immediate is LEB128.
 */

/** Value types. */
export const I32 = 0x7f, I64 = 0x7e, F64 = 0x7c;

/** The opcodes the kernels use (an instruction is an opcode followed by its immediates; see `op`). */
export const Op = {
  block: 0x02, loop: 0x03, if: 0x04, else: 0x05, end: 0x0b, br: 0x0c, brIf: 0x0d, call: 0x10, select: 0x1b,
  localGet: 0x20, localSet: 0x21, localTee: 0x22,
  i64Load: 0x29, f64Load: 0x2b, i64Store: 0x37, f64Store: 0x39,
  i32Const: 0x41, i64Const: 0x42, f64Const: 0x44,
  i32Eqz: 0x45, i32Eq: 0x46, i32Ne: 0x47, i32LtU: 0x49, i32GeS: 0x4e, i32GeU: 0x4f,
  i32Add: 0x6a, i32Sub: 0x6b, i32Mul: 0x6c,
  i64Eqz: 0x50,
  i64Add: 0x7c, i64Mul: 0x7e, i64And: 0x83, i64Or: 0x84, i64Xor: 0x85, i64Shl: 0x86, i64ShrU: 0x88, i64Rotl: 0x89,
  f64Add: 0xa0, f64Mul: 0xa2,
  i32WrapI64: 0xa7, i64ExtendI32U: 0xad, f64ConvertI32U: 0xb8, f64ConvertI64U: 0xba,
} as const;

/** Block type of a block, loop or if that leaves nothing on the stack. */
export const VOID = 0x40;

/** Unsigned LEB128 of a non-negative integer below 2³². */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 of an integer (a BigInt for i64 immediates beyond 2⁵³). */
export function sleb(value: number | bigint): number[] {
  let n = BigInt(value);
  const out: number[] = [];
  for (;;) {
    const byte = Number(n & 0x7fn);
    n >>= 7n; // arithmetic shift: the sign is kept
    const done = (n === 0n && (byte & 0x40) === 0) || (n === -1n && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

/** The 8 little-endian bytes of a double (an f64.const immediate). */
export function f64Bytes(x: number): number[] {
  return Array.from(new Uint8Array(Float64Array.of(x).buffer));
}

/** A memory access's immediates: alignment as log₂ bytes, then the constant offset added to the address. */
export function memarg(alignLog2: number, offset = 0): number[] {
  return [...uleb(alignLog2), ...uleb(offset)];
}

/** A function: its parameter and result types, its extra locals (numbered after the parameters), its body. */
export interface WasmFunction {
  name: string;
  params: number[];
  results: number[];
  locals: number[];
  /** Instructions as bytes, without the final `end` (added here). */
  body: number[];
}

const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const name = (s: string): number[] => vec([...s].map((c) => [c.charCodeAt(0)]));
const section = (id: number, content: number[]): number[] => [id, ...uleb(content.length), ...content];

/**
 * The bytes of a module that imports one memory as `env.memory` (at least `minPages` pages of 64 KiB) and exports
 * `functions` by name, each with its own type.
 */
export function assembleModule(functions: WasmFunction[], minPages = 1): Uint8Array {
  const types = functions.map((f) => [0x60, ...vec(f.params.map((t) => [t])), ...vec(f.results.map((t) => [t]))]);
  const imports = [[...name('env'), ...name('memory'), 0x02, 0x00, ...uleb(minPages)]];
  const codes = functions.map((f) => {
    const body = [...vec(f.locals.map((t) => [1, t])), ...f.body, Op.end];
    return [...uleb(body.length), ...body];
  });
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
    ...section(1, vec(types)),
    ...section(2, vec(imports)),
    ...section(3, vec(functions.map((_, k) => uleb(k)))),
    ...section(7, vec(functions.map((f, k) => [...name(f.name), 0x00, ...uleb(k)]))),
    ...section(10, vec(codes)),
  ]);
}
