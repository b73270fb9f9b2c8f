import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileReference, compilerMissing, javascriptTotals, runReference, writePreparedInput } from '../../../bench/kernelReference.js';
import { crisisScenario, prepareCrisis } from '../../../src/models/crisis/prepare.js';
import { korea } from './helpers.js';

// The C port of the monthly loop (bench/c/crisisKernel.c) is an independent implementation of the same model and
// streams: equal integer totals mean the JavaScript kernel's optimisations changed no draw and no decision.
const missing = compilerMissing();
describe.skipIf(missing !== undefined)(`the crisis kernel against its C reference${missing ? ` (skipped: ${missing})` : ''}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'flashpoints-kernel-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const bin = missing ? '' : compileReference(dir);
  const scenario = korea();

  // The status quo, a policy that switches strategies to GRIT (its override path) and one that opens channels;
  // a future index and a first replication other than 0 check the stream keys too.
  for (const policy of [undefined, 'grit', 'dialogue']) {
    it(`Korea 2024 ${policy ?? 'status quo'}: clash, war and nuclear runs, launches, scores and every action count agree`, () => {
      const p = prepareCrisis(crisisScenario(scenario, policy), 120);
      const input = join(dir, `${policy ?? 'status-quo'}.txt`);
      writePreparedInput(p, input);
      const o = { seed: 20, future: 7, firstReplication: 13, count: 150 };
      const { nsPerDyadMonth, cpuNsPerDyadMonth, ...c } = runReference(bin, input, o);
      expect(Math.min(nsPerDyadMonth, cpuNsPerDyadMonth)).toBeGreaterThan(0);
      const js = javascriptTotals(p, o);
      expect(c).toEqual(js);
      // Not a vacuous agreement: the runs reach every rung of the ladder and the launch campaign is live.
      expect(js.clashRuns).toBeGreaterThan(0);
      expect(js.warRuns).toBeGreaterThan(0);
      expect(js.launches).toBeGreaterThan(0);
    });
  }
});
