import { analyzeDocument, showDocument, simulateDocument, validateDocument } from '../engine/commandDocuments.js';
import { scenarioWarnings } from '../experiment/scenarioWarnings.js';
import { analyzeArms } from '../models/arms/analyzeArms.js';
import { simulateArms } from '../models/arms/simulateArms.js';
import { applyPolicy } from '../scenario/apply.js';
import type { Scenario } from '../scenario/schema.js';
import { ApiError } from './apiError.js';
import { parseBodyScenario, parseOptions, scenarioFromBody } from './scenarioBody.js';
import { analyzeOptions, noOptions, simulateOptions } from './schemas.js';

/**
 * The quick commands of the API (`POST /api/validate|show|simulate|analyze`): each body → the document the CLI
 * prints with `--json` for the same scenario and options (src/engine/commandDocuments.ts). They run on the request
 * (milliseconds to a second); the long ones are jobs (jobs.ts).
 */
export type CommandBody = { scenario?: unknown; yaml?: string; options?: unknown };

/** Output times of `simulate` through the API, at most. */
export const MAX_OUTPUT_TIMES = 100_000;

/** `validate`: the scenario's issues, or its warnings; an invalid scenario is a 400 whose body is the same document. */
export function validateCommand(body: CommandBody): Record<string, unknown> {
  parseOptions(noOptions, body.options);
  const parsed = parseBodyScenario(body);
  if (!parsed.ok) {
    const doc = validateDocument({ ok: false, issues: parsed.issues }, {});
    throw new ApiError('bad-scenario', `the scenario is not valid (${parsed.issues.length} issue${parsed.issues.length === 1 ? '' : 's'})`, { issues: parsed.issues, body: doc });
  }
  return validateDocument({ ok: true, ref: { id: parsed.scenario.id, hash: parsed.hash }, warnings: scenarioWarnings(parsed.scenario) }, {});
}

/** `show`: what the scenario holds, sourced vs assumed. */
export function showCommand(body: CommandBody): Record<string, unknown> {
  parseOptions(noOptions, body.options);
  const input = scenarioFromBody(body);
  return showDocument(input.scenario, input.ref, scenarioWarnings(input.scenario));
}

/** `simulate`: arms trajectories. */
export function simulateCommand(body: CommandBody): Record<string, unknown> {
  const o = parseOptions(simulateOptions, body.options);
  const given = (body.options ?? {}) as Record<string, unknown>;
  if (o.times && given.years !== undefined) throw new ApiError('bad-request', 'give either options.years or options.times, not both');
  if (o.times?.some((t, i) => i > 0 && t < o.times![i - 1])) throw new ApiError('bad-request', 'options.times must be non-decreasing');
  const count = Math.floor(o.years / o.step + 1e-9) + 1;
  if (!o.times && count > MAX_OUTPUT_TIMES) throw new ApiError('bad-request', `options.years ${o.years} with options.step ${o.step} asks for ${count} output times, above the limit of ${MAX_OUTPUT_TIMES}`, { hint: 'raise options.step' });
  const times = o.times ?? Array.from({ length: count }, (_, k) => Math.round(k * o.step * 1e9) / 1e9);
  const input = scenarioFromBody(body, o.set);
  const { scenario, reference } = underPolicy(input.scenario, o.policy);
  const res = simulateArms(scenario, { times, mode: o.mode, reference });
  return simulateDocument(input.ref, res, { times: o.times, years: o.years, step: o.step, policy: o.policy });
}

/** `analyze`: stability, verdict, couplings, alignment drift. */
export function analyzeCommand(body: CommandBody): Record<string, unknown> {
  const o = parseOptions(analyzeOptions, body.options);
  const input = scenarioFromBody(body, o.set);
  const { scenario, reference } = underPolicy(input.scenario, o.policy);
  return analyzeDocument(input.ref, analyzeArms(scenario, { horizonYears: o.years, reference }), { years: o.years, policy: o.policy });
}

/** A 400 naming the known policies when the scenario has no policy `id`. */
export function checkPolicy(s: Scenario, id: string | undefined, option = 'options.policy'): void {
  if (id === undefined || s.policies.some((p) => p.id === id)) return;
  const known = s.policies.map((p) => p.id);
  throw new ApiError('bad-request', `${option}: scenario '${s.id}' has no policy '${id}'`, { hint: known.length ? `known policies: ${known.join(', ')}` : 'this scenario defines no policies' });
}

/** The arms model under a policy, with the status quo as reference (as `--policy` does in the CLI). */
function underPolicy(s: Scenario, policy: string | undefined): { scenario: Scenario; reference?: Scenario } {
  checkPolicy(s, policy);
  return policy === undefined ? { scenario: s } : { scenario: applyPolicy(s, policy), reference: s };
}
