import { closeSync, fsyncSync, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';

/**
 * Writing the CLI's output files (docs/conventions.md#outputs). Every output path is checked before any work —
 * not empty, in an existing folder, not a directory, and not the same file (after resolving links) as an input,
 * the store or another output — and every file is written to a temporary file in the same folder, then renamed
 * over the target, so an interrupted run leaves the old file or the new one, never half of either.
 */

/** One output file a command will write: the option that names it, and the path given. */
export interface OutputTarget {
  option: string;
  path: string;
}

export interface OutputCheck {
  /** Files the command reads (scenario, data files); an output may not be one of them. */
  inputs?: readonly string[];
  /** The SQLite store, when the command uses one. */
  store?: string | null;
}

function statOrNull(path: string, link = false): Stats | null {
  try {
    return link ? lstatSync(path) : statSync(path);
  } catch {
    return null;
  }
}

/** The path as the file system will resolve it: links followed, for files that exist and for new ones. */
export function resolvedPath(path: string): string {
  const abs = resolve(path);
  try {
    return realpathSync(abs);
  } catch {
    try {
      return join(realpathSync(dirname(abs)), basename(abs));
    } catch {
      return abs;
    }
  }
}

/** The folder an output goes into must exist and be a folder; `path` itself must not be a directory. */
function checkOne(t: OutputTarget): void {
  if (t.path === '') throw new InputError([`${t.option}: the path is empty`], `give a file name, e.g. ${t.option} out${t.option === '--report' ? '.html' : '.csv'}`);
  const st = statOrNull(t.path);
  if (st?.isDirectory()) throw new InputError([`${t.option} ${t.path}: is a directory, not a file`], `give a file name inside it, e.g. ${join(t.path, 'out')}`);
  const dir = dirname(resolve(t.path));
  const dst = statOrNull(dir);
  if (!dst) throw new InputError([`${t.option} ${t.path}: the folder ${dir} does not exist`], 'create the folder first, or write elsewhere');
  if (!dst.isDirectory()) throw new InputError([`${t.option} ${t.path}: ${dir} is not a folder`]);
}

/**
 * Checks every output path before the computation starts: each well-formed (see above), none equal to an input,
 * the store (or its `-wal`/`-shm` companions) or another output after resolving links. Throws InputError (exit 2).
 * Example: `checkOutputs([{ option: '--report', path: 'r.html' }], { inputs: [file], store: 's.sqlite' })`.
 */
export function checkOutputs(outputs: readonly OutputTarget[], c: OutputCheck = {}): void {
  const taken = new Map<string, string>();
  for (const f of c.inputs ?? []) if (f) taken.set(resolvedPath(f), `the input ${f}`);
  if (c.store) for (const suffix of ['', '-wal', '-shm', '-journal']) taken.set(resolvedPath(c.store + suffix), `the store ${c.store}${suffix ? ` (its ${suffix.slice(1)} file)` : ''}`);
  for (const t of outputs) {
    checkOne(t);
    const r = resolvedPath(t.path);
    const clash = taken.get(r);
    if (clash) throw new InputError([`${t.option} ${t.path}: is ${clash}; writing it would destroy it`], `give ${t.option} another file name`);
    taken.set(r, `also the output of an earlier option`);
  }
}

/** An output folder (a directory of figures): created when absent, refused when it is a file. */
export function checkOutputFolder(option: string, path: string): void {
  if (path === '') throw new InputError([`${option}: the path is empty`], `give a folder, e.g. ${option} figures`);
  const st = statOrNull(path);
  if (st && !st.isDirectory()) throw new InputError([`${option} ${path}: is a file, not a folder`], 'give a folder (it is created when absent)');
  if (!st) {
    const parent = dirname(resolve(path));
    const pst = statOrNull(parent);
    if (pst && !pst.isDirectory()) throw new InputError([`${option} ${path}: ${parent} is not a folder`]);
  }
}

let counter = 0;

/**
 * Writes `data` to `path` atomically: a temporary file `.name.<pid>.<n>.tmp` in the same folder, flushed, then
 * renamed over the target (a link is followed, so the file it points to is replaced). An existing device or FIFO
 * (`/dev/stdout`) is written in place. Failures are InputError (exit 2) naming the option and the path.
 * Example: `writeOutputFile('--report', 'r.html', html)`.
 */
export function writeOutputFile(option: string, path: string, data: string | Uint8Array): void {
  const target = statOrNull(path, true)?.isSymbolicLink() ? resolvedPath(path) : path;
  const st = statOrNull(target);
  const fail = (err: unknown): never => {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError([`${option}: cannot write ${path} (${code === 'ENOENT' ? 'the folder does not exist' : code === 'EACCES' ? 'permission denied' : code ?? String(err)})`]);
  };
  if (st && !st.isFile() && !st.isDirectory()) {
    let fd: number | undefined;
    try {
      fd = openSync(target, 'w');
      writeAll(fd, data);
    } catch (err) {
      fail(err);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    return;
  }
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${counter++}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', st ? st.mode & 0o777 : 0o666);
    writeAll(fd, data);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      /* the temporary file was never created */
    }
    fail(err);
  }
}

function writeAll(fd: number, data: string | Uint8Array): void {
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let off = 0;
  while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
}

/**
 * Checks a `--store` path before the store is opened: not empty, not a directory or device, in an existing
 * folder, and not one of the inputs. Example: `checkStorePath('s.sqlite', [scenarioFile])`.
 */
export function checkStorePath(path: string, inputs: readonly string[] = []): void {
  const hint = 'give a file name for the SQLite store, e.g. --store experiments.sqlite, or --no-store';
  if (path === '') throw new InputError(['--store: the path is empty'], hint);
  const st = statOrNull(path);
  if (st?.isDirectory()) throw new InputError([`--store ${path}: is a directory, not a store file`], hint);
  if (st && !st.isFile()) throw new InputError([`--store ${path}: is not a regular file (a device, FIFO or socket)`], hint);
  const dir = dirname(resolve(path));
  if (!statOrNull(dir)?.isDirectory()) throw new InputError([`--store ${path}: the folder ${dir} does not exist`], hint);
  const r = resolvedPath(path);
  for (const f of inputs) if (f && resolvedPath(f) === r) throw new InputError([`--store ${path}: is the input ${f}; the store would overwrite it`], hint);
}
