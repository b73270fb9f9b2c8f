import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RUNAWAY_GROWTH_BOUND, scenarioWarnings } from '../../src/experiment/scenarioWarnings.js';
import { parseScenario } from '../../src/scenario/load.js';
import { applyOverrides } from '../../src/scenario/overrides.js';
import type { Scenario } from '../../src/scenario/schema.js';

const read = (f: string) => readFileSync(new URL(`../../${f}`, import.meta.url), 'utf8');
const parse = (text: string): Scenario => {
  const r = parseScenario(text, 'x.yaml');
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.scenario;
};
const example = read('examples/india-pakistan.yaml');
const indPak = parse(example);
const codes = (s: Scenario) => scenarioWarnings(s).map((w) => `${w.code} ${w.path}`);
const set = (s: Scenario, path: string, value: number) => {
  const r = applyOverrides(s, [{ path, value }]);
  if (!r.ok) throw new Error(r.issues[0].message);
  return r.scenario;
};

describe('scenarioWarnings on the India–Pakistan example', () => {
  it('flags the inert backchannel lever and policy, the uncalibrated crisis defaults and the runaway warhead race', () => {
    expect(codes(indPak)).toEqual(['inert-lever levers[0].path', 'inert-policy policies[1]', 'crisis-defaults crisis', 'runaway-growth actors.PAK.capabilities.strategic']);
    const [lever, , defaults, runaway] = scenarioWarnings(indPak);
    expect(lever.message).toContain("lever 'backchannel'");
    expect(lever.hint).toContain('crisis.actors.IND.bias');
    expect(lever.hint).toContain('crisis.ladder.channelEffect');
    expect(defaults.message).toContain('crisis.clashThreshold = 5.4');
    expect(defaults.message).toContain('crisis.cutpoints = [-3, 1.5, 3.5]');
    expect(runaway.message).toMatch(/PAK\.strategic grows \d+\.\d%\/yr/);
  });

  // dialogue on IND → PAK shrinks IND's reading of PAK (bias, spread) and opens the pair's channel on the ladder.
  it.each([
    ['crisis.actors.IND.bias', 1],
    ['crisis.actors.IND.spread', 1],
    ['crisis.ladder.channelEffect', -0.5],
  ])('the lever acts once %s is %d', (path, value) => {
    expect(codes(set(indPak, path, value)).filter((c) => c.startsWith('inert'))).toEqual([]);
  });

  it("stays inert when only Pakistan's reading is noisy (the channel is India's) or when the shrink is 0", () => {
    expect(codes(set(indPak, 'crisis.actors.PAK.bias', 1))).toContain('inert-lever levers[0].path');
    expect(codes(set(set(indPak, 'crisis.actors.IND.bias', 1), 'crisis.dialogueShrink', 0))).toContain('inert-lever levers[0].path');
  });

  it('is not inert when a mechanism is zero at its central value but its range reaches beyond zero', () => {
    const text = example.replace('IND: { strategy: reciprocator }', 'IND: { strategy: reciprocator, bias: { value: 0, assumption: "may read PAK as worse than it is", range: [0, 2] } }');
    expect(codes(parse(text)).filter((c) => c.startsWith('inert'))).toEqual([]);
  });

  it('is not inert when a structural alternative switches a mechanism on', () => {
    const text = example + `uncertainties:\n  structural:\n    - id: channel\n      title: Whether talks restrain escalation\n      default: no\n      alternatives:\n        - { id: no, title: No }\n        - { id: yes, title: Yes, changes: [{ path: crisis.ladder.channelEffect, set: -1 }] }\n`;
    expect(codes(parse(text)).filter((c) => c.startsWith('inert'))).toEqual([]);
  });

  it('names a lever whose effect size is 0 everywhere, even where its mechanism works', () => {
    const text = example.replace('path: relations.IND.PAK.dialogue }', 'path: relations.IND.PAK.dialogue, effect: 0 }');
    const w = scenarioWarnings(set(parse(text), 'crisis.ladder.channelEffect', -0.5));
    expect(w.map((x) => `${x.code} ${x.path}`)).toContain('inert-lever levers[0].effect');
    expect(w.find((x) => x.code === 'inert-lever')!.message).toContain('effect size 0');
  });

  it('calls a treaty-floor lever inert while alignment is fixed, and not once it is endogenous', () => {
    const text = example.replace('path: relations.IND.PAK.dialogue }', 'path: relations.IND.PAK.treatyFloor }');
    const fixed = scenarioWarnings(parse(text)).find((w) => w.code === 'inert-lever');
    expect(fixed?.hint).toContain('arms.endogenousAlignment.enabled: true');
    const endogenous = parse(text.replace('arms:\n', 'arms:\n  endogenousAlignment: { enabled: true }\n'));
    expect(scenarioWarnings(endogenous).map((w) => w.code)).not.toContain('inert-lever');
  });

  it('flags a policy that sets its lever to the status-quo value', () => {
    const text = example.replace('{ lever: backchannel, set: 0.8 }', '{ lever: backchannel, set: 0 }');
    const w = scenarioWarnings(set(parse(text), 'crisis.ladder.channelEffect', -0.5));
    expect(w.map((x) => `${x.code} ${x.path}`).filter((c) => c.startsWith('inert'))).toEqual(['inert-policy policies[1]']);
    expect(w[0].hint).toContain('status-quo values');
  });
});

describe('scenarioWarnings: crisis defaults', () => {
  it('are silent with a calibration record, and list only the parameters left unset', () => {
    const calibrated = { ...indPak, sources: [...indPak.sources, { id: 'crisis-calibration', title: 'calibration' }] };
    expect(scenarioWarnings(calibrated).map((w) => w.code)).not.toContain('crisis-defaults');
    const w = scenarioWarnings(set(indPak, 'crisis.clashThreshold', 4)).find((x) => x.code === 'crisis-defaults')!;
    expect(w.message).not.toContain('clashThreshold');
    expect(w.message).toContain('crisis.memory = 0.3');
  });

  it('apply to a scenario without a crisis section only when asked (run, compare)', () => {
    const noCrisis = parse(example.replace(/^crisis:[\s\S]*?^levers:/m, 'levers:'));
    expect(scenarioWarnings(noCrisis).map((w) => w.code)).not.toContain('crisis-defaults');
    expect(scenarioWarnings(noCrisis, { crisis: true }).map((w) => w.code)).toContain('crisis-defaults');
  });
});

describe('scenarioWarnings: runaway growth', () => {
  // With no reaction and no fatigue, dx/dt = x⁰·g (docs/model.md): x(10) = x⁰(1 + 10g), so the bound
  // (1 + 10g)^(1/10) − 1 = 15% falls at g = (1.15^10 − 1)/10 ≈ 0.30456.
  const lone = (g: number) => parse(`id: lone\ntitle: Lone\nactors:\n  - id: A\n    name: A\n    capabilities:\n      strategic: { value: 100, unit: warheads, baseYear: 2024, growth: ${g} }\n`);
  const gBound = ((1 + RUNAWAY_GROWTH_BOUND.ratePerYear) ** RUNAWAY_GROWTH_BOUND.years - 1) / RUNAWAY_GROWTH_BOUND.years;

  it('fires just above the bound and not just below it', () => {
    expect(gBound).toBeCloseTo(0.30456, 5);
    expect(scenarioWarnings(lone(gBound - 0.002))).toEqual([]);
    const [w] = scenarioWarnings(lone(gBound + 0.002));
    expect(w.code).toBe('runaway-growth');
    const rate = (1 + 10 * (gBound + 0.002)) ** 0.1 - 1;
    expect(w.message).toContain(`${(100 * rate).toFixed(1)}%/yr`);
    expect(w.message).toContain(`100 → ${Number((100 * (1 + 10 * (gBound + 0.002))).toPrecision(3))} warheads`);
  });

  it('leaves the Korea scenario and the textbook linear form alone', () => {
    expect(scenarioWarnings(parse(read('scenarios/korea-2024.yaml')))).toEqual([]);
    expect(scenarioWarnings(parse(read('scenarios/richardson-1909.yaml')))).toEqual([]);
  });
});
