import { describe, expect, it } from 'vitest';
import { armsOverFutures, armsVerdictLine } from '../../src/experiment/armsOverFutures.js';
import { analyzeArms } from '../../src/models/arms/analyzeArms.js';
import { applyStructural } from '../../src/scenario/apply.js';
import { scenarioSchema } from '../../src/scenario/schema.js';

// Two rivals whose kind is uncertain: 'calm' (no reaction, pull-back 0.5/yr: stable) or 'spiral' (elasticity 2, no
// pull-back: unstable). The default alternative is 'calm', so the raw scenario alone would say "stable".
const stock = { value: 100, unit: 'bn', baseYear: 2024, growth: 0.01 };
const rivals = scenarioSchema.parse({
  id: 'rivals', title: 'rivals',
  actors: [{ id: 'A', name: 'A', capabilities: { conventional: stock } }, { id: 'B', name: 'B', capabilities: { conventional: stock } }],
  relations: [{ from: 'A', to: 'B', mutual: true, hostility: 1 }],
  uncertainties: {
    structural: [{
      id: 'kind', title: 'kind', default: 'calm',
      alternatives: ['calm', 'spiral'].map((id) => ({
        id, title: id,
        changes: ['A', 'B'].flatMap((a) => [
          { path: `actors.${a}.capabilities.conventional.elasticity`, set: id === 'spiral' ? 2 : 0 },
          { path: `actors.${a}.capabilities.conventional.fatigue`, set: id === 'spiral' ? 0 : 0.5 },
        ]),
      })),
    }],
  },
});

describe('the arms verdict over futures', () => {
  it('is computed per structural alternative, not on the raw scenario', () => {
    expect(analyzeArms(applyStructural(rivals, { kind: 'spiral' })).stability.verdict).toBe('unstable');
    expect(analyzeArms(applyStructural(rivals)).stability.verdict).toBe('stable');
    const o = armsOverFutures(rivals, { futures: 20, seed: 3 });
    const by = Object.fromEntries(o.byAlternative.map((b) => [b.alternative, b.summary]));
    expect(by.calm.futures + by.spiral.futures).toBe(20);
    expect(by.calm.shareUnstable).toBe(0);
    expect(by.spiral.shareUnstable).toBe(1);
    expect(o.all.shareUnstable).toBeCloseTo(by.spiral.futures / 20, 12);
    // Every calm future has the same system: the rate is −0.5/yr, the pull-back.
    expect(by.calm.leadingRate).toEqual({ median: -0.5, q05: -0.5, q95: -0.5 });
    expect(armsVerdictLine(by.spiral)).toMatch(/^unstable in 100% of \d+ futures; leading growth rate median \d/);
  });
});
