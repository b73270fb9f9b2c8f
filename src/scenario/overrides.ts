import { withValue } from './apply.js';
import { checkReferences, type ScenarioIssue } from './check.js';
import { pathText, scenarioHash } from './load.js';
import { domainText } from './param.js';
import { resolvePath } from './paths.js';
import { scenarioSchema, type Scenario } from './schema.js';

/** One `--set PATH=VALUE`: a parameter path of the scenario format (docs/scenario-format.md#paths) and its new value. */
export interface Override {
  path: string;
  value: number;
}

/** A problem with one override: the override as written, what is wrong, how to fix it. */
export interface OverrideIssue {
  override: string;
  message: string;
  hint?: string;
}

const written = (o: Override) => `${o.path}=${o.value}`;

/**
 * Reads `PATH=VALUE` (VALUE a finite number). Example: `parseOverride('crisis.clashThreshold=5')` →
 * `{ path: 'crisis.clashThreshold', value: 5 }`.
 */
export function parseOverride(text: string): Override | OverrideIssue {
  const eq = text.indexOf('=');
  const path = eq < 0 ? '' : text.slice(0, eq).trim();
  const raw = eq < 0 ? '' : text.slice(eq + 1).trim();
  if (!path) return { override: text, message: 'expected PATH=VALUE', hint: 'e.g. --set relations.PRK.USA.dialogue=0.5 (paths: docs/scenario-format.md#paths)' };
  const value = Number(raw);
  if (raw === '' || !Number.isFinite(value)) return { override: text, message: `the value must be a number, got '${raw}'`, hint: 'e.g. --set crisis.clashThreshold=5' };
  return { path, value };
}

/**
 * The scenario with each override's parameter set to its value (in order; an annotation keeps its source or
 * assumption and range), checked as the file is: the path must exist, the value lie in the parameter's domain
 * and in its own range, and the result pass the schema and the cross-reference checks. Returns the overridden
 * scenario (defaults filled) and its hash, or every problem. Pure. Example:
 * `applyOverrides(s, [{ path: 'crisis.ladder.channelEffect', value: -0.5 }])`.
 */
export function applyOverrides(s: Scenario, overrides: readonly Override[]): { ok: true; scenario: Scenario; hash: string } | { ok: false; issues: OverrideIssue[] } {
  const ids = s.actors.map((a) => a.id);
  const issues: OverrideIssue[] = [];
  let out = s;
  for (const o of overrides) {
    const r = resolvePath(o.path, ids);
    if ('error' in r) {
      issues.push({ override: written(o), message: r.error, hint: r.hint });
      continue;
    }
    if ((r.domain.min !== undefined && o.value < r.domain.min) || (r.domain.max !== undefined && o.value > r.domain.max)) {
      issues.push({ override: written(o), message: `${o.value} is outside the allowed domain ${domainText(r.domain)} of ${r.pattern}` });
      continue;
    }
    try {
      out = withValue(out, r, o.value);
    } catch (err) {
      issues.push({ override: written(o), message: err instanceof Error ? err.message : String(err), hint: 'add the entry to the scenario file first' });
    }
  }
  if (issues.length) return { ok: false, issues };
  const parsed = scenarioSchema.safeParse(out);
  const found: ScenarioIssue[] = parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }));
  found.push(...checkReferences(out));
  if (found.length) {
    const all = overrides.map(written).join(' ');
    return {
      ok: false,
      issues: found.map((i) => ({
        override: all,
        message: `${pathText(i.path) || '(document)'}: ${i.message}`,
        hint: i.hint ?? (i.message.includes('range') ? 'the scenario gives this parameter a range; widen it in the file to go outside it' : 'the overridden scenario must pass the same checks as the file'),
      })),
    };
  }
  return { ok: true, scenario: parsed.data as Scenario, hash: scenarioHash(parsed.data as Scenario) };
}

/**
 * Parses `path=value` texts and applies them in order: the one step `--set` (CLI) and `options.set` (API) share.
 * Any text that does not parse is reported and nothing is applied. Example: `applyOverrideTexts(s, ['crisis.clashThreshold=5'])`.
 */
export function applyOverrideTexts(
  s: Scenario,
  texts: readonly string[],
): { ok: true; scenario: Scenario; hash: string; overrides: Override[] } | { ok: false; issues: OverrideIssue[] } {
  const overrides: Override[] = [];
  const bad: OverrideIssue[] = [];
  for (const text of texts) {
    const o = parseOverride(text);
    if ('message' in o) bad.push(o);
    else overrides.push(o);
  }
  if (bad.length) return { ok: false, issues: bad };
  const applied = applyOverrides(s, overrides);
  return applied.ok ? { ...applied, overrides } : applied;
}
