/** One uncertain input of a sensitivity analysis: its name and its range, sampled uniformly (map the unit-cube
 * sample through another inverse CDF for other distributions). */
export interface InputBound {
  /** The input's name, e.g. a parameter path `crisis.ladder.warGivenClash`. */
  name: string;
  /** Lower end of the range, in the input's own units. */
  lower: number;
  /** Upper end of the range (above `lower`). */
  upper: number;
}

/** The factors an analysis moves: each is one input or a group of inputs that move together. */
export interface FactorGroups {
  /** Factor names, in order of first appearance. */
  names: string[];
  /** members[g]: the input indices (into the bounds) of factor g. */
  members: number[][];
  /** factorOf[i]: the factor of input i. */
  factorOf: number[];
}

/** The name under which the dummy input (one the model ignores, the noise floor) is reported. */
export const DUMMY_NAME = '(dummy)';

/**
 * The factors of an analysis: without `groups` every input is its own factor (named after it); with `groups`
 * (one group name per input, aligned with `bounds`) inputs sharing a name move together as one factor
 * (Jacques et al. 2006; Campolongo et al. 2007). Checks the bounds. Example:
 * `factorGroups(bounds, ['levers', 'levers', 'x3'])` → names ['levers', 'x3'].
 */
export function factorGroups(bounds: readonly InputBound[], groups?: readonly string[]): FactorGroups {
  if (bounds.length === 0) throw new RangeError('sensitivity: at least one input is needed');
  const seen = new Set<string>();
  for (const b of bounds) {
    if (seen.has(b.name)) throw new RangeError(`sensitivity: input "${b.name}" is named twice`);
    seen.add(b.name);
    if (!(Number.isFinite(b.lower) && Number.isFinite(b.upper) && b.upper > b.lower)) {
      throw new RangeError(`sensitivity: input "${b.name}" needs finite bounds with upper > lower, got [${b.lower}, ${b.upper}]`);
    }
  }
  if (groups !== undefined && groups.length !== bounds.length) {
    throw new RangeError(`sensitivity: ${groups.length} group names for ${bounds.length} inputs`);
  }
  const labels = groups ?? bounds.map((b) => b.name);
  const names: string[] = [];
  const members: number[][] = [];
  const factorOf = labels.map((label, i) => {
    if (label === DUMMY_NAME) throw new RangeError(`sensitivity: "${DUMMY_NAME}" is reserved for the dummy input`);
    let g = names.indexOf(label);
    if (g < 0) {
      g = names.length;
      names.push(label);
      members.push([]);
    }
    members[g].push(i);
    return g;
  });
  return { names, members, factorOf };
}

/** Maps a unit-cube point to the inputs' ranges (linear). Example: `scaleToBounds([0.5], [{ name: 'a', lower: 0, upper: 4 }])` → [2]. */
export function scaleToBounds(unit: readonly number[], bounds: readonly InputBound[]): number[] {
  return unit.map((u, i) => bounds[i].lower + u * (bounds[i].upper - bounds[i].lower));
}
