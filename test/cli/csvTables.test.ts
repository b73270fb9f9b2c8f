// Spawns the built CLI (run `npm run build` first): `--csv FILE` on run and simulate, against their JSON.
import { mkdtempSync, readFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliJson } from './spawn.js';
import { parseCsv } from '../../src/data/csv.js';

const dir = mkdtempSync(join(tmpdir(), 'csv-tables-'));
const read = (p: string) => parseCsv(readFileSync(p, 'utf8'), p);

describe('--csv FILE', () => {
  it('simulate: one row per (time, stock) with the JSON values; bare --csv still prints the wide table', () => {
    const out = join(dir, 'sim.csv');
    const args = ['simulate', 'test/fixtures/scenarios/textbook.yaml', '--years', '2', '--step', '0.5'];
    const o = cliJson([...args, '--json', '--csv', out]);
    const t = read(out);
    expect(t.header).toEqual(['time', 'stock', 'value']);
    expect(t.rows).toHaveLength(o.times.length * o.actors.length);
    for (const [time, stock, value] of t.rows) expect(Number(value)).toBe(o.series[stock][o.times.indexOf(Number(time))]);
    expect(cli([...args, '--csv']).out.split('\n')[0]).toBe('time,X,Y');
  });

  it('run: outcome rows and per-month escalation quantiles, equal to the JSON', () => {
    const out = join(dir, 'run.csv');
    const o = cliJson(['run', 'scenarios/korea-2024.yaml', '--runs', '40', '--horizon', '6', '--seed', '2', '--json', '--csv', out]);
    const t = read(out);
    expect(t.header).toEqual(['policy', 'measure', 'month', 'statistic', 'value']);
    const get = (measure: string, statistic: string, month = '') => t.rows.filter((r) => r[1] === measure && r[2] === month && r[3] === statistic).map((r) => Number(r[4]));
    expect(get('war', 'hi')).toEqual([o.outcomes.war.hi]);
    expect(get('clash_years_per_decade', 'mean')).toEqual([o.outcomes.clashYearsPerDecade.mean]);
    for (let m = 1; m <= 6; m++) expect(get('escalation_score', 'q95', String(m))).toEqual([o.escalationScore.q95[m - 1]]);
    expect(t.rows).toHaveLength(12 + 6 * 4);
  });

  it('refuses to write over the scenario it reads (exit 2, file untouched)', () => {
    const copy = join(dir, 'textbook.yaml');
    copyFileSync('test/fixtures/scenarios/textbook.yaml', copy);
    const before = readFileSync(copy, 'utf8');
    const r = cli(['simulate', copy, '--csv', copy]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is an input of this command/);
    expect(readFileSync(copy, 'utf8')).toBe(before);
    expect(cli(['run', copy, '--runs', '5', '--csv', copy]).code).toBe(2);
  });
});
