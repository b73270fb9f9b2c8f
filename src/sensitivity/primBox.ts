import type { PrimData, PrimValue } from './primData.js';

/** The limits of a box on one input: a closed interval, or the categories it keeps. */
export type PrimLimit = { kind: 'numeric'; lower: number; upper: number } | { kind: 'categorical'; categories: PrimValue[] };

/** A box's limits on every prepared column: numeric intervals [lower, upper] and kept categories. */
export interface BoxLimits {
  lower: Float64Array;
  upper: Float64Array;
  /** allowed[c][k] = 1 if categorical column c keeps category k. */
  allowed: Uint8Array[];
}

/** The box that holds every row: each numeric column's [min, max], every category. */
export function initialLimits(data: PrimData): BoxLimits {
  return {
    lower: Float64Array.from(data.numeric, (c) => c.min),
    upper: Float64Array.from(data.numeric, (c) => c.max),
    allowed: data.categorical.map((c) => new Uint8Array(c.labels.length).fill(1)),
  };
}

/** A copy of the limits. */
export function copyLimits(b: BoxLimits): BoxLimits {
  return { lower: b.lower.slice(), upper: b.upper.slice(), allowed: b.allowed.map((a) => a.slice()) };
}

/** Whether numeric column j is restricted (index j) or categorical column c (index numeric.length + c). */
export function isRestricted(data: PrimData, b: BoxLimits, dim: number): boolean {
  const J = data.numeric.length;
  if (dim < J) return b.lower[dim] !== data.numeric[dim].min || b.upper[dim] !== data.numeric[dim].max;
  return b.allowed[dim - J].some((a) => a === 0);
}

/** The restricted dimensions, as indices over numeric then categorical columns. */
export function restrictedDims(data: PrimData, b: BoxLimits): number[] {
  const dims: number[] = [];
  for (let d = 0; d < data.numeric.length + data.categorical.length; d++) if (isRestricted(data, b, d)) dims.push(d);
  return dims;
}

/** The column name of a dimension index. */
export function dimName(data: PrimData, dim: number): string {
  const J = data.numeric.length;
  return dim < J ? data.numeric[dim].name : data.categorical[dim - J].name;
}

/** Whether row r lies in the box on dimension `dim`. */
export function inDim(data: PrimData, b: BoxLimits, dim: number, r: number): boolean {
  const J = data.numeric.length;
  if (dim < J) {
    const v = data.numeric[dim].values[r];
    return b.lower[dim] <= v && v <= b.upper[dim];
  }
  return b.allowed[dim - J][data.categorical[dim - J].codes[r]] === 1;
}

/** Weight, weight of cases of interest, squared weights and rows of the rows inside the box on all `dims`. */
export function boxTotals(data: PrimData, b: BoxLimits, dims: readonly number[]): { weight: number; interest: number; weightSq: number; rows: number } {
  let weight = 0, interest = 0, weightSq = 0, rows = 0;
  for (let r = 0; r < data.n; r++) {
    let inside = true;
    for (const d of dims) if (!inDim(data, b, d, r)) { inside = false; break; }
    if (!inside) continue;
    const w = data.w[r];
    weight += w;
    weightSq += w * w;
    interest += w * data.y[r];
    rows++;
  }
  return { weight, interest, weightSq, rows };
}

/** The limits of the restricted dimensions, by column name, in the public form. */
export function describeLimits(data: PrimData, b: BoxLimits, dims: readonly number[]): Record<string, PrimLimit> {
  const J = data.numeric.length;
  const out: Record<string, PrimLimit> = {};
  for (const d of dims) {
    if (d < J) out[data.numeric[d].name] = { kind: 'numeric', lower: b.lower[d], upper: b.upper[d] };
    else {
      const c = data.categorical[d - J];
      out[c.name] = { kind: 'categorical', categories: c.labels.filter((_, k) => b.allowed[d - J][k] === 1) };
    }
  }
  return out;
}

/** Limits in the internal form from public ones (missing columns: unrestricted). Throws on an unknown column. */
export function limitsFrom(data: PrimData, limits: Readonly<Record<string, PrimLimit>>): BoxLimits {
  const b = initialLimits(data);
  for (const [name, limit] of Object.entries(limits)) {
    const j = data.numeric.findIndex((c) => c.name === name);
    const c = data.categorical.findIndex((col) => col.name === name);
    if (limit.kind === 'numeric' && j >= 0) {
      b.lower[j] = limit.lower;
      b.upper[j] = limit.upper;
    } else if (limit.kind === 'categorical' && c >= 0) {
      const keep = new Set(limit.categories);
      b.allowed[c] = Uint8Array.from(data.categorical[c].labels, (l) => (keep.has(l) ? 1 : 0));
    } else {
      throw new RangeError(`prim: the box limits name "${name}" as ${limit.kind}, which is no such column of the data`);
    }
  }
  return b;
}
