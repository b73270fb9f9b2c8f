/** A value of one input in one row of a PRIM data set: numeric, or a category (a structural alternative). */
export type PrimValue = number | string | boolean;

/** One row of inputs, by column name (e.g. one future of an experiment). */
export type PrimRow = Readonly<Record<string, PrimValue>>;

/** How the case of interest is read off the outputs and how rows count. */
export interface PrimDataOptions {
  /** Case of interest y > above, for numeric outputs. Default: y is boolean or 0/1. */
  above?: number;
  /** Case of interest y < below, for numeric outputs. Default: y is boolean or 0/1. */
  below?: number;
  /** Non-negative row weights (e.g. record weights of the futures): frequency weights in every count. Default 1. */
  weights?: readonly number[];
  /** The input columns to use, in order. Default: every key of the first row. */
  columns?: readonly string[];
  /** Columns to treat as categorical even when their values are numbers (e.g. integer-coded alternatives). */
  categorical?: readonly string[];
}

/** A numeric input column, with its rows sorted by value once. */
export interface NumericColumn {
  name: string;
  values: Float64Array;
  /** Row indices in ascending order of value. */
  order: Int32Array;
  min: number;
  max: number;
}

/** A categorical input column: each row's category code, and the categories in order of first appearance. */
export interface CategoricalColumn {
  name: string;
  codes: Int32Array;
  labels: PrimValue[];
}

/** The prepared data set of a PRIM run. */
export interface PrimData {
  /** Numeric columns first, then categorical ones, each in the given column order (the peeling order). */
  numeric: NumericColumn[];
  categorical: CategoricalColumn[];
  /** 1 for a case of interest, 0 otherwise (rows of zero weight dropped). */
  y: Uint8Array;
  w: Float64Array;
  n: number;
  /** Total weight and total weight of the cases of interest. */
  totalWeight: number;
  interestWeight: number;
}

/**
 * Checks and prepares the inputs and outputs of {@link prim}: the case of interest per row, the weights, each
 * column's kind (numeric when every value is a finite number and the column is not named in `categorical`) and
 * each numeric column's sort order. Throws a RangeError naming the first bad row or column.
 */
export function preparePrimData(x: readonly PrimRow[], y: readonly (number | boolean)[], options: PrimDataOptions = {}): PrimData {
  const n = x.length;
  if (n === 0) throw new RangeError('prim: no rows');
  if (y.length !== n) throw new RangeError(`prim: ${n} rows of inputs but ${y.length} outputs`);
  const interest = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    const v = y[r];
    if (options.above !== undefined || options.below !== undefined) {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`prim: output ${r} is not a finite number (${String(v)})`);
      interest[r] = (options.above === undefined || v > options.above) && (options.below === undefined || v < options.below) ? 1 : 0;
    } else if (typeof v === 'boolean' || v === 0 || v === 1) {
      interest[r] = v === true || v === 1 ? 1 : 0;
    } else {
      throw new RangeError(`prim: output ${r} is ${String(v)}; give boolean or 0/1 outputs, or a threshold (above / below)`);
    }
  }
  const given = options.weights ? Float64Array.from(options.weights) : new Float64Array(n).fill(1);
  if (given.length !== n) throw new RangeError(`prim: ${given.length} weights for ${n} rows`);
  given.forEach((v, r) => {
    if (!(Number.isFinite(v) && v >= 0)) throw new RangeError(`prim: weight ${r} is not a finite non-negative number (${v})`);
  });
  // Rows of zero weight count nowhere; dropping them keeps them out of the cut points too.
  const keep = Array.from({ length: n }, (_, r) => r).filter((r) => given[r] > 0);
  if (keep.length === 0) throw new RangeError('prim: the weights sum to zero');
  const rows = keep.map((r) => x[r]);
  const w = Float64Array.from(keep, (r) => given[r]);
  const yKept = Uint8Array.from(keep, (r) => interest[r]);
  let totalWeight = 0;
  let interestWeight = 0;
  for (let r = 0; r < keep.length; r++) {
    totalWeight += w[r];
    interestWeight += w[r] * yKept[r];
  }
  const names = options.columns ?? Object.keys(x[0]);
  if (names.length === 0) throw new RangeError('prim: no input columns');
  const forced = new Set(options.categorical ?? []);
  const m = keep.length;
  const numeric: NumericColumn[] = [];
  const categorical: CategoricalColumn[] = [];
  for (const name of names) {
    const raw = rows.map((row, r) => {
      const v = row[name];
      if (v === undefined || v === null) throw new RangeError(`prim: row ${keep[r]} has no value for column "${name}"`);
      return v;
    });
    if (!forced.has(name) && raw.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      const values = Float64Array.from(raw as number[]);
      const order = Int32Array.from({ length: m }, (_, r) => r).sort((a, b) => values[a] - values[b] || a - b);
      numeric.push({ name, values, order, min: values[order[0]], max: values[order[m - 1]] });
    } else {
      const index = new Map<PrimValue, number>();
      const labels: PrimValue[] = [];
      const codes = Int32Array.from(raw, (v) => {
        if (typeof v === 'number' && !Number.isFinite(v)) throw new RangeError(`prim: column "${name}" holds ${v}`);
        let c = index.get(v);
        if (c === undefined) {
          c = labels.length;
          index.set(v, c);
          labels.push(v);
        }
        return c;
      });
      categorical.push({ name, codes, labels });
    }
  }
  return { numeric, categorical, y: yKept, w, n: m, totalWeight, interestWeight };
}
