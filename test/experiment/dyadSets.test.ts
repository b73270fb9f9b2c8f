import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dyadSets } from '../../src/experiment/dyadSets.js';
import { sampleFutures } from '../../src/experiment/futures.js';
import { runCell } from '../../src/experiment/runCell.js';
import { parseScenario } from '../../src/scenario/load.js';

const load = (f: string) => {
  const r = parseScenario(readFileSync(f, 'utf8'), f);
  if (!r.ok) throw new Error(f);
  return r.scenario;
};

describe('dyad groups', () => {
  it('partition the ordered dyads of the Korea scenario: groups and "other" cover each dyad once', () => {
    const s = load('scenarios/korea-2024.yaml');
    const sets = dyadSets(s).filter((d) => d.group);
    expect(sets.map((d) => d.id)).toEqual(['peninsula', 'great-powers', 'south-china-sea', 'other']);
    const all = sets.flatMap((d) => d.dyads).sort((a, b) => a - b);
    const m = s.actors.length;
    expect(all).toEqual(Array.from({ length: m * m }, (_, d) => d).filter((d) => Math.floor(d / m) !== d % m));
    expect(dyadSets(s).find((d) => d.id === 'pair:KOR-PRK')?.dyads.length).toBe(2);
  });

  it('split the wars of a cell: the groups\' war runs add up to the cell\'s, and a group\'s clash-years never exceed the cell\'s', () => {
    const s = load('scenarios/korea-2024.yaml');
    const sets = dyadSets(s);
    const d = sampleFutures(s, 3, 2);
    for (const f of d.futures) {
      const c = runCell({ scenario: s, uncertainties: d.uncertainties, future: f, policy: 'status-quo', seed: 2, runs: 40, horizonMonths: 120, sets });
      const groups = sets.map((x, k) => (x.group ? k : -1)).filter((k) => k >= 0);
      expect(groups.reduce((a, k) => a + c.sets.warRuns[k], 0)).toBe(c.warRuns);
      expect(groups.reduce((a, k) => a + c.sets.nuclearRuns[k], 0)).toBe(c.nuclearRuns);
      for (const k of groups) expect(c.sets.clashYearsSum[k]).toBeLessThanOrEqual(c.clashYearsSum);
      // the inter-Korean pair is inside the peninsula: its clash-years cannot exceed the peninsula's
      expect(c.sets.clashYearsSum[sets.findIndex((x) => x.id === 'pair:KOR-PRK')]).toBeLessThanOrEqual(c.sets.clashYearsSum[0]);
    }
  });

  it('are validated: a pair in two groups and an unknown actor are reported', async () => {
    const { parseScenario: parse } = await import('../../src/scenario/load.js');
    const text = readFileSync('test/fixtures/scenarios/duel.yaml', 'utf8').replace('    - { id: rivals, title: The rivals, pairs: [[A, B]] }', '    - { id: rivals, title: The rivals, pairs: [[A, B]] }\n    - { id: again, title: Again, pairs: [[B, A], [A, Z]] }');
    const r = parse(text, 'duel.yaml');
    expect(r.ok).toBe(false);
    const msgs = r.ok ? [] : r.issues.map((i) => i.message).join('\n');
    expect(msgs).toMatch(/already in group 'rivals'/);
    expect(msgs).toMatch(/unknown actor 'Z'/);
  });
});
