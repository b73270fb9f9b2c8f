import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, root, stackTrace } from './spawn.js';

// Random command lines built from the CLI's own vocabulary and hostile values. Whatever they say, the CLI must
// answer with exit 0, 1 or 2, never a stack trace, one JSON document on stdout when --json succeeds, and soon.
const tmp = mkdtempSync(join(tmpdir(), 'fuzz-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const csv = join(tmp, 'd.csv');
writeFileSync(csv, 'a,b,c\n1,2,3\n2,4,7\n3,5,8\n4,9,9\n5,8,12\n6,13,11\n');
const korea = join(root, 'scenarios/korea-2024.yaml');
const textbook = join(root, 'scenarios/richardson-1909.yaml');

const commands = [
  ['validate'], ['show'], ['schema'], ['simulate'], ['analyze'], ['run'], ['compare'], ['fit', 'ols'], ['fit', 'var'],
  ['fit', 'richardson'], ['fit', 'counts'], ['data', 'import', 'cns'], ['data', 'import', 'sipri'], ['store', 'check'],
  ['match'], ['tournament'], ['calibrate', 'arms'], ['nonsense'],
];
const paths = [korea, textbook, csv, '/dev/zero', tmp, join(tmp, 'missing.yaml'), '', join(tmp, 'out.html'), join(tmp, 's.sqlite')];
const values = ['0', '1', '2', '-1', '1e308', 'NaN', 'abc', '', ' 3', '0x10', '2.5', 'a,b', ',,;', 'tit-for-tat', 'all', '*'];
const options = [
  '--json', '--csv', '--years', '--step', '--times', '--mode', '--runs', '--futures', '--horizon', '--seed', '--threads',
  '--policy', '--policies', '--store', '--no-store', '--report', '--data', '--y', '--x', '--vars', '--lags', '--in', '--out',
  '--countries', '--quarantine', '--turns', '--players', '--max-input-mb', '--help', '--',
];
const token = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...options) },
  { weight: 3, arbitrary: fc.constantFrom(...values) },
  { weight: 2, arbitrary: fc.constantFrom(...paths) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
// Small work sizes always come first: a random value may replace them, but never with a large one.
const commandLine = fc.tuple(fc.constantFrom(...commands), fc.constantFrom(korea, textbook, csv, ...paths), fc.array(token, { maxLength: 8 })).map(([cmd, file, rest]) => [
  ...cmd, file, '--runs', '2', '--futures', '2', '--horizon', '6', '--years', '2', '--turns', '5', '--store', join(tmp, 's.sqlite'), ...rest,
]);

describe('CLI argument parsing under random command lines', () => {
  it('exit 0/1/2, no stack trace, JSON on stdout under --json, within a time bound', () => {
    fc.assert(
      fc.property(commandLine, (args) => {
        const t0 = Date.now();
        const r = cli(args, { cwd: tmp });
        expect(Date.now() - t0, args.join(' ')).toBeLessThan(30_000);
        expect([0, 1, 2], `${args.join(' ')}\n${r.err}`).toContain(r.code);
        expect(r.err, args.join(' ')).not.toMatch(stackTrace);
        expect(r.out, args.join(' ')).not.toMatch(stackTrace);
        const json = args.includes('--json') && !args.includes('--help') && !args.slice(0, args.indexOf('--json')).includes('--');
        if (json && r.code === 0 && r.out.trim() !== '') expect(() => JSON.parse(r.out), `${args.join(' ')}\n${r.out.slice(0, 200)}`).not.toThrow();
      }),
      // FLASHPOINTS_FUZZ_RUNS=500 explores further with a fresh seed; the default is a short, fixed sample.
      process.env.FLASHPOINTS_FUZZ_RUNS ? { numRuns: Number(process.env.FLASHPOINTS_FUZZ_RUNS) } : { numRuns: 20, seed: 17 },
    );
  }, process.env.FLASHPOINTS_FUZZ_RUNS ? 3_600_000 : 60_000);
});

// Mutated input files through the commands that read them: the same promises, and --json prints one document.
const koreaText = readFileSync(korea, 'utf8');
const fixtures = { cns: 'cns_tests.json', 'cow-mid': 'mid_dyad_year.csv', atop: 'atop_dyad_year.csv', sipri: 'sipri_long.csv', 'cow-nmc': 'cow_nmc.csv' } as const;
const mutate = (text: string) =>
  fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: text.length }), fc.constantFrom('*a', '&a ', '!!binary ', '[', '{', '"', '\n- ', ': ', ',', '9e9', '-1', '1e308', '\u0000')).map(([at, ins]) => text.slice(0, at) + ins + text.slice(at)),
    fc.tuple(fc.integer({ min: 0, max: text.length }), fc.integer({ min: 1, max: 400 })).map(([at, n]) => text.slice(0, at) + text.slice(at + n)),
    fc.tuple(fc.integer({ min: 0, max: text.length }), fc.integer({ min: 1, max: 3000 }), fc.constantFrom('9', '0')).map(([at, n, d]) => text.slice(0, at) + text.slice(at, at + n).replace(/\d/g, d) + text.slice(at + n)),
  );
const runs = (n: number) => (process.env.FLASHPOINTS_FUZZ_RUNS ? { numRuns: Number(process.env.FLASHPOINTS_FUZZ_RUNS) } : { numRuns: n, seed: 23 });

/** Exit 0/1/2, no stack trace, one JSON document on stdout when it succeeds, within a time bound. */
function expectPromisesKept(args: string[]) {
  const t0 = Date.now();
  const r = cli(args, { cwd: tmp });
  expect(Date.now() - t0, args.join(' ')).toBeLessThan(30_000);
  expect([0, 1, 2], `${args.join(' ')}\n${r.err}`).toContain(r.code);
  expect(r.err).not.toMatch(stackTrace);
  if (r.code === 0) expect(() => JSON.parse(r.out), r.out.slice(0, 200)).not.toThrow();
  // validate --json reports an invalid file as a JSON document too (issue 18): { valid: false, issues }
  else if (args[0] === 'validate' && args.includes('--json') && r.code === 2) expect(JSON.parse(r.out).valid).toBe(false);
  else expect(r.out).toBe('');
}

describe('commands under mutated input files', () => {
  it('mutated Korea scenarios through validate, simulate, analyze and run', () => {
    const commandsOf = [['validate'], ['simulate', '--years', '20'], ['analyze'], ['run', '--runs', '2', '--horizon', '6']];
    fc.assert(
      fc.property(mutate(koreaText), fc.constantFrom(...commandsOf), (text, [cmd, ...rest]) => {
        const f = join(tmp, 'mutated.yaml');
        writeFileSync(f, text);
        expectPromisesKept([cmd, f, ...rest, '--json']);
      }),
      runs(8),
    );
  }, process.env.FLASHPOINTS_FUZZ_RUNS ? 3_600_000 : 60_000);

  it('mutated data files through data import --json', () => {
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(fixtures) as (keyof typeof fixtures)[])).chain((kind) => fc.tuple(fc.constant(kind), mutate(readFileSync(join(root, 'test/fixtures/data', fixtures[kind]), 'utf8')))), ([kind, text]) => {
        const f = join(tmp, `mutated-${kind}`);
        writeFileSync(f, text);
        expectPromisesKept(['data', 'import', kind, '--in', f, '--json']);
      }),
      runs(8),
    );
  }, process.env.FLASHPOINTS_FUZZ_RUNS ? 3_600_000 : 60_000);
});
