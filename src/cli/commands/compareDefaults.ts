/*
 * The comparison's defaults and default store, apart from compare.ts so that the main job's warm path (its answer
 * reused, src/cli/commands/mainAnswer.ts) reads them without loading the option parsers and the scenario parser.
 */

/** The defaults of the comparison, shared with the main job (`npm start`). */
export const COMPARE_DEFAULTS = { futures: 50, runs: 40, seed: 1, horizon: 120, threshold: 0.05 } as const;

/**
 * The store a scenario's experiments go to unless `--store` says otherwise: one file per scenario id, so comparing
 * a second scenario needs no flag. Example: `defaultStore('korea-2024')` → `'flashpoints-korea-2024.sqlite'`.
 */
export function defaultStore(scenarioId: string): string {
  return `flashpoints-${scenarioId}.sqlite`;
}
