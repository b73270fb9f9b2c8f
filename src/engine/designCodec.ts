import type { StoredDesign } from '../experiment/experimentsTable.js';
import type { Future } from '../experiment/futures.js';

/**
 * A comparison's design as the store keeps it (schema 3, docs/experiments.md#memory). The sampled values (futures ×
 * uncertainties) are one blob of little-endian doubles, 8 bytes a value: 22 MiB for the 16,667 futures × 169
 * uncertainties of 10⁵ Korea cells. Everything else goes in a small JSON text: the column names, and each future's
 * index, replicate and structural alternatives. The design of an earlier version was JSON alone, 52 MiB there;
 * writing it took ~200 MiB of the main thread before the first cell. Such a row (`sampled` NULL) still reads.
 */
export interface DesignRow {
  data: string;
  sampled: Uint8Array | null;
}

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

/** The row of a design: its numbers as the blob, the rest as JSON. */
export function encodeDesign(design: StoredDesign): { data: string; sampled: Uint8Array } {
  const u = design.uncertainties.length;
  const sampled = new Uint8Array(8 * u * design.futures.length);
  const view = new DataView(sampled.buffer);
  design.futures.forEach((f, k) => {
    if (f.values.length !== u) throw new RangeError(`future ${f.index} has ${f.values.length} values for ${u} uncertainties`);
    for (let j = 0; j < u; j++) view.setFloat64(8 * (k * u + j), f.values[j], true);
  });
  const header: DesignHeader = {
    uncertainties: design.uncertainties,
    structural: design.structural,
    index: design.futures.map((f) => f.index),
    replicate: design.futures.map((f) => f.replicate ?? null),
    alternatives: design.futures.map((f) => design.structural.map((id) => f.alternatives[id])),
  };
  return { data: JSON.stringify(header), sampled };
}

/**
 * The design of a stored row, either form. A row whose parts do not agree (a blob of the wrong length, lists of
 * different lengths) is a RangeError saying which; the store names the file and the experiment.
 */
export function decodeDesign(row: DesignRow): StoredDesign {
  if (row.sampled === null) return JSON.parse(row.data) as StoredDesign;
  const h = JSON.parse(row.data) as DesignHeader;
  const n = h.index.length, u = h.uncertainties.length;
  if (h.replicate.length !== n || h.alternatives.length !== n) throw new RangeError(`its lists of futures differ in length (${n} indices, ${h.replicate.length} replicates, ${h.alternatives.length} alternatives)`);
  if (row.sampled.byteLength !== 8 * n * u) throw new RangeError(`its values are ${row.sampled.byteLength} bytes, not 8 × ${n} futures × ${u} uncertainties`);
  const view = new DataView(row.sampled.buffer, row.sampled.byteOffset, row.sampled.byteLength);
  const futures = h.index.map((index, k): Future => {
    const values = new Array<number>(u);
    for (let j = 0; j < u; j++) values[j] = view.getFloat64(8 * (k * u + j), true);
    const alternatives = Object.fromEntries(h.structural.map((id, s) => [id, h.alternatives[k][s]]));
    return h.replicate[k] === null ? { index, values, alternatives } : { index, replicate: h.replicate[k]!, values, alternatives };
  });
  return { uncertainties: h.uncertainties, structural: h.structural, futures };
}
