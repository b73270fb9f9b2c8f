import { describe, expect, it } from 'vitest';
import { scenarioWarnings } from '../../../src/experiment/scenarioWarnings.js';
import { listUncertainties } from '../../../src/experiment/uncertainties.js';
import { deadDimensions } from '../../../src/experiment/warnings/deadDimensions.js';
import { scenarioSchema } from '../../../src/scenario/schema.js';
import { korea } from '../../models/crisis/helpers.js';

/** One actor whose drive is sampled over [0, 2] while a structural uncertainty's alternatives change it by `ops`. */
const withDrive = (ops: Record<string, unknown>[]) =>
  scenarioSchema.parse({
    id: 'd', title: 'd', actors: [{ id: 'A', name: 'A' }, { id: 'B', name: 'B' }],
    crisis: { actors: { A: { drive: { value: 0.5, assumption: 'test', range: [0, 2] } } } },
    uncertainties: { structural: [{ id: 'kind', title: 'kind', default: 'x', alternatives: ops.map((op, k) => ({ id: ['x', 'y'][k], title: 't', changes: [{ path: 'crisis.actors.A.drive', ...op }] })) }] },
  });

describe('dead dimensions', () => {
  it('a ranged parameter that every alternative sets warns, naming the values', () => {
    const s = withDrive([{ set: 0.2 }, { set: 1 }]);
    expect(listUncertainties(s).map((u) => u.name)).toContain('crisis.actors.A.drive');
    const w = scenarioWarnings(s).filter((x) => x.code === 'dead-dimension');
    expect(w).toEqual([{
      code: 'dead-dimension', path: 'crisis.actors.A.drive',
      message: "sampled over [0, 2], but every alternative of 'kind' sets it (x 0.2, y 1): the range varies nothing",
      hint: expect.stringContaining('`add`'),
    }]);
  });

  it('no warning when one alternative adds to it (the sampled value still matters) or it has no range', () => {
    expect(deadDimensions(withDrive([{ set: 0.2 }, { add: 1 }]))).toEqual([]);
    const fixed = withDrive([{ set: 0.2 }, { set: 1 }]);
    fixed.crisis!.actors.A.drive = { value: 0.5, assumption: 'test', range: [0.5, 0.5] };
    expect(deadDimensions(fixed)).toEqual([]);
  });

  it('the Korea scenario samples none of the parameters its two kinds of North Korea set', () => {
    expect(deadDimensions(korea())).toEqual([]);
  });
});
