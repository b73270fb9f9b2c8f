import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { caseRecordTargets } from '../../src/calibrate/record/caseTargets.js';
import { renderCaseRecordTable } from '../../src/calibrate/record/caseReport.js';
import { scenarioWarnings } from '../../src/experiment/scenarioWarnings.js';
import { parseScenario } from '../../src/scenario/load.js';
import { summarizeScenario } from '../../src/scenario/summary.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { cli, cliJson, root } from '../cli/spawn.js';

// The three flashpoints beyond Korea (issue 19 §1): each scenario validates without warnings, states its sizes
// with zero in range, holds the data's own base values, runs a small comparison whose placebo is exactly the
// status quo, and keeps the record the data give.

const CASES = {
  'india-pakistan-2024': { policies: ['status-quo', 'hotline', 'conventional-buildup', 'mediation'], actors: ['IND', 'PAK', 'CHN', 'USA'] },
  'taiwan-strait-2024': { policies: ['status-quo', 'denial', 'clarity', 'reassurance'], actors: ['CHN', 'TWN', 'USA', 'JPN', 'PHL'] },
  'greece-turkey-2024': { policies: ['status-quo', 'alliance-mediation', 'confidence-building'], actors: ['GRC', 'TUR', 'USA'] },
} as const;

const load = (id: string): Scenario => {
  const file = join(root, 'scenarios', `${id}.yaml`);
  const r = parseScenario(readFileSync(file, 'utf8'), file);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.line}:${i.col} ${i.path}: ${i.message}`).join('\n'));
  return r.scenario;
};

const rangeOf = (p: unknown): [number, number] | undefined => (p && typeof p === 'object' && 'range' in p ? (p as { range: [number, number] }).range : undefined);

const data = join(root, '../shared/data');
const haveData = existsSync(join(data, 'cow/cow_mid5_directed_dyad_year_1816_2014.csv'));
const read = (rel: string) => readFileSync(join(data, rel), 'utf8');

describe.each(Object.entries(CASES))('%s', (id, spec) => {
  const s = load(id);

  it('validates with no warnings, with the actors and policies the issue names', () => {
    expect(scenarioWarnings(s)).toEqual([]);
    // Every value cites a source or is an assumption with a range: no bare number.
    const counts = summarizeScenario(s).counts.parameters;
    expect(counts.bare).toBe(0);
    expect(counts.sourced).toBeGreaterThanOrEqual(s.actors.length);
    expect(s.actors.map((a) => a.id)).toEqual(spec.actors);
    expect(s.policies?.map((p) => p.id)).toEqual(spec.policies);
    // Calibrated on its own record: the crisis calibration's source is there, and the record covers every group.
    expect(s.sources?.some((x) => x.id === 'crisis-calibration')).toBe(true);
    for (const g of s.crisis?.groups ?? []) expect(s.record?.targets.filter((t) => 'group' in t && t.group === g.id).map((t) => t.kind).sort()).toEqual(['clashYears', 'noWar']);
  });

  it('gives every lever an effect size and every strategy switch targets and an adherence, each with 0 in range', () => {
    for (const l of s.levers ?? []) {
      const r = rangeOf(l.effect);
      expect(r, l.id).toBeDefined();
      expect(r![0], l.id).toBe(0);
    }
    const switches = (s.policies ?? []).flatMap((p) => Object.entries(p.strategies ?? {}).map(([actor, sw]) => ({ policy: p.id, actor, sw })));
    expect(switches.length).toBeGreaterThan(0);
    for (const { policy, actor, sw } of switches) {
      expect(typeof sw, `${policy}.${actor}`).toBe('object');
      const o = sw as { targets?: string[]; adherence?: unknown };
      expect(o.targets?.length, `${policy}.${actor}`).toBeGreaterThan(0);
      expect(rangeOf(o.adherence)?.[0], `${policy}.${actor}`).toBe(0);
    }
  });

  it.skipIf(!haveData)('holds the base values of SIPRI 2024 and FAS 2023 exactly as the data files give them', () => {
    const sipri = new Map(read('sipri_milex/sipri_milex_focus_1949_2024.csv').split('\n').slice(1).map((l) => l.split(',')).filter((f) => f[1] === '2024').map((f) => [f[0].replace(/"/g, ''), Number(f[2])]));
    const fas = new Map(read('nuclear/fas2023_nuclear_warhead_stockpiles_1945_2023.csv').split('\n').slice(1).map((l) => l.split(',')).filter((f) => f[1] === '2023').map((f) => [f[0], Number(f[2])]));
    const names: Record<string, [string, string?]> = { IND: ['India', 'India'], PAK: ['Pakistan', 'Pakistan'], CHN: ['China', 'China'], USA: ['United States of America', 'United States'], TWN: ['Taiwan'], JPN: ['Japan'], PHL: ['Philippines'], GRC: ['Greece'], TUR: ['Türkiye'] };
    let checked = 0;
    for (const a of s.actors) {
      const conv = a.capabilities?.conventional?.value as { value: number; source: string };
      expect(conv.source).toBe('sipri-milex-2025');
      expect(conv.value, a.id).toBeCloseTo(sipri.get(names[a.id][0])! / 1000, 3);
      checked++;
      const strat = a.capabilities?.strategic?.value as { value: number; source: string } | undefined;
      if (strat) {
        expect(strat.source).toBe('fas-2023');
        expect(strat.value, a.id).toBe(fas.get(names[a.id][1]!));
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(s.actors.length);
  });

  it.skipIf(!haveData)('keeps the record the data give, and its docs table is the command output', () => {
    const targets = caseRecordTargets(s, { midDyadYears: read('cow/cow_mid5_directed_dyad_year_1816_2014.csv'), sipri: read('sipri_milex/sipri_milex_focus_1949_2024.csv'), fas: read('nuclear/fas2023_nuclear_warhead_stockpiles_1945_2023.csv') });
    expect(JSON.parse(JSON.stringify(targets))).toEqual(JSON.parse(JSON.stringify(s.record!.targets)));
    expect(readFileSync(join(root, `docs/${id}-record.md`), 'utf8')).toBe(renderCaseRecordTable(s, targets));
  });

  it('runs a small comparison, and its placebo (--effects zero) differs from the status quo by exactly zero', () => {
    const args = ['compare', `scenarios/${id}.yaml`, '--futures', '3', '--runs', '4', '--horizon', '24', '--no-store', '--json'];
    const real = cliJson(args);
    expect(real.scenario.id).toBe(id);
    expect(real.policies.map((p: { id: string }) => p.id)).toEqual(spec.policies);
    const placebo = cliJson([...args, '--effects', 'zero']);
    let diffs = 0;
    for (const p of placebo.policies.filter((x: { id: string }) => x.id !== 'status-quo')) for (const side of ['weighted', 'unweighted']) {
      for (const d of Object.values(p[side].versusStatusQuo) as { diff: number; lo: number; hi: number }[]) {
        expect([p.id, side, d.diff, d.lo, d.hi]).toEqual([p.id, side, 0, 0, 0]);
        diffs++;
      }
    }
    expect(diffs).toBeGreaterThan(0);
    // Without the placebo, some policy moves something: the policies are not inert.
    const moved = real.policies.filter((x: { id: string }) => x.id !== 'status-quo').some((p: { unweighted: { versusStatusQuo: Record<string, { diff: number }> } }) => Object.values(p.unweighted.versusStatusQuo).some((d) => d.diff !== 0));
    expect(moved).toBe(true);
  });
});

describe.skipIf(!haveData)('the record counts, against a count made by hand from the COW MID file', () => {
  it('finds the use-of-force years listed in the scenarios’ cow-mid-5 notes', () => {
    const observed = (id: string, target: string) => (load(id).record!.targets.find((t) => t.id === target) as { observed: number }).observed;
    // India–Pakistan 1990, 1991, 1993, 1999, 2001, 2004, 2005, 2008; Greece–Turkey 1994–97, 1999, 2000;
    // China–Taiwan 1995 and US–China 2001; China–Japan 2003, 2010; China–Philippines 1995, 1996, 1998, 2002, 2011, 2014.
    expect(observed('india-pakistan-2024', 'clash-years-kashmir')).toBe(8);
    expect(observed('greece-turkey-2024', 'clash-years-aegean')).toBe(6);
    expect(observed('taiwan-strait-2024', 'clash-years-strait')).toBe(2);
    expect(observed('taiwan-strait-2024', 'clash-years-east-china-sea')).toBe(2);
    expect(observed('taiwan-strait-2024', 'clash-years-south-china-sea')).toBe(6);
  });
});

describe('the generated crisis tables hold the values the calibration wrote into each scenario', () => {
  it.each(Object.keys(CASES))('%s', (id) => {
    const s = load(id);
    const md = readFileSync(join(root, `docs/${id}-crisis.md`), 'utf8');
    const actor = s.crisis!.groups![0].pairs[0][0];
    const baseline = s.crisis!.actors![actor].baseline as { value: number; range: [number, number]; source: string };
    const wgc = s.crisis!.ladder!.warGivenClash as { value: number; range: [number, number]; source: string };
    expect([baseline.source, wgc.source]).toEqual(['crisis-calibration', 'crisis-calibration']);
    expect(md).toContain(`baseline ${baseline.value} [${baseline.range[0]}, ${baseline.range[1]}]`);
    expect(md).toContain(`warGivenClash ${wgc.value} [${wgc.range[0]}, ${wgc.range[1]}]`);
  });
});

describe.skipIf(!haveData)('calibrate crisis on a case (the case path: no launch record)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'case-crisis-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('tunes the principal actor on the record, writes a scenario that validates, and its check meets the clash-year target', () => {
    const out = join(dir, 'gt.yaml');
    const r = cli(['calibrate', 'crisis', 'scenarios/greece-turkey-2024.yaml', '--data', data, '--tune-runs', '50', '--runs', '200', '--out', out, '--json']);
    expect(r.code, r.err).toBe(0);
    const o = JSON.parse(r.out);
    expect(o).toMatchObject({ command: 'calibrate crisis', scenario: { id: 'greece-turkey-2024' }, seed: 1 });
    // Greece–Turkey 1990–2014: six use-of-force years (1994–97, 1999, 2000); one war onset since 1946 (1974).
    expect(o.evidence.clash.years).toEqual([1994, 1995, 1996, 1997, 1999, 2000]);
    expect(o.evidence.own.warYears).toEqual([1974]);
    const { lo, hi } = o.evidence.clash.perDecade;
    expect(o.check.clashYearsPerDecade.mean).toBeGreaterThan(lo);
    expect(o.check.clashYearsPerDecade.mean).toBeLessThan(hi);
    const written = parseScenario(readFileSync(out, 'utf8'), out);
    expect(written.ok).toBe(true);
    if (written.ok) expect((written.scenario.crisis!.actors!.TUR.baseline as { value: number }).value).toBe(o.values.baseline.estimate);
  });
});
