import { z } from 'zod';
import { scenarioSchema } from './schema.js';

/**
 * The scenario format as JSON Schema draft 2020-12, generated from the zod schema (the single source of truth).
 * It describes the input as written (defaults optional). Cross-reference rules (actor ids, paths) are not
 * expressible in JSON Schema; `flashpoints validate` checks them.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { $id: 'https://flashpoints.invalid/schema/scenario.json', title: 'Flashpoints scenario', ...schema };
}
