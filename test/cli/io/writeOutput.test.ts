import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/cli/errors.js';
import { checkRegularFile, INPUT_LIMITS_MIB, readInputText, setInputLimitMiB } from '../../../src/cli/io/readInput.js';
import { checkOutputs, checkStorePath, writeOutputFile } from '../../../src/cli/io/writeOutput.js';

const tmp = mkdtempSync(join(tmpdir(), 'io-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const at = (name: string) => join(tmp, name);
const message = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).lines.join('\n');
  }
  throw new Error('expected an InputError');
};

describe('writeOutputFile', () => {
  it('replaces the file whole through a temporary file in the same folder, keeping its mode', () => {
    const f = at('a.txt');
    writeFileSync(f, 'old');
    chmodSync(f, 0o640);
    writeOutputFile('--out', f, 'new content');
    expect(readFileSync(f, 'utf8')).toBe('new content');
    expect(statSync(f).mode & 0o777).toBe(0o640);
    expect(readdirSync(tmp).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('through a symbolic link, replaces the file it points to and keeps the link', () => {
    const target = at('target.txt');
    writeFileSync(target, 'old');
    symlinkSync(target, at('link.txt'));
    writeOutputFile('--out', at('link.txt'), 'via link');
    expect(lstatSync(at('link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('via link');
  });

  it('a failed write leaves the old file and no temporary file', () => {
    const dir = at('sub');
    mkdirSync(dir);
    const f = join(dir, 'kept.txt');
    writeFileSync(f, 'kept');
    // A temporary name that exists as a folder makes the exclusive create fail, as a full disk would.
    mkdirSync(join(dir, `.kept.txt.${process.pid}.${0}.tmp`));
    for (let k = 1; k < 50; k++) mkdirSync(join(dir, `.kept.txt.${process.pid}.${k}.tmp`));
    expect(message(() => writeOutputFile('--out', f, 'lost'))).toMatch(/^--out: cannot write .*kept\.txt \(/);
    expect(readFileSync(f, 'utf8')).toBe('kept');
  });
});

describe('checkOutputs and checkStorePath', () => {
  it('refuses an output equal to an input, the store or another output, after resolving links', () => {
    writeFileSync(at('in.yaml'), 'x');
    symlinkSync(at('in.yaml'), at('in-link.yaml'));
    expect(message(() => checkOutputs([{ option: '--report', path: at('in-link.yaml') }], { inputs: [at('in.yaml')] }))).toBe(`--report ${at('in-link.yaml')}: is the input ${at('in.yaml')}; writing it would destroy it`);
    expect(message(() => checkOutputs([{ option: '--report', path: at('s.sqlite-wal') }], { store: at('s.sqlite') }))).toMatch(/is the store .*s\.sqlite \(its wal file\)/);
    expect(message(() => checkOutputs([{ option: '--out', path: at('o') }, { option: '--figure', path: at('o') }]))).toMatch(/^--figure .*: is also the output of an earlier option/);
    expect(() => checkOutputs([{ option: '--out', path: at('new.csv') }], { inputs: [at('in.yaml')] })).not.toThrow();
  });

  it('refuses empty paths, directories and missing folders', () => {
    expect(message(() => checkOutputs([{ option: '--report', path: '' }]))).toBe('--report: the path is empty');
    expect(message(() => checkOutputs([{ option: '--out', path: tmp }]))).toBe(`--out ${tmp}: is a directory, not a file`);
    expect(message(() => checkOutputs([{ option: '--out', path: '/nonexistent/x' }]))).toBe('--out /nonexistent/x: the folder /nonexistent does not exist');
    expect(message(() => checkStorePath(tmp))).toBe(`--store ${tmp}: is a directory, not a store file`);
    expect(message(() => checkStorePath('/dev/null'))).toBe('--store /dev/null: is not a regular file (a device, FIFO or socket)');
  });
});

describe('readInputText', () => {
  it('reads a regular file; refuses devices, directories and files above the limit, from their metadata', () => {
    writeFileSync(at('s.yaml'), 'id: x\n');
    expect(readInputText(at('s.yaml'), { what: 'the scenario', kind: 'scenario' })).toBe('id: x\n');
    expect(message(() => readInputText('/dev/zero', { what: 'the scenario' }))).toBe('/dev/zero: the scenario is not a regular file (a device, FIFO or socket)');
    expect(message(() => readInputText(tmp, { what: '--in' }))).toBe(`${tmp}: --in is a directory, not a file`);
    expect(message(() => checkRegularFile(at('nope'), { what: 'the store' }))).toBe(`${at('nope')}: cannot read the store (no such file)`);
    writeFileSync(at('big.yaml'), Buffer.alloc(INPUT_LIMITS_MIB.scenario * 1024 * 1024 + 1, 32));
    expect(message(() => readInputText(at('big.yaml'), { what: 'the scenario', kind: 'scenario' }))).toBe(`${at('big.yaml')}: the scenario is 4,194,305 bytes, above the limit of 4.0 MiB for scenario files`);
    setInputLimitMiB(5);
    try {
      expect(readInputText(at('big.yaml'), { what: 'the scenario', kind: 'scenario' })).toHaveLength(INPUT_LIMITS_MIB.scenario * 1024 * 1024 + 1);
    } finally {
      setInputLimitMiB(undefined);
    }
  });
});
