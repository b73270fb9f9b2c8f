import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/scenario/load.js';
import { scenarioSchema } from '../../../src/scenario/schema.js';
import { clearThreatPathCache, monthlyThreatRatios } from '../../../src/models/arms/threatPath.js';
import { armsStretches, simulateStretches, solveStretchesInto } from '../../../src/models/arms/simulateArms.js';
import { solveKey, type SolveKey } from '../../../src/models/arms/solveKey.js';
import { applyPolicy } from '../../../src/scenario/apply.js';
import { sampleFutures, scenarioForFuture } from '../../../src/experiment/futures.js';

describe('monthlyThreatRatios', () => {
  it('follows the closed form of a one-way threat: Y grows as x⁰(1 + g t) with no fatigue', () => {
    const s = scenarioSchema.parse({
      id: 'one-way',
      title: 'one-way',
      actors: [
        { id: 'X', name: 'X', capabilities: { conventional: { value: 1, unit: 'bn', baseYear: 2024 } } },
        { id: 'Y', name: 'Y', capabilities: { conventional: { value: 10, unit: 'bn', baseYear: 2024, growth: 0.06 } } },
      ],
      relations: [{ from: 'X', to: 'Y', hostility: 0.5 }],
    });
    const { ratio } = monthlyThreatRatios(s, 24);
    for (let month = 1; month <= 24; month++) {
      const t = (month - 0.5) / 12;
      expect(ratio[(month - 1) * 2]).toBeCloseTo(1 + 0.06 * t, 12);
      expect(ratio[(month - 1) * 2 + 1]).toBe(1); // Y fears no one
    }
  });

  it('measures a policy against the status quo: an Asian NATO raises China\'s threat from month 1', () => {
    const r = parseScenario(readFileSync(new URL('../../../scenarios/korea-2024.yaml', import.meta.url), 'utf8'), 'k');
    if (!r.ok) throw new Error('invalid');
    const sq = monthlyThreatRatios(r.scenario, 12);
    const nato = monthlyThreatRatios(applyPolicy(r.scenario, 'asian-nato'), 12, r.scenario);
    const chn = sq.actors.indexOf('CHN');
    expect(sq.ratio[chn]).toBeCloseTo(1, 2);
    expect(nato.ratio[chn]).toBeGreaterThan(sq.ratio[chn] + 0.05);
  });
});

describe('monthlyThreatRatios reuse (solveKey)', () => {
  const r = parseScenario(readFileSync(new URL('../../../scenarios/korea-2024.yaml', import.meta.url), 'utf8'), 'k');
  if (!r.ok) throw new Error('invalid');
  const korea = r.scenario;
  const keyOf = (policy: string) => solveKey(armsStretches(policy === 'status-quo' ? korea : applyPolicy(korea, policy), korea), [120]);
  const same = (a: SolveKey, b: SolveKey) => a.hash === b.hash && a.names === b.names && a.numbers.length === b.numbers.length && a.numbers.every((v, k) => Object.is(v, b.numbers[k]));

  it('keys Korea\'s dialogue and GRIT cells like the status quo, and the policies that move arms inputs apart', () => {
    const sq = keyOf('status-quo');
    expect(same(keyOf('dialogue'), sq)).toBe(true);
    expect(same(keyOf('grit'), sq)).toBe(true);
    for (const p of ['asian-nato', 'deterrence-assurance', 'japan-bridge']) expect(same(keyOf(p), sq)).toBe(false);
  });

  it('gives a reused path equal, number for number, to one solved from scratch, as a copy', () => {
    clearThreatPathCache();
    const fresh = monthlyThreatRatios(korea, 36);
    const again = monthlyThreatRatios(applyPolicy(korea, 'dialogue'), 36, korea);
    expect(Array.from(again.ratio)).toEqual(Array.from(fresh.ratio));
    expect(again.stocks).toEqual(fresh.stocks);
    again.ratio[0] = -1;
    again.stocks.atYear[0][0] = -1;
    const third = monthlyThreatRatios(korea, 36);
    expect(third.ratio[0]).toBe(fresh.ratio[0]);
    expect(third.stocks.atYear[0][0]).toBe(fresh.stocks.atYear[0][0]);
  });

  it('tells apart name lists that join alike (names containing the separators)', () => {
    const [part] = armsStretches(korea, korea);
    const renamed = (actors: string[]) => solveKey([{ ...part, sys: { ...part.sys, actors } }], [120]);
    const a = renamed(['A,B', 'C', ...part.sys.actors.slice(2)]), b = renamed(['A', 'B,C', ...part.sys.actors.slice(2)]);
    expect(a.names).not.toBe(b.names);
    const c = renamed(['A|B', ...part.sys.actors.slice(1)]), d = renamed(['A', ...part.sys.actors.slice(1)]);
    expect(c.names).not.toBe(d.names);
  });

  it('gives every Korea cell the path it has from scratch, after the cache is primed by every other policy of its future', () => {
    const design = sampleFutures(korea, 3, 5);
    const policies = ['status-quo', ...korea.policies.map((p) => p.id)];
    const months = 24;
    for (const future of design.futures) {
      const sq = scenarioForFuture(korea, design, future);
      const cell = (policy: string) => monthlyThreatRatios(policy === 'status-quo' ? sq : applyPolicy(sq, policy), months, sq);
      for (const policy of policies) {
        clearThreatPathCache();
        const a = cell(policy);
        clearThreatPathCache();
        for (const other of policies) if (other !== policy) cell(other);
        const b = cell(policy);
        expect(b.actors).toEqual(a.actors);
        expect(b.ratio.length).toBe(a.ratio.length);
        for (let k = 0; k < a.ratio.length; k++) if (!Object.is(b.ratio[k], a.ratio[k])) expect.fail(`${policy}: ratio ${k} ${b.ratio[k]} ≠ ${a.ratio[k]}`);
        expect(b.stocks.labels).toEqual(a.stocks.labels);
        a.stocks.atYear.forEach((row, y) => row.forEach((v, q) => {
          if (!Object.is(b.stocks.atYear[y][q], v)) expect.fail(`${policy}: stock ${q} at year ${y}`);
        }));
      }
    }
  });
});

describe('solveStretchesInto', () => {
  it('writes the rows simulateStretches gives as series and alignment, bit for bit, on every Korea cell of a future', () => {
    const r = parseScenario(readFileSync(new URL('../../../scenarios/korea-2024.yaml', import.meta.url), 'utf8'), 'k');
    if (!r.ok) throw new Error('invalid');
    const design = sampleFutures(r.scenario, 2, 3);
    const times = [0, 0.25, 0.5, 1, 1.18, 1.5, 2, 7.75, 10];
    for (const future of design.futures) {
      const sq = scenarioForFuture(r.scenario, design, future);
      for (const p of r.scenario.policies) {
        const s = p.id === 'status-quo' ? sq : applyPolicy(sq, p.id);
        const parts = armsStretches(s, sq);
        const n = parts[0].sys.labels.length, dim = n + parts[0].sys.actors.length ** 2;
        const rows = new Float64Array(times.length * dim);
        expect(solveStretchesInto(s, parts, times, 1e-6, rows)).toBe(true);
        const full = simulateStretches(s, parts, { times, rtol: 1e-6, analysis: false });
        times.forEach((_, k) => {
          expect(Array.from(rows.subarray(k * dim, k * dim + n))).toEqual(full.series.map((row) => row[k]));
          expect(Array.from(rows.subarray(k * dim + n, (k + 1) * dim))).toEqual(full.alignment![k]);
        });
      }
    }
  });

  it('declines what it does not solve, leaving simulateStretches to solve or report it', () => {
    const s = scenarioSchema.parse({
      id: 'fixed',
      title: 'fixed',
      actors: [{ id: 'X', name: 'X', capabilities: { conventional: { value: 1, unit: 'bn', baseYear: 2024 } } }],
      relations: [],
    });
    expect(solveStretchesInto(s, armsStretches(s), [0, 1], 1e-6, new Float64Array(4))).toBe(false); // exact mode
  });
});
