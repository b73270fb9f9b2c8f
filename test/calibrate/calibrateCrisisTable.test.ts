import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrateCrisis, crisisCalibrationTable, type CrisisCalibrationInputs } from '../../src/calibrate/calibrateCrisis.js';
import { crisisFigures } from '../../src/calibrate/crisis/figures.js';
import { passes } from '../../src/calibrate/crisis/validation.js';
import { CRISIS_TOLERANCES } from '../../src/calibrate/crisis/tolerances.js';
import { writeCrisisCalibration } from '../../src/calibrate/crisis/writeScenario.js';
import { sampleNegBinomial } from '../../src/models/crisis/campaigns.js';
import { streamFor } from '../../src/math/rng/index.js';
import { koreaText, loadScenarioText, yamlComments } from './koreaScenario.js';

const korea = loadScenarioText(koreaText);

/** Synthetic inputs: NB counts (the model's sampler, mean 1.5, α 1.5) on the 5th of each month 2012–2024, none in the dialogue months; a small MID and rivalry file. */
function syntheticInputs(): { inputs: CrisisCalibrationInputs; fitMonths: number[] } {
  const lines = ['date_utc,missile_id'];
  const fitMonths: number[] = [];
  const rng = streamFor(5, 0);
  for (let y = 2012; y <= 2024; y++) for (let m = 1; m <= 12; m++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    const dialogue = month >= '2018-04' && month <= '2019-02';
    const draw = sampleNegBinomial(1.5, 1.5, rng);
    const n = dialogue ? 0 : draw;
    for (let k = 0; k < n; k++) lines.push(`${month}-05,m${k}`);
    if (y <= 2019) fitMonths.push(n);
  }
  const mid = ['dispnum,ccode1,ccode2,year,cowmidongoing,cowmidonset,hostlev', '1,731,732,1995,1,1,4', '2,731,2,2003,1,1,4', '3,100,200,1970,1,1,5', '4,100,200,1980,1,1,4'].join('\n');
  return {
    inputs: {
      cns: lines.join('\n'),
      exercises: 'exercise,year,start_date,end_date,date_precision\nFS,2014,2014-03-01,2014-03-10,day',
      midDyadYears: mid,
      rivalries: 'ccode1,ccode2,start,end\n100,200,1946,2014\n731,732,1948,2020',
    },
    fitMonths,
  };
}

describe('calibration table', () => {
  it('computes the observed values from the data and marks pass/fail by the committed rules (synthetic data)', () => {
    const { inputs, fitMonths } = syntheticInputs();
    const t = crisisCalibrationTable(korea, inputs, { seed: 3, launchRuns: 200, clashRuns: 100 });
    const row = (id: string) => t.validation.rows.find((r) => r.id === id)!;
    const mean = fitMonths.reduce((a, b) => a + b, 0) / fitMonths.length;
    expect(row('launch-mean').observed).toBeCloseTo(mean, 12);
    expect(row('launch-zero-share').observed).toBeCloseTo(fitMonths.filter((v) => v === 0).length / 96, 12);
    expect(row('dialogue-lull').observed).toBe(0);
    expect(row('clash-years').observed).toBeCloseTo((10 * 2) / 25, 12);
    expect(row('war-onsets').observed).toBe(0);
    expect(t.validation.rows.map((r) => r.id)).toEqual(CRISIS_TOLERANCES.map((c) => c.id));
    for (const r of t.validation.rows) {
      const rule = CRISIS_TOLERANCES.find((c) => c.id === r.id)!.rule;
      if (rule.kind !== 'atMost') expect(r.pass).toBe(passes(rule, r.observed, r.simulated));
      expect(r.simulated.lo).toBeLessThanOrEqual(r.simulated.mean);
      expect(r.simulated.mean).toBeLessThanOrEqual(r.simulated.hi);
      expect(t.markdown).toContain(` ${r.pass ? 'pass' : '**fail**'} |`);
    }
    expect(t.markdown).not.toMatch(/NaN|Infinity|undefined/);
    const figures = crisisFigures(t.evidence, t.validation, 3);
    expect(Object.keys(figures).sort()).toEqual(['crisis-clash-years.svg', 'crisis-launches.svg']);
    for (const svg of Object.values(figures)) expect(svg.startsWith('<svg')).toBe(true);
  });

  it('the pass rules: inside the interval, within an absolute tolerance, at most a bound', () => {
    expect(passes({ kind: 'inside95' }, 1, { mean: 0, lo: 0.5, hi: 1 })).toBe(true);
    expect(passes({ kind: 'inside95' }, 1.01, { mean: 0, lo: 0.5, hi: 1 })).toBe(false);
    expect(passes({ kind: 'absolute', tolerance: 0.3 }, 4, { mean: 3.75, lo: 0, hi: 9 })).toBe(true);
    expect(passes({ kind: 'absolute', tolerance: 0.3 }, 4, { mean: 3.65, lo: 0, hi: 9 })).toBe(false);
    expect(passes({ kind: 'atMost', bound: 'poisson95' }, 0, { mean: 0.5, lo: 0, hi: 1 }, 0.49)).toBe(false);
  });
});

const dataDir = resolve('../shared/data');
describe.skipIf(!existsSync(dataDir))('committed calibration (needs ../shared/data)', () => {
  it('docs/calibration-crisis.md is what the command produces for the committed scenario', () => {
    const read = (p: string) => readFileSync(resolve(dataDir, p), 'utf8');
    const inputs = {
      cns: read('nk_missile_tests/nk_missile_tests_1984_2026.csv'),
      exercises: read('exercises/us_rok_combined_exercises_curated.csv'),
      midDyadYears: read('cow/cow_mid5_directed_dyad_year_1816_2014.csv'),
      rivalries: read('arms_races/tss_rivalries.csv'),
    };
    expect(crisisCalibrationTable(korea, inputs).markdown).toBe(readFileSync('docs/calibration-crisis.md', 'utf8'));
  }, 180_000); // one validation per structural alternative and the range check: about 25 s on a quiet machine
});

describe('writing calibrated values into the scenario', () => {
  it('the shared loader fails with the parser\'s message on a text that is not a scenario', () => {
    expect(() => loadScenarioText('name: 3\n', 'broken.yaml')).toThrow(/.+/);
    expect(loadScenarioText(koreaText).actors.map((a) => a.id)).toContain('PRK');
  });

  const values = {
    baseRate: { estimate: 1.1, lo: 0.8, hi: 1.6 }, dispersion: { estimate: 1.8, lo: 0.8, hi: 2.9 }, exerciseLift: { estimate: 0.7, lo: -0.1, hi: 1.5 },
    dialogueEffect: { estimate: -4, lo: -4.7, hi: -1.7 }, baseline: { estimate: 1.4, lo: 0.5, hi: 2.3 }, warGivenClash: { estimate: 0.04, lo: 0.002, hi: 0.16 },
  };
  const prov = { command: 'flashpoints calibrate crisis x.yaml --data d', inputs: [{ file: 'a.csv', sha256: 'ab'.repeat(32) }] };

  it('sets the values with source and range, keeps every comment and other line, and is idempotent', () => {
    const out = writeCrisisCalibration(koreaText, values, prov);
    const s = loadScenarioText(out);
    expect(s.crisis?.launches?.baseRate).toMatchObject({ value: 1.1, source: 'crisis-calibration', range: [0.8, 1.6] });
    expect(s.crisis?.actors.PRK.baseline).toMatchObject({ value: 1.4, range: [0.5, 2.3] });
    expect(s.crisis?.actors.PRK.bias).toMatchObject({ value: 2 }); // the flow map keeps its other entries
    expect(s.crisis?.ladder?.warGivenClash).toMatchObject({ value: 0.04, range: [0.002, 0.16] });
    expect(s.sources.filter((x) => x.id === 'crisis-calibration')).toHaveLength(1);
    expect(yamlComments(out)).toEqual(yamlComments(koreaText));
    const before = new Set(koreaText.split('\n'));
    const changed = out.split('\n').filter((l) => !before.has(l));
    expect(changed.length).toBeLessThanOrEqual(8); // 5 values (the baseline joins the PRK line) and the source entry
    expect(writeCrisisCalibration(out, values, prov)).toBe(out);
  });
});

describe('docs/calibration.md', () => {
  it('carries the same crisis validation table as the generated docs/calibration-crisis.md', () => {
    const table = (text: string) => text.split('\n').filter((l) => l.startsWith('| ')).join('\n');
    const generated = readFileSync('docs/calibration-crisis.md', 'utf8');
    const section = readFileSync('docs/calibration.md', 'utf8').split('## Crisis')[1].split('\n## ')[0];
    expect(table(section)).toBe(table(generated.split('## Validation table')[1].split('\n## ')[0]));
    expect(table(section).split('\n').length).toBeGreaterThanOrEqual(8); // the header and the seven targets
  });
});

describe('calibration progress', () => {
  it('reports its steps in order through onStep (seven, then one per non-default alternative), and the hook changes no result (synthetic data)', () => {
    const { inputs } = syntheticInputs();
    const options = { seed: 2, tuneRuns: 8, iterations: 2 };
    const steps: [number, number, string][] = [];
    const watched = calibrateCrisis(korea, inputs, { ...options, onStep: (done, total, next) => steps.push([done, total, next]) });
    expect(steps.map(([d]) => d)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(steps.every(([, total]) => total === 8)).toBe(true);
    expect(steps[1][2]).toBe('tuning the baseline');
    expect(steps[7][2]).toBe('fitting the alternative regime-driven');
    const plain = calibrateCrisis(korea, inputs, options);
    expect(watched.values).toEqual(plain.values);
    expect(watched.alternatives).toEqual(plain.alternatives);
    expect(watched.alternatives.map((a) => a.alternative)).toEqual(['regime-driven']);
  }, 120_000);
});
