import { InputError } from './errors.js';

export { envelope, type ScenarioRef } from '../engine/envelope.js';

/** Throws on NaN, ±Infinity or undefined array entries, naming the path: JSON output never holds them. */
export function assertFiniteJson(value: unknown, path = '$'): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`internal error: ${path} is ${value}; outputs never hold NaN or Infinity`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => assertFiniteJson(v, `${path}[${i}]`));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) assertFiniteJson(v, `${path}.${k}`);
  }
}

/** Prints exactly one JSON document on stdout. */
export function printJson(doc: unknown): void {
  assertFiniteJson(doc);
  process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
}

/** Parses an integer option with bounds, for commander's argParser; bad values are usage errors (exit 2). */
export function intOption(name: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (raw: string): number => {
    const v = Number(raw);
    if (!/^[+-]?\d+$/.test(raw.trim()) || !Number.isSafeInteger(v) || v < min || v > max) {
      throw new InputError([`${name} must be an integer in [${min}, ${max === Number.MAX_SAFE_INTEGER ? '∞' : max}], got '${raw}'`]);
    }
    return v;
  };
}

/** Parses a finite number option within [min, max]. */
export function numberOption(name: string, min = -Infinity, max = Infinity) {
  return (raw: string): number => {
    const v = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(v) || v < min || v > max) {
      throw new InputError([`${name} must be a number in [${min}, ${max}], got '${raw}'`]);
    }
    return v;
  };
}
