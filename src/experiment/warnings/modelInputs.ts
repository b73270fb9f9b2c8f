import { buildArms } from '../../models/arms/buildArms.js';
import { prepareCrisis } from '../../models/crisis/prepare.js';
import type { Scenario } from '../../scenario/schema.js';

/**
 * Everything the models read from a scenario: the arms system (A, b, the threat and protection operators and the
 * structural parameters the non-linear parts use) and the prepared crisis inputs over `months` (null when the
 * crisis section cannot be prepared: the `run` command reports that itself). Two scenarios with equal inputs give
 * equal results for every seed, so a change that leaves them equal does nothing.
 */
export interface ModelInputs {
  arms: unknown;
  crisis: unknown;
}

/** The model inputs of `s`, with elasticities measured against `reference` (the status quo) as under a policy. */
export function modelInputs(s: Scenario, reference: Scenario, months: number): ModelInputs {
  const armsOf = (x: Scenario) => {
    const sys = buildArms(x, buildArms(reference));
    // Treaty floors, alignment rates and ψ act only when alignment is endogenous.
    const params = sys.params && !sys.params.endogenous ? { ...sys.params, treatyFloor: null, alignmentRate: null, psi: null } : (sys.params ?? null);
    return { A: sys.A, b: sys.b, T: sys.T, P: sys.P, params };
  };
  let crisis: unknown = null;
  try {
    crisis = prepareCrisis(s, months, reference);
  } catch {
    crisis = null;
  }
  return { arms: armsOf(s), crisis };
}

/** Deep equality of plain data and typed arrays (what ModelInputs holds); NaN equals NaN. */
export function sameInputs(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    const x = a as unknown as ArrayLike<number>, y = b as unknown as ArrayLike<number>;
    if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b) || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i] && !(Number.isNaN(x[i]) && Number.isNaN(y[i]))) return false;
    return true;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameInputs((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
