import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExperimentStore } from '../../src/engine/experimentStore.js';
import { emptyCell } from '../../src/experiment/cell.js';
import { streamFor } from '../../src/math/rng/index.js';
import { cli, cliJson, stackTrace } from './spawn.js';

const dir = mkdtempSync(join(tmpdir(), 'discover-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A synthetic comparison with planted boxes: the status quo's P(war) is 1 exactly where a < 0.3 and kind = x
// (else 0); policy `talk` lowers it by 0.2 exactly where b > 0.7. The record weighs out the futures with c > 0.9.
const FUTURES = 400;
const store = join(dir, 'planted.sqlite');
const rng = streamFor(7, 1);
const futures = Array.from({ length: FUTURES }, (_, index) => ({ index, replicate: 0, values: [rng.nextDouble(), rng.nextDouble(), rng.nextDouble()], alternatives: { kind: rng.nextDouble() < 0.5 ? 'x' : 'y' } }));
{
  const s = ExperimentStore.open(store);
  const id = 'e'.repeat(32);
  s.begin({ id, scenarioId: 'planted', scenarioHash: '0'.repeat(64), seed: 1, options: { policies: ['status-quo', 'talk'], futures: FUTURES, runs: 10, horizonMonths: 12 }, version: 'test' });
  s.putDesign(id, { uncertainties: ['a', 'b', 'c'], structural: ['kind'], futures });
  const cell = (wars: number) => ({ ...emptyCell(12, 0, []), runs: 10, clashRuns: wars, warRuns: wars });
  for (const f of futures) {
    const [a, b] = f.values;
    const war = a < 0.3 && f.alternatives.kind === 'x' ? 10 : 5;
    s.putCell(id, 'status-quo', f.index, cell(war));
    s.putCell(id, 'talk', f.index, cell(b > 0.7 ? war - 2 : war));
  }
  s.putWeights(id, { method: 'history-matching', perFuture: futures.map((f) => ({ index: f.index, weight: f.values[2] > 0.9 ? 0 : 1 })) });
  s.close();
}
const kept = futures.filter((f) => f.values[2] <= 0.9);

describe('flashpoints discover', () => {
  it('finds the planted box of an outcome threshold, among the futures the record keeps', () => {
    const o = cliJson(['discover', store, '--where', 'war>0.75', '--json']);
    expect(o).toMatchObject({ command: 'discover', scenario: { id: 'planted' }, futures: kept.length, allFutures: FUTURES, weighted: true });
    expect(o.cases).toBe(kept.filter((f) => f.values[0] < 0.3 && f.alternatives.kind === 'x').length);
    const box = o.prim.box;
    expect([...box.restricted].sort()).toEqual(['a', 'kind']);
    expect(box.limits.kind.categories).toEqual(['x']);
    expect(box.limits.a.upper).toBeGreaterThan(0.25);
    expect(box.limits.a.upper).toBeLessThan(0.35);
    expect(box.density).toBe(1);
    expect(box.coverage).toBeGreaterThan(0.9);
    expect(o.box).toMatch(/^P\(war\) under status-quo is above 0.75 in 100% of the record-weighted futures with a < 0\.\d+ and kind is x, which are \d+% of all record-weighted futures/);
  });

  it('finds where one policy beats another by a margin, and prints the trade-off in words', () => {
    const r = cli(['discover', store, '--where', 'talk<status-quo', '--margin', '0.1', '--weights', 'none']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Case of interest: talk beats status-quo \(P\(war\) lower by more than 0.1\) — \d+ of 400 futures/);
    expect(r.out).toMatch(/Peeling trajectory/);
    expect(r.out).toMatch(/talk beats status-quo .* in (9\d|100)% of the futures with b > 0\.(69|70)\d*, which are 3\d% of all futures/);
  });

  it.each([
    [['--where', 'peace>0.1'], /neither a policy of the comparison/],
    [['--where', 'war'], /expected A<B or A>B/],
    [['--where', 'war>0.1', '--policy', 'nope'], /not a policy of comparison/],
    [['--where', 'war>0.1', '--experiment', 'abc'], /has no comparison whose id starts with 'abc'/],
  ])('rejects %j with exit 2', (extra, message) => {
    const r = cli(['discover', store, ...extra]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(stackTrace);
  });
});
