import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { InputError } from '../errors.js';

/**
 * Reading the CLI's input files (docs/conventions.md#limits): regular files only, each read once, with a size
 * limit checked from the file's metadata before a byte is read. Devices (`/dev/zero`, `/dev/urandom`), FIFOs and
 * sockets are refused with exit 2, because reading them never ends or never starts.
 */

/**
 * Default size limits in MiB by kind of input: a scenario is text a person writes; data files are downloads (a
 * year of ICEWS events is about 100 MiB). `--max-input-mb` may raise both up to MAX_INPUT_MIB, below the length
 * of the longest string JavaScript can hold (2²⁹ − 24 characters).
 */
export const INPUT_LIMITS_MIB = { scenario: 4, data: 256 } as const;

/** The highest value `--max-input-mb` accepts. */
export const MAX_INPUT_MIB = 500;

export type InputKind = keyof typeof INPUT_LIMITS_MIB;

let overrideMiB: number | undefined;

/**
 * Sets the size limit for every input (the global `--max-input-mb` option, or `FLASHPOINTS_MAX_INPUT_MB`);
 * undefined restores the defaults of {@link INPUT_LIMITS_MIB}. Example: `setInputLimitMiB(64)`.
 */
export function setInputLimitMiB(mib: number | undefined): void {
  overrideMiB = mib;
}

/** The size limit in bytes for a kind of input, after the option and the environment variable. */
export function inputLimitBytes(kind: InputKind): number {
  const env = Number(process.env.FLASHPOINTS_MAX_INPUT_MB);
  const mib = overrideMiB ?? (process.env.FLASHPOINTS_MAX_INPUT_MB && Number.isFinite(env) && env > 0 ? Math.min(env, MAX_INPUT_MIB) : INPUT_LIMITS_MIB[kind]);
  return Math.floor(mib * 1024 * 1024);
}

export interface ReadInputOptions {
  /** What the file is, for messages: "the scenario", "--data", "--goldstein". */
  what: string;
  /** Which size limit applies. @default 'data' */
  kind?: InputKind;
  /** Hint printed when the file cannot be read. */
  hint?: string;
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MiB`;

function why(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  if (code === 'ENAMETOOLONG') return 'the path is too long';
  return code ?? (err instanceof Error ? err.message : String(err));
}

/** The metadata of an input path: an empty path or one that cannot be stat'ed is an InputError naming it. */
function statInput(file: string, o: Pick<ReadInputOptions, 'what' | 'hint'>): Stats {
  if (file === '') throw new InputError([`${o.what}: the path is empty`], o.hint);
  try {
    return statSync(file);
  } catch (err) {
    throw new InputError([`${file}: cannot read ${o.what} (${why(err)})`], o.hint);
  }
}

/** An existing store file to read (discover, export, store check): a regular file, or exit 2 with the hint. */
export function checkStoreFile(file: string): number {
  return checkRegularFile(file, { what: 'the store', hint: 'give the path of a store written by `flashpoints compare --store FILE`' });
}

/** Refuses what is not a regular file below the size limit; the message names the file and the rule. */
function checkStats(file: string, st: Stats, o: ReadInputOptions): void {
  if (st.isDirectory()) throw new InputError([`${file}: ${o.what} is a directory, not a file`], o.hint);
  if (!st.isFile()) {
    throw new InputError([`${file}: ${o.what} is not a regular file (a device, FIFO or socket)`], 'give a regular file; to read a stream, save it to a file first');
  }
  const limit = inputLimitBytes(o.kind ?? 'data');
  if (st.size > limit) {
    const size = mib(st.size) === mib(limit) ? `${st.size.toLocaleString('en-US')} bytes` : mib(st.size);
    throw new InputError(
      [`${file}: ${o.what} is ${size}, above the limit of ${mib(limit)} for ${o.kind ?? 'data'} files`],
      `raise the limit with --max-input-mb ${Math.ceil(st.size / 1024 / 1024)} (or FLASHPOINTS_MAX_INPUT_MB) if the file is meant to be this large`,
    );
  }
}

/**
 * Checks that `file` is an existing regular file, without reading it and without a size limit (the store, which
 * SQLite reads itself). Returns its size in bytes. Example: `checkRegularFile('s.sqlite', { what: 'the store' })`.
 */
export function checkRegularFile(file: string, o: Omit<ReadInputOptions, 'kind'>): number {
  const st = statInput(file, o);
  if (st.isDirectory()) throw new InputError([`${file}: ${o.what} is a directory, not a file`], o.hint);
  if (!st.isFile()) throw new InputError([`${file}: ${o.what} is not a regular file (a device, FIFO or socket)`], o.hint);
  return st.size;
}

/**
 * Reads a whole input file once, as bytes. Any problem — missing, a directory, a device or FIFO, too large,
 * unreadable — is an InputError (exit 2) naming the file. Example: `readInputBytes('x.xlsx', { what: '--in' })`.
 */
export function readInputBytes(file: string, o: ReadInputOptions): Buffer {
  checkStats(file, statInput(file, o), o);
  let fd: number;
  try {
    // O_NONBLOCK: should the path be swapped for a FIFO after the check, opening it still does not wait.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw new InputError([`${file}: cannot read ${o.what} (${why(err)})`], o.hint);
  }
  try {
    const fst = fstatSync(fd);
    checkStats(file, fst, o);
    const limit = inputLimitBytes(o.kind ?? 'data');
    const buf = Buffer.allocUnsafe(Math.min(limit, fst.size) + 1);
    let n = 0;
    for (;;) {
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
      if (n === buf.length) {
        if (n > limit) throw new InputError([`${file}: ${o.what} grew past the limit of ${mib(limit)} while being read`]);
        break;
      }
    }
    return buf.subarray(0, n);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError([`${file}: cannot read ${o.what} (${why(err)})`], o.hint);
  } finally {
    closeSync(fd);
  }
}

/** Reads a whole input file once as UTF-8 text (a leading BOM is kept for the parsers that strip it). */
export function readInputText(file: string, o: ReadInputOptions): string {
  const bytes = readInputBytes(file, o);
  try {
    return bytes.toString('utf8');
  } catch {
    throw new InputError([`${file}: ${o.what} is too large to read as text (${mib(bytes.length)})`], 'split the file, or keep only the rows you need');
  }
}
