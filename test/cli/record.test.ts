import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, cliJson, root, stackTrace } from './spawn.js';

const data = join(root, '../shared/data');
const haveData = existsSync(join(data, 'nk_missile_tests/nk_missile_tests_1984_2026.csv'));
const dir = mkdtempSync(join(tmpdir(), 'record-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('calibrate record', () => {
  it.skipIf(!haveData)("finds the Korea scenario's stored record equal to what the importers compute from the data", () => {
    const r = cli(['calibrate', 'record', 'scenarios/korea-2024.yaml', '--data', data, '--check', '--json']);
    expect(r.code, r.err).toBe(0);
    const o = JSON.parse(r.out);
    expect(o.matchesScenario).toBe(true);
    expect(o.targets.find((t: { id: string }) => t.id === 'clash-years-peninsula').observed).toBe(10); // 10 of 25 years (docs/calibration-crisis.md §3)
    expect(o.targets.find((t: { id: string }) => t.id === 'no-war-peninsula')).toMatchObject({ from: 1954, to: 2024 }); // 71 years
    expect(o.outOfSample.from).toBe('2024-12'); // never before asOf
  });

  it.skipIf(!haveData)('regenerates docs/calibration-record.md exactly', () => {
    const out = join(dir, 'record.md');
    expect(cli(['calibrate', 'record', 'scenarios/korea-2024.yaml', '--data', data, '--table', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(root, 'docs/calibration-record.md'), 'utf8'));
  });

  it.skipIf(!haveData)('writes the record into a scenario without one, keeps the rest, and the result validates', async () => {
    const text = readFileSync(join(root, 'scenarios/korea-2024.yaml'), 'utf8');
    const without = text.slice(0, text.indexOf('# The record the futures are weighted on'));
    const file = join(dir, 'k.yaml');
    writeFileSync(file, without);
    expect(cli(['calibrate', 'record', file, '--data', data, '--write']).code).toBe(0);
    const written = readFileSync(file, 'utf8');
    // everything before the record is kept byte for byte; the record's targets are the committed ones, whose
    // discrepancies the scenario owns (three of them widened by hand: a fresh record starts from the defaults)
    expect(written.slice(0, without.length)).toBe(without);
    const { parseScenario } = await import('../../src/scenario/load.js');
    const a = parseScenario(written, file), b = parseScenario(text, 'k.yaml');
    if (!a.ok || !b.ok) throw new Error('does not parse');
    const strip = (x: typeof a.scenario) => x.record!.targets.map(({ discrepancy: _d, ...rest }) => rest);
    expect(strip(a.scenario)).toEqual(strip(b.scenario));
  });

  it('exits 2 with a hint when the data directory is missing', () => {
    const r = cli(['calibrate', 'record', 'scenarios/korea-2024.yaml', '--data', join(dir, 'nowhere')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/hint:/);
    expect(r.err).not.toMatch(stackTrace);
  });
});

describe('validate: distributions centred on the stated values', () => {
  it('warns about an off-centre distribution, and not about the Korea scenario', () => {
    const text = readFileSync(join(root, 'test/fixtures/scenarios/duel.yaml'), 'utf8').replace('elasticity: { value: 0.3, assumption: test, range: [0, 0.6] }', 'elasticity: { value: 0.3, assumption: test, range: [0, 1.2], dist: uniform }');
    const file = join(dir, 'off.yaml');
    writeFileSync(file, text);
    const r = cli(['validate', file]);
    expect(r.code).toBe(0);
    expect(r.err.replace(/\s+/g, ' ')).toMatch(/warning: actors\[A\]\.capabilities\.conventional\.elasticity: its uniform distribution over \[0, 1\.2\] has median 0\.6, not the stated value 0\.3/);
    expect(cliJson(['validate', 'scenarios/korea-2024.yaml', '--json']).warnings).toEqual([]);
    expect(cli(['validate', 'scenarios/korea-2024.yaml']).err).toBe('');
  });
});
