import { VERSION } from '../version.js';

/** What a JSON document says about the scenario it came from (docs/conventions.md). */
export interface ScenarioRef {
  id: string;
  /** SHA-256 of the scenario as run: after any `--set` overrides. */
  hash: string;
  /** The `--set` overrides applied to the file, in order (absent when none). */
  overrides?: { path: string; value: number }[];
}

/**
 * The provenance envelope every JSON output starts with (the CLI's `--json` and the HTTP API alike): version,
 * command, scenario {id, hash} where a scenario was read, seed where the result is random, and the options that
 * shaped it. Example: `envelope('run', { scenario: { id, hash }, seed: 1, options: { runs: 1000 } })`.
 */
export function envelope(
  command: string,
  parts: { scenario?: ScenarioRef; seed?: number; options?: Record<string, unknown> },
): Record<string, unknown> {
  const out: Record<string, unknown> = { flashpoints: VERSION, command };
  if (parts.scenario) out.scenario = parts.scenario.overrides?.length ? parts.scenario : { id: parts.scenario.id, hash: parts.scenario.hash };
  if (parts.seed !== undefined) out.seed = parts.seed;
  out.options = parts.options ?? {};
  return out;
}
