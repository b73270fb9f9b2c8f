import type { StoredDesign } from '../experiment/experimentsTable.js';
import type { Future } from '../experiment/futures.js';

/**
 * A comparison's design as the store keeps it (schema 3, docs/experiments.md#memory). The sampled values (futures ×
 * uncertainties, row by row) are little-endian doubles, 8 bytes a value — 22 MiB for the 16,667 futures × 169
 * uncertainties of 10⁵ Korea cells — in chunks of whole futures of at most CHUNK_BYTES each. Everything else goes in
 * a small JSON text: the column names, and each future's index, replicate and structural alternatives. The design of
 * an earlier version was JSON alone, 52 MiB there; writing it took ~200 MiB of the main thread before the first cell.
 * Such a design (its JSON lists the futures, no chunks) still reads.
 *
 * Why chunks, not one blob: with one 22 MiB value, and SQLite's copies of it, ~20 MiB more RSS stayed after it was
 * written and freed (measured) — most likely glibc's mmap threshold, which rises to the size of each large block
 * freed, so that the next ones come from a heap that keeps its pages. Pieces of a MiB keep that small.
 */
export interface DesignRow {
  data: string;
  /** The value chunks in order (none for a design of schema 2). */
  chunks: Uint8Array[];
}

/** The most bytes of values a chunk holds (whole futures; a future wider than this is a chunk of its own). */
export const CHUNK_BYTES = 2 ** 20;

/** What the JSON of a schema-3 design holds beside the blob. */
interface DesignHeader {
  uncertainties: string[];
  structural: string[];
  index: number[];
  /** Each future's replicate, or null for a future that records none. */
  replicate: (number | null)[];
  /** Each future's alternatives, in the order of `structural`. */
  alternatives: string[][];
}

/** The text of a design and its value chunks, one at a time (`chunks` is lazy: each is made as it is read). */
export function encodeDesign(design: StoredDesign): { data: string; chunks: () => Generator<Uint8Array> } {
  const u = design.uncertainties.length;
  for (const f of design.futures) if (f.values.length !== u) throw new RangeError(`future ${f.index} has ${f.values.length} values for ${u} uncertainties`);
  const perChunk = Math.max(1, Math.floor(CHUNK_BYTES / (8 * Math.max(1, u))));
  function* chunks(): Generator<Uint8Array> {
    for (let first = 0; first < design.futures.length && u > 0; first += perChunk) {
      const futures = design.futures.slice(first, first + perChunk);
      const bytes = new Uint8Array(8 * u * futures.length);
      const view = new DataView(bytes.buffer);
      futures.forEach((f, k) => {
        for (let j = 0; j < u; j++) view.setFloat64(8 * (k * u + j), f.values[j], true);
      });
      yield bytes;
    }
  }
  const header: DesignHeader = {
    uncertainties: design.uncertainties,
    structural: design.structural,
    index: design.futures.map((f) => f.index),
    replicate: design.futures.map((f) => f.replicate ?? null),
    alternatives: design.futures.map((f) => design.structural.map((id) => f.alternatives[id])),
  };
  return { data: JSON.stringify(header), chunks };
}

/**
 * The design of a stored row, either form. A row whose parts do not agree (values of the wrong length, lists of
 * different lengths) is a RangeError saying which; the store names the file and the experiment.
 */
export function decodeDesign(row: DesignRow): StoredDesign {
  const parsed = JSON.parse(row.data) as StoredDesign | DesignHeader;
  if ('futures' in parsed) return parsed;
  const h = parsed;
  const n = h.index.length, u = h.uncertainties.length;
  if (h.replicate.length !== n || h.alternatives.length !== n) throw new RangeError(`its lists of futures differ in length (${n} indices, ${h.replicate.length} replicates, ${h.alternatives.length} alternatives)`);
  const bytes = row.chunks.reduce((s, c) => s + c.byteLength, 0);
  if (bytes !== 8 * n * u || row.chunks.some((c) => c.byteLength % (8 * u) !== 0)) throw new RangeError(`its values are ${bytes} bytes in ${row.chunks.length} chunk${row.chunks.length === 1 ? '' : 's'}, not 8 × ${n} futures × ${u} uncertainties in whole futures`);
  // Where each future's values start: chunk by chunk, a future every 8u bytes.
  const starts: { view: DataView; at: number }[] = [];
  for (const chunk of u > 0 ? row.chunks : []) {
    const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (let at = 0; at < chunk.byteLength; at += 8 * u) starts.push({ view, at });
  }
  const futures = h.index.map((index, k): Future => {
    const { view, at } = starts[k] ?? { view: undefined, at: 0 };
    const values = new Array<number>(u);
    for (let j = 0; j < u; j++) values[j] = view!.getFloat64(at + 8 * j, true);
    const alternatives = Object.fromEntries(h.structural.map((id, s) => [id, h.alternatives[k][s]]));
    return h.replicate[k] === null ? { index, values, alternatives } : { index, replicate: h.replicate[k]!, values, alternatives };
  });
  return { uncertainties: h.uncertainties, structural: h.structural, futures };
}
