import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sampleFutures } from '../../src/experiment/futures.js';
import { runCell, type CellTask } from '../../src/experiment/runCell.js';
import { parseScenario } from '../../src/scenario/load.js';

const load = (f: string) => {
  const r = parseScenario(readFileSync(f, 'utf8'), f);
  if (!r.ok) throw new Error(f);
  return r.scenario;
};

describe('a cell after another cell of the same thread', () => {
  // runCellPacked keeps the last future's status quo and the arms model keeps the last reference system: a cell
  // must give what it gives on its own whatever ran before it in the thread.
  const s = load('scenarios/korea-2024.yaml');
  const d = sampleFutures(s, 2, 5);
  const task = (future: CellTask['future'], policy: string, scenario = s): CellTask => ({ scenario, uncertainties: d.uncertainties, future, policy, seed: 3, runs: 10, horizonMonths: 60 });
  const alone = (t: CellTask) => {
    runCell(task(d.futures[1], 'status-quo', load('scenarios/korea-2024.yaml'))); // something else first
    return runCell(t);
  };

  it('equals the cell run alone when the next cell has the same index but other values', () => {
    const first = d.futures[0];
    const other = { ...first, values: d.futures[1].values };
    expect(other.index).toBe(first.index);
    runCell(task(first, 'asian-nato'));
    const after = runCell(task(other, 'asian-nato'));
    expect(after).toEqual(alone(task(other, 'asian-nato')));
    expect(after).not.toEqual(alone(task(first, 'asian-nato')));
  });

  it('equals the cell run alone for every policy of a future in turn, and for another scenario object with the same future', () => {
    const f = d.futures[0];
    const inTurn = s.policies.map((p) => runCell(task(f, p.id)));
    s.policies.forEach((p, k) => expect(inTurn[k]).toEqual(alone(task(f, p.id))));
    // Another base scenario whose dialogue policy opens no channel and keeps the exercises: a status quo kept from
    // `s` would carry s's policy.
    const text = readFileSync('scenarios/korea-2024.yaml', 'utf8').replace('{ lever: us-prk-channel, set: 0.7 }', '{ lever: us-prk-channel, set: 0 }').replace('{ lever: rok-prk-channel, set: 0.7 }', '{ lever: rok-prk-channel, set: 0 }').replace('{ lever: exercise-scale, scale: 0.5 }', '{ lever: exercise-scale, scale: 1 }');
    const parsed = parseScenario(text, 'edited.yaml');
    if (!parsed.ok) throw new Error('edited scenario');
    const edited = parsed.scenario;
    runCell(task(f, 'dialogue'));
    expect(runCell(task(f, 'dialogue', edited))).not.toEqual(inTurn[s.policies.findIndex((p) => p.id === 'dialogue')]);
  });
});
