import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, root, stackTrace } from './spawn.js';
import { ARMS_CALIBRATION_SOURCE, writeCalibration } from '../../src/cli/calibrate/writeScenario.js';
import type { StockCalibration } from '../../src/calibrate/calibrateArms.js';
import { parseScenario } from '../../src/scenario/load.js';

const korea = join(root, 'scenarios/korea-2024.yaml');
const data = join(root, '../shared/data');
const hasData = existsSync(join(data, 'sipri_milex/sipri_milex_focus_1949_2024.csv'));

describe('flashpoints calibrate arms: usage', () => {
  it('lists arms under the calibrate command group', () => {
    const r = cli(['calibrate', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/arms/);
  });

  it('exits 2 with a clear message when the data directory is absent', () => {
    const r = cli(['calibrate', 'arms', korea, '--data', join(tmpdir(), 'no-such-flashpoints-data')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no-such-flashpoints-data: no such directory/);
    expect(r.err).toMatch(/hint: point --data at the data directory/);
    expect(r.err).not.toMatch(stackTrace);
  });

  it('exits 2 when the directory holds no SIPRI file', () => {
    const r = cli(['calibrate', 'arms', korea, '--data', mkdtempSync(join(tmpdir(), 'fp-empty-'))]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/sipri_milex_focus_1949_2024\.csv: not found/);
  });

  it('exits 2 on --write together with --out, and on a bad --split', () => {
    expect(cli(['calibrate', 'arms', korea, '--data', data, '--write', '--out', 'x.yaml']).code).toBe(2);
    const r = cli(['calibrate', 'arms', korea, '--data', data, '--split', '2030']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--split must be an integer/);
  });
});

const stock = (over: Partial<StockCalibration['parameters'][number]> & { name: StockCalibration['parameters'][number]['name'] }): StockCalibration['parameters'][number] => ({
  estimate: 0.05, stdError: 0.01, t: 5, vif: 1, identified: true, reason: 't = 5', value: 0.05, valueStdError: 0.01, range: [0.03, 0.07], assumed: 0.03, ...over,
});

// A small scenario as a user writes it: comments, block and flow maps, a long flow map that must not be reflowed.
const small = `# A two-actor case.
id: duo
title: Duo
sources:
  - { id: sipri, title: SIPRI, year: 2025 }   # cited below
actors:
  - id: A
    name: A
    capabilities:
      conventional:
        value: { value: 10, source: sipri }
        unit: bn
        baseYear: 2024
        # growth as first written
        growth: { value: 0.056, source: sipri, range: [0.03, 0.08], note: "Compound real growth 2014–2024, a long note that a reflowing serialiser would wrap." }
        elasticity: { value: 0.2, assumption: "Reaction", range: [0, 0.8] }
  - { id: B, name: B, capabilities: { conventional: { value: 5, unit: bn, baseYear: 2024 } } }
relations:
  - { from: A, to: B, hostility: 0.5 }
`;

describe('writeCalibration', () => {
  const calibration: StockCalibration[] = [
    {
      label: 'A.conventional', actor: 'A', n: 35, span: [1989, 2023], r2: 0.6, finalR2: 0.5, recentGrowth: 0.05, warnings: [],
      parameters: [stock({ name: 'growth' }), stock({ name: 'elasticity', identified: false, value: 0.2 }), stock({ name: 'reliance', value: 0.01, valueStdError: 0.002, range: [0.006, 0.014] })],
    },
  ];
  const out = writeCalibration(small, calibration, { files: ['sipri.csv'], span: [1988, 2024] });

  it('writes identified values with source and range, adds a missing key, and keeps assumptions', () => {
    expect(out.written).toEqual(['actors.A.capabilities.conventional.growth', 'actors.A.capabilities.conventional.reliance']);
    const r = parseScenario(out.text, 'k');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const a = r.scenario.actors[0].capabilities!.conventional!;
    expect(a.growth).toMatchObject({ value: 0.05, source: ARMS_CALIBRATION_SOURCE, range: [0.03, 0.07] });
    expect(a.reliance).toMatchObject({ value: 0.01, source: ARMS_CALIBRATION_SOURCE, range: [0.006, 0.014] });
    expect(a.elasticity).toMatchObject({ value: 0.2, assumption: 'Reaction' });
    expect(r.scenario.sources.find((s) => s.id === ARMS_CALIBRATION_SOURCE)!.note).toMatch(/sipri\.csv; SIPRI Military Expenditure Database 2025 release/);
  });

  it('changes nothing else: every other line, comments included, is kept byte for byte', () => {
    const before = small.split('\n');
    const after = out.text.split('\n');
    expect(after.length).toBe(before.length + 2); // the source entry and the new reliance line
    expect(before.filter((l) => !after.includes(l))).toEqual([before.find((l) => l.includes('growth: { value: 0.056'))]);
    expect(after[after.indexOf(before[4]) + 1]).toMatch(/^  - \{ id: calibration-arms-sipri-2025, /);
    expect(after[after.findIndex((l) => l.includes('elasticity:')) + 1]).toMatch(/^        reliance: \{ value: 0.01, source: calibration-arms-sipri-2025, range: \[0.006, 0.014\], note: /);
  });

  it('gives the same file when run again on its own output', () => {
    expect(writeCalibration(out.text, calibration, { files: ['sipri.csv'], span: [1988, 2024] }).text).toBe(out.text);
  });
});

describe.skipIf(!hasData)('flashpoints calibrate arms on ../shared/data', () => {
  it('prints one JSON document with per-stock estimates, the assumptions kept and the backtest', () => {
    const r = cli(['calibrate', 'arms', korea, '--data', data, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ command: 'calibrate arms', scenario: { id: 'korea-2024' }, span: [1988, 2024] });
    expect(doc.stocks.map((s: { label: string }) => s.label)).toContain('KOR.conventional');
    const kor = doc.stocks.find((s: { label: string }) => s.label === 'KOR.conventional');
    expect(kor.n).toBe(36);
    expect(kor.parameters.map((p: { name: string }) => p.name)).toEqual(['growth', 'elasticity', 'reliance', 'fatigue']);
    expect(doc.assumptions.length).toBeGreaterThan(0);
    expect(doc.backtest.fit).toEqual([1988, 2014]);
    expect(doc.backtest.overall.n).toBeGreaterThanOrEqual(70);
    expect(Object.keys(doc.backtest.overall)).toEqual(['n', 'model', 'randomWalk', 'trend', 'drift', 'increment']);
  });

  it('writes a calibrated copy that validates, and a rerun on it gives the identical file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fp-calib-'));
    const a = join(dir, 'a.yaml');
    const b = join(dir, 'b.yaml');
    expect(cli(['calibrate', 'arms', korea, '--data', data, '--out', a]).code).toBe(0);
    expect(cli(['validate', a]).code).toBe(0);
    expect(cli(['calibrate', 'arms', a, '--data', data, '--out', b]).code).toBe(0);
    expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
    writeFileSync(join(dir, 'done'), '');
  });

  it('the committed Korea scenario is the calibrated one (rerun with --out gives the same file)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fp-calib-'));
    const a = join(dir, 'k.yaml');
    expect(cli(['calibrate', 'arms', korea, '--data', data, '--out', a]).code).toBe(0);
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(korea, 'utf8'));
  });
});
