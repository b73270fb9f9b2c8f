import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/data/csv.js';
import { sampleFutures } from '../../src/experiment/futures.js';
import { readScenarioFile } from '../../src/cli/scenarioFile.js';
import { cli, cliJson, stackTrace } from './spawn.js';

const dir = mkdtempSync(join(tmpdir(), 'experiments-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const korea = 'scenarios/korea-2024.yaml';
const small = ['--futures', '3', '--runs', '6', '--horizon', '24', '--threads', '1'];

describe('the experiments table (compare --csv, flashpoints export)', () => {
  const store = join(dir, 'korea.sqlite');
  const csv = join(dir, 'compare.csv');
  const o = cliJson(['compare', korea, ...small, '--store', store, '--csv', csv, '--json']);
  const table = parseCsv(readFileSync(csv, 'utf8'));
  const col = (name: string) => table.header.indexOf(name);

  it('has one row per (future, policy), every sampled value equal to the design drawn from the seed', () => {
    const policies = o.policies.map((p: { id: string }) => p.id);
    expect(table.rows).toHaveLength(3 * policies.length);
    const design = sampleFutures(readScenarioFile(korea).scenario, 3, 1);
    expect(table.header.slice(3, 3 + design.uncertainties.length)).toEqual(design.uncertainties.map((u) => u.name));
    expect(table.header).toContain('prk-type');
    table.rows.forEach((row, i) => {
      const f = design.futures[Math.floor(i / policies.length)];
      expect(Number(row[col('future')])).toBe(f.index);
      expect(row[col('policy')]).toBe(policies[i % policies.length]);
      // numbers print round-trip exact: the CSV holds the very values the cells were run with
      design.uncertainties.forEach((u, k) => expect(Number(row[col(u.name)])).toBe(f.values[k]));
      expect(row[col('prk-type')]).toBe(f.alternatives['prk-type']);
      expect(Number(row[col('weight')])).toBe(o.weights.perFuture[f.index].weight);
    });
  });

  it('its outcomes average to the comparison\'s unweighted figures (equal runs per cell)', () => {
    for (const p of o.policies) {
      const rows = table.rows.filter((r) => r[col('policy')] === p.id);
      const mean = (c: string) => rows.reduce((s, r) => s + Number(r[col(c)]), 0) / rows.length;
      expect(mean('p_war')).toBeCloseTo(p.unweighted.outcomes.war.p, 12);
      expect(mean('p_clash')).toBeCloseTo(p.unweighted.outcomes.clash.p, 12);
      expect(mean('p_nuclear')).toBeCloseTo(p.unweighted.outcomes.nuclear.p, 12);
    }
  });

  it('export reads the same table back from the store', () => {
    const out = join(dir, 'export.csv');
    const r = cli(['export', store, '--csv', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/18 rows \(future × policy\)/);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(csv, 'utf8'));
  });

  it.each([
    [['--experiment', 'ffffffff'], /has no comparison whose id starts with 'ffffffff'/],
    [['--csv', 'STORE'], /is the store/],
  ])('export rejects %j with exit 2', (extra, message) => {
    const args = ['export', store, '--csv', join(dir, 'x.csv'), ...extra].map((a) => (a === 'STORE' ? store : a));
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(stackTrace);
  });
});
