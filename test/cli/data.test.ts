/** Spawns the built CLI (run `npm run build` first). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));
const fx = (name: string) => fileURLToPath(new URL(`../fixtures/data/${name}`, import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'flashpoints-data-'));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'data', 'import', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('flashpoints data import', () => {
  it('prints one JSON document with the envelope, counts, skipped rows and the data', () => {
    const r = run('cns', '--in', fx('cns_tests.json'), '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ command: 'data import', kind: 'cns', rows: 12, columns: ['month', 'events', 'missiles'], skippedCount: 2, skippedTruncated: false });
    expect(doc.flashpoints).toMatch(/^\d+\.\d+\.\d+/);
    expect(doc.options).toMatchObject({ kind: 'cns', in: fx('cns_tests.json'), out: null });
    expect(doc.skippedByReason).toEqual({ 'bad date': 2 });
    expect(doc.skipped[0]).toEqual({ line: 43, reason: "bad date: '1994-02-30', expected YYYY-MM-DD or YYYY-MM" });
    expect(doc.data[9]).toEqual({ month: '1994-02', events: 2, missiles: 3 });
    expect(r.err).toBe('');
  });

  it('writes CSV to --out and prints the summary with file:line for each skipped row on stderr', () => {
    const out = join(tmp, 'cns.csv');
    const r = run('cns', '--in', fx('cns_tests.csv'), '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(readFileSync(out, 'utf8').split('\n').slice(0, 3)).toEqual(['month,events,missiles', '1993-05,1,1', '1993-06,0,0']);
    expect(r.err).toContain(`cns: 12 rows from ${fx('cns_tests.csv')} written to ${out}`);
    expect(r.err).toContain(`${fx('cns_tests.csv')}:7: bad date: '1994-02-30'`);
    expect(r.err).toContain('skipped 2 rows (2 bad date)');
  });

  it('prints CSV on stdout without --out, missing values as empty fields', () => {
    const r = run('cow-nmc', '--in', fx('cow_nmc.csv'), '--usd-per-gbp', fx('usd_per_gbp.csv'), '--countries', 'UKG,731');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('ccode,stateabb,year,milex_usd_k,milex_raw,milex_unit,usd_per_gbp,milper,irst,pec,tpop,upop,cinc');
    expect(lines[2]).toBe('200,UKG,1913,10000,2000,GBP thousand,5,310,7700,280000,45600,20400,0.09');
    expect(lines[5]).toBe('731,PRK,2002,,,USD thousand,,1170,1100,81000,22100,13100,0.011');
    expect(r.err).toMatch(/multiplied by usd_per_gbp \(.*usd_per_gbp\.csv: The table presents/);
  });

  it('gives one row per missile with --launches, and filters MID dyads with --countries', () => {
    const r = run('cns', '--in', fx('cns_tests.csv'), '--launches');
    expect(r.out.split('\n').slice(0, 2)).toEqual(['date,month,missile,facility,outcome,apogee_km,distance_km', '1993-05,1993-05,nodong,,success,,500']);
    const mid = JSON.parse(run('cow-mid', '--in', fx('mid_dyad_year.csv'), '--countries', '731,732', '--json').out);
    expect([mid.rows, mid.skippedCount, mid.data.map((x: { dispnum: number }) => x.dispnum)]).toEqual([4, 2, [4000, 4000, 4002, 4003]]);
  });

  it('reads a SIPRI workbook, one sheet on request', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Share of GDP');
    ws.addRow(['Military expenditure by country as percentage of GDP']);
    ws.addRow(['Country', 'Notes', 2023, 2024]);
    ws.addRow(['Japan', null, 0.012, 0.014]);
    const file = join(tmp, 'sipri.xlsx');
    writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
    const r = run('sipri', '--in', file, '--sheet', 'Share of GDP', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.columns).toEqual(['country', 'year', 'milex_share_gdp']);
    expect(doc.data.map((x: { milex_share_gdp: number }) => x.milex_share_gdp)).toEqual([1.2, 1.4]);
    const korea = JSON.parse(run('sipri', '--in', fx('sipri_long.csv'), '--countries', 'Korea, South;Viet Nam', '--json').out);
    expect(korea.data.map((x: { country: string }) => x.country)).toEqual(['Korea, South', 'Korea, South', 'Viet Nam']);
    expect(run('sipri', '--in', file, '--sheet', 'Per capita').err).toMatch(/sipri\.xlsx:1:1: sheet 'Per capita' not found/);
  });

  it('scores events with the Goldstein table given', () => {
    const r = run('events', '--in', fx('gdelt_events.tsv'), '--goldstein', fx('goldstein_gdelt.txt'), '--countries', 'PRK,KOR', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.data.find((x: { source: string; month: string }) => x.source === 'PRK' && x.month === '2018-01')).toMatchObject({ events: 3, goldstein_sum: -4.1 });
    expect(doc.notes.join('\n')).toMatch(/gdelt layout, 13 codes/);
  });

  it('exits 2 with a clear message when the input file is missing', () => {
    const r = run('atop', '--in', join(tmp, 'nope.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${join(tmp, 'nope.csv')}: cannot read input file (no such file)`);
    expect(r.err).not.toMatch(/at .*\.js:\d+/);
  });

  it('exits 2 with file:line:col for a malformed file', () => {
    const json = join(tmp, 'bad.json');
    writeFileSync(json, '{"timeBins": [{"data": [\n  {"date": "2020-01-01",}\n]}]}');
    const r = run('cns', '--in', json);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${json}:2:25: expected a property name in double quotes`);
    const csv = join(tmp, 'bad.csv');
    writeFileSync(csv, 'ccode1,ccode2,year,atop_defense\n2,20,"1950,1\n');
    const q = run('atop', '--in', csv);
    expect([q.code, q.err.split('\n')[0]]).toEqual([2, `${csv}:2:6: quoted field is never closed`]);
    const other = run('atop', '--in', fx('cns_tests.csv'));
    expect(other.code).toBe(2);
    expect(other.err).toMatch(/cns_tests\.csv:1:1: not an ATOP dyad-year file: missing columns ccode1/);
  });

  it('exits 2 on an unknown kind, a missing Goldstein table, or an option of another kind', () => {
    expect(run('sipri2', '--in', 'x').code).toBe(2);
    const ev = run('events', '--in', fx('icews_events.csv'));
    expect([ev.code, ev.err.split('\n')[0]]).toEqual([2, 'events needs --goldstein FILE']);
    expect(run('cns', '--in', fx('cns_tests.csv'), '--sheet', 'x').code).toBe(2);
  });

  it('lists the kinds and options in --help', () => {
    const r = spawnSync(process.execPath, [CLI, 'data', 'import', '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    for (const kind of ['sipri', 'cow-nmc', 'cow-mid', 'atop', 'cns', 'events']) expect(r.stdout).toContain(kind);
    expect(r.stdout).toContain('--goldstein <file>');
  });
});
