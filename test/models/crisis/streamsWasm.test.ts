import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LAUNCH_DRAWS } from '../../../src/models/crisis/campaigns.js';
import { crisisScenario, prepareCrisis } from '../../../src/models/crisis/prepare.js';
import { createWorkspace, runReplication, seedReplication } from '../../../src/models/crisis/runCrisis.js';
import { MONTH_CHUNK, StreamBank } from '../../../src/models/crisis/streams.js';
import { sleb, uleb } from '../../../src/math/wasmAssembler.js';
import { korea } from './helpers.js';

describe('the WebAssembly month of draws', () => {
  it('is available in Node', () => {
    expect(new StreamBank(4).native).toBe(true);
  });

  it('equals the JavaScript generator bit for bit: blocks and states, month after month', () => {
    fc.assert(
      fc.property(fc.nat(2 ** 31), fc.nat(1000), fc.nat(10 ** 6), fc.integer({ min: 1, max: 12 }), fc.integer({ min: -1, max: 11 }), fc.integer({ min: 1, max: MONTH_CHUNK }), (seed, future, rep, m, launcher, count) => {
        const launchSlot = launcher >= 0 && launcher < m ? launcher * m + launcher : -1;
        const wasm = new StreamBank(m * m), js = new StreamBank(m * m, { wasm: false });
        wasm.seed(seed, future, rep);
        js.seed(seed, future, rep);
        expect(Array.from(wasm.state)).toEqual(Array.from(js.state));
        for (let call = 0; call < 2; call++) {
          wasm.fillMonths(m, launchSlot, count);
          js.fillMonths(m, launchSlot, count);
          for (let month = 0; month < count; month++) for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) {
            const at = 3 * (month * m * m + i * m + j);
            if (i !== j) for (let q = 0; q < 3; q++) expect(Object.is(wasm.dyadBlock[at + q], js.dyadBlock[at + q])).toBe(true);
          }
          if (launchSlot >= 0) expect(Array.from(wasm.launchBlock)).toEqual(Array.from(js.launchBlock));
          expect(Array.from(wasm.state)).toEqual(Array.from(js.state));
        }
      }),
      { seed: 1, numRuns: 60 },
    );
  });

  it('draws what next and dyadDraws draw, and leaves the streams where they leave them', () => {
    const m = 5, a = new StreamBank(m * m), b = new StreamBank(m * m, { wasm: false });
    a.seed(3, 1, 7);
    b.seed(3, 1, 7);
    const out = new Float64Array(3);
    a.fillMonths(m, 2 * m + 2, 1);
    for (let q = 0; q < LAUNCH_DRAWS; q++) expect(a.launchBlock[q]).toBe(b.next(2 * m + 2));
    b.dyadDraws(1, out);
    expect(Array.from(a.dyadBlock.subarray(3, 6))).toEqual(Array.from(out));
    expect(a.next(1)).toBe(b.next(1)); // the states moved alike
    expect(a.next(0)).toBe(b.next(0)); // a diagonal stream that is not the launcher's is untouched
  });

  it('encodes LEB128 immediates as the specification does', () => {
    expect(uleb(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(sleb(-123456)).toEqual([0xc0, 0xbb, 0x78]);
    expect(sleb(63)).toEqual([0x3f]);
    expect(sleb(64)).toEqual([0xc0, 0x00]);
    expect(sleb(-64)).toEqual([0x40]);
  });
});

describe('a replication on the WebAssembly draws', () => {
  it('is the replication on the JavaScript generator, record for record', () => {
    const p = prepareCrisis(crisisScenario(korea()), 60);
    const ws = createWorkspace(p), other = createWorkspace(p);
    expect(ws.streams.native).toBe(true);
    for (const rep of [0, 7, 123]) {
      seedReplication(ws, 11, 2, rep);
      const viaWasm = structuredClone(runReplication(p, ws));
      const js = new StreamBank(p.m * p.m, { wasm: false });
      js.seed(11, 2, rep);
      expect(structuredClone(runReplication(p, other, js))).toEqual(viaWasm);
    }
  });
});

describe('a workspace whose bank holds more streams than m²', () => {
  it('gives the record of a bank of exactly m² streams (months are read at the bank\'s own stride)', () => {
    const p = prepareCrisis(crisisScenario(korea()), 60);
    const mm = p.m * p.m;
    for (const wasm of [true, false]) {
      const exact = createWorkspace(p), wide = createWorkspace(p);
      wide.streams = new StreamBank(mm + 17, { wasm });
      exact.streams = new StreamBank(mm, { wasm });
      for (const rep of [0, 5]) {
        seedReplication(exact, 4, 1, rep);
        seedReplication(wide, 4, 1, rep);
        const a = structuredClone(runReplication(p, exact));
        expect(structuredClone(runReplication(p, wide))).toEqual(a);
      }
    }
  });
});

describe('the thread\'s one stream kernel', () => {
  it('serves 2,000 workspaces alive at once, all native, with identical records', () => {
    const p = prepareCrisis(crisisScenario(korea()), 12);
    const reference = createWorkspace(p);
    seedReplication(reference, 21, 3, 9);
    const expected = structuredClone(runReplication(p, reference));
    const alive = [];
    for (let n = 0; n < 2000; n++) {
      const ws = createWorkspace(p);
      expect(ws.streams.native).toBe(true);
      seedReplication(ws, 21, 3, 9);
      alive.push(ws);
    }
    // Seeded all before any runs: each bank's states survive the others' use of the kernel memory.
    for (let n = 0; n < alive.length; n += 97) expect(structuredClone(runReplication(p, alive[n]))).toEqual(expected);
  });

  it('keeps interleaved banks apart, bank for bank as the JavaScript generator, also across growth', () => {
    const small = new StreamBank(4), large = new StreamBank(400), js = new StreamBank(4, { wasm: false });
    small.seed(1, 2, 3);
    js.seed(1, 2, 3);
    small.fillMonths(2, 0, 3);
    large.seed(5, 5, 5);
    large.fillMonths(20, -1, MONTH_CHUNK); // takes the memory (and grows it) between small's calls
    js.fillMonths(2, 0, 3);
    expect(Array.from(small.dyadBlock)).toEqual(Array.from(js.dyadBlock));
    expect(Array.from(small.launchBlock)).toEqual(Array.from(js.launchBlock));
    small.fillMonths(2, 0, 2);
    js.fillMonths(2, 0, 2);
    expect(Array.from(small.state)).toEqual(Array.from(js.state));
    expect(small.next(3)).toBe(js.next(3));
  });
});
