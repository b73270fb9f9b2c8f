/**
 * Canonical JSON: keys sorted by UTF-16 code unit order at every depth, no whitespace, numbers as JSON.stringify
 * writes them. Two documents that differ only in key order or formatting give the same string, and so the same
 * scenario hash (docs/conventions.md). NaN, Infinity and undefined inside arrays are refused rather than silently
 * turned into null.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`canonicalJson: ${path} is ${value}, which JSON cannot hold`);
      return JSON.stringify(value);
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v, i) => write(v, `${path}[${i}]`)).join(',')}]`;
      const keys = Object.keys(value as object)
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${write((value as Record<string, unknown>)[k], `${path}.${k}`)}`).join(',')}}`;
    }
    default:
      throw new Error(`canonicalJson: ${path} has type ${typeof value}, which JSON cannot hold`);
  }
}
