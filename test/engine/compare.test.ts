import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { comparePolicies, CompareAborted, StoreMismatchError } from '../../src/engine/compare.js';
import { parseScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { runCell } from '../../src/experiment/runCell.js';
import { sampleFutures } from '../../src/experiment/futures.js';

const parsed = parseScenario(readFileSync(new URL('../../scenarios/korea-2024.yaml', import.meta.url), 'utf8'), 'k');
if (!parsed.ok) throw new Error('korea invalid');
const korea = parsed.scenario, hash = parsed.hash;

// Korea plus two test policies: an exact copy of the status quo, and a lever on the single dyad KOR → PRK.
const scenario: Scenario = structuredClone(korea);
scenario.levers.push({ id: 'kor-prk-channel-test', description: 'test lever', path: 'relations.KOR.PRK.dialogue' });
scenario.policies.push(
  { id: 'copy', title: 'Copy of the status quo', description: 'no changes', changes: [], strategies: {} },
  { id: 'one-dyad', title: 'One dyad', description: 'opens the KOR → PRK channel only', changes: [{ lever: 'kor-prk-channel-test', set: 1 }], strategies: {} },
);

const dir = mkdtempSync(join(tmpdir(), 'compare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const base = { futures: 4, runs: 12, seed: 5, horizonMonths: 36, threads: 1, store: null, resume: false, force: false, threshold: 0.05 };
const strip = <T extends { timing?: unknown; options: object }>(r: T) => ({ ...r, timing: undefined, options: { ...r.options, store: null } });

describe('comparePolicies: common random numbers', () => {
  it('gives a paired difference of exactly zero for two identical policies', async () => {
    const { result } = await comparePolicies(scenario, hash, { ...base, policies: ['copy'] });
    const copy = result.policies.find((p) => p.id === 'copy')!;
    for (const block of [copy.weighted, copy.unweighted]) for (const d of Object.values(block.versusStatusQuo!)) expect(d).toEqual({ diff: 0, lo: 0, hi: 0 });
    expect(copy.weighted.outcomes).toEqual(result.policies[0].weighted.outcomes);
  });

  // The lever moves the KOR → PRK channel only. Its effect may travel through the two actors' own state (North
  // Korea's memory of the South shapes its posture toward the South's allies), so dyads involving KOR or PRK may
  // change; every dyad between two other actors must come out identical: their random draws are untouched.
  it('leaves the outcomes of dyads not involving the lever\'s actors identical under a one-dyad lever', () => {
    const design = sampleFutures(scenario, 2, 3);
    const run = (policy: string) => runCell({ scenario, uncertainties: design.uncertainties, future: design.futures[1], policy, seed: 3, runs: 30, horizonMonths: 120 });
    const sq = run('status-quo'), lever = run('one-dyad');
    const m = scenario.actors.length, kor = 1, prk = 0;
    let compared = 0;
    sq.dyadClashYears.forEach((v, d) => {
      const i = Math.floor(d / m), j = d % m;
      if ([i, j].includes(kor) || [i, j].includes(prk)) return;
      expect(lever.dyadClashYears[d], `dyad ${scenario.actors[i].id} → ${scenario.actors[j].id}`).toBe(v);
      compared += v;
    });
    expect(compared).toBeGreaterThan(0); // the untouched dyads do have clashes to compare
    expect(lever.scoreMeanSum).not.toBe(sq.scoreMeanSum); // and the lever does change the run
  });

  it('is identical on one and on two worker threads', async () => {
    const one = await comparePolicies(scenario, hash, { ...base, policies: ['dialogue'] });
    const two = await comparePolicies(scenario, hash, { ...base, policies: ['dialogue'], threads: 2 });
    expect(strip(two.result)).toEqual(strip(one.result));
  });
});

describe('comparePolicies: the record weights', () => {
  it('weighs the futures once from the status-quo cells, stores the weights with the experiment and reuses them', async () => {
    const { default: Database } = await import('better-sqlite3');
    const store = join(dir, 'weights.sqlite');
    const o = { ...base, policies: ['dialogue'], store, resume: true };
    const first = (await comparePolicies(korea, hash, o)).result;
    expect(first.weights.method).toBe('history-matching');
    expect(first.weights.perFuture).toHaveLength(base.futures);
    const db = new Database(store);
    const rows = db.prepare('SELECT experiment, data FROM weights').all() as { experiment: string; data: string }[];
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0].data)).toEqual(first.weights);
    // Rule out all but future 0 in the store: a resumed run must take the stored weights, not recompute them.
    const edited = { ...first.weights, ess: 1, perFuture: first.weights.perFuture.map((f, k) => ({ ...f, weight: k === 0 ? 1 : 0 })) };
    db.prepare('UPDATE weights SET data = ?').run(JSON.stringify(edited));
    db.close();
    const again = (await comparePolicies(korea, hash, o)).result;
    expect(again.weights.ess).toBe(1);
    // with one future kept, the weighted P(war) is that future's own value
    expect(again.policies[0].weighted.acrossFutures.war.q50).toBe(again.policies[0].weighted.outcomes.war.p);
  });
});

describe('comparePolicies: the store', () => {
  it('resumes after a kill part way, recomputes nothing stored, and ends identical to an uninterrupted run', async () => {
    const store = join(dir, 'resume.sqlite');
    const opts = { ...base, policies: ['dialogue', 'grit'], store };
    const full = await comparePolicies(scenario, hash, { ...opts, store: join(dir, 'full.sqlite') });
    await expect(comparePolicies(scenario, hash, { ...opts, abortAfterCells: 5 })).rejects.toThrow(CompareAborted);
    const resumed = await comparePolicies(scenario, hash, { ...opts, resume: true });
    expect(resumed.reused).toBe(5);
    expect(resumed.computed).toBe(3 * 4 - 5);
    expect(strip(resumed.result)).toEqual(strip(full.result));
    const again = await comparePolicies(scenario, hash, { ...opts, resume: true });
    expect(again.computed).toBe(0);
  });

  it('refuses a store that belongs to another scenario unless forced, and keeps what it holds', async () => {
    const store = join(dir, 'owned.sqlite');
    await comparePolicies(scenario, hash, { ...base, policies: [], store });
    await expect(comparePolicies(scenario, 'f'.repeat(64), { ...base, policies: [], store })).rejects.toThrow(StoreMismatchError);
    const kept = await comparePolicies(scenario, hash, { ...base, policies: [], store, resume: true });
    expect(kept.computed).toBe(0);
    const forced = await comparePolicies(scenario, 'f'.repeat(64), { ...base, policies: [], store, force: true });
    expect(forced.computed).toBe(4);
  });
});
