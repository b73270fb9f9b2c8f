import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/scenario/load.js';
import { scenarioSchema } from '../../../src/scenario/schema.js';
import { monthlyThreatRatios } from '../../../src/models/arms/threatPath.js';
import { applyPolicy } from '../../../src/scenario/apply.js';

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
