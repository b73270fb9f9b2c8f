import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, stackTrace } from './spawn.js';

const MID = 'test/fixtures/data/rivalries/mid_three.csv', LIST = 'test/fixtures/data/rivalries/tss_three.csv';
const fixture = ['calibrate', 'rivalries', '--mid', MID, '--rivalries', LIST, '--resamples', '100'];
const dir = mkdtempSync(join(tmpdir(), 'rivalries-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('flashpoints calibrate rivalries', () => {
  it('--json: one document with the provenance envelope, the input hashes and both out-of-sample designs', () => {
    const r = cli([...fixture, '--json', '--seed', '5']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ command: 'calibrate rivalries', seed: 5, options: { list: 'tss', mid: MID, rivalries: LIST, resamples: 100, split: 1990 } });
    expect(typeof doc.flashpoints).toBe('string');
    expect(doc.inputs.map((i: { sha256: string }) => i.sha256)).toEqual(expect.arrayContaining([expect.stringMatching(/^[0-9a-f]{64}$/)]));
    expect(doc.totals).toEqual({ rivalries: 3, years: 114, clashYears: 9, warOnsets: 2 });
    expect(doc.evaluations.map((e: { id: string }) => e.id)).toEqual(['leave-one-out', 'temporal']);
  });

  it('--table FILE writes what --table prints, and --figure writes the reliability SVG', () => {
    const table = join(dir, 'validation.md'), figure = join(dir, 'reliability.svg');
    const w = cli([...fixture, '--table', table, '--figure', figure]);
    expect(w.code).toBe(0);
    const p = cli([...fixture, '--table']);
    expect(p.code).toBe(0);
    expect(readFileSync(table, 'utf8')).toBe(p.out);
    expect(p.out).toContain('## Where the model has skill and where it has none');
    expect(p.out).not.toMatch(/NaN|Infinity|undefined/);
    expect(readFileSync(figure, 'utf8').startsWith('<svg')).toBe(true);
  });

  it('a malformed rivalry list is bad input: file:line:col column: message, exit 2, no stack trace', () => {
    const r = cli(['calibrate', 'rivalries', '--mid', MID, '--rivalries', 'test/fixtures/data/rivalries/tss_bad.csv']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("test/fixtures/data/rivalries/tss_bad.csv:3:21 ccode2: expected an integer, got 'x4'");
    expect(r.err).not.toMatch(stackTrace);
    expect(r.out).toBe('');
  });

  it('a MID row that cannot be read, a dispute-level file and a missing file are bad input (exit 2)', () => {
    const bad = join(dir, 'mid_bad.csv');
    writeFileSync(bad, readFileSync(MID, 'utf8') + '99,100,200,19x5,1,1,4\n');
    const r = cli(['calibrate', 'rivalries', '--mid', bad, '--rivalries', LIST]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`${bad.replace(/[.]/g, '\\.')}:20:1 row: .*year`));
    const disputes = cli(['calibrate', 'rivalries', '--mid', 'test/fixtures/data/mid_disputes.csv', '--rivalries', LIST]);
    expect(disputes.code).toBe(2);
    expect(disputes.err).toContain('dispute-level MID file');
    const missing = cli(['calibrate', 'rivalries', '--data', '/no/such/dir']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('/no/such/dir/cow/cow_mid5_directed_dyad_year_1816_2014.csv');
    for (const x of [r, disputes, missing]) expect(x.err).not.toMatch(stackTrace);
  });
});

const data = '../shared/data';
describe.skipIf(!existsSync(join(data, 'cow/cow_mid5_directed_dyad_year_1816_2014.csv')))('the committed validation (needs ../shared/data)', () => {
  it('docs/validation.md and docs/figures/validation-reliability.svg are what the command produces', () => {
    const figure = join(dir, 'validation-reliability.svg');
    const r = cli(['calibrate', 'rivalries', '--data', data, '--both-lists', '--table', '--figure', figure]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(readFileSync('docs/validation.md', 'utf8'));
    expect(readFileSync(figure, 'utf8')).toBe(readFileSync('docs/figures/validation-reliability.svg', 'utf8'));
  }, 300_000);
});
