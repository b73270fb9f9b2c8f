import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report/html.js';
import type { SensitivitySummary } from '../../src/report/types.js';
import { checkHtml } from './htmlCheck.js';
import { syntheticComparison } from './synthetic.js';

const factor = (name: string, muStar: number, conf: [number, number], sigma = 0.01) => ({ name, mu: muStar, muStar, sigma, muStarConf: conf });
const summary: SensitivitySummary = {
  screenings: [
    {
      target: 'P(war) under status-quo',
      factors: [factor('crisis.ladder.warGivenClash', 0.8, [0.6, 1]), factor('relations[*].hostility', 0.2, [0.1, 0.3]), factor('levers[*].effect <b>', 0.01, [0, 0.02])],
      dummy: factor('(dummy)', 0.05, [0.02, 0.08]),
      trajectories: 6,
      runs: 8,
      groupBy: 'family',
    },
  ],
  boxes: [{ policy: 'dialogue', text: 'dialogue beats status-quo (P(war) lower by more than 0) in 90% of the futures with a < 0.3, which are 20% of all futures (they hold 60% of the cases).' }],
};

describe('report: which assumptions decide it', () => {
  const plain = renderReport(syntheticComparison());
  const html = renderReport({ ...syntheticComparison(), sensitivity: summary });

  it('appears right after the differences against the status quo only when the result carries a screening, in valid HTML', () => {
    expect(plain).not.toContain('id="deciding"');
    expect(checkHtml(html)).toEqual([]);
    const at = (id: string) => html.indexOf(`<section id="${id}">`);
    expect(html.indexOf('<section id=', at('differences') + 1)).toBe(at('deciding'));
    expect(html.indexOf('<section id=', at('deciding') + 1)).toBe(at('by-type'));
  });

  it('draws the μ*–σ figure with the dummy line, marks who clears the noise, and states the boxes', () => {
    const section = html.slice(html.indexOf('<section id="deciding">'), html.indexOf('</section>', html.indexOf('<section id="deciding">')));
    expect(section).toMatch(/<svg id="fig-morris-0"/);
    expect(section).toContain('dummy (noise)');
    // warGivenClash's interval [0.6, 1] is above the dummy's 0.05; the lever family's [0, 0.02] is not
    expect(section).toMatch(/crisis\.ladder\.warGivenClash<\/th><td>0\.800 \[0\.600, 1\.000\]<\/td><td>0\.800<\/td><td>0\.010<\/td><td>yes/);
    expect(section).toMatch(/levers\[\*\]\.effect &lt;b&gt;<\/th>.*<td>no<\/td>/);
    expect(section).toContain('in 90% of the futures with a &lt; 0.3, which are 20% of all futures');
  });

  it('is deterministic: the same result gives the same bytes', () => {
    expect(renderReport({ ...syntheticComparison(), sensitivity: summary })).toBe(html);
  });
});
