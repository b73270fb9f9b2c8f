import type { z } from 'zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  valueType?: z.ZodType;
  in?: z.ZodType;
}

const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/**
 * The keys an object at `path` may have, read from the schema itself (so "did you mean" hints never drift from
 * the format). Returns [] when the path does not lead to an object.
 */
export function allowedKeys(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  const found: string[] = [];
  const visit = (s: z.ZodType, rest: readonly (string | number)[]): void => {
    const d = defOf(s);
    switch (d.type) {
      case 'optional':
      case 'default':
      case 'nullable':
      case 'prefault':
        return visit(d.innerType!, rest);
      case 'pipe':
        return visit(d.in!, rest);
      case 'union':
        return d.options!.forEach((o) => visit(o, rest));
      case 'array':
        return typeof rest[0] === 'number' ? visit(d.element!, rest.slice(1)) : undefined;
      case 'record':
        return rest.length ? visit(d.valueType!, rest.slice(1)) : undefined;
      case 'object':
        if (!rest.length) found.push(...Object.keys(d.shape!));
        else if (typeof rest[0] === 'string' && d.shape![rest[0]]) visit(d.shape![rest[0]], rest.slice(1));
        return;
    }
  };
  visit(schema, path);
  return [...new Set(found)];
}
