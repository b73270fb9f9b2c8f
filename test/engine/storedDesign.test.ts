import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES, decodeDesign, encodeDesign } from '../../src/engine/designCodec.js';
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
    // The values are 8 bytes each, in one chunk here, and the text beside them holds none of them.
    const db = new Database(file, { readonly: true });
    const row = db.prepare('SELECT data FROM designs').get() as { data: string };
    const chunks = db.prepare('SELECT chunk, bytes FROM design_values ORDER BY chunk').all() as { chunk: number; bytes: Buffer }[];
    db.close();
    expect(chunks.map((c) => [c.chunk, c.bytes.length])).toEqual([[0, 8 * 50 * 3]]);
    expect(row.data).not.toContain('0.3333');
    expect(new Float64Array(new Uint8Array(chunks[0].bytes).buffer)[3 * 7]).toBe(0.1 * 7);
  });

  it('splits the values into chunks of whole futures of at most CHUNK_BYTES, and reads them back in order', () => {
    // 3 uncertainties: 24 bytes a future, so 43,690 futures a chunk; 100,000 futures make three chunks.
    const big = design(100_000);
    const { chunks } = encodeDesign(big);
    const sizes = [...chunks()].map((c) => c.byteLength);
    const perChunk = Math.floor(CHUNK_BYTES / 24);
    expect(sizes).toEqual([24 * perChunk, 24 * perChunk, 24 * (100_000 - 2 * perChunk)]);
    const s = ExperimentStore.open(tempStore());
    s.putDesign('e1', big);
    expect(s.getDesign('e1')).toEqual(big);
    s.close();
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
        const { data, chunks } = encodeDesign(d);
        const back = decodeDesign({ data, chunks: [...chunks()] });
        // Object.is: -0 and the largest and smallest doubles survive, which a text form need not guarantee.
        back.futures.forEach((f, k) => f.values.forEach((v, j) => expect(Object.is(v, d.futures[k].values[j])).toBe(true)));
        expect(back).toEqual(d);
      }),
    );
  });

  it('reads a design an earlier version stored as JSON alone, and a schema-2 store is brought to schema 3', () => {
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
    expect((after.prepare('SELECT COUNT(*) AS n FROM design_values WHERE experiment = ?').get('e1') as { n: number }).n).toBe(0);
    after.close();
  });

  it('refuses a design whose values were cut, naming the file and the experiment; the digest sees an edited value', () => {
    const file = tempStore();
    const s = ExperimentStore.open(file);
    s.begin(experimentMeta());
    s.putDesign('e1', design(5));
    const before = s.digest(['e1']);
    s.close();
    const db = new Database(file);
    const { bytes } = db.prepare('SELECT bytes FROM design_values').get() as { bytes: Buffer };
    bytes[9] ^= 1;
    db.prepare('UPDATE design_values SET bytes = ?').run(bytes);
    db.close();
    const edited = ExperimentStore.open(file);
    expect(edited.digest(['e1'])).not.toBe(before);
    edited.close();
    const cut = new Database(file);
    cut.prepare('UPDATE design_values SET bytes = ?').run(bytes.subarray(0, 8 * 14));
    cut.close();
    const t = ExperimentStore.open(file);
    expect(() => t.getDesign('e1')).toThrow(StoreError);
    expect(() => t.getDesign('e1')).toThrow(`${file}: the design of experiment e1… is corrupt: its values are 112 bytes in 1 chunk, not 8 × 5 futures × 3 uncertainties in whole futures`);
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
