import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeDesign, encodeDesign } from '../../src/engine/designCodec.js';
import { ExperimentStore, StoreError } from '../../src/engine/experimentStore.js';
import type { StoredDesign } from '../../src/experiment/experimentsTable.js';
import { experimentMeta, tempStores } from './storeFixture.js';

const tempStore = tempStores('design-');

/** A design of `n` futures over three uncertainties and one structural one, values chosen to be awkward in text. */
const design = (n: number): StoredDesign => ({
  uncertainties: ['relations[PRK>USA].hostility', 'crisis.memory', 'arms.k'],
  structural: ['prk-type'],
  futures: Array.from({ length: n }, (_, index) => ({ index, replicate: index % 2, values: [0.1 * index, -1 / 3, 1e-300 * (index + 1)], alternatives: { 'prk-type': index % 3 ? 'opportunist' : 'security-seeker' } })),
});

describe('the stored design (store schema 3)', () => {
  it('gives back every future exactly — values to the last bit, replicates and alternatives — through the store', () => {
    const file = tempStore();
    const s = ExperimentStore.open(file);
    s.begin(experimentMeta());
    s.putDesign('e1', design(50));
    s.close();
    const t = ExperimentStore.open(file);
    expect(t.getDesign('e1')).toEqual(design(50));
    t.close();
    // The values are a blob of 8 bytes each, and the text beside them holds none of them.
    const db = new Database(file, { readonly: true });
    const row = db.prepare('SELECT data, sampled FROM designs').get() as { data: string; sampled: Buffer };
    db.close();
    expect(row.sampled.length).toBe(8 * 50 * 3);
    expect(row.data).not.toContain('0.3333');
    expect(new Float64Array(new Uint8Array(row.sampled).buffer)[3 * 7]).toBe(0.1 * 7);
  });

  it('round-trips any design, a future without a replicate included (property)', () => {
    const future = (u: number, s: number) =>
      fc.record({
        replicate: fc.option(fc.nat(20), { nil: undefined }),
        values: fc.array(fc.double({ noNaN: true }), { minLength: u, maxLength: u }),
        alternatives: fc.array(fc.string({ maxLength: 6 }), { minLength: s, maxLength: s }),
      });
    const arb = fc.tuple(fc.nat(5), fc.nat(3)).chain(([u, s]) => fc.tuple(fc.constant(u), fc.constant(s), fc.array(future(u, s), { maxLength: 12 })));
    fc.assert(
      fc.property(arb, ([u, s, fs]) => {
        const structural = Array.from({ length: s }, (_, k) => `s${k}`);
        const d: StoredDesign = {
          uncertainties: Array.from({ length: u }, (_, k) => `u${k}`),
          structural,
          futures: fs.map((f, index) => ({ index: 3 * index, ...(f.replicate === undefined ? {} : { replicate: f.replicate }), values: f.values, alternatives: Object.fromEntries(structural.map((id, k) => [id, f.alternatives[k]])) })),
        };
        const back = decodeDesign(encodeDesign(d));
        // Object.is: -0 and the largest and smallest doubles survive, which a text form need not guarantee.
        back.futures.forEach((f, k) => f.values.forEach((v, j) => expect(Object.is(v, d.futures[k].values[j])).toBe(true)));
        expect(back).toEqual(d);
      }),
    );
  });

  it('reads a design an earlier version stored as JSON alone, and a schema-2 store gains the blob column', () => {
    const file = tempStore();
    const db = new Database(file);
    db.exec(`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      INSERT INTO meta VALUES ('schema', '2');
      CREATE TABLE cells (experiment TEXT NOT NULL, policy TEXT NOT NULL, future INTEGER NOT NULL, runs INTEGER NOT NULL, war_runs INTEGER NOT NULL, data TEXT NOT NULL, checksum TEXT, scores BLOB, PRIMARY KEY (experiment, policy, future));
      CREATE TABLE designs (experiment TEXT PRIMARY KEY, data TEXT NOT NULL);`);
    db.prepare('INSERT INTO designs VALUES (?, ?)').run('e1', JSON.stringify(design(4)));
    db.close();
    const s = ExperimentStore.open(file);
    expect(s.getDesign('e1')).toEqual(design(4));
    s.putDesign('e2', design(6));
    expect(s.getDesign('e2')).toEqual(design(6));
    s.close();
    const after = new Database(file, { readonly: true });
    expect((after.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as { value: string }).value).toBe('3');
    expect((after.prepare('SELECT sampled FROM designs WHERE experiment = ?').get('e1') as { sampled: Buffer | null }).sampled).toBeNull();
    after.close();
  });

  it('refuses a design whose blob was cut, naming the file and the experiment; the digest sees an edited value', () => {
    const file = tempStore();
    const s = ExperimentStore.open(file);
    s.begin(experimentMeta());
    s.putDesign('e1', design(5));
    const before = s.digest(['e1']);
    s.close();
    const db = new Database(file);
    const { sampled } = db.prepare('SELECT sampled FROM designs').get() as { sampled: Buffer };
    sampled[9] ^= 1;
    db.prepare('UPDATE designs SET sampled = ?').run(sampled);
    db.close();
    const edited = ExperimentStore.open(file);
    expect(edited.digest(['e1'])).not.toBe(before);
    edited.close();
    const cut = new Database(file);
    cut.prepare('UPDATE designs SET sampled = ?').run(sampled.subarray(0, 8 * 14));
    cut.close();
    const t = ExperimentStore.open(file);
    expect(() => t.getDesign('e1')).toThrow(StoreError);
    expect(() => t.getDesign('e1')).toThrow(`${file}: the design of experiment e1… is corrupt: its values are 112 bytes, not 8 × 5 futures × 3 uncertainties`);
    t.close();
  });

  it('writes a design once: a second put of another design for the same experiment leaves the first', () => {
    const s = ExperimentStore.open(tempStore());
    s.putDesign('e1', design(3));
    s.putDesign('e1', design(7));
    expect(s.getDesign('e1')!.futures).toHaveLength(3);
    s.close();
  });
});
