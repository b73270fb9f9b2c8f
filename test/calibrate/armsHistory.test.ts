import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { raceBacktest, richardsonPreWwi } from '../../src/calibrate/armsHistory.js';
import { rmseVerdict } from '../../src/calibrate/armsHistoryReport.js';
import { scenarioWarnings } from '../../src/experiment/scenarioWarnings.js';
import { parseScenario } from '../../src/scenario/load.js';
import { cli, root } from '../cli/spawn.js';

const data = join(root, '../shared/data');
const haveData = existsSync(join(data, 'arms_races/pre_wwi_bloc_milex_cow_nmc_v7_1900_1913_gbp.csv'));
const read = (rel: string) => readFileSync(join(data, rel), 'utf8');
const load = (f: string) => {
  const r = parseScenario(readFileSync(join(root, 'scenarios', f), 'utf8'), f);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return r.scenario;
};
const dir = mkdtempSync(join(tmpdir(), 'history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the pooled RMSE verdict (material only beyond 10% of the baseline)', () => {
  it('says beats / indistinguishable / does worse by the relative gap, on both sides of the 10% line', () => {
    expect(rmseVerdict(0.171, 0.176)).toBe('indistinguishable from'); // 2.8% lower
    expect(rmseVerdict(0.087, 0.095)).toBe('indistinguishable from'); // 8.4% lower
    expect(rmseVerdict(0.087, 0.175)).toBe('beats'); // 50% lower
    expect(rmseVerdict(0.089, 0.1)).toBe('beats'); // 11% lower
    expect(rmseVerdict(0.171, 0.141)).toBe('does worse than'); // 21% higher
    expect(rmseVerdict(0.105, 0.1)).toBe('indistinguishable from'); // 5% higher
  });
});

describe('the US–USSR 1950 scenario', () => {
  it('validates; its only warnings are the two crash nuclear programmes it says it means', () => {
    const w = scenarioWarnings(load('us-ussr-1950.yaml'));
    expect(w.map((x) => [x.code, x.path])).toEqual([['runaway-growth', 'actors.USA.capabilities.strategic'], ['runaway-growth', 'actors.SUN.capabilities.strategic']]);
  });
});

describe('Richardson’s pooled fit of the pre-1914 blocs (a hand-built table)', () => {
  it('is the simple regression of Δ(U+V) on the mean of consecutive years, worked out in closed form', () => {
    const U = [100, 104, 110, 119], V = [80, 82, 85, 90];
    const csv = ['year,U_france_plus_russia,V_germany_plus_austria_hungary', ...U.map((u, k) => `${1909 + k},${u},${V[k]}`)].join('\n');
    const s = U.map((u, k) => u + V[k]);
    const dy = s.slice(1).map((x, k) => x - s[k]), m = s.slice(1).map((x, k) => (x + s[k]) / 2);
    const mb = m.reduce((a, b) => a + b) / 3, yb = dy.reduce((a, b) => a + b) / 3;
    const slope = m.reduce((a, x, k) => a + (x - mb) * (dy[k] - yb), 0) / m.reduce((a, x) => a + (x - mb) ** 2, 0);
    const [row] = richardsonPreWwi(csv, [[1909, 1912]]);
    expect(row.n).toBe(3);
    expect(row.slope).toBeCloseTo(slope, 12);
    expect(row.intercept).toBeCloseTo(yb - slope * mb, 10);
    expect(row.equilibrium).toBeCloseTo(-(yb - slope * mb) / slope, 9);
  });

  it.skipIf(!haveData)('gives on the COW proxy the figures ../shared/data/SOURCES.md states for it', () => {
    const [w1909, w1907] = richardsonPreWwi(read('arms_races/pre_wwi_bloc_milex_cow_nmc_v7_1900_1913_gbp.csv'));
    expect([w1909.slope, w1909.intercept, w1909.equilibrium!].map((x) => Number(x.toFixed(1)))).toEqual([0.8, -157.5, 189.3]);
    expect(w1909.slope).toBeCloseTo(0.832, 3);
    expect([w1907.slope, w1907.intercept, w1907.equilibrium!].map((x) => Number(x.toFixed(1)))).toEqual([0.8, -141.7, 185.3]);
    expect(w1907.slope).toBeCloseTo(0.765, 3);
  });
});

describe.skipIf(!haveData)('the historical backtests on ../shared/data', () => {
  const inputs = { sipri: read('sipri_milex/sipri_milex_focus_1949_2024.csv'), owid: read('milex_longrun/owid_cow_sipri_milex_const2020usd_focus.csv'), fas: read('nuclear/fas2023_nuclear_warhead_stockpiles_1945_2023.csv'), preWwi: read('arms_races/pre_wwi_bloc_milex_cow_nmc_v7_1900_1913_gbp.csv') };

  it("scores the random walk exactly as the SIPRI file gives it (India, forecast 2015–2024 from 2014)", () => {
    const r = raceBacktest({ id: 'ip', title: 'India–Pakistan', scenario: load('india-pakistan-2024.yaml'), span: [1990, 2024], origins: [2014], horizon: 10, actors: ['IND'] }, inputs);
    const india = new Map(inputs.sipri.split('\n').map((l) => l.split(',')).filter((f) => f[0] === 'India').map((f) => [Number(f[1]), Number(f[2]) / 1000]));
    const base = india.get(2014)!;
    const byHand = Math.sqrt(Array.from({ length: 10 }, (_, h) => Math.log(base / india.get(2015 + h)!) ** 2).reduce((a, b) => a + b) / 10);
    const st = r.runs[0].stocks.find((x) => x.label === 'IND.conventional')!;
    expect(st.years).toEqual(Array.from({ length: 10 }, (_, h) => 2015 + h));
    expect(st.actual.map((x) => Number(x.toFixed(6)))).toEqual(st.years.map((y) => Number(india.get(y)!.toFixed(6))));
    expect(st.errors.randomWalk.rmseLog).toBeCloseTo(byHand, 10);
    expect(r.pooled.n).toBe(10);
  });

  it('regenerates docs/arms-history.md exactly, and --json carries the envelope', () => {
    const out = join(dir, 'history.md');
    const r = cli(['calibrate', 'history', '--data', data, '--table', out, '--json']);
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(root, 'docs/arms-history.md'), 'utf8'));
    const o = JSON.parse(r.out);
    expect(o).toMatchObject({ command: 'calibrate history', scenario: { id: 'us-ussr-1950' } });
    expect(o.races.map((x: { id: string; pooled: { n: number } }) => [x.id, x.pooled.n])).toEqual([['us-ussr', 60], ['india-pakistan', 40]]);
  });

  it('refuses a missing data directory with exit 2 and a hint', () => {
    const r = cli(['calibrate', 'history', '--data', join(dir, 'nowhere')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no data directory/);
  });
});
