import type { IssueJson } from '../engine/commandDocuments.js';
import type { ScenarioRef } from '../engine/envelope.js';
import { parseScenario, type LocatedIssue } from '../scenario/load.js';
import { applyOverrideTexts, type Override } from '../scenario/overrides.js';
import type { Scenario } from '../scenario/schema.js';
import type { z } from '@hono/zod-openapi';
import { ApiError } from './apiError.js';

/** A request's scenario, checked as the CLI checks a file, with its overrides applied. */
export interface ScenarioFromBody {
  scenario: Scenario;
  hash: string;
  overrides: Override[];
  ref: ScenarioRef;
}

/** The label issues carry instead of a file name: where in the body the scenario was. */
export const BODY_LABEL = { scenario: 'body.scenario', yaml: 'body.yaml' } as const;

/**
 * The issues of a scenario the way `validate --json` lists them. A scenario sent as an object has no text of its
 * own, so its issues carry no line or column (the path says where); YAML text keeps both.
 */
export function issuesOf(result: { issues: LocatedIssue[] }, fromText: boolean): IssueJson[] {
  return result.issues.map((i) => ({ file: i.file, line: fromText ? i.line : null, col: fromText ? i.col : null, path: i.path, message: i.message, hint: i.hint ?? null }));
}

/**
 * Parses the body's scenario (`scenario` object or `yaml` text — exactly one) with the loader the CLI uses, so the
 * issues are the same `path: message` list; returns them instead of throwing (validate reports them as a document).
 */
export function parseBodyScenario(body: { scenario?: unknown; yaml?: string }): { ok: true; scenario: Scenario; hash: string } | { ok: false; issues: IssueJson[] } {
  if ((body.scenario === undefined) === (body.yaml === undefined)) {
    throw new ApiError('bad-request', 'give the scenario as exactly one of `scenario` (a JSON object) or `yaml` (text)', { hint: 'e.g. {"scenario": {...}} or {"yaml": "id: x\\n..."}; GET /api/scenarios/{id} returns a bundled one' });
  }
  const fromText = body.yaml !== undefined;
  const result = fromText ? parseScenario(body.yaml!, BODY_LABEL.yaml) : parseScenario(JSON.stringify(body.scenario), BODY_LABEL.scenario);
  return result.ok ? result : { ok: false, issues: issuesOf(result, fromText) };
}

/**
 * The scenario a command or job runs: parsed (a bad one is a 400 `bad-scenario` with its issues), then the
 * `set` overrides applied in order (a bad one is a 400 naming it, as `--set` does).
 */
export function scenarioFromBody(body: { scenario?: unknown; yaml?: string }, sets: readonly string[] = []): ScenarioFromBody {
  const parsed = parseBodyScenario(body);
  if (!parsed.ok) throw new ApiError('bad-scenario', `the scenario is not valid (${parsed.issues.length} issue${parsed.issues.length === 1 ? '' : 's'})`, { issues: parsed.issues, hint: 'the format is described in docs/scenario-format.md; GET /openapi.json holds it as the schema `Scenario`' });
  if (!sets.length) return { scenario: parsed.scenario, hash: parsed.hash, overrides: [], ref: { id: parsed.scenario.id, hash: parsed.hash } };
  const applied = applyOverrideTexts(parsed.scenario, sets);
  if (!applied.ok) {
    const issues = applied.issues.map((i, k) => ({ file: 'body.options.set', line: null, col: null, path: `options.set[${sets.indexOf(i.override) >= 0 ? sets.indexOf(i.override) : k}]`, message: `${i.override}: ${i.message}`, hint: i.hint ?? null }));
    throw new ApiError('bad-request', 'an override in options.set is not valid', { issues, hint: 'paths as in docs/scenario-format.md#paths' });
  }
  return { scenario: applied.scenario, hash: applied.hash, overrides: applied.overrides, ref: { id: applied.scenario.id, hash: applied.hash, overrides: applied.overrides } };
}

/** Parses options with their zod schema (defaults filled in); problems are a 400 listing `options.<path>: message`. */
export function parseOptions<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const r = schema.safeParse(raw ?? {});
  if (r.success) return r.data;
  const issues: IssueJson[] = r.error.issues.map((i) => ({ file: 'body.options', line: null, col: null, path: ['options', ...i.path.map(String)].join('.'), message: i.code === 'unrecognized_keys' ? `unknown option ${i.keys.map((k) => `'${k}'`).join(', ')}` : i.message, hint: null }));
  throw new ApiError('bad-request', `the options are not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues });
}
